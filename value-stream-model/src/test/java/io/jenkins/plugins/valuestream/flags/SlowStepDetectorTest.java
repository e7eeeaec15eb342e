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
import org.junit.Test;

public class SlowStepDetectorTest {
    private static final DetectorSettings DEFAULTS = DetectorSettings.defaults();

    /** Runs 1..n of a Build stage with the given process times, all successful. */
    private static List<ProcessMap> history(long... processMillis) {
        List<ProcessMap> runs = new ArrayList<>();
        for (int i = 0; i < processMillis.length; i++) {
            long process = processMillis[i];
            runs.add(run(i + 1).step("Build", s -> s.process(process)).build());
        }
        return runs;
    }

    private static long[] times(int count, long millis) {
        long[] values = new long[count];
        java.util.Arrays.fill(values, millis);
        return values;
    }

    private static ProcessMap buildTaking(int number, long processMillis) {
        return run(number).step("Build", s -> s.process(processMillis)).build();
    }

    @Test
    public void flagsAProcessTimeFarAboveTheBaseline() {
        List<Flag> flags = SlowStepDetector.detect(buildTaking(21, 250_000), history(times(20, 60_000)), DEFAULTS);

        assertThat(flags).singleElement().satisfies(flag -> {
            assertThat(flag.kind()).isEqualTo(FlagKind.SLOW_PROCESS);
            assertThat(flag.step()).isEqualTo(StepPath.of("Build"));
        });
    }

    @Test
    public void costIsTheExcessOverTheMedian() {
        List<Flag> flags = SlowStepDetector.detect(buildTaking(21, 250_000), history(times(20, 60_000)), DEFAULTS);

        assertThat(flags.get(0).costMillis()).isEqualTo(190_000);
    }

    @Test
    public void messageNamesStepValueBaselineAndSampleCount() {
        List<Flag> flags = SlowStepDetector.detect(buildTaking(21, 250_000), history(times(20, 62_000)), DEFAULTS);

        assertThat(flags.get(0).message()).isEqualTo("Build: process time 4m 10s, baseline 1m 2s (median of 20 runs)"
                + "; slower in this run only");
    }

    @Test
    public void evidenceGivesMedianMadThresholdAndSampleRuns() {
        List<Flag> flags = SlowStepDetector.detect(buildTaking(21, 250_000), history(times(20, 60_000)), DEFAULTS);

        assertThat(flags.get(0).evidence()).containsExactly(
                "baseline median 1m, MAD 0s",
                "threshold 1m 15s = median + max(3.0 × 1.4826 × MAD, 25% of median, 5s)",
                "samples: 20 successful runs, #1 to #20");
    }

    @Test
    public void noFlagWithFewerThanMinimumSamples() {
        assertThat(SlowStepDetector.detect(buildTaking(5, 600_000), history(times(4, 60_000)), DEFAULTS)).isEmpty();
    }

    @Test
    public void flagsWithExactlyTheMinimumSamples() {
        assertThat(SlowStepDetector.detect(buildTaking(6, 600_000), history(times(5, 60_000)), DEFAULTS)).hasSize(1);
    }

    @Test
    public void noFlagWithinTheSpreadOfAVaryingBaseline() {
        // median 60s, MAD 10s: allowance 3 × 1.4826 × 10s = 44.5s
        List<ProcessMap> history = history(40_000, 50_000, 50_000, 60_000, 60_000, 60_000, 70_000, 70_000, 80_000);

        assertThat(SlowStepDetector.detect(buildTaking(10, 104_000), history, DEFAULTS)).isEmpty();
    }

    @Test
    public void flagsAboveTheSpreadOfAVaryingBaseline() {
        List<ProcessMap> history = history(40_000, 50_000, 50_000, 60_000, 60_000, 60_000, 70_000, 70_000, 80_000);

        assertThat(SlowStepDetector.detect(buildTaking(10, 105_000), history, DEFAULTS)).hasSize(1);
    }

    @Test
    public void relativeFloorAppliesWhenMadIsZero() {
        // median 60s, MAD 0: the 25% floor (15s) is larger than the 5s absolute floor
        List<ProcessMap> history = history(times(10, 60_000));

        assertThat(SlowStepDetector.detect(buildTaking(11, 75_000), history, DEFAULTS)).isEmpty();
        assertThat(SlowStepDetector.detect(buildTaking(11, 75_001), history, DEFAULTS)).hasSize(1);
    }

    @Test
    public void absoluteFloorAppliesWhenMadIsZeroAndTheStepIsShort() {
        // median 2s, MAD 0: 25% is 0.5s, the 5s absolute floor wins
        List<ProcessMap> history = history(times(10, 2_000));

        assertThat(SlowStepDetector.detect(buildTaking(11, 7_000), history, DEFAULTS)).isEmpty();
        assertThat(SlowStepDetector.detect(buildTaking(11, 7_001), history, DEFAULTS)).hasSize(1);
    }

    @Test
    public void unstableAndFailedRunsAreNotInTheBaseline() {
        List<ProcessMap> history = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            RunResult result = i % 5 == 0 ? RunResult.SUCCESS : i % 2 == 0 ? RunResult.UNSTABLE : RunResult.FAILURE;
            history.add(run(i).result(result).step("Build", s -> s.process(60_000)).build());
        }

        // only runs 5, 10, 15 and 20 succeeded: four samples
        assertThat(SlowStepDetector.detect(buildTaking(21, 600_000), history, DEFAULTS)).isEmpty();
    }

    @Test
    public void baselineIsTheLastSuccessfulRunsBeforeThisOne() {
        List<ProcessMap> history = new ArrayList<>(history(times(30, 60_000)));
        for (int i = 0; i < 10; i++) { // runs 1..10 were slow, but are older than the 20 newest
            int number = i + 1;
            history.set(i, run(number).step("Build", s -> s.process(600_000)).build());
        }

        List<Flag> flags = SlowStepDetector.detect(buildTaking(31, 300_000), history, DEFAULTS);

        assertThat(flags).singleElement().satisfies(flag ->
                assertThat(flag.evidence()).contains("samples: 20 successful runs, #11 to #30"));
    }

    @Test
    public void ignoresTheRunItselfAndLaterRunsInTheHistory() {
        List<ProcessMap> history = new ArrayList<>(history(times(4, 60_000)));
        ProcessMap current = buildTaking(5, 600_000);
        history.add(current);
        history.add(buildTaking(6, 600_000));
        history.add(buildTaking(7, 600_000));

        assertThat(SlowStepDetector.detect(current, history, DEFAULTS)).isEmpty();
    }

    @Test
    public void takesTheHistoryInAnyOrder() {
        List<ProcessMap> history = new ArrayList<>(history(times(6, 60_000)));
        java.util.Collections.reverse(history);

        assertThat(SlowStepDetector.detect(buildTaking(7, 600_000), history, DEFAULTS)).hasSize(1);
    }

    @Test
    public void baselineCountsOnlyRunsInWhichTheStepRan() {
        List<ProcessMap> history = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            StepResult result = i <= 6 ? StepResult.SKIPPED : StepResult.SUCCESS;
            history.add(run(i).step("Deploy", s -> s.process(result == StepResult.SKIPPED ? 0 : 60_000)
                    .result(result)).build());
        }
        ProcessMap current = run(11).step("Deploy", s -> s.process(600_000)).build();

        // runs 7..10 ran Deploy: four samples, not ten
        assertThat(SlowStepDetector.detect(current, history, DEFAULTS)).isEmpty();
    }

    @Test
    public void doesNotFlagASkippedStep() {
        ProcessMap current = run(21).step("Build", s -> s.process(600_000).result(StepResult.SKIPPED)).build();

        assertThat(SlowStepDetector.detect(current, history(times(20, 60_000)), DEFAULTS)).isEmpty();
    }

    @Test
    public void flagsAWaitFarAboveItsBaselineSeparately() {
        List<ProcessMap> history = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            history.add(run(i).step("Build", s -> s.process(60_000).waited(WaitCause.AGENT, 10_000)).build());
        }
        ProcessMap current = run(11).step("Build", s -> s.process(60_000).waited(WaitCause.AGENT, 300_000)).build();

        List<Flag> flags = SlowStepDetector.detect(current, history, DEFAULTS);

        assertThat(flags).singleElement().satisfies(flag -> {
            assertThat(flag.kind()).isEqualTo(FlagKind.SLOW_WAIT);
            assertThat(flag.costMillis()).isEqualTo(290_000);
            assertThat(flag.message()).isEqualTo("Build: wait 5m, baseline 10s (median of 10 runs); slower in this"
                    + " run only");
            assertThat(flag.evidence()).contains("largest cause in this run: agent 5m");
            assertThat(flag.remedy()).startsWith("It waited for an agent");
        });
    }

    @Test
    public void waitBelowTheWaitFloorIsNotFlagged() {
        List<ProcessMap> history = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            history.add(run(i).step("Build", s -> s.process(60_000)).build());
        }
        ProcessMap current = run(11).step("Build", s -> s.process(60_000).waited(WaitCause.AGENT, 30_000)).build();

        assertThat(SlowStepDetector.detect(current, history, DEFAULTS)).isEmpty();
    }

    @Test
    public void waitSamplesMissingACauseThisRunKnowsAreLeftOut() {
        List<ProcessMap> history = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            boolean fromRestApi = i <= 6;
            history.add(run(i).step("Build", s -> {
                s.process(60_000);
                if (fromRestApi) {
                    s.unknown(WaitCause.AGENT);
                }
            }).build());
        }
        ProcessMap current = run(11).step("Build", s -> s.process(60_000).waited(WaitCause.AGENT, 300_000)).build();

        // only runs 7..10 knew their agent wait: four samples
        assertThat(SlowStepDetector.detect(current, history, DEFAULTS)).isEmpty();
    }

    @Test
    public void runningRunsAreNotInTheBaseline() {
        List<ProcessMap> history = new ArrayList<>(history(times(4, 60_000)));
        // a running run already marked SUCCESS would be the fifth sample
        history.add(run(5).result(RunResult.SUCCESS).runningFor(600_000)
                .step("Build", s -> s.process(60_000).result(StepResult.RUNNING)).build());

        assertThat(SlowStepDetector.detect(buildTaking(6, 600_000), history, DEFAULTS)).isEmpty();
    }

    @Test
    public void anUnfinishedRunGetsNoSlowFlags() {
        // A controller stopped mid-run: its open step runs "until now", years later. It is unfinished, not slow.
        ProcessMap unfinished = run(21).runningFor(1594L * 86_400_000L)
                .step("Build", s -> s.process(1594L * 86_400_000L)).build();

        assertThat(SlowStepDetector.detect(unfinished, history(times(20, 62_000)), DEFAULTS)).isEmpty();
    }

    @Test
    public void saysWhenTheStepHasBeenSlowForTheLastFewRuns() {
        List<ProcessMap> history = history(times(20, 62_000));
        for (int number = 21; number <= 22; number++) {
            history.add(buildTaking(number, 250_000));
        }

        List<Flag> flags = SlowStepDetector.detect(buildTaking(23, 250_000), history, DEFAULTS);

        assertThat(flags.get(0).message()).endsWith("; slower for the last 3 runs (since #21)");
    }
}
