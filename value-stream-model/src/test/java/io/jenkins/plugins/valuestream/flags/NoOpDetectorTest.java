package io.jenkins.plugins.valuestream.flags;

import static io.jenkins.plugins.valuestream.testing.RunFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.valuestream.graph.RunResult;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.StepPath;
import io.jenkins.plugins.valuestream.process.StepResult;
import io.jenkins.plugins.valuestream.process.WaitCause;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.Test;

public class NoOpDetectorTest {
    private static final DetectorSettings DEFAULTS = DetectorSettings.defaults();
    /** For the tests about which runs count: no floor on the time over the window. */
    private static final DetectorSettings NO_WINDOW_FLOOR = DEFAULTS.toBuilder().noOpWindowFloorMillis(0).build();

    /** Runs 1..count, each with a Lint stage made by {@code lint}. */
    private static List<ProcessMap> runs(int count, IntFunction<ProcessMap> make) {
        List<ProcessMap> runs = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            runs.add(make.apply(i));
        }
        return runs;
    }

    private static ProcessMap idleLint(int number) {
        return run(number).step("Lint", s -> s.process(200).waited(WaitCause.GAP, 6_800)).build();
    }

    private static ProcessMap busyLint(int number) {
        return run(number).step("Lint", s -> s.process(30_000)).build();
    }

    @Test
    public void flagsAStepThatDidNothingInEveryRecentRun() {
        List<Flag> flags = NoOpDetector.detect(idleLint(10), runs(9, NoOpDetectorTest::idleLint), DEFAULTS);

        assertThat(flags).singleElement().satisfies(flag -> {
            assertThat(flag.kind()).isEqualTo(FlagKind.NO_OP);
            assertThat(flag.step()).isEqualTo(StepPath.of("Lint"));
        });
    }

    @Test
    public void costIsTheMedianElapsedTime() {
        List<Flag> flags = NoOpDetector.detect(idleLint(10), runs(9, NoOpDetectorTest::idleLint), DEFAULTS);

        assertThat(flags.get(0).costMillis()).isEqualTo(7_000);
    }

    @Test
    public void messageAndEvidenceSayHowOftenItDidNothing() {
        Flag flag = NoOpDetector.detect(idleLint(10), runs(9, NoOpDetectorTest::idleLint), DEFAULTS).get(0);

        assertThat(flag.message()).isEqualTo("Lint: did next to nothing (process time under 1s) in 10 of the last "
                + "10 runs and never failed; it takes 7s (median)");
        assertThat(flag.evidence()).containsExactly(
                "process time under 1s in 10 of 10 runs (#1 to #10), needed 90%",
                "ended SUCCESS in all 10 runs",
                "median elapsed 7s, 1m 10s over the 10 runs");
        assertThat(flag.remedy()).contains("beforeAgent true");
    }

    @Test
    public void doesNotFlagAStepWhoseTimeOverTheRunsStaysBelowTheWindowFloor() {
        // 300 ms a run, as a Declarative post section: 3 s over ten runs costs nobody a change.
        IntFunction<ProcessMap> quick = n -> run(n).step("Declarative: Post Actions", s -> s.process(300)).build();

        assertThat(NoOpDetector.detect(quick.apply(10), runs(9, quick), DEFAULTS)).isEmpty();
    }

    @Test
    public void flagsAStepIdleInNineOfTenRuns() {
        List<ProcessMap> history = runs(9, n -> n == 4 ? busyLint(n) : idleLint(n));

        assertThat(NoOpDetector.detect(idleLint(10), history, DEFAULTS)).hasSize(1);
    }

    @Test
    public void doesNotFlagAStepIdleInFewerThanTheShareOfRuns() {
        List<ProcessMap> history = runs(9, n -> n == 4 || n == 7 ? busyLint(n) : idleLint(n));

        assertThat(NoOpDetector.detect(idleLint(10), history, DEFAULTS)).isEmpty();
    }

    @Test
    public void looksOnlyAtTheLastBaselineRuns() {
        // runs 1..10 did work, 11..29 did not: the last 20 runs (10 included) hold one busy run
        List<ProcessMap> history = runs(29, n -> n <= 10 ? busyLint(n) : idleLint(n));

        assertThat(NoOpDetector.detect(idleLint(30), history, DEFAULTS)).hasSize(1);
    }

    @Test
    public void doesNotFlagWithFewerThanTheMinimumRuns() {
        assertThat(NoOpDetector.detect(idleLint(4), runs(3, NoOpDetectorTest::idleLint), DEFAULTS)).isEmpty();
    }

    @Test
    public void flagsWithExactlyTheMinimumRunsThisOneIncluded() {
        assertThat(NoOpDetector.detect(idleLint(5), runs(4, NoOpDetectorTest::idleLint), NO_WINDOW_FLOOR))
                .hasSize(1);
    }

    @Test
    public void doesNotFlagAStepThatFailedInARecentRun() {
        List<ProcessMap> history = runs(9, n -> n == 6
                ? run(n).result(RunResult.FAILURE).step("Lint", s -> s.process(200).result(StepResult.FAILURE)).build()
                : idleLint(n));

        assertThat(NoOpDetector.detect(idleLint(10), history, DEFAULTS)).isEmpty();
    }

    @Test
    public void doesNotFlagAStepThatDidWorkInThisRun() {
        assertThat(NoOpDetector.detect(busyLint(10), runs(9, NoOpDetectorTest::idleLint), DEFAULTS)).isEmpty();
    }

    @Test
    public void doesNotFlagTheOutsideStep() {
        List<ProcessMap> history = runs(9, n -> run(n).outside(s -> s.process(100)).build());

        assertThat(NoOpDetector.detect(run(10).outside(s -> s.process(100)).build(), history, DEFAULTS)).isEmpty();
    }

    @Test
    public void doesNotFlagAnApprovalStageThatOnlyWaitsForAPerson() {
        IntFunction<ProcessMap> approve = n -> run(n).step("Approve", s -> s.waited(WaitCause.INPUT, 600_000))
                .build();

        assertThat(NoOpDetector.detect(approve.apply(10), runs(9, approve), DEFAULTS)).isEmpty();
    }

    @Test
    public void runsOfAnyResultCountAsRecentRuns() {
        List<ProcessMap> history = runs(9, n -> n % 2 == 0
                ? run(n).result(RunResult.UNSTABLE).step("Lint", s -> s.process(200)).build()
                : idleLint(n));

        assertThat(NoOpDetector.detect(idleLint(10), history, NO_WINDOW_FLOOR)).hasSize(1);
    }
}
