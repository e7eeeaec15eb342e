package io.jenkins.plugins.valuestream.stream;

import static io.jenkins.plugins.valuestream.testing.RunFixture.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.StepKind;
import io.jenkins.plugins.valuestream.process.StepPath;
import io.jenkins.plugins.valuestream.process.StepResult;
import io.jenkins.plugins.valuestream.process.WaitCause;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class ValueStreamAggregatorTest {
    private static final StepPath BUILD = StepPath.of("Build");

    private static StepStats step(ValueStream stream, String path) {
        return stream.steps().stream().filter(s -> s.path().equals(StepPath.parse(path)) && s.occurrence() == 0)
                .findFirst().orElseThrow(() -> new AssertionError("no step " + path + " in " + stream.steps()));
    }

    private static List<ProcessMap> buildRunsWithProcess(long... processMillis) {
        List<ProcessMap> runs = new ArrayList<>();
        for (int i = 0; i < processMillis.length; i++) {
            long process = processMillis[i];
            runs.add(run(i + 1).step("Build", s -> s.process(process)).build());
        }
        return runs;
    }

    @Test
    public void countsTheRunsInWhichAStepRanButNotThoseThatSkippedIt() {
        List<ProcessMap> runs = List.of(
                run(1).step("Deploy", s -> s.process(1_000)).build(),
                run(2).step("Deploy", s -> s.result(StepResult.SKIPPED)).build(),
                run(3).step("Deploy", s -> s.process(1_000).result(StepResult.FAILURE)).build());

        assertThat(step(ValueStreamAggregator.aggregate("app", runs), "Deploy").runs()).isEqualTo(2);
    }

    @Test
    public void skippedRunsAddNothingToAStepsDistributions() {
        List<ProcessMap> runs = List.of(
                run(1).step("Deploy", s -> s.process(10_000)).build(),
                run(2).step("Deploy", s -> s.result(StepResult.SKIPPED)).build(),
                run(3).step("Deploy", s -> s.process(20_000)).build());

        assertThat(step(ValueStreamAggregator.aggregate("app", runs), "Deploy").process().median())
                .isEqualTo(15_000);
    }

    @Test
    public void givesMedianAndP90OfProcessTime() {
        List<ProcessMap> runs = buildRunsWithProcess(10_000, 20_000, 30_000, 40_000, 50_000, 60_000, 70_000, 80_000,
                90_000, 100_000, 110_000);

        Distribution process = step(ValueStreamAggregator.aggregate("app", runs), "Build").process();

        assertThat(process).isEqualTo(new Distribution(60_000, 100_000));
    }

    @Test
    public void givesDistributionsOfWaitElapsedAndEffort() {
        List<ProcessMap> runs = List.of(
                run(1).step("Test", s -> s.process(60_000).waited(WaitCause.AGENT, 10_000).effort(180_000)).build(),
                run(2).step("Test", s -> s.process(80_000).waited(WaitCause.AGENT, 30_000).effort(240_000)).build());

        StepStats test = step(ValueStreamAggregator.aggregate("app", runs), "Test");

        assertThat(test.waitTime().median()).isEqualTo(20_000);
        assertThat(test.elapsed().median()).isEqualTo(90_000);
        assertThat(test.effort().median()).isEqualTo(210_000);
    }

    @Test
    public void waitByCauseHoldsOnlyCausesThatHadTime() {
        List<ProcessMap> runs = List.of(
                run(1).step("Deploy", s -> s.process(1_000).waited(WaitCause.INPUT, 60_000)).build(),
                run(2).step("Deploy", s -> s.process(1_000)).build());

        StepStats deploy = step(ValueStreamAggregator.aggregate("app", runs), "Deploy");

        assertThat(deploy.waitByCause()).containsOnlyKeys(WaitCause.INPUT);
        assertThat(deploy.waitByCause().get(WaitCause.INPUT).median()).isEqualTo(30_000);
    }

    @Test
    public void waitByCauseLeavesOutRunsWhereTheCauseWasUnknown() {
        List<ProcessMap> runs = List.of(
                run(1).step("Build", s -> s.process(1_000).waited(WaitCause.AGENT, 40_000)).build(),
                run(2).step("Build", s -> s.process(1_000).unknown(WaitCause.AGENT)).build(),
                run(3).step("Build", s -> s.process(1_000).waited(WaitCause.AGENT, 20_000)).build());

        StepStats build = step(ValueStreamAggregator.aggregate("app", runs), "Build");

        assertThat(build.waitByCause().get(WaitCause.AGENT).median()).isEqualTo(30_000);
    }

    @Test
    public void successRateCountsOnlySuccessFirstTime() {
        List<ProcessMap> runs = List.of(
                run(1).step("Test", s -> s.process(1_000)).build(),
                run(2).step("Test", s -> s.process(1_000).reworked()).build(),
                run(3).step("Test", s -> s.process(1_000).result(StepResult.UNSTABLE)).build(),
                run(4).step("Test", s -> s.process(1_000).result(StepResult.FAILURE)).build());

        assertThat(step(ValueStreamAggregator.aggregate("app", runs), "Test").successRate()).isEqualTo(0.25);
    }

    @Test
    public void stepFlowEfficiencyIsSummedProcessOverSummedElapsed() {
        List<ProcessMap> runs = List.of(
                run(1).step("Build", s -> s.process(10_000).waited(WaitCause.AGENT, 90_000)).build(),
                run(2).step("Build", s -> s.process(50_000).waited(WaitCause.AGENT, 50_000)).build());

        assertThat(step(ValueStreamAggregator.aggregate("app", runs), "Build").flowEfficiency()).isEqualTo(0.3);
    }

    @Test
    public void medianStartOffsetIsTakenFromTheRunsStart() {
        List<ProcessMap> runs = List.of(
                run(1).step("Build", s -> s.at(1_000).process(1_000)).build(),
                run(2).step("Build", s -> s.at(3_000).process(1_000)).build(),
                run(3).step("Build", s -> s.at(8_000).process(1_000)).build());

        assertThat(step(ValueStreamAggregator.aggregate("app", runs), "Build").medianStartOffset()).isEqualTo(3_000);
    }

    @Test
    public void repeatedOccurrencesOfAStepStaySeparate() {
        List<ProcessMap> runs = List.of(run(1)
                .step("Deploy", s -> s.at(0).process(10_000))
                .step("Deploy", s -> s.at(20_000).process(30_000).occurrence(1))
                .build());

        ValueStream stream = ValueStreamAggregator.aggregate("app", runs);

        assertThat(stream.steps()).extracting(StepStats::displayName).containsExactly("Deploy", "Deploy #2");
        assertThat(stream.steps().get(1).process().median()).isEqualTo(30_000);
    }

    @Test
    public void takesAStepsKindFromTheNewestRun() {
        List<ProcessMap> runs = List.of(
                run(2).step("QA", s -> s.process(1_000).kind(StepKind.PROCESS_STEP)).build(),
                run(1).step("QA", s -> s.process(1_000)).build());

        assertThat(step(ValueStreamAggregator.aggregate("app", runs), "QA").kind()).isEqualTo(StepKind.PROCESS_STEP);
    }

    @Test
    public void parallelBranchesShareAKeyAlthoughTheirNodeIdsDifferPerRun() {
        List<ProcessMap> runs = List.of(
                run(1).step("Test/linux", s -> s.process(1_000).parallel("14"))
                        .step("Test/windows", s -> s.process(1_000).parallel("14")).build(),
                run(2).step("Test/linux", s -> s.process(1_000).parallel("17"))
                        .step("Test/windows", s -> s.process(1_000).parallel("17")).build());

        ValueStream stream = ValueStreamAggregator.aggregate("app", runs);

        assertThat(step(stream, "Test/linux").parallelGroup()).isEqualTo("parallel[Test/linux, Test/windows]");
        assertThat(step(stream, "Test/windows").parallelGroup()).isEqualTo("parallel[Test/linux, Test/windows]");
    }

    @Test
    public void parallelGroupJoinsBranchesSeenInDifferentRuns() {
        List<ProcessMap> runs = List.of(
                run(1).step("Test/linux", s -> s.process(1_000).parallel("14"))
                        .step("Test/windows", s -> s.process(1_000).parallel("14")).build(),
                run(2).step("Test/linux", s -> s.process(1_000).parallel("17"))
                        .step("Test/mac", s -> s.process(1_000).parallel("17")).build());

        ValueStream stream = ValueStreamAggregator.aggregate("app", runs);

        assertThat(step(stream, "Test/windows").parallelGroup())
                .isEqualTo(step(stream, "Test/mac").parallelGroup())
                .isEqualTo("parallel[Test/linux, Test/mac, Test/windows]");
    }

    @Test
    public void twoParallelBlocksGetDifferentKeys() {
        List<ProcessMap> runs = List.of(run(1)
                .step("Test/unit", s -> s.at(0).process(1_000).parallel("14"))
                .step("Test/lint", s -> s.at(0).process(1_000).parallel("14"))
                .step("Publish/docs", s -> s.at(5_000).process(1_000).parallel("40"))
                .step("Publish/image", s -> s.at(5_000).process(1_000).parallel("40"))
                .build());

        ValueStream stream = ValueStreamAggregator.aggregate("app", runs);

        assertThat(step(stream, "Test/unit").parallelGroup())
                .isNotEqualTo(step(stream, "Publish/docs").parallelGroup());
    }

    @Test
    public void sequentialStepsHaveNoParallelGroup() {
        List<ProcessMap> runs = List.of(run(1).step("Build", s -> s.process(1_000)).build());

        assertThat(step(ValueStreamAggregator.aggregate("app", runs), "Build").parallelGroup()).isNull();
    }

    @Test
    public void ordersStepsByMedianStartOffsetWithTheOutsideStepLast() {
        List<ProcessMap> runs = List.of(run(1)
                .outside(s -> s.at(0).process(2_000))
                .step("Deploy", s -> s.at(70_000).process(1_000))
                .step("Build", s -> s.at(5_000).process(60_000))
                .build());

        assertThat(ValueStreamAggregator.aggregate("app", runs).steps()).extracting(StepStats::path)
                .containsExactly(BUILD, StepPath.of("Deploy"), StepPath.OUTSIDE);
    }

    @Test
    public void parallelBranchesKeepTheOrderTheRunListsThem() {
        List<ProcessMap> runs = List.of(run(1)
                .step("Test/windows", s -> s.at(5_000).process(1_000).parallel("9"))
                .step("Test/linux", s -> s.at(5_000).process(1_000).parallel("9"))
                .build());

        assertThat(ValueStreamAggregator.aggregate("app", runs).steps()).extracting(StepStats::displayName)
                .containsExactly("Test/windows", "Test/linux");
    }

    @Test
    public void placesAStepOnlySomeRunsHaveAfterTheStepItFollowedThere() {
        List<ProcessMap> runs = List.of(
                run(1).step("Build", s -> s.at(0).process(10_000)).step("Deploy", s -> s.at(20_000).process(1_000))
                        .build(),
                run(2).step("Build", s -> s.at(0).process(10_000)).step("Scan", s -> s.at(10_000).process(5_000))
                        .step("Deploy", s -> s.at(20_000).process(1_000)).build());

        assertThat(ValueStreamAggregator.aggregate("app", runs).steps()).extracting(StepStats::displayName)
                .containsExactly("Build", "Scan", "Deploy");
    }

    @Test
    public void followsThePipelineOrderWhereMedianStartTimesWouldNot() {
        // Most runs skip Build and Deploy and run Test early (median start 1 s, Build's 2 s); the run that has them goes
        // Build, Test, Deploy.
        List<ProcessMap> runs = new ArrayList<>();
        runs.add(run(1).step("Checkout", s -> s.at(0).process(2_000)).step("Build", s -> s.at(2_000).process(8_000))
                .step("Test", s -> s.at(10_000).process(5_000)).step("Deploy", s -> s.at(15_000).process(1_000))
                .build());
        for (int number = 2; number <= 5; number++) {
            runs.add(run(number).step("Checkout", s -> s.at(0).process(1_000))
                    .step("Test", s -> s.at(1_000).process(5_000)).build());
        }

        assertThat(ValueStreamAggregator.aggregate("app", runs).steps()).extracting(StepStats::displayName)
                .containsExactly("Checkout", "Build", "Test", "Deploy");
    }

    @Test
    public void aStepThatRanInFewOfTheRunsIsNotTheBottleneck() {
        List<ProcessMap> runs = new ArrayList<>();
        for (int number = 1; number <= 26; number++) {
            boolean rare = number <= 2;
            runs.add(run(number).step("Build", s -> s.at(0).process(30_000))
                    .step(rare ? "Migrate" : "Test", s -> s.at(30_000).process(rare ? 90_000 : 20_000)).build());
        }

        assertThat(ValueStreamAggregator.aggregate("app", runs).bottleneck()).isNotNull()
                .extracting(StepStats::displayName).isEqualTo("Build");
    }

    @Test
    public void stepsOfNextToNoTimeHaveNoBottleneck() {
        List<ProcessMap> runs = List.of(
                run(1).step("Build", s -> s.process(300)).step("Test", s -> s.at(300).process(200)).build(),
                run(2).step("Build", s -> s.process(400)).step("Test", s -> s.at(400).process(100)).build());

        ValueStream stream = ValueStreamAggregator.aggregate("app", runs);

        assertThat(stream.bottleneck()).isNull();
        assertThat(stream.waitBottleneck()).isNull();
    }

    @Test
    public void givesTheJobsLeadProcessAndWaitDistributions() {
        List<ProcessMap> runs = List.of(
                run(1).queued(20_000).step("Build", s -> s.process(60_000).waited(WaitCause.AGENT, 10_000)).build(),
                run(2).queued(40_000).step("Build", s -> s.process(80_000).waited(WaitCause.AGENT, 30_000)).build());

        ValueStream stream = ValueStreamAggregator.aggregate("app", runs);

        assertThat(stream.leadTime().median()).isEqualTo(120_000);
        assertThat(stream.process().median()).isEqualTo(70_000);
        assertThat(stream.waitTime().median()).isEqualTo(50_000);
        assertThat(stream.runs()).isEqualTo(2);
    }

    @Test
    public void queueStatisticsLeaveOutRunsWithUnknownQueueWait() {
        List<ProcessMap> runs = List.of(
                run(1).queued(20_000).step("Build", s -> s.process(1_000)).build(),
                run(2).queueUnknown().step("Build", s -> s.process(1_000)).build(),
                run(3).queueUnknown().step("Build", s -> s.process(1_000)).build());

        ValueStream stream = ValueStreamAggregator.aggregate("app", runs);

        assertThat(stream.waitByCause().get(WaitCause.QUEUE)).isEqualTo(new Distribution(20_000, 20_000));
    }

    @Test
    public void jobFlowEfficiencyIsSummedProcessOverSummedLeadTime() {
        List<ProcessMap> runs = List.of(
                run(1).queued(30_000).step("Build", s -> s.process(10_000)).build(),
                run(2).queued(10_000).step("Build", s -> s.process(50_000)).build());

        assertThat(ValueStreamAggregator.aggregate("app", runs).flowEfficiency()).isCloseTo(0.6, within(1e-9));
    }

    @Test
    public void bottleneckIsTheStepWithTheLargestMedianElapsedTime() {
        List<ProcessMap> runs = List.of(run(1)
                .step("Build", s -> s.at(0).process(60_000))
                .step("Test", s -> s.at(60_000).process(30_000).waited(WaitCause.AGENT, 45_000))
                .build());

        assertThat(ValueStreamAggregator.aggregate("app", runs).bottleneck().path()).isEqualTo(StepPath.of("Test"));
    }

    @Test
    public void bottleneckIsNeverTheOutsideStepWhenThereAreOthers() {
        List<ProcessMap> runs = List.of(run(1)
                .outside(s -> s.process(120_000))
                .step("Build", s -> s.at(120_000).process(60_000))
                .build());

        assertThat(ValueStreamAggregator.aggregate("app", runs).bottleneck().path()).isEqualTo(BUILD);
    }

    @Test
    public void bottleneckIsTheOutsideStepWhenItIsTheOnlyOne() {
        List<ProcessMap> runs = List.of(run(1).outside(s -> s.process(120_000)).build());

        assertThat(ValueStreamAggregator.aggregate("app", runs).bottleneck().path()).isEqualTo(StepPath.OUTSIDE);
    }

    /** Test with the branches linux and windows from the start, then Deploy. */
    private static List<ProcessMap> testThenDeploy(long linux, long windows, long deploy) {
        long test = Math.max(linux, windows);
        return List.of(run(1)
                .step("Test", s -> s.at(0).process(test))
                .step("Test/linux", s -> s.at(0).process(linux).parallel("8"))
                .step("Test/windows", s -> s.at(0).process(windows).parallel("8"))
                .step("Deploy", s -> s.at(test).process(deploy))
                .build());
    }

    @Test
    public void bottleneckIsAnInnermostStepNotTheStageAroundIt() {
        List<ProcessMap> runs = testThenDeploy(40_000, 100_000, 50_000);

        assertThat(ValueStreamAggregator.aggregate("app", runs).bottleneck().path())
                .isEqualTo(StepPath.of("Test", "windows"));
    }

    @Test
    public void aBranchBesideALongerOneIsNotTheBottleneck() {
        // windows takes longest (100 s) but saves only the 10 s it outlasts linux; Deploy saves all its 70 s.
        List<ProcessMap> runs = testThenDeploy(90_000, 100_000, 70_000);

        assertThat(ValueStreamAggregator.aggregate("app", runs).bottleneck().path()).isEqualTo(StepPath.of("Deploy"));
    }

    @Test
    public void branchesThatSaveNothingLeaveTheBottleneckToTheLongerOne() {
        // Two branches of equal length: neither saves anything alone, so the longer median elapsed time decides.
        List<ProcessMap> runs = testThenDeploy(100_000, 100_000, 0);

        assertThat(ValueStreamAggregator.aggregate("app", runs).bottleneck().path())
                .isEqualTo(StepPath.of("Test", "linux"));
    }

    @Test
    public void waitBottleneckIsTheStepWithTheLargestMedianWait() {
        List<ProcessMap> runs = List.of(run(1)
                .step("Build", s -> s.at(0).process(60_000).waited(WaitCause.AGENT, 5_000))
                .step("Approve", s -> s.at(65_000).waited(WaitCause.INPUT, 600_000))
                .step("Deploy", s -> s.at(665_000).process(60_000))
                .build());

        assertThat(ValueStreamAggregator.aggregate("app", runs).waitBottleneck().path())
                .isEqualTo(StepPath.of("Approve"));
    }

    @Test
    public void waitBottleneckCanBeTheOutsideStep() {
        List<ProcessMap> runs = List.of(run(1)
                .outside(s -> s.waited(WaitCause.AGENT, 90_000))
                .step("Build", s -> s.at(90_000).process(60_000).waited(WaitCause.LOCK, 5_000))
                .build());

        assertThat(ValueStreamAggregator.aggregate("app", runs).waitBottleneck().path()).isEqualTo(StepPath.OUTSIDE);
    }

    @Test
    public void noWaitBottleneckWhenNoStepWaits() {
        List<ProcessMap> runs = List.of(run(1).step("Build", s -> s.process(60_000)).build());

        assertThat(ValueStreamAggregator.aggregate("app", runs).waitBottleneck()).isNull();
    }

    @Test
    public void trendHasOneRunPerRunOldestFirst() {
        List<ProcessMap> runs = List.of(
                run(12).step("Build", s -> s.process(3_000)).build(),
                run(10).step("Build", s -> s.process(1_000)).build(),
                run(11).step("Build", s -> s.process(2_000)).build());

        List<RunTrend> trend = ValueStreamAggregator.aggregate("app", runs).trend();

        assertThat(trend).extracting(RunTrend::number).containsExactly(10, 11, 12);
        assertThat(trend).extracting(RunTrend::processMillis).containsExactly(1_000L, 2_000L, 3_000L);
    }

    @Test
    public void leavesOutRunningRunsByDefault() {
        List<ProcessMap> runs = List.of(
                run(1).step("Build", s -> s.process(60_000)).build(),
                run(2).runningFor(5_000).step("Build", s -> s.process(5_000).result(StepResult.RUNNING)).build());

        ValueStream stream = ValueStreamAggregator.aggregate("app", runs);

        assertThat(stream.runs()).isEqualTo(1);
        assertThat(step(stream, "Build").process().median()).isEqualTo(60_000);
    }

    @Test
    public void takesRunningRunsAsOfNowWhenAskedTo() {
        List<ProcessMap> runs = List.of(
                run(1).step("Build", s -> s.process(60_000)).build(),
                run(2).runningFor(5_000).step("Build", s -> s.process(5_000).result(StepResult.RUNNING)).build());

        ValueStream stream = ValueStreamAggregator.aggregateIncludingRunning("app", runs);

        assertThat(stream.runs()).isEqualTo(2);
        assertThat(stream.trend().get(1).leadTimeMillis()).isEqualTo(5_000);
        assertThat(step(stream, "Build").successRate()).isEqualTo(0.5);
    }

    @Test
    public void countsTwoMapsOfOneBuildOnceTakingTheLaterOne() {
        ProcessMap earlier = run(7).runningFor(5_000).step("Build", s -> s.process(5_000)
                .result(StepResult.RUNNING)).build();
        ProcessMap later = run(7).step("Build", s -> s.process(60_000)).build();

        ValueStream stream = ValueStreamAggregator.aggregateIncludingRunning("app", List.of(later, earlier));

        assertThat(stream.runs()).isEqualTo(1);
        assertThat(step(stream, "Build").process().median()).isEqualTo(60_000);
    }

    @Test
    public void aValueStreamOfNoRunsIsEmpty() {
        ValueStream stream = ValueStreamAggregator.aggregate("app", List.of());

        assertThat(stream.runs()).isZero();
        assertThat(stream.steps()).isEmpty();
        assertThat(stream.bottleneck()).isNull();
        assertThat(stream.flowEfficiency()).isZero();
        assertThat(stream.leadTime()).isEqualTo(Distribution.EMPTY);
    }

    @Test
    public void carriesTheJobName() {
        assertThat(ValueStreamAggregator.aggregate("folder/app", List.of()).job()).isEqualTo("folder/app");
    }

    @Test
    public void jobWaitByCauseHoldsTheRunsCauses() {
        List<ProcessMap> runs = List.of(run(1).waits(Map.of(WaitCause.AGENT, 30_000L)).process(60_000)
                .step("Build", s -> s.process(60_000).waited(WaitCause.AGENT, 30_000)).build());

        assertThat(ValueStreamAggregator.aggregate("app", runs).waitByCause()).containsOnlyKeys(WaitCause.AGENT);
    }

    /** Runs of two branches: linux takes the given times, windows always 60 s. */
    private static List<ProcessMap> branchRuns(long... linuxMillis) {
        List<ProcessMap> runs = new ArrayList<>();
        for (int i = 0; i < linuxMillis.length; i++) {
            long linux = linuxMillis[i];
            runs.add(run(i + 1).step("linux", s -> s.process(linux).parallel("5"))
                    .step("windows", s -> s.process(60_000).parallel("5")).build());
        }
        return runs;
    }

    @Test
    public void aStepsCriticalShareIsTheShareOfItsRunsInWhichItWasOnTheCriticalPath() {
        ValueStream stream = ValueStreamAggregator.aggregate("app", branchRuns(90_000, 80_000, 70_000, 10_000));

        assertThat(List.of(step(stream, "linux"), step(stream, "windows"))).extracting(StepStats::criticalShare)
                .containsExactly(0.75, 0.25);
    }

    @Test
    public void aStepsExclusiveTimeCountsTheRunsWhereItWasOffThePathAsZero() {
        // linux outlasts windows by 30 s, 20 s and 10 s, and is off the path in the fourth run.
        ValueStream stream = ValueStreamAggregator.aggregate("app", branchRuns(90_000, 80_000, 70_000, 10_000));

        assertThat(step(stream, "linux").exclusive().median()).isEqualTo(15_000);
    }

    @Test
    public void aSkippedStepAddsNothingToItsCriticalShare() {
        List<ProcessMap> runs = List.of(
                run(1).step("Deploy", s -> s.process(1_000)).build(),
                run(2).step("Deploy", s -> s.result(StepResult.SKIPPED)).build());

        assertThat(step(ValueStreamAggregator.aggregate("app", runs), "Deploy").criticalShare()).isEqualTo(1.0);
    }
}
