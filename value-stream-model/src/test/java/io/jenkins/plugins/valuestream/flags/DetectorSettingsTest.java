package io.jenkins.plugins.valuestream.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.Test;

public class DetectorSettingsTest {
    @Test
    public void defaultsAreTheDocumentedOnes() {
        assertThat(DetectorSettings.defaults()).isEqualTo(
                new DetectorSettings(20, 5, 3.0, 0.25, 5_000, 30_000, 1_000, 0.9, 5, 2_000, 10_000, 60_000,
                        0.01));
    }

    @Test
    public void builderChangesOnlyWhatItIsTold() {
        DetectorSettings settings = DetectorSettings.builder().baselineRuns(30).build();

        assertThat(settings).isEqualTo(new DetectorSettings(30, 5, 3.0, 0.25, 5_000, 30_000, 1_000, 0.9, 5, 2_000,
                10_000, 60_000, 0.01));
    }

    @Test
    public void aFloorIsTheKindsOwnOrTheShareOfLeadTimeWhicheverIsLarger() {
        DetectorSettings settings = DetectorSettings.defaults();

        assertThat(settings.floorMillis(FlagKind.DUPLICATE_WORK, 60_000)).isEqualTo(2_000);
        assertThat(settings.floorMillis(FlagKind.DUPLICATE_WORK, 3_600_000)).isEqualTo(36_000);
        assertThat(settings.floorMillis(FlagKind.REPEATED_AGENT, 60_000)).isEqualTo(10_000);
        assertThat(settings.floorMillis(FlagKind.NO_OP, 60_000)).isEqualTo(600);
    }

    @Test
    public void rejectsALeadTimeShareOfAWholeRun() {
        assertThatThrownBy(() -> DetectorSettings.builder().leadTimeShare(1).build())
                .hasMessageContaining("leadTimeShare must be at least 0 and below 1");
    }

    @Test
    public void rejectsABaselineOfNoRuns() {
        assertThatThrownBy(() -> DetectorSettings.builder().baselineRuns(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("baselineRuns must be at least 1, got 0");
    }

    @Test
    public void rejectsMoreSamplesThanBaselineRuns() {
        assertThatThrownBy(() -> DetectorSettings.builder().baselineRuns(4).build())
                .hasMessageContaining("minSamples (5) must not exceed baselineRuns (4)");
    }

    @Test
    public void rejectsANegativeMadFactor() {
        assertThatThrownBy(() -> DetectorSettings.builder().madFactor(-1).build()).hasMessageContaining("madFactor");
    }

    @Test
    public void rejectsARelativeFloorThatIsNotANumber() {
        assertThatThrownBy(() -> DetectorSettings.builder().relativeFloor(Double.NaN).build())
                .hasMessageContaining("relativeFloor");
    }

    @Test
    public void rejectsANegativeAbsoluteFloor() {
        assertThatThrownBy(() -> DetectorSettings.builder().absoluteFloorMillis(-1).build())
                .hasMessageContaining("absoluteFloorMillis");
    }

    @Test
    public void rejectsANoOpShareAboveOne() {
        assertThatThrownBy(() -> DetectorSettings.builder().noOpShare(1.5).build())
                .hasMessageContaining("noOpShare must be above 0 and at most 1");
    }

    @Test
    public void rejectsANoOpShareOfZero() {
        assertThatThrownBy(() -> DetectorSettings.builder().noOpShare(0).build()).hasMessageContaining("noOpShare");
    }

    @Test
    public void rejectsMoreNoOpRunsThanBaselineRuns() {
        assertThatThrownBy(() -> DetectorSettings.builder().baselineRuns(6).minSamples(3).noOpMinRuns(7).build())
                .hasMessageContaining("noOpMinRuns (7) must not exceed baselineRuns (6)");
    }
}
