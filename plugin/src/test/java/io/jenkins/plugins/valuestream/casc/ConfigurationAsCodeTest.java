package io.jenkins.plugins.valuestream.casc;

import static io.jenkins.plugins.casc.misc.Util.getUnclassifiedRoot;
import static io.jenkins.plugins.casc.misc.Util.toStringFromYamlFile;
import static io.jenkins.plugins.casc.misc.Util.toYamlString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

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

        assertThat(configuration.isRecording(), is(false));
        assertThat(configuration.getDefaultWaitBudget(), is("17m"));
        assertThat(configuration.defaultWaitBudgetMillis(), is(17 * 60_000L));
        assertThat(configuration.getWindowSize(), is(200));
        assertThat(configuration.isWindowSuccessfulOnly(), is(true));
        DetectorSettings settings = configuration.detectorSettings();
        assertThat(settings.baselineRuns(), is(30));
        assertThat(settings.minSamples(), is(6));
        assertThat(settings.madFactor(), is(2.5));
        assertThat(settings.relativeFloor(), is(0.3));
        assertThat(settings.absoluteFloorMillis(), is(10_000L));
        assertThat(settings.waitAbsoluteFloorMillis(), is(45_000L));
        assertThat(settings.noOpMillis(), is(2_000L));
        assertThat(settings.noOpShare(), is(0.8));
        assertThat(settings.noOpMinRuns(), is(7));
        assertThat(settings.minDuplicateMillis(), is(3_000L));
        assertThat(settings.repeatedAgentFloorMillis(), is(20_000L));
        assertThat(settings.noOpWindowFloorMillis(), is(120_000L));
        assertThat(settings.leadTimeShare(), is(0.02));
    }

    @Test
    @ConfiguredWithCode("configuration-as-code.yml")
    public void settingsAreExportedAsTheyWereGiven() throws Exception {
        ConfigurationContext context = new ConfigurationContext(ConfiguratorRegistry.get());
        CNode valueStream = getUnclassifiedRoot(context).get("valueStream");

        assertThat(toYamlString(valueStream), is(toStringFromYamlFile(this, "expected-export.yml")));
    }
}
