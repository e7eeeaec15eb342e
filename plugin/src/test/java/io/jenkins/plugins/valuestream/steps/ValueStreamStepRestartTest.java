package io.jenkins.plugins.valuestream.steps;

import static io.jenkins.plugins.valuestream.Jenkinsfiles.job;
import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.test.steps.SemaphoreStep;
import org.junit.After;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsSessionRule;

/** A budgeted block survives a controller restart and keeps holding the run to its budget afterwards. */
public class ValueStreamStepRestartTest {
    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsSessionRule sessions = new JenkinsSessionRule();

    private final long defaultCheckPeriod = BudgetedBlockExecution.checkPeriodMillis;

    @After
    public void restoreCheckPeriod() {
        BudgetedBlockExecution.checkPeriodMillis = defaultCheckPeriod;
    }

    @Test
    public void theBudgetIsCheckedAgainAfterARestart() throws Throwable {
        sessions.then(r -> {
            WorkflowJob job = job(r, "restarted", "restart-inside-budget.groovy");
            WorkflowRun run = job.scheduleBuild2(0).waitForStart();
            SemaphoreStep.waitForStart("before-restart/1", run);
        });
        sessions.then(r -> {
            BudgetedBlockExecution.checkPeriodMillis = 500;
            WorkflowJob job = r.jenkins.getItemByFullName("restarted", WorkflowJob.class);
            WorkflowRun run = job.getBuildByNumber(1);
            SemaphoreStep.success("before-restart/1", null);

            r.assertBuildStatus(Result.FAILURE, r.waitForCompletion(run));
            r.assertLogContains("Wait budget 3s exceeded by", run);
            r.assertLogNotContains("this never runs", run);
            assertThat(ValueStreamStepTest.onlyVerdict(run).within()).isFalse();
        });
    }
}
