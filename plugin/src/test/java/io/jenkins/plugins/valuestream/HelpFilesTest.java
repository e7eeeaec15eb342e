package io.jenkins.plugins.valuestream;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Descriptor;
import io.jenkins.plugins.valuestream.config.ValueStreamConfiguration;
import io.jenkins.plugins.valuestream.recording.ValueStreamJobProperty;
import io.jenkins.plugins.valuestream.steps.ProcessStepStep;
import io.jenkins.plugins.valuestream.steps.ValueStreamStep;
import java.beans.Introspector;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.htmlunit.WebResponse;
import org.jenkinsci.plugins.structs.describable.DescribableModel;
import org.jenkinsci.plugins.structs.describable.DescribableParameter;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Every step parameter and every configuration field has its help in the Snippet Generator and the forms. The help is
 * fetched as the forms' "?" buttons fetch it ({@code descriptor/ID/help/FIELD}): {@code Descriptor.getHelpFile} looks
 * the file up through the current web request, so it cannot be asked outside one.
 */
public class HelpFilesTest {
    @Rule
    public JenkinsRule r = new JenkinsRule();

    @Test
    public void everyParameterOfValueStreamHasHelp() throws Exception {
        assertHelpFor(r.jenkins.getDescriptorOrDie(ValueStreamStep.class), parameters(ValueStreamStep.class));
    }

    @Test
    public void everyParameterOfProcessStepHasHelp() throws Exception {
        assertHelpFor(r.jenkins.getDescriptorOrDie(ProcessStepStep.class), parameters(ProcessStepStep.class));
    }

    @Test
    public void everySettingOfTheJobPropertyHasHelp() throws Exception {
        assertHelpFor(r.jenkins.getDescriptorOrDie(ValueStreamJobProperty.class),
                parameters(ValueStreamJobProperty.class));
    }

    @Test
    public void everyFieldOfTheGlobalConfigurationHasHelp() throws Exception {
        List<String> fields = new ArrayList<>();
        for (Method setter : ValueStreamConfiguration.class.getMethods()) {
            if (setter.isAnnotationPresent(DataBoundSetter.class)) {
                fields.add(Introspector.decapitalize(setter.getName().substring("set".length())));
            }
        }

        assertHelpFor(ValueStreamConfiguration.get(), fields);
    }

    @Test
    public void bothStepsHaveHelpOfTheirOwn() throws Exception {
        assertThat(help(r.jenkins.getDescriptorOrDie(ValueStreamStep.class), null)).contains("waitBudget");
        assertThat(help(r.jenkins.getDescriptorOrDie(ProcessStepStep.class), null)).contains("processStep");
    }

    @Test
    public void aFieldWithoutHelpIsNotFound() throws Exception {
        JenkinsRule.WebClient web = r.createWebClient().withThrowExceptionOnFailingStatusCode(false);

        WebResponse answer = web.goTo("descriptor/" + ValueStreamConfiguration.get().getId()
                + "/help/noSuchField", null).getWebResponse();

        assertThat(answer.getStatusCode()).isEqualTo(404);
    }

    private static List<String> parameters(Class<?> type) {
        return DescribableModel.of(type).getParameters().stream().map(DescribableParameter::getName).toList();
    }

    private void assertHelpFor(Descriptor<?> descriptor, List<String> fields) throws Exception {
        assertThat(fields).isNotEmpty();
        for (String field : fields) {
            assertThat(help(descriptor, field)).as("help for %s of %s", field, descriptor.getId()).isNotBlank();
        }
    }

    /** The help text the forms show for a field (or for the whole descriptor when {@code field} is null). */
    private String help(Descriptor<?> descriptor, String field) throws Exception {
        JenkinsRule.WebClient web = r.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        String path = "descriptor/" + descriptor.getId() + "/help" + (field == null ? "" : "/" + field);
        WebResponse answer = web.goTo(path, null).getWebResponse();
        assertThat(answer.getStatusCode()).as("status of %s", path).isEqualTo(200);
        return answer.getContentAsString();
    }
}
