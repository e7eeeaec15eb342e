package io.jenkins.plugins.valuestream.steps;

import static org.assertj.core.api.Assertions.assertThat;

import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;

/** The Snippet Generator shows every parameter of the steps and gives back what it was shown. */
public class StepConfigRoundTripTest {
    @Rule
    public JenkinsRule r = new JenkinsRule();

    @Test
    public void valueStreamWithEveryParameter() throws Exception {
        ValueStreamStep step = new ValueStreamStep();
        step.setWaitBudget("15m");
        step.setLeadTimeBudget("1h30m");
        step.setCountedWaits("QUEUE, AGENT");
        step.setBudgetResult("UNSTABLE");

        ValueStreamStep back = new StepConfigTester(r).configRoundTrip(step);

        assertThat(back.getWaitBudget()).isEqualTo("15m");
        assertThat(back.getLeadTimeBudget()).isEqualTo("1h30m");
        assertThat(back.getCountedWaits()).isEqualTo("QUEUE, AGENT");
        assertThat(back.getBudgetResult()).isEqualTo("UNSTABLE");
    }

    @Test
    public void valueStreamWithoutParametersStaysWithout() throws Exception {
        ValueStreamStep back = new StepConfigTester(r).configRoundTrip(new ValueStreamStep());

        assertThat(back.getWaitBudget()).isNull();
        assertThat(back.getLeadTimeBudget()).isNull();
        assertThat(back.getCountedWaits()).isNull();
        assertThat(back.getBudgetResult()).isNull();
    }

    @Test
    public void processStepWithEveryParameter() throws Exception {
        ProcessStepStep step = new ProcessStepStep("Manual QA");
        step.setWaitBudget("2h");
        step.setCountedWaits("INPUT");
        step.setBudgetResult("ABORTED");
        step.setDeploys(true);

        ProcessStepStep back = new StepConfigTester(r).configRoundTrip(step);

        assertThat(back.getName()).isEqualTo("Manual QA");
        assertThat(back.isDeploys()).isTrue();
        assertThat(back.getWaitBudget()).isEqualTo("2h");
        assertThat(back.getCountedWaits()).isEqualTo("INPUT");
        assertThat(back.getBudgetResult()).isEqualTo("ABORTED");
    }

    @Test
    public void processStepWithOnlyItsName() throws Exception {
        ProcessStepStep back = new StepConfigTester(r).configRoundTrip(new ProcessStepStep("Deploy"));

        assertThat(back.getName()).isEqualTo("Deploy");
        assertThat(back.isDeploys()).isFalse();
        assertThat(back.getWaitBudget()).isNull();
        assertThat(back.getCountedWaits()).isNull();
        assertThat(back.getBudgetResult()).isNull();
    }
}
