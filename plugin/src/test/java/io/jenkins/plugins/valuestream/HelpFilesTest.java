package io.jenkins.plugins.valuestream;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import hudson.model.Descriptor;
import io.jenkins.plugins.valuestream.config.ValueStreamConfiguration;
import io.jenkins.plugins.valuestream.recording.ValueStreamJobProperty;
import io.jenkins.plugins.valuestream.steps.ProcessStepStep;
import io.jenkins.plugins.valuestream.steps.ValueStreamStep;
import java.beans.Introspector;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.jenkinsci.plugins.structs.describable.DescribableModel;
import org.jenkinsci.plugins.structs.describable.DescribableParameter;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.kohsuke.stapler.DataBoundSetter;

/** Every step parameter and every configuration field has its help in the Snippet Generator and the forms. */
public class HelpFilesTest {
    @Rule
    public JenkinsRule r = new JenkinsRule();

    @Test
    public void everyParameterOfValueStreamHasHelp() {
        assertHelpFor(r.jenkins.getDescriptorOrDie(ValueStreamStep.class), parameters(ValueStreamStep.class));
    }

    @Test
    public void everyParameterOfProcessStepHasHelp() {
        assertHelpFor(r.jenkins.getDescriptorOrDie(ProcessStepStep.class), parameters(ProcessStepStep.class));
    }

    @Test
    public void everySettingOfTheJobPropertyHasHelp() {
        assertHelpFor(r.jenkins.getDescriptorOrDie(ValueStreamJobProperty.class),
                parameters(ValueStreamJobProperty.class));
    }

    @Test
    public void everyFieldOfTheGlobalConfigurationHasHelp() {
        List<String> fields = new ArrayList<>();
        for (Method setter : ValueStreamConfiguration.class.getMethods()) {
            if (setter.isAnnotationPresent(DataBoundSetter.class)) {
                fields.add(Introspector.decapitalize(setter.getName().substring("set".length())));
            }
        }

        assertHelpFor(ValueStreamConfiguration.get(), fields);
    }

    @Test
    public void bothStepsHaveHelpOfTheirOwn() {
        assertThat(r.jenkins.getDescriptorOrDie(ValueStreamStep.class).getHelpFile(), notNullValue());
        assertThat(r.jenkins.getDescriptorOrDie(ProcessStepStep.class).getHelpFile(), notNullValue());
    }

    private static List<String> parameters(Class<?> type) {
        return DescribableModel.of(type).getParameters().stream().map(DescribableParameter::getName).toList();
    }

    private static void assertHelpFor(Descriptor<?> descriptor, List<String> fields) {
        assertThat(fields, not(empty()));
        for (String field : fields) {
            assertThat("help for " + field + " of " + descriptor.getId(), descriptor.getHelpFile(field),
                    notNullValue());
        }
    }
}
