package io.jenkins.plugins.valuestream.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.valuestream.graph.FlowGraph;
import io.jenkins.plugins.valuestream.graph.FlowGraphBuilder;
import io.jenkins.plugins.valuestream.graph.RunInfo;
import io.jenkins.plugins.valuestream.graph.RunResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.Test;

/** Every definition of docs/definitions.md, on hand-built graphs whose times are known to the millisecond. */
public class ProcessMapExtractorTest {
    private static final long T0 = 1_700_000_000_000L;

    private static ProcessMap finished(FlowGraphBuilder run, Long queueMillis) {
        FlowGraph graph = run.finish();
        return ProcessMapExtractor.extract(run.runInfo(7, RunResult.SUCCESS, queueMillis), graph, Long.MAX_VALUE);
    }

    private static ProcessStep step(ProcessMap map, String... path) {
        return map.step(StepPath.of(path)).orElseThrow(() -> new AssertionError("no step " + List.of(path)
                + " in " + map.steps().stream().map(ProcessStep::displayName).toList()));
    }

    private static void assertConsistent(ProcessMap map) {
        for (ProcessStep s : map.steps()) {
            assertThat(s.processMillis() + s.waitMillis()).as("elapsed of %s", s.displayName())
                    .isEqualTo(s.elapsedMillis());
            assertThat(s.waits().asMap().values().stream().mapToLong(Long::longValue).sum())
                    .isEqualTo(s.waitMillis());
        }
        assertThat(map.processMillis() + map.waitMillis()).isEqualTo(map.leadTimeMillis());
    }

    @Test
    public void aSequentialStageIsAllProcessTime() {
        FlowGraphBuilder run = FlowGraphBuilder.startingAt(T0);
        run.stage("Build", s -> s.sh("make", 60_000));
        ProcessMap map = finished(run, 0L);

        ProcessStep build = step(map, "Build");
        assertThat(build.kind()).isEqualTo(StepKind.STAGE);
        assertThat(build.result()).isEqualTo(StepResult.SUCCESS);
        assertThat(build.processMillis()).isGreaterThanOrEqualTo(60_000);
        assertThat(build.waits().millis(WaitCause.AGENT)).isZero();
        assertConsistent(map);
    }

    @Test
    public void agentWaitIsTheTimeFromNodeStepToBodyStart() {
        FlowGraphBuilder run = FlowGraphBuilder.startingAt(T0);
        run.stage("Build", s -> s.node("linux", 45_000, n -> n.sh("make", 60_000)));
        ProcessMap map = finished(run, 0L);

        ProcessStep build = step(map, "Build");
        assertThat(build.waits().millis(WaitCause.AGENT)).isEqualTo(45_001);
        assertThat(map.agents()).singleElement().satisfies(a -> {
            assertThat(a.label()).isEqualTo("linux");
            assertThat(a.waitMillis()).isEqualTo(45_001);
            assertThat(a.step()).isEqualTo(StepPath.of("Build"));
        });
        assertConsistent(map);
    }

    @Test
    public void inputPauseIsInputWait() {
        FlowGraphBuilder run = FlowGraphBuilder.startingAt(T0);
        run.stage("Approve", s -> s.input("Ship it?", 300_000));
        ProcessMap map = finished(run, 0L);

        assertThat(step(map, "Approve").waits().millis(WaitCause.INPUT)).isGreaterThanOrEqualTo(300_000);
        assertThat(step(map, "Approve").processMillis()).isLessThan(100);
        assertConsistent(map);
    }

    @Test
    public void lockWaitIsTheTimeFromLockStepToBodyStart() {
        FlowGraphBuilder run = FlowGraphBuilder.startingAt(T0);
        run.stage("Deploy", s -> s.lock("staging", 120_000, l -> l.sh("deploy", 10_000)));
        ProcessMap map = finished(run, 0L);

        assertThat(step(map, "Deploy").waits().millis(WaitCause.LOCK)).isEqualTo(120_001);
        assertConsistent(map);
    }

    @Test
    public void sleepIsSleepWait() {
        FlowGraphBuilder run = FlowGraphBuilder.startingAt(T0);
        run.stage("Cool down", s -> s.sleep(30_000));
        ProcessMap map = finished(run, 0L);

        assertThat(step(map, "Cool down").waits().millis(WaitCause.SLEEP)).isEqualTo(30_000);
        assertConsistent(map);
    }

    @Test
    public void parallelBranchesOverlapSoProcessIsTheUnionAndEffortTheSum() {
        FlowGraphBuilder run = FlowGraphBuilder.startingAt(T0);
        Map<String, Consumer<FlowGraphBuilder.Scope>> branches = new LinkedHashMap<>();
        branches.put("unit", b -> b.sh("make test", 60_000));
        branches.put("lint", b -> b.sh("make lint", 20_000));
        run.stage("Test", s -> s.parallel(branches));
        ProcessMap map = finished(run, 0L);

        ProcessStep test = step(map, "Test");
        ProcessStep unit = step(map, "Test", "unit");
        ProcessStep lint = step(map, "Test", "lint");
        assertThat(unit.kind()).isEqualTo(StepKind.BRANCH);
        assertThat(unit.parallelGroup()).isNotNull().isEqualTo(lint.parallelGroup());
        // The stage is working while the longest branch works: its process time is about 60 s, not 80 s.
        assertThat(test.processMillis()).isBetween(60_000L, 60_100L);
        assertThat(test.effortMillis()).isBetween(80_000L, 80_100L);
        assertConsistent(map);
    }

    @Test
    public void aBranchWaitingForAnAgentWhileAnotherWorksIsProcessTime() {
        FlowGraphBuilder run = FlowGraphBuilder.startingAt(T0);
        Map<String, Consumer<FlowGraphBuilder.Scope>> branches = new LinkedHashMap<>();
        branches.put("linux", b -> b.node("linux", 0, n -> n.sh("make", 60_000)));
        branches.put("windows", b -> b.node("windows", 90_000, n -> n.sh("make", 10_000)));
        run.stage("Build", s -> s.parallel(branches));
        ProcessMap map = finished(run, 0L);

        ProcessStep build = step(map, "Build");
        // windows waits 90 s, of which linux works the first 60 s: 30 s of the stage are agent wait.
        assertThat(build.waits().millis(WaitCause.AGENT)).isBetween(29_990L, 30_010L);
        assertThat(step(map, "Build", "windows").waits().millis(WaitCause.AGENT)).isEqualTo(90_001);
        assertConsistent(map);
    }

    @Test
    public void declarativeParallelStagesAreStepsWithoutTheirBranches() {
        FlowGraphBuilder run = FlowGraphBuilder.startingAt(T0);
        Map<String, Consumer<FlowGraphBuilder.Scope>> stages = new LinkedHashMap<>();
        stages.put("Unit", b -> b.sh("mvn test", 30_000));
        stages.put("UI", b -> b.sh("npm test", 40_000));
        run.stage("Tests", s -> s.parallelStages(stages));
        ProcessMap map = finished(run, 0L);

        assertThat(map.steps()).extracting(ProcessStep::displayName)
                .containsExactly("Tests", "Tests/Unit", "Tests/UI", "(outside stages)");
        assertThat(step(map, "Tests", "Unit").parallelGroup()).isNotNull()
                .isEqualTo(step(map, "Tests", "UI").parallelGroup());
        assertConsistent(map);
    }

    @Test
    public void nestedStagesHavePathsAndSlashesInNamesStaySegments() {
        FlowGraphBuilder run = FlowGraphBuilder.startingAt(T0);
        run.stage("Deploy", s -> s.stage("Staging", t -> t.sh("deploy", 1000)));
        run.stage("Deploy/Staging", s -> s.sh("other", 1000));
        ProcessMap map = finished(run, 0L);

        ProcessStep nested = step(map, "Deploy", "Staging");
        ProcessStep slashed = step(map, "Deploy/Staging");
        assertThat(nested.path()).isNotEqualTo(slashed.path());
        assertThat(nested.path().toString()).isEqualTo("Deploy/Staging");
        assertThat(slashed.path().toString()).isEqualTo("Deploy\\/Staging");
        assertThat(StepPath.parse(slashed.path().toString())).isEqualTo(slashed.path());
        assertConsistent(map);
    }

    @Test
    public void failedRetryAttemptsAreRework() {
        FlowGraphBuilder run = FlowGraphBuilder.startingAt(T0);
        run.stage("Flaky", s -> s.retry("hudson.AbortException: script returned exit code 1",
                a -> a.sh("./flaky.sh", 20_000), a -> a.sh("./flaky.sh", 25_000)));
        ProcessMap map = finished(run, 0L);

        ProcessStep flaky = step(map, "Flaky");
        assertThat(flaky.waits().millis(WaitCause.REWORK)).isBetween(20_000L, 20_010L);
        assertThat(flaky.processMillis()).isBetween(25_000L, 25_020L);
        assertThat(flaky.firstTime()).isFalse();
        assertThat(flaky.result()).isEqualTo(StepResult.SUCCESS);
        assertConsistent(map);
    }

    @Test
    public void workOfAFailedAttemptIsReworkNotAWorkItem() {
        FlowGraphBuilder run = FlowGraphBuilder.startingAt(T0);
        run.stage("Flaky", s -> s.retry("hudson.AbortException: script returned exit code 1",
                a -> a.sh("./flaky.sh", 20_000), a -> a.sh("./flaky.sh", 25_000)));
        ProcessMap map = finished(run, 0L);

        assertThat(map.work()).singleElement().satisfies(w -> assertThat(w.durationMillis()).isEqualTo(25_000));
    }

    @Test
    public void skippedDeclarativeStageIsMarkedSkipped() {
        FlowGraphBuilder run = FlowGraphBuilder.startingAt(T0);
        run.stage("Build", s -> s.sh("make", 1000));
        run.root().skippedStage("Deploy", "SKIPPED_FOR_CONDITIONAL");
        ProcessMap map = finished(run, 0L);

        assertThat(step(map, "Deploy").result()).isEqualTo(StepResult.SKIPPED);
        assertThat(step(map, "Deploy").counted()).isFalse();
        assertThat(step(map, "Build").counted()).isTrue();
    }

    @Test
    public void failedStageHasResultFailureAndIsNotFirstTimeRight() {
        FlowGraphBuilder run = FlowGraphBuilder.startingAt(T0);
        run.stage("Build", s -> s.sh("make", 1000).fail("hudson.AbortException: script returned exit code 2"));
        FlowGraph graph = run.finish("hudson.AbortException: script returned exit code 2");
        ProcessMap map = ProcessMapExtractor.extract(run.runInfo(3, RunResult.FAILURE, 0L), graph, 0);

        assertThat(step(map, "Build").result()).isEqualTo(StepResult.FAILURE);
        assertThat(step(map, "Build").firstTime()).isFalse();
    }

    @Test
    public void topLevelAgentWaitBelongsToTheOutsideStep() {
        FlowGraphBuilder run = FlowGraphBuilder.startingAt(T0);
        run.root().node("", 50_000, n -> n.stage("Build", s -> s.sh("make", 10_000)));
        ProcessMap map = finished(run, 0L);

        ProcessStep outside = step(map, "(outside stages)");
        assertThat(outside.kind()).isEqualTo(StepKind.OUTSIDE);
        assertThat(outside.waits().millis(WaitCause.AGENT)).isEqualTo(50_001);
        assertThat(step(map, "Build").waits().millis(WaitCause.AGENT)).isZero();
        assertConsistent(map);
    }

    @Test
    public void leadTimeIsQueuePlusProcessPlusWaits() {
        FlowGraphBuilder run = FlowGraphBuilder.startingAt(T0);
        run.stage("Build", s -> s.node("linux", 5_000, n -> n.sh("make", 10_000)));
        ProcessMap map = finished(run, 12_000L);

        assertThat(map.waits().millisOrNull(WaitCause.QUEUE)).isEqualTo(12_000L);
        assertThat(map.leadTimeMillis()).isEqualTo(12_000 + map.completedAt() - map.startedAt());
        assertThat(map.flowEfficiency()).isEqualTo((double) map.processMillis() / map.leadTimeMillis());
        assertConsistent(map);
    }

    @Test
    public void unknownQueueWaitIsUnknownNotZero() {
        FlowGraphBuilder run = FlowGraphBuilder.startingAt(T0);
        run.stage("Build", s -> s.sh("make", 10_000));
        ProcessMap map = finished(run, null);

        assertThat(map.queuedAt()).isNull();
        assertThat(map.waits().known(WaitCause.QUEUE)).isFalse();
        assertThat(map.waits().millisOrNull(WaitCause.QUEUE)).isNull();
        assertThat(map.leadTimeMillis()).isEqualTo(map.completedAt() - map.startedAt());
        assertConsistent(map);
    }

    @Test
    public void runningRunIsMeasuredAgainstNow() {
        FlowGraphBuilder run = FlowGraphBuilder.startingAt(T0);
        run.stage("Build", s -> s.sh("make", 10_000));
        // Deploy asks for an agent that has not come yet.
        run.root().advance(0);
        FlowGraphBuilder.Scope root = run.root();
        root.stage("Deploy", s -> s.node("prod", 1_000_000, n -> n.sh("deploy", 1)));
        FlowGraph whole = run.running();
        // Keep only the nodes that exist before the agent arrives: outer stage, body, node outer start.
        List<io.jenkins.plugins.valuestream.graph.GraphNode> partial = whole.nodes().stream()
                .filter(n -> n.startMillis() == null || n.startMillis() <= T0 + 20_000).toList();
        long now = T0 + 70_000;
        ProcessMap map = ProcessMapExtractor.extract(new RunInfo(8, null, T0 - 1_000, T0, null),
                FlowGraph.of(partial), now);

        assertThat(map.running()).isTrue();
        assertThat(map.asOf()).isEqualTo(now);
        ProcessStep deploy = step(map, "Deploy");
        assertThat(deploy.result()).isEqualTo(StepResult.RUNNING);
        assertThat(deploy.startedAt() + deploy.elapsedMillis()).isEqualTo(now);
        assertThat(deploy.waits().millis(WaitCause.AGENT)).isGreaterThan(50_000);
        assertThat(map.leadTimeMillis()).isEqualTo(71_000);
        assertConsistent(map);
    }

    @Test
    public void emptyPipelineHasOnlyTheOutsideStep() {
        FlowGraphBuilder run = FlowGraphBuilder.startingAt(T0);
        run.root().advance(3_000);
        ProcessMap map = finished(run, 0L);

        assertThat(map.steps()).extracting(ProcessStep::path).containsExactly(StepPath.OUTSIDE);
        assertConsistent(map);
    }

    @Test
    public void graphWithoutNodesIsAllControllerGap() {
        RunInfo info = new RunInfo(1, RunResult.SUCCESS, null, T0, T0 + 2_000);
        ProcessMap map = ProcessMapExtractor.extract(info, FlowGraph.empty(), 0);

        assertThat(map.processMillis()).isZero();
        assertThat(map.waits().millis(WaitCause.GAP)).isEqualTo(2_000);
    }

    @Test
    public void processStepBlocksAreSteps() {
        FlowGraphBuilder run = FlowGraphBuilder.startingAt(T0);
        run.root().node("", 0, n -> n.processStep("Manual QA", p -> p.input("Passed QA?", 60_000)));
        ProcessMap map = finished(run, 0L);

        ProcessStep qa = step(map, "Manual QA");
        assertThat(qa.kind()).isEqualTo(StepKind.PROCESS_STEP);
        assertThat(qa.waits().millis(WaitCause.INPUT)).isGreaterThanOrEqualTo(60_000);
        assertConsistent(map);
    }

    @Test
    public void controllerTimeAfterABlockEndIsGap() {
        FlowGraphBuilder run = FlowGraphBuilder.startingAt(T0);
        run.stage("Build", s -> s.stage("Compile", c -> c.sh("make", 1_000)).advance(40_000).sh("ls", 1_000));
        ProcessMap map = finished(run, 0L);

        assertThat(step(map, "Build").waits().millis(WaitCause.GAP)).isBetween(40_000L, 40_010L);
        assertConsistent(map);
    }

    @Test
    public void sameWorkInThreeBranchesGivesThreeWorkItems() {
        FlowGraphBuilder run = FlowGraphBuilder.startingAt(T0);
        Map<String, Consumer<FlowGraphBuilder.Scope>> branches = new LinkedHashMap<>();
        for (String name : List.of("a", "b", "c")) {
            branches.put(name, b -> b.sh("npm  ci", 30_000));
        }
        run.stage("Test", s -> s.parallel(branches));
        ProcessMap map = finished(run, 0L);

        assertThat(map.work()).hasSize(3).allSatisfy(w -> assertThat(w.arguments()).isEqualTo("script=npm ci"))
                .extracting(WorkItem::branch).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    public void repeatedStageNamesGetOccurrences() {
        FlowGraphBuilder run = FlowGraphBuilder.startingAt(T0);
        run.stage("Build", s -> s.sh("make", 1_000));
        run.stage("Build", s -> s.sh("make", 1_000));
        ProcessMap map = finished(run, 0L);

        assertThat(map.steps()).extracting(ProcessStep::displayName).contains("Build", "Build #2");
    }

    @Test
    public void cyclicGraphIsReportedNotLooped() {
        io.jenkins.plugins.valuestream.graph.GraphNode a = io.jenkins.plugins.valuestream.graph.GraphNode
                .builder("2", io.jenkins.plugins.valuestream.graph.NodeKind.ATOM).parents("3").start(T0).build();
        io.jenkins.plugins.valuestream.graph.GraphNode b = io.jenkins.plugins.valuestream.graph.GraphNode
                .builder("3", io.jenkins.plugins.valuestream.graph.NodeKind.ATOM).parents("2").start(T0 + 5).build();
        ProcessMap map = ProcessMapExtractor.extract(new RunInfo(1, RunResult.FAILURE, null, T0, T0 + 10),
                FlowGraph.of(List.of(a, b)), 0);

        assertThat(map.notes()).singleElement().asString().contains("cycle");
        assertThat(map.processMillis() + map.waitMillis()).isEqualTo(10);
    }

    @Test
    public void aBuildThatIsNoPipelineIsOneStepNamedAfterItsJobAndAllProcess() {
        long t0 = 1_718_000_000_000L;
        RunInfo info = new RunInfo(3, RunResult.SUCCESS, t0 - 4_000, t0, t0 + 880,
                List.of(io.jenkins.plugins.valuestream.graph.UpstreamCause.of("third", 5)));

        ProcessMap map = ProcessMapExtractor.wholeBuild(info, "fourth", Long.MAX_VALUE);

        assertThat(map.steps()).singleElement().satisfies(step -> {
            assertThat(step.displayName()).isEqualTo("fourth");
            assertThat(step.elapsedMillis()).isEqualTo(880);
            assertThat(step.processMillis()).isEqualTo(880);
        });
        assertThat(map.waits().millis(WaitCause.QUEUE)).isEqualTo(4_000);
        assertThat(map.leadTimeMillis()).isEqualTo(4_880);
        assertThat(map.upstream()).extracting(cause -> cause.job()).containsExactly("third");
    }

    @Test
    public void aWholeBuildWithoutQueueEntryHasItsQueueWaitUnknown() {
        RunInfo info = new RunInfo(1, RunResult.SUCCESS, null, 1_000L, 2_000L);

        assertThat(ProcessMapExtractor.wholeBuild(info, "legacy", 5_000).waits().known(WaitCause.QUEUE)).isFalse();
    }

    @Test
    public void theUpstreamCausesOfAPipelineRunAreOnItsMap() {
        FlowGraphBuilder run = FlowGraphBuilder.startingAt(1_718_000_000_000L);
        run.stage("Build", s -> s.sh("make", 1_000));
        FlowGraph graph = run.finish();
        RunInfo info = run.runInfo(2, RunResult.SUCCESS, null)
                .withUpstream(List.of(io.jenkins.plugins.valuestream.graph.UpstreamCause.of("team/build", 9)));

        assertThat(ProcessMapExtractor.extract(info, graph, Long.MAX_VALUE).upstream())
                .containsExactly(io.jenkins.plugins.valuestream.graph.UpstreamCause.of("team/build", 9));
    }

    @Test
    public void aProcessStepWithDeploysTrueIsADeployingStep() {
        FlowGraphBuilder run = FlowGraphBuilder.startingAt(T0);
        run.root().processStep("Build", s -> s.sh("make", 60_000))
                .deployingProcessStep("Deploy", s -> s.sh("./deploy.sh", 30_000))
                .block(io.jenkins.plugins.valuestream.graph.StepFunctions.PROCESS_STEP,
                        Map.of("name", "Smoke", "deploys", "false"), 0, null, null, s -> s.sh("./smoke.sh", 5_000));
        ProcessMap map = finished(run, 0L);

        assertThat(map.steps()).filteredOn(ProcessStep::deploys).extracting(ProcessStep::displayName)
                .containsExactly("Deploy");
    }

    @Test
    public void theRunsChangesAreKeptOnItsMap() {
        FlowGraphBuilder run = FlowGraphBuilder.startingAt(T0);
        run.stage("Build", s -> s.sh("make", 60_000));
        FlowGraph graph = run.finish();
        List<io.jenkins.plugins.valuestream.graph.Change> changes = List.of(
                new io.jenkins.plugins.valuestream.graph.Change("9f4c2a1e", T0 - 60_000));

        ProcessMap map = ProcessMapExtractor.extract(run.runInfo(7, RunResult.SUCCESS, 0L).withChanges(changes),
                graph, Long.MAX_VALUE);

        assertThat(map.changes()).isEqualTo(changes);
    }

    @Test
    public void aRunWhoseChangesAreUnknownHasAMapWhoseChangesAreUnknown() {
        FlowGraphBuilder run = FlowGraphBuilder.startingAt(T0);
        run.stage("Build", s -> s.sh("make", 60_000));

        assertThat(finished(run, 0L).changes()).isNull();
    }
}
