package io.jenkins.plugins.valuestream.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.Test;

public class HumanTextTest {
    @Test
    public void writesShortDurationsInMillisecondsAndTenthsOfSeconds() {
        assertThat(HumanText.duration(0)).isEqualTo("0s");
        assertThat(HumanText.duration(850)).isEqualTo("850ms");
        assertThat(HumanText.duration(4_200)).isEqualTo("4.2s");
        assertThat(HumanText.duration(4_000)).isEqualTo("4s");
    }

    @Test
    public void writesMinutesWithSecondsAndDropsZeroSeconds() {
        assertThat(HumanText.duration(250_000)).isEqualTo("4m 10s");
        assertThat(HumanText.duration(240_000)).isEqualTo("4m");
        assertThat(HumanText.duration(42_000)).isEqualTo("42s");
    }

    @Test
    public void roundsUpIntoTheNextUnit() {
        assertThat(HumanText.duration(9_960)).isEqualTo("10s");
        assertThat(HumanText.duration(59_600)).isEqualTo("1m");
        assertThat(HumanText.duration(3_599_700)).isEqualTo("1h");
    }

    @Test
    public void writesHoursWithMinutesAndDaysWithHours() {
        assertThat(HumanText.duration(3_900_000)).isEqualTo("1h 5m");
        assertThat(HumanText.duration((2 * 24 + 3) * 3_600_000L)).isEqualTo("2d 3h");
    }

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
