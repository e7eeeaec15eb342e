package io.jenkins.plugins.valuestream.config;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.util.FormValidation;
import io.jenkins.plugins.valuestream.flags.DetectorSettings;
import io.jenkins.plugins.valuestream.stream.RunWindow;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;

public class ValueStreamConfigurationTest {
    @Rule
    public JenkinsRule r = new JenkinsRule();

    @Test
    public void theDefaultsAreTheModelDefaults() {
        ValueStreamConfiguration config = ValueStreamConfiguration.get();

        assertThat(config.detectorSettings()).isEqualTo(DetectorSettings.defaults());
        assertThat(config.defaultWindow()).isEqualTo(new RunWindow(50, false));
        assertThat(config.getDefaultWaitBudget()).isNull();
    }

    @Test
    public void everySettingSurvivesTheConfigurationForm() throws Exception {
        ValueStreamConfiguration config = ValueStreamConfiguration.get();
        config.setRecording(false);
        config.setDefaultWaitBudget("20m");
        config.setBaselineRuns(30);
        config.setMinSamples(7);
        config.setMadFactor(2.5);
        config.setRelativeFloor(0.3);
        config.setAbsoluteFloor("10s");
        config.setWaitAbsoluteFloor("1m");
        config.setNoOpThreshold("2s");
        config.setNoOpShare(0.8);
        config.setNoOpMinRuns(6);
        config.setMinDuplicate("3s");
        config.setRepeatedAgentFloor("20s");
        config.setNoOpWindowFloor("2m");
        config.setLeadTimeShare(0.02);
        config.setWindowSize(200);
        config.setWindowSuccessfulOnly(true);

        r.configRoundtrip();

        assertThat(config.isRecording()).isFalse();
        assertThat(config.getDefaultWaitBudget()).isEqualTo("20m");
        assertThat(config.defaultWaitBudgetMillis()).isEqualTo(1_200_000L);
        assertThat(config.detectorSettings()).isEqualTo(new DetectorSettings(30, 7, 2.5, 0.3, 10_000, 60_000, 2_000,
                0.8, 6, 3_000, 20_000, 120_000, 0.02));
        assertThat(config.defaultWindow()).isEqualTo(new RunWindow(200, true));
    }

    @Test
    public void settingsThatDoNotFitTogetherFallBackToTheDefaults() {
        ValueStreamConfiguration config = ValueStreamConfiguration.get();
        config.setBaselineRuns(10);
        config.setMinSamples(50); // more samples than baseline runs: no step could ever be flagged

        assertThat(config.detectorSettings()).isEqualTo(DetectorSettings.defaults());
    }

    @Test
    public void aFloorOfZeroMeansNoFloor() {
        ValueStreamConfiguration config = ValueStreamConfiguration.get();
        config.setAbsoluteFloor("0");

        assertThat(config.detectorSettings().absoluteFloorMillis()).isZero();
    }

    @Test
    public void aFloorOfZeroSecondsIsAcceptedAndANegativeOneIsNot() {
        ValueStreamConfiguration config = ValueStreamConfiguration.get();

        assertThat(config.doCheckWaitAbsoluteFloor("0s").kind).isEqualTo(FormValidation.Kind.OK);
        FormValidation negative = config.doCheckWaitAbsoluteFloor("-5s");
        assertThat(negative.kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(negative.getMessage()).contains("waitAbsoluteFloor");
    }

    @Test
    public void aBadDefaultWaitBudgetIsShownWithTheAcceptedForms() {
        FormValidation check = ValueStreamConfiguration.get().doCheckDefaultWaitBudget("15x");

        assertThat(check.kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(check.getMessage()).contains("accepted");
    }
}
