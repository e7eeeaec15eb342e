package io.jenkins.plugins.valuestream.cli.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.valuestream.cli.source.RunExtraction;
import io.jenkins.plugins.valuestream.cli.source.SourceRun;
import io.jenkins.plugins.valuestream.graph.RunResult;
import io.jenkins.plugins.valuestream.graph.StepFunctions;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.ProcessStep;
import io.jenkins.plugins.valuestream.process.StepKind;
import io.jenkins.plugins.valuestream.process.StepPath;
import io.jenkins.plugins.valuestream.process.StepResult;
import io.jenkins.plugins.valuestream.process.WaitCause;
import io.jenkins.plugins.valuestream.process.WorkItem;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/** Runs of the recorded {@code shop/checkout-service} answers, synthesized into flow graphs and extracted. */
public class WfapiGraphSynthesizerTest {
    private static final long NOW = 1731430100000L;

    /** A run's describe with each executed stage's flow nodes from its own describe, as the reader puts them. */
    static WfapiRun recorded(int number) throws Exception {
        WfapiRun run = WfapiParser.run(json(number + ".describe.json"));
        List<WfapiStage> stages = new ArrayList<>();
        for (WfapiStage stage : run.stages()) {
            stages.add(stage.executed() ? stage.withFlowNodes(WfapiParser.stageFlowNodes(
                    json(number + ".node." + stage.id() + ".json"), stage.name())) : stage);
        }
        return new WfapiRun(run.id(), run.name(), run.status(), run.startTimeMillis(), run.endTimeMillis(),
                run.durationMillis(), run.queueDurationMillis(), run.pauseDurationMillis(), stages);
    }

    private static JsonNode json(String file) throws Exception {
        return WfapiParser.tree(FakeJenkins.resource("/wfapi/checkout-service/" + file), file);
    }

    private static ProcessMap map(int number) throws Exception {
        SourceRun run = WfapiGraphSynthesizer.synthesize(recorded(number), number);
        return RunExtraction.processMap(run, NOW);
    }

    private static ProcessStep step(ProcessMap map, String name) {
        return map.step(StepPath.of(name)).orElseThrow(() -> new AssertionError("no step " + name + " in "
                + map.steps().stream().map(ProcessStep::displayName).toList()));
    }

    private static WfapiStage stage(WfapiRun run, String name) {
        return run.stages().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    public void everyStageIsAStepLastingItsReportedDuration() throws Exception {
        WfapiRun run = recorded(41);
        ProcessMap map = map(41);

        for (WfapiStage stage : run.stages()) {
            ProcessStep step = step(map, stage.name());
            assertThat(step.startedAt()).as(stage.name()).isEqualTo(stage.startTimeMillis());
            assertThat(step.elapsedMillis()).as(stage.name()).isEqualTo(stage.durationMillis());
            assertThat(step.processMillis() + step.waitMillis()).as(stage.name()).isEqualTo(step.elapsedMillis());
        }
        assertThat(map.processMillis() + map.waitMillis()).isEqualTo(map.leadTimeMillis());
        assertThat(map.leadTimeMillis()).isEqualTo(run.endTimeMillis() - run.startTimeMillis());
    }

    @Test
    public void agentWaitInsideAStageIsUnknownAndItsTimeAGapNotWork() throws Exception {
        ProcessMap map = map(41);
        ProcessStep build = step(map, "Build");

        // Build: 42 s before its first listed step (the agent arriving), then npm ci and npm run build.
        assertThat(build.waits().known(WaitCause.AGENT)).isFalse();
        assertThat(build.waits().millisOrNull(WaitCause.AGENT)).isNull();
        assertThat(build.waits().millis(WaitCause.GAP)).isEqualTo(42_000 + 100);
        assertThat(build.processMillis()).isEqualTo(38_000 + 57_200);
        assertThat(map.waits().known(WaitCause.AGENT)).isFalse();
        assertThat(map.waits().known(WaitCause.LOCK)).isFalse();
        assertThat(map.notes()).contains(WfapiGraphSynthesizer.NOTE_AGENT);
    }

    @Test
    public void queueWaitIsUnknownWhateverTheQueueDurationSays() throws Exception {
        ProcessMap map = map(41);

        assertThat(map.queuedAt()).isNull();
        assertThat(map.waits().known(WaitCause.QUEUE)).isFalse();
        assertThat(map.notes()).anySatisfy(note -> assertThat(note)
                .contains("queueDurationMillis (7 ms)").contains("not the time spent in the build queue"));
    }

    @Test
    public void inputPauseIsInputWait() throws Exception {
        WfapiRun run = recorded(41);
        ProcessStep approve = step(map(41), "Approve");
        WfapiNode input = stage(run, "Approve").flowNodes().get(0);

        assertThat(approve.waits().millis(WaitCause.INPUT)).isBetween(input.pauseDurationMillis(),
                input.durationMillis());
        assertThat(approve.processMillis()).isLessThan(1_000);
    }

    @Test
    public void overlappingStagesAreSideBySideStepsWithFlatPaths() throws Exception {
        ProcessMap map = map(41);
        ProcessStep test = step(map, "Test");
        ProcessStep unit = step(map, "Unit");
        ProcessStep integration = step(map, "Integration");

        assertThat(List.of(test, unit, integration)).allSatisfy(s -> {
            assertThat(s.kind()).isEqualTo(StepKind.STAGE);
            assertThat(s.path().depth()).isEqualTo(1);
            assertThat(s.parallelGroup()).isNotNull().isEqualTo(unit.parallelGroup());
        });
        assertThat(step(map, "Build").parallelGroup()).isNull();
        assertThat(map.steps()).noneMatch(s -> s.kind() == StepKind.BRANCH);
        assertThat(map.notes()).contains(WfapiGraphSynthesizer.NOTE_FLAT);
    }

    @Test
    public void aStageHoldingOtherStagesIsNotCountedAsWork() throws Exception {
        ProcessStep test = step(map(41), "Test");

        assertThat(test.processMillis()).isZero();
        assertThat(test.waits().millis(WaitCause.GAP)).isEqualTo(test.elapsedMillis());
    }

    @Test
    public void theSameScriptInThreeStagesGivesThreeWorkItems() throws Exception {
        List<WorkItem> npmCi = map(41).work().stream().filter(w -> w.arguments().equals("script=npm ci")).toList();

        assertThat(npmCi).extracting(WorkItem::function).containsOnly(StepFunctions.SHELL);
        assertThat(npmCi).extracting(w -> w.step().toString()).containsExactly("Build", "Unit", "Integration");
        assertThat(npmCi).extracting(WorkItem::durationMillis).containsExactly(38_000L, 36_000L, 35_000L);
    }

    @Test
    public void failedStageFailsAndSkippedStagesAreNotCounted() throws Exception {
        ProcessMap map = map(42);

        assertThat(map.result()).isEqualTo(RunResult.FAILURE);
        assertThat(step(map, "Integration").result()).isEqualTo(StepResult.FAILURE);
        assertThat(step(map, "Unit").result()).isEqualTo(StepResult.SUCCESS);
        assertThat(step(map, "Approve").result()).isEqualTo(StepResult.SKIPPED);
        assertThat(step(map, "Deploy").result()).isEqualTo(StepResult.SKIPPED);
        assertThat(step(map, "Deploy").counted()).isFalse();
        assertThat(step(map, "Deploy").elapsedMillis()).isZero();
    }

    @Test
    public void runningRunIsMeasuredAgainstNow() throws Exception {
        ProcessMap map = map(44);

        assertThat(map.running()).isTrue();
        assertThat(map.asOf()).isEqualTo(NOW);
        assertThat(step(map, "Checkout").result()).isEqualTo(StepResult.SUCCESS);
        ProcessStep build = step(map, "Build");
        assertThat(build.result()).isEqualTo(StepResult.RUNNING);
        assertThat(build.startedAt() + build.elapsedMillis()).isEqualTo(NOW);
    }

    @Test
    public void theOldQueueDurationIsTimeBeforeTheFirstStage() throws Exception {
        // Before 2017 the API set queueDurationMillis = first stage start - run start and left it out of the duration.
        long start = 1416593544229L;
        WfapiRun run = new WfapiRun("2014-11-21_18-12-24", "#5", "SUCCESS", start, start + 14_615 + 395_102,
                395_102, 14_615L, 0, List.of(new WfapiStage("10", "Dev", "SUCCESS", start + 14_615, 395_102, 0,
                        null, null)));
        ProcessMap map = RunExtraction.processMap(WfapiGraphSynthesizer.synthesize(run, 5), NOW);

        assertThat(map.leadTimeMillis()).isEqualTo(14_615 + 395_102);
        assertThat(step(map, "Dev").startedAt()).isEqualTo(start + 14_615);
        assertThat(map.waits().millis(WaitCause.GAP)).isGreaterThanOrEqualTo(14_615);
        assertThat(map.notes()).anySatisfy(note -> assertThat(note).contains("before the first stage"));
    }

    @Test
    public void aRunWithoutStagesIsAllUnexplainedTime() throws Exception {
        long start = 1562082081214L;
        WfapiRun run = new WfapiRun("1", "#1", "NOT_EXECUTED", start, start + 44_165, 44_165, 995L, 0, List.of());
        ProcessMap map = RunExtraction.processMap(WfapiGraphSynthesizer.synthesize(run, 1), NOW);

        assertThat(map.result()).isEqualTo(RunResult.NOT_BUILT);
        assertThat(map.processMillis()).isZero();
        assertThat(map.waits().millis(WaitCause.GAP)).isEqualTo(44_165);
        assertThat(map.notes()).anySatisfy(note -> assertThat(note).contains("no stage that ran"));
    }
}
