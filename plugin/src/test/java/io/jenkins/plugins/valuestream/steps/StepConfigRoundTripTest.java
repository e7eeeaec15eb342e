package io.jenkins.plugins.valuestream.steps;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

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

        assertEquals("15m", back.getWaitBudget());
        assertEquals("1h30m", back.getLeadTimeBudget());
        assertEquals("QUEUE, AGENT", back.getCountedWaits());
        assertEquals("UNSTABLE", back.getBudgetResult());
    }

    @Test
    public void valueStreamWithoutParametersStaysWithout() throws Exception {
        ValueStreamStep back = new StepConfigTester(r).configRoundTrip(new ValueStreamStep());

        assertNull(back.getWaitBudget());
        assertNull(back.getLeadTimeBudget());
        assertNull(back.getCountedWaits());
        assertNull(back.getBudgetResult());
    }

    @Test
    public void processStepWithEveryParameter() throws Exception {
        ProcessStepStep step = new ProcessStepStep("Manual QA");
        step.setWaitBudget("2h");
        step.setCountedWaits("INPUT");
        step.setBudgetResult("ABORTED");

        ProcessStepStep back = new StepConfigTester(r).configRoundTrip(step);

        assertEquals("Manual QA", back.getName());
        assertEquals("2h", back.getWaitBudget());
        assertEquals("INPUT", back.getCountedWaits());
        assertEquals("ABORTED", back.getBudgetResult());
    }

    @Test
    public void processStepWithOnlyItsName() throws Exception {
        ProcessStepStep back = new StepConfigTester(r).configRoundTrip(new ProcessStepStep("Deploy"));

        assertEquals("Deploy", back.getName());
        assertNull(back.getWaitBudget());
        assertNull(back.getCountedWaits());
        assertNull(back.getBudgetResult());
    }
}
