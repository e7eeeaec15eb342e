package io.jenkins.plugins.valuestream.dora;

import io.jenkins.plugins.valuestream.graph.Change;
import io.jenkins.plugins.valuestream.graph.RunResult;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.ProcessStep;
import io.jenkins.plugins.valuestream.process.StepResult;
import io.jenkins.plugins.valuestream.stream.Distribution;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Computes a job's {@link DoraFigures} over the completed runs of a window, oldest first (docs/definitions.md,
 * "Delivery: DORA"):
 *
 * <ul>
 *   <li>a run <em>deploys</em> when it has a deploying step ({@link DeploymentRule}) that was not skipped; it
 *       <em>failed</em> when the run or one of those steps ended FAILURE or UNSTABLE, <em>succeeded</em> when the run
 *       ended SUCCESS otherwise; an aborted or not-built one is neither and is not counted;
 *   <li>a successful deployment happened at the end of its last deploying step, and ships the changes of its own run
 *       and of the runs before it since the previous successful deployment (runs that did not deploy, or failed to):
 *       changes accumulate until deployed, each commit once;
 *   <li>failed deployment recovery runs from the end of the first failed deployment after a success (or the window's
 *       start) to the next successful deployment.
 * </ul>
 */
public final class DoraCalculator {
    private static final double DAY_MILLIS = 86_400_000.0;

    private DoraCalculator() {
    }

    /** The figures of the window's completed runs (in any order; running ones are left out). */
    public static DoraFigures compute(Collection<ProcessMap> window, DeploymentRule rule) {
        List<ProcessMap> runs = window.stream().filter(map -> !map.running())
                .sorted(Comparator.comparingInt(ProcessMap::number)).toList();
        boolean anyDeploying = runs.stream().anyMatch(run -> run.steps().stream().anyMatch(rule::deploys));
        if (!anyDeploying) {
            return DoraFigures.unknown(rule);
        }
        int successful = 0;
        int failed = 0;
        List<Long> leadTimes = new ArrayList<>();
        int unknownTimes = 0;
        boolean shippedKnown = false;
        int shippedUnknownRuns = 0;
        Map<String, Change> pending = new LinkedHashMap<>();
        Set<String> shipped = new HashSet<>();
        boolean pendingKnown = false;
        int pendingUnknownRuns = 0;
        Long failingSince = null;
        List<Long> recoveries = new ArrayList<>();
        for (ProcessMap run : runs) {
            List<Change> changes = run.changes();
            if (changes == null) {
                pendingUnknownRuns++;
            } else {
                pendingKnown = true;
                for (Change change : changes) {
                    if (!shipped.contains(change.id())) {
                        pending.putIfAbsent(change.id(), change);
                    }
                }
            }
            Outcome outcome = outcome(run, rule);
            if (outcome == Outcome.FAILED) {
                failed++;
                if (failingSince == null) {
                    failingSince = run.completedAt();
                }
            } else if (outcome == Outcome.SUCCEEDED) {
                successful++;
                long deployedAt = deployedAt(run, rule);
                for (Change change : pending.values()) {
                    Long committedAt = change.committedAt();
                    if (committedAt == null || committedAt > deployedAt) {
                        unknownTimes++;
                    } else {
                        leadTimes.add(deployedAt - committedAt);
                    }
                    shipped.add(change.id());
                }
                shippedKnown |= pendingKnown;
                shippedUnknownRuns += pendingUnknownRuns;
                pending.clear();
                pendingKnown = false;
                pendingUnknownRuns = 0;
                if (failingSince != null) {
                    recoveries.add(Math.max(0, deployedAt - failingSince));
                    failingSince = null;
                }
            }
        }
        int deployments = successful + failed;
        return new DoraFigures(deployments, successful, failed,
                leadTime(leadTimes, unknownTimes, successful == 0 || shippedKnown, shippedUnknownRuns),
                frequency(runs, successful), deployments == 0 ? null : (double) failed / deployments,
                recoveries.isEmpty() ? null : Distribution.ofSorting(toArray(recoveries)), recoveries.size(), rule);
    }

    /** What a run was as a deployment. */
    private enum Outcome {
        NONE, SUCCEEDED, FAILED
    }

    private static Outcome outcome(ProcessMap run, DeploymentRule rule) {
        boolean deploying = false;
        boolean stepFailed = false;
        for (ProcessStep step : run.steps()) {
            if (step.counted() && rule.deploys(step)) {
                deploying = true;
                stepFailed |= step.result() == StepResult.FAILURE || step.result() == StepResult.UNSTABLE;
            }
        }
        if (!deploying) {
            return Outcome.NONE;
        }
        if (stepFailed || run.result() == RunResult.FAILURE || run.result() == RunResult.UNSTABLE) {
            return Outcome.FAILED;
        }
        return run.result() == RunResult.SUCCESS ? Outcome.SUCCEEDED : Outcome.NONE;
    }

    /** The end of the run's last deploying step that succeeded (in a successful deployment, every one did). */
    private static long deployedAt(ProcessMap run, DeploymentRule rule) {
        long at = Long.MIN_VALUE;
        for (ProcessStep step : run.steps()) {
            if (step.result() == StepResult.SUCCESS && rule.deploys(step)) {
                at = Math.max(at, step.endedAt());
            }
        }
        return at == Long.MIN_VALUE ? run.asOf() : at;
    }

    private static LeadTimeForChanges leadTime(List<Long> leadTimes, int unknownTimes, boolean known,
            int unknownRuns) {
        if (leadTimes.isEmpty()) {
            return known ? new LeadTimeForChanges(null, null, 0, unknownTimes, unknownRuns)
                    : LeadTimeForChanges.none(false, unknownRuns);
        }
        Distribution distribution = Distribution.ofSorting(toArray(leadTimes));
        return new LeadTimeForChanges(distribution.median(), distribution.p90(), leadTimes.size(), unknownTimes,
                unknownRuns);
    }

    private static @Nullable DeploymentFrequency frequency(List<ProcessMap> runs, int successful) {
        long from = runs.stream().mapToLong(ProcessMap::leadStart).min().orElse(0);
        long to = runs.stream().mapToLong(ProcessMap::asOf).max().orElse(0);
        if (to <= from) {
            return null;
        }
        double days = (to - from) / DAY_MILLIS;
        double perDay = successful / days;
        return new DeploymentFrequency(perDay, perDay * 7, days);
    }

    private static long[] toArray(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).toArray();
    }
}
