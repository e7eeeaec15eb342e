package io.jenkins.plugins.valuestream.critical;

import static io.jenkins.plugins.valuestream.testing.RunFixture.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.ProcessStep;
import io.jenkins.plugins.valuestream.testing.RunFixture;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.assertj.core.groups.Tuple;
import org.junit.Test;

/** The critical path and exclusive times of hand-built runs, as docs/definitions.md defines them. */
public class CriticalPathTest {

    /** A step of its own, from {@code at} for {@code millis} after the run's start. */
    private static Consumer<RunFixture.StepFixture> alone(long at, long millis) {
        return s -> s.at(at).process(millis);
    }

    /** A branch of the {@code parallel} with the given node id. */
    private static Consumer<RunFixture.StepFixture> branch(long at, long millis, String parallel) {
        return s -> s.at(at).process(millis).parallel(parallel);
    }

    /** Two branches: A from 0 to 50 s, B from 10 s to 80 s. */
    private static ProcessMap lateBranch() {
        return run(1).step("A", branch(0, 50_000, "5")).step("B", branch(10_000, 70_000, "5")).build();
    }

    /** Queued 5 s, 2 s outside stages, then Build for 60 s. */
    private static ProcessMap queuedRun() {
        return run(1).queued(5_000).outside(alone(0, 2_000)).step("Build", alone(2_000, 60_000)).build();
    }

    private static CriticalStep step(CriticalPath path, String name) {
        return path.steps().stream().filter(s -> s.step().displayName().equals(name)).findFirst().orElseThrow();
    }

    private static int index(ProcessMap map, String name) {
        List<ProcessStep> steps = map.steps();
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).displayName().equals(name)) {
                return i;
            }
        }
        throw new AssertionError("No step " + name);
    }

    /** Each step as (name, whether on the path, exclusive time). */
    private static List<Tuple> criticality(ProcessMap map) {
        return RunSchedule.of(map).criticalPath().steps().stream()
                .map(s -> tuple(s.step().displayName(), s.onPath(), s.exclusiveMillis())).toList();
    }

    /** Each part of the run's critical path as "kind step start+length", the start in seconds after the run's. */
    private static List<String> parts(ProcessMap map) {
        return RunSchedule.of(map).criticalPath().parts().stream().map(part -> part.kind() + " "
                + (part.step() == null ? "-" : part.step().displayName()) + " "
                + (part.startedAt() - map.startedAt()) / 1_000 + "+" + part.millis() / 1_000).toList();
    }

    /** Build 60 s, then Test with three branches of 100 s, 70 s and 40 s. */
    private static ProcessMap threeBranches() {
        return run(1)
                .step("Build", alone(0, 60_000))
                .step("Test", alone(60_000, 100_000))
                .step("Test/linux", branch(60_000, 100_000, "9"))
                .step("Test/windows", branch(60_000, 70_000, "9"))
                .step("Test/mac", branch(60_000, 40_000, "9"))
                .build();
    }

    @Test
    public void aStepAfterAnotherCountsItsWholeElapsedTime() {
        ProcessMap map = run(1).step("Build", alone(0, 60_000)).step("Test", alone(60_000, 30_000)).build();

        assertThat(criticality(map)).containsExactly(tuple("Build", true, 60_000L), tuple("Test", true, 30_000L));
    }

    @Test
    public void theLongestBranchCountsOnlyWhatItOutlastsTheNextLongest() {
        CriticalPath path = RunSchedule.of(threeBranches()).criticalPath();

        assertThat(step(path, "Test/linux").exclusiveMillis()).isEqualTo(30_000);
    }

    @Test
    public void theShorterBranchesAreOffThePathWithNoExclusiveTime() {
        CriticalPath path = RunSchedule.of(threeBranches()).criticalPath();

        assertThat(List.of(step(path, "Test/windows"), step(path, "Test/mac")))
                .extracting(CriticalStep::onPath, CriticalStep::exclusiveMillis)
                .containsOnly(tuple(false, 0L));
    }

    @Test
    public void theStepAroundABlockOfBranchesCountsItsWholeTime() {
        CriticalPath path = RunSchedule.of(threeBranches()).criticalPath();

        assertThat(step(path, "Test")).extracting(CriticalStep::onPath, CriticalStep::exclusiveMillis)
                .containsExactly(true, 100_000L);
    }

    @Test
    public void branchesOfEqualLengthHaveNoExclusiveTimeAndTheFirstIsOnThePath() {
        ProcessMap map = run(1).step("linux", branch(0, 50_000, "5")).step("windows", branch(0, 50_000, "5")).build();

        assertThat(criticality(map)).containsExactly(tuple("linux", true, 0L), tuple("windows", false, 0L));
    }

    @Test
    public void aNestedBranchCountsNoMoreThanItsOuterBranchOutlastsTheOthers() {
        // outer: A (100 s, itself inner branches of 100 s and 80 s) beside B (90 s)
        ProcessMap map = run(1)
                .step("A", branch(0, 100_000, "5"))
                .step("A/a1", branch(0, 100_000, "11"))
                .step("A/a2", branch(0, 80_000, "11"))
                .step("B", branch(0, 90_000, "5"))
                .build();

        CriticalPath path = RunSchedule.of(map).criticalPath();

        assertThat(List.of(step(path, "A"), step(path, "A/a1"))).extracting(CriticalStep::exclusiveMillis)
                .containsExactly(10_000L, 10_000L);
    }

    @Test
    public void theQueueWaitAndTheTimeOutsideStagesAreOnThePathBeforeTheSteps() {
        ProcessMap map = queuedRun();

        assertThat(parts(map)).containsExactly("QUEUE - -5+5", "OUTSIDE (outside stages) 0+2", "STEP Build 2+60");
    }

    @Test
    public void theTimeOutsideStagesIsExclusiveTimeOfItsImplicitStep() {
        ProcessMap map = queuedRun();

        CriticalPath path = RunSchedule.of(map).criticalPath();

        assertThat(step(path, "(outside stages)")).extracting(CriticalStep::onPath, CriticalStep::exclusiveMillis)
                .containsExactly(true, 2_000L);
    }

    @Test
    public void aStepsOwnTimeBetweenItsChildrenIsOnThePathAsThatStep() {
        ProcessMap map = run(1)
                .step("Deploy", alone(0, 100_000))
                .step("Deploy/Staging", alone(10_000, 30_000))
                .step("Deploy/Production", alone(50_000, 40_000))
                .build();

        assertThat(parts(map)).containsExactly("STEP Deploy 0+10", "STEP Deploy/Staging 10+30", "STEP Deploy 40+10",
                "STEP Deploy/Production 50+40", "STEP Deploy 90+10");
    }

    @Test
    public void aBranchThatStartedLateCarriesItsDelayOnThePath() {
        ProcessMap map = lateBranch();

        assertThat(parts(map)).containsExactly("LATE_START B 0+10", "STEP B 10+70");
    }

    @Test
    public void aLateBranchCountsWhatItOutlastsTheOthersNotItsDelay() {
        ProcessMap map = lateBranch();

        assertThat(RunSchedule.of(map).exclusiveMillis(index(map, "B"))).isEqualTo(30_000);
    }

    @Test
    public void eachIterationOfAStageInALoopHoldsTheChildStepsThatRanInIt() {
        ProcessMap map = run(1)
                .step("Build", alone(0, 30_000))
                .step("Build/compile", alone(5_000, 20_000))
                .step("Build", s -> s.at(30_000).process(30_000).occurrence(1))
                .step("Build/compile", s -> s.at(35_000).process(20_000).occurrence(1))
                .build();

        CriticalPath path = RunSchedule.of(map).criticalPath();

        assertThat(path.parts()).extracting(part -> part.step().displayName()).containsExactly("Build",
                "Build/compile", "Build", "Build #2", "Build/compile #2", "Build #2");
    }

    @Test
    public void stepsThatOverlapWithoutAParallelRunSideBySide() {
        // A source whose steps overlap although no parallel says so: the later end decides, as with branches.
        ProcessMap map = run(1).step("Build", alone(0, 60_000)).step("Lint", alone(50_000, 20_000)).build();

        assertThat(RunSchedule.of(map).exclusiveMillis(index(map, "Lint"))).isEqualTo(10_000);
    }

    @Test
    public void stepsThatTouchFollowEachOther() {
        ProcessMap map = run(1).step("Build", branch(0, 60_000, "5")).step("Test", branch(60_000, 20_000, "9")).build();

        CriticalPath path = RunSchedule.of(map).criticalPath();

        assertThat(path.steps()).extracting(CriticalStep::exclusiveMillis).containsExactly(60_000L, 20_000L);
    }

    @Test
    public void halvingTheLongestBranchShortensTheRunUntilTheNextLongestDecides() {
        RunSchedule schedule = RunSchedule.of(threeBranches());

        long halved = schedule.leadTimeIf(index(threeBranches(), "Test/linux"), 50_000);

        assertThat(schedule.leadTimeMillis() - halved).isEqualTo(30_000);
    }

    @Test
    public void aStepOfABranchOffThePathHasNoExclusiveTime() {
        ProcessMap map = run(1)
                .step("linux", branch(0, 100_000, "5"))
                .step("windows", branch(0, 70_000, "5"))
                .step("windows/compile", alone(0, 70_000))
                .build();

        assertThat(criticality(map)).contains(tuple("windows/compile", false, 0L));
    }

    @Test
    public void thePartsOfARunningRunReachUntilNow() {
        ProcessMap map = run(1).runningFor(90_000)
                .step("Build", alone(0, 90_000))
                .build();

        CriticalPath path = RunSchedule.of(map).criticalPath();

        assertThat(path.parts()).extracting(PathPart::millis).containsExactly(90_000L);
    }

    @Test
    public void aStepsOwnTimeIsItsTimeOutsideItsChildren() {
        ProcessMap map = run(1).step("Test", alone(0, 120_000)).step("Test/linux", branch(10_000, 100_000, "9"))
                .step("Test/windows", branch(10_000, 70_000, "9")).build();
        RunSchedule schedule = RunSchedule.of(map);

        assertThat(schedule.ownMillis(index(map, "Test"))).isEqualTo(20_000);
        assertThat(schedule.ownMillis(index(map, "Test/linux"))).isEqualTo(100_000);
    }

    @Test
    public void aBranchIsContainedInItsStageAndATopStepInTheRun() {
        ProcessMap map = threeBranches();
        RunSchedule schedule = RunSchedule.of(map);

        assertThat(schedule.parentOf(index(map, "Test/mac"))).isEqualTo(index(map, "Test"));
        assertThat(schedule.parentOf(index(map, "Build"))).isEqualTo(-1);
    }

    /** The run recomputed with each named step's own time cut by its time. */
    private static Rescheduled cut(ProcessMap map, Map<String, Long> cutByName) {
        long[] cut = new long[map.steps().size()];
        cutByName.forEach((name, millis) -> cut[index(map, name)] = millis);
        return RunSchedule.of(map).withOwnTimeCut(cut, 0);
    }

    @Test
    public void cuttingTheLongestBranchShortensTheRunUntilTheNextBranchIsLonger() {
        ProcessMap map = threeBranches();

        Rescheduled shorter = cut(map, Map.of("Test/linux", 50_000L));

        assertThat(shorter.leadTimeMillis()).isEqualTo(130_000);
        assertThat(shorter.elapsedMillis(index(map, "Test"))).isEqualTo(70_000);
        assertThat(shorter.elapsedMillis(index(map, "Test/linux"))).isEqualTo(50_000);
    }

    @Test
    public void cuttingABranchBesideALongerOneLeavesTheLeadTime() {
        assertThat(cut(threeBranches(), Map.of("Test/mac", 40_000L)).leadTimeMillis()).isEqualTo(160_000);
    }

    @Test
    public void cutsOfSeveralStepsAddUpAlongThePath() {
        assertThat(cut(threeBranches(), Map.of("Build", 20_000L, "Test/linux", 30_000L)).leadTimeMillis())
                .isEqualTo(110_000);
    }

    @Test
    public void aCutBeyondAStepsOwnTimeTakesOnlyItsOwnTime() {
        ProcessMap map = run(1).step("Test", alone(0, 120_000)).step("Test/linux", branch(10_000, 100_000, "9"))
                .build();

        assertThat(cut(map, Map.of("Test", 500_000L)).leadTimeMillis()).isEqualTo(100_000);
    }

    @Test
    public void theQueueCutIsAtMostTheQueueWait() {
        ProcessMap map = queuedRun();

        assertThat(RunSchedule.of(map).withOwnTimeCut(new long[map.steps().size()], 60_000).leadTimeMillis())
                .isEqualTo(62_000);
    }
}
