package io.jenkins.plugins.valuestream.config;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;

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

        assertEquals(DetectorSettings.defaults(), config.detectorSettings());
        assertEquals(new RunWindow(50, false), config.defaultWindow());
        assertNull(config.getDefaultWaitBudget());
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

        assertFalse(config.isRecording());
        assertEquals("20m", config.getDefaultWaitBudget());
        assertEquals(Long.valueOf(1_200_000), config.defaultWaitBudgetMillis());
        assertEquals(new DetectorSettings(30, 7, 2.5, 0.3, 10_000, 60_000, 2_000, 0.8, 6, 3_000, 20_000, 120_000,
                0.02),
                config.detectorSettings());
        assertEquals(new RunWindow(200, true), config.defaultWindow());
    }

    @Test
    public void settingsThatDoNotFitTogetherFallBackToTheDefaults() {
        ValueStreamConfiguration config = ValueStreamConfiguration.get();
        config.setBaselineRuns(10);
        config.setMinSamples(50); // more samples than baseline runs: no step could ever be flagged

        assertEquals(DetectorSettings.defaults(), config.detectorSettings());
    }

    @Test
    public void aFloorOfZeroMeansNoFloor() {
        ValueStreamConfiguration config = ValueStreamConfiguration.get();
        config.setAbsoluteFloor("0");

        assertEquals(0, config.detectorSettings().absoluteFloorMillis());
    }

    @Test
    public void aFloorOfZeroSecondsIsAcceptedAndANegativeOneIsNot() {
        ValueStreamConfiguration config = ValueStreamConfiguration.get();

        assertEquals(FormValidation.Kind.OK, config.doCheckWaitAbsoluteFloor("0s").kind);
        FormValidation negative = config.doCheckWaitAbsoluteFloor("-5s");
        assertEquals(FormValidation.Kind.ERROR, negative.kind);
        assertEquals(true, negative.getMessage().contains("waitAbsoluteFloor"));
    }

    @Test
    public void aBadDefaultWaitBudgetIsShownWithTheAcceptedForms() {
        FormValidation check = ValueStreamConfiguration.get().doCheckDefaultWaitBudget("15x");

        assertEquals(FormValidation.Kind.ERROR, check.kind);
        assertEquals(true, check.getMessage().contains("accepted"));
    }
}
