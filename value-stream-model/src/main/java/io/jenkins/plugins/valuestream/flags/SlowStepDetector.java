package io.jenkins.plugins.valuestream.flags;

import io.jenkins.plugins.valuestream.process.AgentAllocation;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.ProcessStep;
import io.jenkins.plugins.valuestream.process.WaitBreakdown;
import io.jenkins.plugins.valuestream.process.WaitCause;
import io.jenkins.plugins.valuestream.stream.Distribution;
import io.jenkins.plugins.valuestream.stream.RunWindow;
import io.jenkins.plugins.valuestream.time.Durations;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;

/**
 * Flags the steps of a run that were slower than the job's own history (docs/flags.md), process time and wait time
 * separately. A run without a recorded end gets none: its open steps are not slow, they are unfinished.
 *
 * <p>A step's baseline is its time in the last {@code baselineRuns} successful runs before this run <em>in which the
 * step ran</em> (so that a stage that runs only on some branches still gets a baseline). Its value is flagged when it
 * exceeds the baseline median by more than max(k × 1.4826 × MAD, relativeFloor × median, absolute floor); the floors
 * keep a step whose time never varies (MAD 0) from being flagged for a millisecond more. With fewer than
 * {@code minSamples} samples there is no flag. The cost is the excess over the median.
 *
 * <p>The flag says whether the step is slower in this run only or has been for the last few runs: how many of the
 * {@value #STREAK_RUNS} runs right before it, in which the step ran, were above the same threshold.
 *
 * <p>Wait time is compared over the causes the run's source knows: a sample in which a cause known in this run was
 * unknown is left out, and causes unknown in this run are left out of the samples' totals.
 */
public final class SlowStepDetector {
    /** Scales the median absolute deviation to a standard deviation for normally distributed values. */
    static final double MAD_TO_SIGMA = 1.4826;
    /** How many runs before this one are looked at to tell a lasting slowdown from a one-off. */
    static final int STREAK_RUNS = 3;

    private SlowStepDetector() {
    }

    /** The slow-process and slow-wait flags of the run's counted steps. */
    public static List<Flag> detect(ProcessMap run, Collection<ProcessMap> history, DetectorSettings settings) {
        if (run.running()) {
            return List.of();
        }
        return detectAfter(run, RunHistory.before(run, history).runs(), settings);
    }

    /** The flags of the run given the finished runs before it, newest first ({@link RunHistory#before}). */
    static List<Flag> detectAfter(ProcessMap run, List<ProcessMap> before, DetectorSettings settings) {
        if (run.running()) {
            return List.of();
        }
        List<Flag> flags = new ArrayList<>();
        List<ProcessStep> steps = run.steps();
        for (int position = 0; position < steps.size(); position++) {
            ProcessStep step = steps.get(position);
            if (step.counted()) {
                checkProcess(step, position, before, settings, flags);
                checkWait(run, step, position, before, settings, flags);
            }
        }
        return flags;
    }

    private static void checkProcess(ProcessStep step, int position, List<ProcessMap> earlierRuns,
            DetectorSettings settings, List<Flag> flags) {
        List<ProcessMap> sampleRuns = new ArrayList<>();
        long[] samples = new long[settings.baselineRuns()];
        int count = 0;
        // The successful runs are picked out while the baseline is gathered, not up front: it takes the last few runs
        // in which the step ran, and a job's history holds thousands.
        for (ProcessMap earlier : earlierRuns) {
            if (!RunWindow.isSuccessful(earlier)) {
                continue;
            }
            ProcessStep before = RunHistory.countedStep(earlier, step.path(), step.occurrence(), position);
            if (before != null) {
                samples[count++] = before.processMillis();
                sampleRuns.add(earlier);
                if (count == samples.length) {
                    break;
                }
            }
        }
        Baseline baseline = Baseline.of(Arrays.copyOf(samples, count), sampleRuns, settings,
                settings.absoluteFloorMillis());
        if (baseline != null && baseline.exceededBy(step.processMillis())) {
            List<ProcessMap> streak = streak(step, position, earlierRuns, baseline, ProcessStep::processMillis);
            flags.add(baseline.flag(FlagKind.SLOW_PROCESS, step, "process time", step.processMillis(), streak,
                    List.of(), Remedies.slowProcess()));
        }
    }

    private static void checkWait(ProcessMap run, ProcessStep step, int position, List<ProcessMap> earlierRuns,
            DetectorSettings settings, List<Flag> flags) {
        Set<WaitCause> known = EnumSet.allOf(WaitCause.class);
        known.removeAll(step.waits().unknown());
        List<ProcessMap> sampleRuns = new ArrayList<>();
        long[] samples = new long[settings.baselineRuns()];
        int count = 0;
        // The successful runs are picked out while the baseline is gathered, not up front: it takes the last few runs
        // in which the step ran, and a job's history holds thousands.
        for (ProcessMap earlier : earlierRuns) {
            if (!RunWindow.isSuccessful(earlier)) {
                continue;
            }
            ProcessStep before = RunHistory.countedStep(earlier, step.path(), step.occurrence(), position);
            if (before != null && knowsAll(before.waits(), known)) {
                samples[count++] = before.waits().total(known);
                sampleRuns.add(earlier);
                if (count == samples.length) {
                    break;
                }
            }
        }
        Baseline baseline = Baseline.of(Arrays.copyOf(samples, count), sampleRuns, settings,
                settings.waitAbsoluteFloorMillis());
        long wait = step.waitMillis();
        if (baseline != null && baseline.exceededBy(wait)) {
            WaitCause largest = step.waits().largest();
            List<String> extra = largest == null ? List.of()
                    : List.of("largest cause in this run: " + largest.name().toLowerCase(Locale.ROOT) + " "
                            + Durations.format(step.waits().millis(largest)));
            List<ProcessMap> streak = streak(step, position, earlierRuns, baseline,
                    s -> knowsAll(s.waits(), known) ? s.waits().total(known) : -1);
            flags.add(baseline.flag(FlagKind.SLOW_WAIT, step, "wait", wait, streak, extra,
                    Remedies.slowWait(largest, agentLabel(run, step))));
        }
    }

    /**
     * Whether every one of the causes is known in the breakdown. Asked of each sample of each step: no stream, and
     * nothing to look at in the usual breakdown, which knows every cause.
     */
    private static boolean knowsAll(WaitBreakdown waits, Set<WaitCause> causes) {
        if (waits.unknown().isEmpty()) {
            return true;
        }
        for (WaitCause cause : causes) {
            if (!waits.known(cause)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The runs right before this one, newest first, in which the step was also above the threshold: up to
     * {@value #STREAK_RUNS}, ending at the first run where it was not (or did not run).
     */
    private static List<ProcessMap> streak(ProcessStep step, int position, List<ProcessMap> before,
            Baseline baseline, ToLongFunction<ProcessStep> value) {
        List<ProcessMap> streak = new ArrayList<>();
        for (ProcessMap earlier : before) {
            if (streak.size() == STREAK_RUNS) {
                break;
            }
            ProcessStep same = RunHistory.countedStep(earlier, step.path(), step.occurrence(), position);
            if (same == null || !baseline.exceededBy(value.applyAsLong(same))) {
                break;
            }
            streak.add(earlier);
        }
        return streak;
    }

    /** The label of the agent the step asked for, or "" where it asked for none or for any agent. */
    private static String agentLabel(ProcessMap run, ProcessStep step) {
        for (AgentAllocation agent : run.agents()) {
            if (agent.step().startsWith(step.path())) {
                return agent.label();
            }
        }
        return "";
    }

    /** The median, MAD and threshold of one step's samples. */
    private record Baseline(long median, long mad, double allowance, List<ProcessMap> runs, DetectorSettings settings,
            long absoluteFloor) {

        static @Nullable Baseline of(long[] samples, List<ProcessMap> runs, DetectorSettings settings,
                long absoluteFloor) {
            if (samples.length < settings.minSamples()) {
                return null;
            }
            Arrays.sort(samples);
            long median = Distribution.percentileOfSorted(samples, 0.5);
            long[] deviations = new long[samples.length];
            for (int i = 0; i < samples.length; i++) {
                deviations[i] = Math.abs(samples[i] - median);
            }
            Arrays.sort(deviations);
            long mad = Distribution.percentileOfSorted(deviations, 0.5);
            double allowance = Math.max(settings.madFactor() * MAD_TO_SIGMA * mad,
                    Math.max(settings.relativeFloor() * median, absoluteFloor));
            return new Baseline(median, mad, allowance, runs, settings, absoluteFloor);
        }

        boolean exceededBy(long value) {
            return value > median + allowance;
        }

        Flag flag(FlagKind kind, ProcessStep step, String what, long value, List<ProcessMap> streak,
                List<String> extraEvidence, String remedy) {
            String lasting = streak.isEmpty() ? "; slower in this run only"
                    : "; slower for the last " + (streak.size() + 1) + " runs (since #"
                            + streak.get(streak.size() - 1).number() + ")";
            String message = step.displayName() + ": " + what + " " + Durations.format(value) + ", baseline "
                    + Durations.format(median) + " (median of " + runs.size() + " runs)" + lasting;
            List<String> evidence = new ArrayList<>();
            evidence.add("baseline median " + Durations.format(median) + ", MAD " + Durations.format(mad));
            evidence.add("threshold " + Durations.format(median + (long) Math.ceil(allowance)) + " = median + max("
                    + settings.madFactor() + " × 1.4826 × MAD, " + Math.round(settings.relativeFloor() * 100)
                    + "% of median, " + Durations.format(absoluteFloor) + ")");
            evidence.add("samples: " + runs.size() + " successful runs, " + RunHistory.numberRange(runs));
            evidence.addAll(extraEvidence);
            return new Flag(kind, step.path(), message, value - median, evidence, remedy);
        }
    }
}
