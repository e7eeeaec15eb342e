package io.jenkins.plugins.valuestream.casc;

import static io.jenkins.plugins.casc.misc.Util.getUnclassifiedRoot;
import static io.jenkins.plugins.casc.misc.Util.toStringFromYamlFile;
import static io.jenkins.plugins.casc.misc.Util.toYamlString;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.ConfiguratorRegistry;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.model.CNode;
import io.jenkins.plugins.valuestream.config.ValueStreamConfiguration;
import io.jenkins.plugins.valuestream.flags.DetectorSettings;
import org.junit.Rule;
import org.junit.Test;

/** The global settings under {@code unclassified: valueStream:}: applied from YAML and exported back the same. */
public class ConfigurationAsCodeTest {
    @Rule
    public JenkinsConfiguredWithCodeRule r = new JenkinsConfiguredWithCodeRule();

    @Test
    @ConfiguredWithCode("configuration-as-code.yml")
    public void everySettingIsAppliedFromYaml() {
        ValueStreamConfiguration configuration = ValueStreamConfiguration.get();

        assertThat(configuration.isRecording()).isFalse();
        assertThat(configuration.getDefaultWaitBudget()).isEqualTo("17m");
        assertThat(configuration.defaultWaitBudgetMillis()).isEqualTo(17 * 60_000L);
        assertThat(configuration.getWindowSize()).isEqualTo(200);
        assertThat(configuration.isWindowSuccessfulOnly()).isTrue();
        DetectorSettings settings = configuration.detectorSettings();
        assertThat(settings.baselineRuns()).isEqualTo(30);
        assertThat(settings.minSamples()).isEqualTo(6);
        assertThat(settings.madFactor()).isEqualTo(2.5);
        assertThat(settings.relativeFloor()).isEqualTo(0.3);
        assertThat(settings.absoluteFloorMillis()).isEqualTo(10_000L);
        assertThat(settings.waitAbsoluteFloorMillis()).isEqualTo(45_000L);
        assertThat(settings.noOpMillis()).isEqualTo(2_000L);
        assertThat(settings.noOpShare()).isEqualTo(0.8);
        assertThat(settings.noOpMinRuns()).isEqualTo(7);
        assertThat(settings.minDuplicateMillis()).isEqualTo(3_000L);
        assertThat(settings.repeatedAgentFloorMillis()).isEqualTo(20_000L);
        assertThat(settings.noOpWindowFloorMillis()).isEqualTo(120_000L);
        assertThat(settings.leadTimeShare()).isEqualTo(0.02);
    }

    @Test
    @ConfiguredWithCode("configuration-as-code.yml")
    public void settingsAreExportedAsTheyWereGiven() throws Exception {
        ConfigurationContext context = new ConfigurationContext(ConfiguratorRegistry.get());
        CNode valueStream = getUnclassifiedRoot(context).get("valueStream");

        assertThat(toYamlString(valueStream)).isEqualTo(toStringFromYamlFile(this, "expected-export.yml"));
    }
}
