package io.jenkins.plugins.valuestream.casc;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.casc.misc.RoundTripAbstractTest;
import io.jenkins.plugins.valuestream.config.ValueStreamConfiguration;
import org.jvnet.hudson.test.RestartableJenkinsRule;

/**
 * The settings survive Configuration as Code's whole round trip: applied from YAML, checked and applied again
 * through the web UI, written to {@code jenkins.yaml}, and read back after a restart.
 */
@SuppressWarnings("deprecation") // The project's tests are JUnit 4; this is the JUnit 4 form of the round trip.
public class ConfigurationAsCodeRoundTripTest extends RoundTripAbstractTest {
    @Override
    protected String configResource() {
        return "configuration-as-code.yml";
    }

    @Override
    protected void assertConfiguredAsExpected(RestartableJenkinsRule j, String configContent) {
        ValueStreamConfiguration configuration = ValueStreamConfiguration.get();
        assertThat(configuration.isRecording()).isFalse();
        assertThat(configuration.getDefaultWaitBudget()).isEqualTo("17m");
        assertThat(configuration.getBaselineRuns()).isEqualTo(30);
        assertThat(configuration.getNoOpThreshold()).isEqualTo("2s");
        assertThat(configuration.getWindowSize()).isEqualTo(200);
        assertThat(configuration.isWindowSuccessfulOnly()).isTrue();
    }

    @Override
    protected String stringInLogExpected() {
        return "defaultWaitBudget = 17m";
    }
}
