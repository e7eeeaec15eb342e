package io.jenkins.plugins.valuestream.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.Test;

public class HumanTextTest {
    @Test
    public void writesSharesAsPercentages() {
        assertThat(HumanText.percent(0.333)).isEqualTo("33%");
        assertThat(HumanText.percent(0.004)).isEqualTo("0.4%");
        assertThat(HumanText.percent(1.0)).isEqualTo("100%");
        assertThat(HumanText.percent(0)).isEqualTo("0%");
    }

    @Test
    public void neverRoundsAShareUpToAWholeOrDownToNothing() {
        assertThat(HumanText.percent(0.9996)).isEqualTo("99.9%");
        assertThat(HumanText.percent(0.0000001)).isEqualTo("<0.1%");
        assertThat(HumanText.percent(Double.NaN)).isEqualTo("n/a");
    }

    @Test
    public void writesInstantsInUtc() {
        assertThat(HumanText.instant(1_740_000_000_000L)).isEqualTo("2025-02-19 21:20 UTC");
    }
}
