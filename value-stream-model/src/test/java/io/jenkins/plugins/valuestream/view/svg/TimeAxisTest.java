package io.jenkins.plugins.valuestream.view.svg;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.Test;

public class TimeAxisTest {
    @Test
    public void ticksMinutesForMinutes() {
        TimeAxis axis = TimeAxis.of(250_000, 8);
        assertThat(axis.stepMillis()).isEqualTo(60_000);
        assertThat(axis.endMillis()).isEqualTo(300_000);
        assertThat(axis.ticks()).hasSize(6);
    }

    @Test
    public void ticksFractionsOfASecondForMilliseconds() {
        TimeAxis axis = TimeAxis.of(850, 8);
        assertThat(axis.stepMillis()).isEqualTo(200);
        assertThat(axis.endMillis()).isEqualTo(1_000);
    }

    @Test
    public void ticksHoursForALongRun() {
        TimeAxis axis = TimeAxis.of(26 * 3_600_000L, 8);
        assertThat(axis.stepMillis()).isEqualTo(6 * 3_600_000L);
        assertThat(axis.endMillis()).isEqualTo(30 * 3_600_000L);
    }

    @Test
    public void coversARunOfNoTimeWithoutDividingByZero() {
        TimeAxis axis = TimeAxis.of(0, 8);
        assertThat(axis.endMillis()).isPositive();
    }

    @Test
    public void labelsTicksAsDurations() {
        assertThat(TimeAxis.label(0)).isEqualTo("0");
        assertThat(TimeAxis.label(90_000)).isEqualTo("1m 30s");
    }
}
