package io.jenkins.plugins.valuestream.steps;

import static io.jenkins.plugins.valuestream.Jenkinsfiles.job;
import static io.jenkins.plugins.valuestream.Jenkinsfiles.processMap;
import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.jenkins.plugins.valuestream.budget.BudgetCheck;
import io.jenkins.plugins.valuestream.budget.BudgetKind;
import io.jenkins.plugins.valuestream.budget.BudgetVerdict;
import io.jenkins.plugins.valuestream.config.ValueStreamConfiguration;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.StepKind;
import io.jenkins.plugins.valuestream.process.StepPath;
import io.jenkins.plugins.valuestream.process.WaitCause;
import org.jenkinsci.plugins.workflow.actions.BodyInvocationAction;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.flow.FlowExecution;
import org.jenkinsci.plugins.workflow.graph.BlockStartNode;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.graph.StepNode;
import org.jenkinsci.plugins.workflow.graphanalysis.DepthFirstScanner;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.After;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;

/** The {@code valueStream} and {@code processStep} blocks holding runs to their budgets. */
public class ValueStreamStepTest {
    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule r = new JenkinsRule();

    private long defaultCheckPeriod;

    @Before
    public void checkOften() {
        defaultCheckPeriod = BudgetedBlockExecution.checkPeriodMillis;
        BudgetedBlockExecution.checkPeriodMillis = 500;
    }

    @After
    public void restoreCheckPeriod() {
        BudgetedBlockExecution.checkPeriodMillis = defaultCheckPeriod;
    }

    @Test
    public void aRunWaitingForAnAgentIsStoppedOnceItsWaitBudgetIsSpent() throws Exception {
        WorkflowJob job = job(r, "over-budget", "budget-exceeded-waiting-for-agent.groovy");

        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, job);

        r.assertLogContains("Wait budget 3s exceeded by", run);
        r.assertLogContains("largest cause: agent", run);
        r.assertLogNotContains("this never runs", run);
    }

    @Test
    public void aStoppedRunKeepsTheVerdictThatStoppedIt() throws Exception {
        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE,
                job(r, "stopped", "budget-exceeded-waiting-for-agent.groovy"));

        BudgetVerdict verdict = onlyVerdict(run);

        assertThat(verdict.within()).isFalse();
        BudgetCheck check = verdict.exceeded().get(0);
        assertThat(check.kind()).isEqualTo(BudgetKind.WAIT);
        assertThat(check.limitMillis()).isEqualTo(3_000L);
        assertThat(check.mainCause()).isEqualTo(WaitCause.AGENT);
    }

    @Test
    public void theLogAndTheKeptVerdictGiveTheSameFigures() throws Exception {
        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE,
                job(r, "one-verdict", "budget-exceeded-waiting-for-agent.groovy"));

        BudgetCheck check = onlyVerdict(run).exceeded().get(0);

        r.assertLogContains(check.message(), run);
        assertThat(BudgetVerdicts.of(run)).isEqualTo(onlyVerdict(run).checks());
    }

    @Test
    public void aRunWithinItsBudgetsKeepsTheVerdictAsOfTheBlocksEnd() throws Exception {
        WorkflowRun run = r.buildAndAssertSuccess(job(r, "kept", "budget-respected.groovy"));

        BudgetVerdict verdict = onlyVerdict(run);

        assertThat(verdict.within()).isTrue();
        assertThat(verdict.checks().stream().map(BudgetCheck::kind).toList())
                .containsExactly(BudgetKind.WAIT, BudgetKind.LEAD_TIME);
        assertThat(verdict.asOf()).isLessThanOrEqualTo(run.getStartTimeInMillis() + run.getDuration());
    }

    @Test
    public void theKeptVerdictIsSavedWithTheBuild() throws Exception {
        WorkflowRun run = r.buildAndAssertSuccess(job(r, "saved", "budget-respected.groovy"));
        BudgetVerdict before = onlyVerdict(run);

        run.reload();

        assertThat(onlyVerdict(run)).isEqualTo(before);
    }

    @Test
    public void aRunWithoutBudgetsKeepsNoVerdict() throws Exception {
        WorkflowRun run = r.buildAndAssertSuccess(job(r, "unbudgeted", "process-step.groovy"));

        assertThat(run.getAction(BudgetVerdictAction.class)).isNull();
    }

    @Test
    public void aRunWithinItsBudgetsSucceeds() throws Exception {
        WorkflowJob job = job(r, "within-budget", "budget-respected.groovy");

        WorkflowRun run = r.buildAndAssertSuccess(job);

        r.assertLogContains("well within budget", run);
        r.assertLogNotContains("exceeded", run);
    }

    @Test
    public void budgetResultUnstableMarksTheRunAndLetsItGoOn() throws Exception {
        WorkflowJob job = job(r, "unstable", "budget-unstable.groovy");

        WorkflowRun run = r.buildAndAssertStatus(Result.UNSTABLE, job);

        r.assertLogContains("Wait budget 1s exceeded by", run);
        r.assertLogContains("largest cause: sleep", run);
        r.assertLogContains("went on after the budget was spent", run);
        FlowNode block = valueStreamNode(run);
        assertThat(block.getPersistentAction(WarningAction.class)).isNotNull();
        assertThat(block.getPersistentAction(WarningAction.class).getResult()).isEqualTo(Result.UNSTABLE);
    }

    @Test
    public void aDeclarativeOptionHoldsTheWholePipelineToItsBudget() throws Exception {
        WorkflowJob job = job(r, "declarative-budget", "declarative-options-budget.groovy");

        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, job);

        r.assertLogContains("Wait budget 3s exceeded by", run);
        r.assertLogNotContains("this never runs", run);
    }

    @Test
    public void theDefaultWaitBudgetHoldsBlocksThatSetNoBudget() throws Exception {
        ValueStreamConfiguration.get().setDefaultWaitBudget("3s");
        WorkflowJob job = job(r, "default-budget", "default-budget.groovy");

        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, job);

        r.assertLogContains("Wait budget 3s exceeded by", run);
    }

    @Test
    public void aBadWaitBudgetFailsTheStepAtItsStartNamingTheParameter() throws Exception {
        WorkflowJob job = job(r, "bad-wait-budget", "bad-wait-budget.groovy");

        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, job);

        r.assertLogContains("waitBudget", run);
        r.assertLogContains("'15x'", run);
        r.assertLogContains("accepted", run);
        r.assertLogNotContains("the body ran", run);
    }

    @Test
    public void anUnknownCountedWaitFailsTheStepAtItsStartNamingTheParameter() throws Exception {
        WorkflowJob job = job(r, "bad-counted-waits", "bad-counted-waits.groovy");

        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, job);

        r.assertLogContains("countedWaits", run);
        r.assertLogContains("COFFEE", run);
        r.assertLogContains("QUEUE, AGENT, INPUT, LOCK, SLEEP, GAP, REWORK", run);
        r.assertLogNotContains("the body ran", run);
    }

    @Test
    public void anUnknownBudgetResultFailsTheStepAtItsStartNamingTheParameter() throws Exception {
        WorkflowJob job = job(r, "bad-budget-result", "bad-budget-result.groovy");

        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, job);

        r.assertLogContains("budgetResult", run);
        r.assertLogContains("FAILURE, UNSTABLE, ABORTED", run);
        r.assertLogNotContains("the body ran", run);
    }

    @Test
    public void aProcessStepIsAStepOfTheProcessMap() throws Exception {
        WorkflowJob job = job(r, "process-step", "process-step.groovy");

        ProcessMap map = processMap(r.buildAndAssertSuccess(job));

        assertThat(map.step(StepPath.of("Deploy", "Manual QA")).orElseThrow().kind()).isEqualTo(StepKind.PROCESS_STEP);
    }

    @Test
    public void aProcessStepThatDeploysIsMarkedOnTheProcessMap() throws Exception {
        WorkflowJob job = job(r, "deploys", "process-step-deploys.groovy");

        ProcessMap map = processMap(r.buildAndAssertSuccess(job));

        assertThat(map.step(StepPath.of("Release", "Deploy")).orElseThrow().deploys()).isTrue();
        assertThat(map.step(StepPath.of("Build")).orElseThrow().deploys()).isFalse();
    }

    @Test
    public void aProcessStepOverItsOwnWaitBudgetIsStopped() throws Exception {
        WorkflowJob job = job(r, "process-step-budget", "process-step-budget.groovy");

        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, job);

        r.assertLogContains("Wait budget 3s of Provision exceeded by", run);
        r.assertLogNotContains("this never runs", run);
    }

    @Test
    public void aProcessStepKeepsTheVerdictOfItsOwnBudgetOnly() throws Exception {
        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, job(r, "own-budget", "process-step-budget.groovy"));

        BudgetVerdict verdict = onlyVerdict(run);

        assertThat(verdict.checks()).hasSize(1);
        assertThat(verdict.checks().get(0).kind()).isEqualTo(BudgetKind.STEP_WAIT);
        assertThat(verdict.checks().get(0).step()).isEqualTo(StepPath.of("Provision"));
        assertThat(verdict.within()).isFalse();
    }

    /** The one verdict kept on a run with one budgeted block. */
    static BudgetVerdict onlyVerdict(WorkflowRun run) {
        BudgetVerdictAction kept = run.getAction(BudgetVerdictAction.class);
        assertThat(kept).as("no budget verdict kept on %s", run).isNotNull();
        assertThat(kept.getVerdicts()).hasSize(1);
        return kept.getVerdicts().get(0);
    }

    /** The node of the {@code valueStream} step itself: the outer start of its block, not its body. */
    private static FlowNode valueStreamNode(WorkflowRun run) {
        FlowExecution execution = run.getExecution();
        assertThat(execution).isNotNull();
        FlowNode node = new DepthFirstScanner().findFirstMatch(execution, n -> n instanceof BlockStartNode
                && n instanceof StepNode step && step.getDescriptor() instanceof ValueStreamStep.DescriptorImpl
                && n.getPersistentAction(BodyInvocationAction.class) == null);
        assertThat(node).isNotNull();
        return node;
    }
}
