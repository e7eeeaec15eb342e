package io.jenkins.plugins.valuestream.recording;

import static io.jenkins.plugins.valuestream.Jenkinsfiles.awaitRecording;
import static io.jenkins.plugins.valuestream.Jenkinsfiles.job;
import static io.jenkins.plugins.valuestream.Jenkinsfiles.processMap;
import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Label;
import hudson.model.Run;
import io.jenkins.plugins.valuestream.config.ValueStreamConfiguration;
import io.jenkins.plugins.valuestream.graph.RunResult;
import io.jenkins.plugins.valuestream.process.AgentAllocation;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.ProcessStep;
import io.jenkins.plugins.valuestream.process.StepKind;
import io.jenkins.plugins.valuestream.process.StepPath;
import io.jenkins.plugins.valuestream.process.WaitCause;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import jenkins.metrics.impl.TimeInQueueAction;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.support.steps.input.InputAction;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;

/** Every completed Pipeline run gets its process map, computed from its live flow graph. */
public class RecordingTest {
    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule r = new JenkinsRule();

    private static ProcessStep step(ProcessMap map, String... path) {
        return map.step(StepPath.of(path)).orElseThrow(() -> new AssertionError("no step " + String.join("/", path)
                + " in " + map.steps().stream().map(ProcessStep::displayName).toList()));
    }

    /** The run's numbers cover the whole run (docs/definitions.md), which holds only when the adapter lost no node. */
    private static void assertCoversTheRun(ProcessMap map) {
        assertThat(map.processMillis() + map.waitMillis()).isEqualTo(map.leadTimeMillis());
    }

    @Test
    public void declarativeParallelStagesAreStepsOfOneParallelGroup() throws Exception {
        WorkflowJob job = job(r, "declarative", "declarative-parallel.groovy");

        ProcessMap map = processMap(r.buildAndAssertSuccess(job));

        assertThat(map.steps().stream().map(ProcessStep::displayName).toList()).containsExactlyInAnyOrder(
                "Build", "Tests", "Tests/Unit", "Tests/Integration", "(outside stages)");
        assertThat(step(map, "Tests", "Unit").parallelGroup()).isNotNull();
        assertThat(step(map, "Tests", "Integration").parallelGroup())
                .isEqualTo(step(map, "Tests", "Unit").parallelGroup());
        assertThat(step(map, "Tests", "Unit").waits().millis(WaitCause.SLEEP)).isGreaterThanOrEqualTo(1500L);
        assertCoversTheRun(map);
    }

    @Test
    public void scriptedStagesWithANodeAreStepsAndTheQueueWaitIsKnown() throws Exception {
        WorkflowJob job = job(r, "scripted", "scripted-node.groovy");

        WorkflowRun run = r.buildAndAssertSuccess(job);
        ProcessMap map = processMap(run);

        assertThat(step(map, "Build").kind()).isEqualTo(StepKind.STAGE);
        assertThat(step(map, "Publish").kind()).isEqualTo(StepKind.STAGE);
        assertThat(map.agents()).hasSize(1);
        assertThat(map.waits().known(WaitCause.QUEUE)).as("the build-queue wait was stamped").isTrue();
        assertThat(run.getAction(QueueEntryAction.class)).isNotNull();
        assertThat(map.result()).isEqualTo(RunResult.SUCCESS);
        assertCoversTheRun(map);
    }

    @Test
    public void withoutItsOwnStampTheQueueWaitIsTheMetricsPlugins() throws Exception {
        WorkflowRun run = runWithoutQueueStamps("metrics");
        run.addAction(new TimeInQueueAction(4_000, 0, 3_000, 1_000));

        ProcessMap map = Recording.record(run);

        assertThat(map).isNotNull();
        assertThat(map.queuedAt()).isEqualTo(run.getTimeInMillis() - 4_000);
        assertThat(map.waits().known(WaitCause.QUEUE)).isTrue();
        assertCoversTheRun(map);
    }

    @Test
    public void withoutAnyStampTheQueueWaitIsUnknownNotZero() throws Exception {
        WorkflowRun run = runWithoutQueueStamps("unstamped");

        ProcessMap map = Recording.record(run);

        assertThat(map).isNotNull();
        assertThat(map.queuedAt()).isNull();
        assertThat(map.waits().known(WaitCause.QUEUE)).isFalse();
    }

    /** A completed run as one recorded before this plugin or the Metrics plugin stamped its queue wait. */
    private WorkflowRun runWithoutQueueStamps(String name) throws Exception {
        WorkflowRun run = awaitRecording(r.buildAndAssertSuccess(job(r, name, "scripted-node.groovy")));
        run.removeActions(QueueEntryAction.class);
        run.removeActions(TimeInQueueAction.class);
        return run;
    }

    @Test
    public void anInputApprovedAfterAPauseIsInputWait() throws Exception {
        WorkflowJob job = job(r, "input", "input-approval.groovy");
        WorkflowRun run = job.scheduleBuild2(0).waitForStart();
        InputAction input = waitForInput(run);

        Thread.sleep(2_000);
        input.getExecution("Ship").proceed(null);
        r.assertBuildStatusSuccess(r.waitForCompletion(run));

        ProcessStep approve = step(processMap(run), "Approve");
        assertThat(approve.waits().millis(WaitCause.INPUT)).isGreaterThanOrEqualTo(2_000L);
        assertThat(step(processMap(run), "Ship").waits().millis(WaitCause.INPUT)).isZero();
    }

    private static InputAction waitForInput(WorkflowRun run) throws Exception {
        while (true) {
            InputAction action = run.getAction(InputAction.class);
            if (action != null && !action.getExecutions().isEmpty()) {
                return action;
            }
            Thread.sleep(100);
        }
    }

    @Test
    public void theWaitForAnAgentThatIsAddedLaterIsAgentWait() throws Exception {
        WorkflowJob job = job(r, "late-agent", "agent-added-later.groovy");
        WorkflowRun run = job.scheduleBuild2(0).waitForStart();
        while (r.jenkins.getQueue().getItems().length == 0) {
            Thread.sleep(100); // the node step's task is in the queue: the run waits for an agent
        }

        Thread.sleep(3_000);
        r.createOnlineSlave(Label.get("added-later"));
        r.assertBuildStatusSuccess(r.waitForCompletion(run));

        ProcessMap map = processMap(run);
        assertThat(step(map, "Build").waits().millis(WaitCause.AGENT)).isGreaterThanOrEqualTo(3_000L);
        AgentAllocation agent = map.agents().get(0);
        assertThat(agent.label()).isEqualTo("added-later");
        assertThat(agent.waitMillis()).isGreaterThanOrEqualTo(3_000L);
        assertCoversTheRun(map);
    }

    @Test
    public void aCompletedRunIsRecordedOffItsCpsVmThread() throws Exception {
        WorkflowJob job = job(r, "threads", "scripted-node.groovy");
        ThreadNoter noter = new ThreadNoter();
        r.jenkins.getExtensionList(ProcessMapListener.class).add(noter);

        processMap(r.buildAndAssertSuccess(job));

        assertThat(noter.threads).hasSize(1);
        assertThat(noter.threads.get(0)).startsWith("Value Stream recording").doesNotContain("CpsFlowExecution");
    }

    /** Notes the name of the thread on which each process map was recorded. */
    private static final class ThreadNoter extends ProcessMapListener {
        final List<String> threads = new CopyOnWriteArrayList<>();

        @Override
        public void onRecorded(Run<?, ?> run, ProcessMap map) {
            threads.add(Thread.currentThread().getName());
        }
    }

    @Test
    public void theProcessMapIsSavedWithTheBuild() throws Exception {
        WorkflowJob job = job(r, "saved", "scripted-node.groovy");
        WorkflowRun run = r.buildAndAssertSuccess(job);
        ProcessMap recorded = processMap(run);

        run.reload();

        assertThat(processMap(run)).isEqualTo(recorded);
    }

    @Test
    public void aJobThatOptedOutIsNotRecorded() throws Exception {
        WorkflowJob job = job(r, "opted-out", "scripted-node.groovy");
        ValueStreamJobProperty property = new ValueStreamJobProperty();
        property.setRecording(false);
        job.addProperty(property);

        WorkflowRun run = awaitRecording(r.buildAndAssertSuccess(job));

        assertThat(run.getAction(ProcessMapAction.class)).isNull();
    }

    @Test
    public void nothingIsRecordedWhileTheGlobalSwitchIsOff() throws Exception {
        ValueStreamConfiguration.get().setRecording(false);
        WorkflowJob job = job(r, "switched-off", "scripted-node.groovy");

        WorkflowRun run = awaitRecording(r.buildAndAssertSuccess(job));

        assertThat(run.getAction(ProcessMapAction.class)).isNull();
    }

    @Test
    public void runsFromBeforeRecordingAreBackFilled() throws Exception {
        ValueStreamConfiguration.get().setRecording(false);
        WorkflowJob job = job(r, "older", "scripted-node.groovy");
        WorkflowRun older = awaitRecording(r.buildAndAssertSuccess(job));
        assertThat(older.getAction(ProcessMapAction.class)).isNull();
        ValueStreamConfiguration.get().setRecording(true);

        BackFill.request(job);
        while (BackFill.isRunning(job)) {
            Thread.sleep(100);
        }

        assertThat(step(processMap(older), "Build").kind()).isEqualTo(StepKind.STAGE);
    }

    @Test
    public void aRunWithoutAFlowGraphSaysWhyItHasNoProcessMap() throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class, "no-definition");
        // No flow definition: the run fails before its flow starts, so it never has a flow graph.
        WorkflowRun run = awaitRecording(r.assertBuildStatus(hudson.model.Result.FAILURE, job.scheduleBuild2(0)));

        ProcessMapAction action = run.getAction(ProcessMapAction.class);

        assertThat(action).isNotNull();
        assertThat(action.getProcessMap()).isNull();
        assertThat(action.getUnavailableReason()).isNotNull();
    }
}
