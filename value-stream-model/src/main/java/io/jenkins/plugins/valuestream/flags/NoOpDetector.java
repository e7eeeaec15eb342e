package io.jenkins.plugins.valuestream.flags;

import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.ProcessStep;
import io.jenkins.plugins.valuestream.process.StepKind;
import io.jenkins.plugins.valuestream.process.StepPath;
import io.jenkins.plugins.valuestream.process.StepResult;
import io.jenkins.plugins.valuestream.process.WaitCause;
import io.jenkins.plugins.valuestream.stream.Distribution;
import io.jenkins.plugins.valuestream.time.Durations;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Flags steps that do next to nothing: process time below {@code noOpMillis} in at least {@code noOpShare} of the
 * recent runs and never failing in them. The recent runs are this run and the runs before it in which the step ran,
 * {@code baselineRuns} at most, whatever the run's result, and there must be at least {@code noOpMinRuns}.
 *
 * <p>"Never failing" means the step ended {@code SUCCESS} in every one of them (an UNSTABLE step reported something).
 * The step must also have done next to nothing in this run. Left out: the implicit outside step (little time outside
 * the stages is good, not waste) and steps that waited for a person in this run (an approval stage does its job by
 * waiting). The cost is the step's median elapsed time over the recent runs: what removing it would save. It is
 * flagged only where its elapsed time over those runs adds up to {@code noOpWindowFloorMillis}: a 300 ms post
 * section costs nobody anything worth a change.
 */
public final class NoOpDetector {
    private NoOpDetector() {
    }

    /** One flag per step of the run that did next to nothing in nearly all recent runs. */
    public static List<Flag> detect(ProcessMap run, Collection<ProcessMap> history, DetectorSettings settings) {
        return detectAfter(run, RunHistory.before(run, history).runs(), settings);
    }

    /** The flags of the run given the finished runs before it, newest first ({@link RunHistory#before}). */
    static List<Flag> detectAfter(ProcessMap run, List<ProcessMap> before, DetectorSettings settings) {
        List<Flag> flags = new ArrayList<>();
        List<ProcessStep> steps = run.steps();
        for (int position = 0; position < steps.size(); position++) {
            ProcessStep step = steps.get(position);
            if (candidate(step, settings)) {
                Flag flag = check(run, step, position, before, settings);
                if (flag != null) {
                    flags.add(flag);
                }
            }
        }
        return flags;
    }

    private static boolean candidate(ProcessStep step, DetectorSettings settings) {
        return step.result() == StepResult.SUCCESS && step.kind() != StepKind.OUTSIDE
                && !step.path().equals(StepPath.OUTSIDE) && step.processMillis() < settings.noOpMillis()
                && step.waits().millis(WaitCause.INPUT) == 0;
    }

    private static @org.jspecify.annotations.Nullable Flag check(ProcessMap run, ProcessStep step, int position,
            List<ProcessMap> before, DetectorSettings settings) {
        List<ProcessStep> recent = new ArrayList<>();
        List<ProcessMap> recentRuns = new ArrayList<>();
        recent.add(step);
        recentRuns.add(run);
        for (ProcessMap earlier : before) {
            if (recent.size() == settings.baselineRuns()) {
                break;
            }
            ProcessStep same = RunHistory.countedStep(earlier, step.path(), step.occurrence(), position);
            if (same != null) {
                recent.add(same);
                recentRuns.add(earlier);
            }
        }
        if (recent.size() < settings.noOpMinRuns()) {
            return null;
        }
        int idle = 0;
        long[] elapsed = new long[recent.size()];
        for (int i = 0; i < recent.size(); i++) {
            ProcessStep each = recent.get(i);
            if (each.result() != StepResult.SUCCESS) {
                return null;
            }
            if (each.processMillis() < settings.noOpMillis()) {
                idle++;
            }
            elapsed[i] = each.elapsedMillis();
        }
        if (idle < settings.noOpShare() * recent.size()) {
            return null;
        }
        long windowTotal = 0;
        for (long each : elapsed) {
            windowTotal += each;
        }
        if (windowTotal < settings.noOpWindowFloorMillis()) {
            return null;
        }
        long medianElapsed = Distribution.ofSorting(elapsed).median();
        String message = step.displayName() + ": did next to nothing (process time under "
                + Durations.format(settings.noOpMillis()) + ") in " + idle + " of the last " + recent.size()
                + " runs and never failed; it takes " + Durations.format(medianElapsed) + " (median)";
        List<String> evidence = List.of(
                "process time under " + Durations.format(settings.noOpMillis()) + " in " + idle + " of "
                        + recent.size() + " runs (" + RunHistory.numberRange(recentRuns) + "), needed "
                        + Math.round(settings.noOpShare() * 100) + "%",
                "ended SUCCESS in all " + recent.size() + " runs",
                "median elapsed " + Durations.format(medianElapsed) + ", " + Durations.format(windowTotal)
                        + " over the " + recent.size() + " runs");
        return new Flag(FlagKind.NO_OP, step.path(), message, medianElapsed, evidence, Remedies.noOp());
    }
}
