package io.jenkins.plugins.valuestream.stream;

import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.ProcessStep;
import io.jenkins.plugins.valuestream.process.StepKind;
import io.jenkins.plugins.valuestream.process.StepPath;
import io.jenkins.plugins.valuestream.process.StepResult;
import io.jenkins.plugins.valuestream.process.WaitBreakdown;
import io.jenkins.plugins.valuestream.process.WaitCause;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Turns the process maps of a job's runs into its {@link ValueStream} (DESIGN.md §4).
 *
 * <p>The choices this makes, so that the numbers can be checked by hand:
 * <ul>
 *   <li><b>Runs</b>: running runs are left out by {@link #aggregate} (their numbers are not final and would drag the
 *       medians down); {@link #aggregateIncludingRunning} takes them as they are at their {@code asOf}. Two maps of
 *       the same build number count once: the one computed last.</li>
 *   <li><b>Steps</b> are matched across runs by path and occurrence. A step counts in a run unless it was
 *       {@linkplain StepResult#SKIPPED skipped}. Its kind is the one of the newest run it ran in.</li>
 *   <li><b>Wait by cause</b> holds each cause that had time in at least one run, as a distribution over the runs in
 *       which that cause was known (runs where it was zero included, runs where the source could not tell left out).
 *       The same rule gives the job's QUEUE statistics only over runs with a known queue wait.</li>
 *   <li><b>%C&amp;A</b>: the share of counted runs in which the step ended {@code SUCCESS} first time; UNSTABLE is not
 *       complete and accurate, a still running step is not (yet) either.</li>
 *   <li><b>Flow efficiency</b> of a step is Σprocess ÷ Σelapsed, of the job Σprocess ÷ Σlead time; 1 where no time
 *       passed, 0 for a value stream of no runs.</li>
 *   <li><b>Parallel group</b>: node ids differ per run, so the key is built from the steps themselves: every step that
 *       ran side by side with another in any run joins its group (transitively, over all runs), and the key is
 *       {@code parallel[a, b, c]} with the display names of all members, sorted. It is the same whatever the order of
 *       the runs and whichever runs are in the window.</li>
 *   <li><b>Order</b>: by median start offset (step start − run start), ties by path, then occurrence; the implicit
 *       {@link StepPath#OUTSIDE} step last.</li>
 *   <li><b>Bottleneck</b>: among the innermost steps (those no other step of the map lies under, since a stage's time
 *       includes the time of the steps inside it), the one with the largest median elapsed time; the implicit
 *       outside step only when there is no other. <b>Wait bottleneck</b>: among the innermost steps, the implicit one
 *       included (its queue and top-level agent waits are real waits), the largest median wait; {@code null} when every
 *       median wait is zero. Ties go to the earlier step in the map's order.</li>
 * </ul>
 */
public final class ValueStreamAggregator {
    private static final WaitCause[] CAUSES = WaitCause.values();

    private ValueStreamAggregator() {
    }

    /** The value stream of the given finished runs; running runs are left out. */
    public static ValueStream aggregate(String job, Collection<ProcessMap> runs) {
        return aggregate(job, runs, false);
    }

    /** The value stream of the given runs, running runs included with their numbers as of their {@code asOf}. */
    public static ValueStream aggregateIncludingRunning(String job, Collection<ProcessMap> runs) {
        return aggregate(job, runs, true);
    }

    private static ValueStream aggregate(String job, Collection<ProcessMap> runs, boolean includeRunning) {
        List<ProcessMap> taken = distinctRuns(runs, includeRunning);
        Map<StepKey, StepAccumulator> accumulators = new LinkedHashMap<>();
        ParallelGroups groups = new ParallelGroups();
        JobAccumulator totals = new JobAccumulator(taken.size());
        for (ProcessMap run : taken) {
            totals.add(run);
            Map<String, List<StepKey>> runGroups = new HashMap<>();
            for (ProcessStep step : run.steps()) {
                if (!step.counted()) {
                    continue;
                }
                StepKey key = new StepKey(step.path(), step.occurrence());
                accumulators.computeIfAbsent(key, k -> new StepAccumulator(k, taken.size())).add(run, step);
                if (step.parallelGroup() != null) {
                    runGroups.computeIfAbsent(step.parallelGroup(), g -> new ArrayList<>()).add(key);
                }
            }
            runGroups.values().forEach(groups::join);
        }
        Map<StepKey, String> groupKeys = groups.keys();
        List<StepStats> steps = new ArrayList<>(accumulators.size());
        for (StepAccumulator accumulator : accumulators.values()) {
            steps.add(accumulator.stats(groupKeys.get(accumulator.key)));
        }
        steps.sort(REPRESENTATIVE_ORDER);
        return new ValueStream(job, taken.size(), steps, totals.lead(), totals.process(), totals.waitTime(),
                totals.waitByCause(), totals.flowEfficiency(), bottleneck(steps), waitBottleneck(steps),
                totals.trend());
    }

    private static List<ProcessMap> distinctRuns(Collection<ProcessMap> runs, boolean includeRunning) {
        Map<Integer, ProcessMap> byNumber = new HashMap<>();
        for (ProcessMap run : runs) {
            if (run.running() && !includeRunning) {
                continue;
            }
            byNumber.merge(run.number(), run, (a, b) -> b.asOf() >= a.asOf() ? b : a);
        }
        List<ProcessMap> sorted = new ArrayList<>(byNumber.values());
        sorted.sort(Comparator.comparingInt(ProcessMap::number));
        return sorted;
    }

    private static boolean isOutside(StepStats step) {
        return step.kind() == StepKind.OUTSIDE || step.path().equals(StepPath.OUTSIDE);
    }

    /** By median start offset, ties by path and occurrence; the implicit outside step last. */
    static final Comparator<StepStats> REPRESENTATIVE_ORDER = Comparator
            .comparing(ValueStreamAggregator::isOutside)
            .thenComparingLong(StepStats::medianStartOffset)
            .thenComparing(StepStats::path)
            .thenComparingInt(StepStats::occurrence);

    private static List<StepStats> innermost(List<StepStats> steps) {
        List<StepStats> inner = new ArrayList<>();
        Set<StepPath> parents = new HashSet<>();
        for (StepStats step : steps) {
            List<String> segments = step.path().segments();
            for (int depth = 1; depth < segments.size(); depth++) {
                parents.add(new StepPath(segments.subList(0, depth)));
            }
        }
        for (StepStats step : steps) {
            if (!parents.contains(step.path())) {
                inner.add(step);
            }
        }
        return inner;
    }

    private static @Nullable StepStats bottleneck(List<StepStats> steps) {
        StepStats best = null;
        for (StepStats step : innermost(steps)) {
            if (!isOutside(step) && (best == null || step.elapsed().median() > best.elapsed().median())) {
                best = step;
            }
        }
        if (best == null) {
            return steps.stream().filter(ValueStreamAggregator::isOutside).findFirst().orElse(null);
        }
        return best;
    }

    private static @Nullable StepStats waitBottleneck(List<StepStats> steps) {
        StepStats best = null;
        for (StepStats step : innermost(steps)) {
            if (step.waitTime().median() > 0
                    && (best == null || step.waitTime().median() > best.waitTime().median())) {
                best = step;
            }
        }
        return best;
    }

    private static double ratio(long part, long whole) {
        return whole <= 0 ? 1.0 : (double) part / whole;
    }

    private record StepKey(StepPath path, int occurrence) {
        String displayName() {
            return occurrence == 0 ? path.toString() : path + " #" + (occurrence + 1);
        }
    }

    /** A growable array of longs, so that 10,000 runs do not box 10,000 Longs per number. */
    private static final class Values {
        private long[] values;
        private int size;

        Values(int capacity) {
            values = new long[Math.max(1, Math.min(capacity, 64))];
        }

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        Distribution distribution() {
            return Distribution.ofSorting(Arrays.copyOf(values, size));
        }

        /** The distribution of these values and as many zeros. */
        Distribution distributionWithZeros(int zeros) {
            long[] all = new long[zeros + size];
            System.arraycopy(values, 0, all, zeros, size);
            return Distribution.ofSorting(all);
        }
    }

    /**
     * The values of each wait cause over the runs in which it was known. Most causes are zero in most runs, so only
     * the non-zero values are kept, with the number of runs that knew the cause; the zeros are put back when the
     * distribution is made.
     */
    private static final class CauseValues {
        private final @Nullable Values[] nonZero = new Values[CAUSES.length];
        private final int[] known = new int[CAUSES.length];
        private final int capacity;

        CauseValues(int capacity) {
            this.capacity = capacity;
        }

        void add(WaitBreakdown waits) {
            for (WaitCause cause : CAUSES) {
                if (!waits.known(cause)) {
                    continue;
                }
                int i = cause.ordinal();
                known[i]++;
                long value = waits.millis(cause);
                if (value > 0) {
                    if (nonZero[i] == null) {
                        nonZero[i] = new Values(capacity);
                    }
                    nonZero[i].add(value);
                }
            }
        }

        Map<WaitCause, Distribution> distributions() {
            Map<WaitCause, Distribution> map = new EnumMap<>(WaitCause.class);
            for (WaitCause cause : CAUSES) {
                Values values = nonZero[cause.ordinal()];
                if (values != null) {
                    map.put(cause, values.distributionWithZeros(known[cause.ordinal()] - values.size));
                }
            }
            return map;
        }
    }

    private static final class StepAccumulator {
        private final StepKey key;
        private StepKind kind = StepKind.STAGE;
        private int newestRun = Integer.MIN_VALUE;
        private int runs;
        private int completeAndAccurate;
        private long sumProcess;
        private long sumElapsed;
        private final Values process;
        private final Values wait;
        private final Values elapsed;
        private final Values effort;
        private final Values startOffset;
        private final CauseValues causes;

        StepAccumulator(StepKey key, int capacity) {
            this.key = key;
            process = new Values(capacity);
            wait = new Values(capacity);
            elapsed = new Values(capacity);
            effort = new Values(capacity);
            startOffset = new Values(capacity);
            causes = new CauseValues(capacity);
        }

        void add(ProcessMap run, ProcessStep step) {
            runs++;
            if (run.number() >= newestRun) {
                newestRun = run.number();
                kind = step.kind();
            }
            if (step.result() == StepResult.SUCCESS && step.firstTime()) {
                completeAndAccurate++;
            }
            sumProcess += step.processMillis();
            sumElapsed += step.elapsedMillis();
            process.add(step.processMillis());
            wait.add(step.waitMillis());
            elapsed.add(step.elapsedMillis());
            effort.add(step.effortMillis());
            startOffset.add(step.startedAt() - run.startedAt());
            causes.add(step.waits());
        }

        StepStats stats(@Nullable String parallelGroup) {
            return new StepStats(key.path(), key.occurrence(), kind, runs, process.distribution(),
                    wait.distribution(), causes.distributions(), elapsed.distribution(), effort.distribution(),
                    (double) completeAndAccurate / runs, ratio(sumProcess, sumElapsed),
                    startOffset.distribution().median(), parallelGroup);
        }
    }

    private static final class JobAccumulator {
        private final Values lead;
        private final Values process;
        private final Values wait;
        private final CauseValues causes;
        private final List<RunTrend> trend;
        private long sumProcess;
        private long sumLead;

        JobAccumulator(int capacity) {
            lead = new Values(capacity);
            process = new Values(capacity);
            wait = new Values(capacity);
            causes = new CauseValues(capacity);
            trend = new ArrayList<>(capacity);
        }

        void add(ProcessMap run) {
            long leadTime = run.leadTimeMillis();
            lead.add(leadTime);
            process.add(run.processMillis());
            wait.add(run.waitMillis());
            causes.add(run.waits());
            sumProcess += run.processMillis();
            sumLead += leadTime;
            trend.add(new RunTrend(run.number(), run.result(), run.startedAt(), leadTime, run.processMillis(),
                    run.waits(), run.flowEfficiency()));
        }

        Distribution lead() {
            return lead.distribution();
        }

        Distribution process() {
            return process.distribution();
        }

        Distribution waitTime() {
            return wait.distribution();
        }

        Map<WaitCause, Distribution> waitByCause() {
            return causes.distributions();
        }

        double flowEfficiency() {
            return trend.isEmpty() ? 0.0 : ratio(sumProcess, sumLead);
        }

        List<RunTrend> trend() {
            return trend;
        }
    }

    /** Joins the steps that ran side by side into groups over all runs (union-find) and names each group. */
    private static final class ParallelGroups {
        private final Map<StepKey, StepKey> parent = new HashMap<>();

        void join(List<StepKey> sideBySide) {
            StepKey first = find(sideBySide.get(0));
            for (StepKey key : sideBySide.subList(1, sideBySide.size())) {
                StepKey root = find(key);
                if (!root.equals(first)) {
                    parent.put(root, first);
                }
            }
        }

        private StepKey find(StepKey key) {
            StepKey root = key;
            StepKey up;
            while ((up = parent.putIfAbsent(root, root)) != null && !up.equals(root)) {
                root = up;
            }
            // Path compression: point every key on the way straight at the root.
            StepKey current = key;
            while (!current.equals(root)) {
                StepKey next = parent.get(current);
                parent.put(current, root);
                current = next;
            }
            return root;
        }

        Map<StepKey, String> keys() {
            Map<StepKey, StepKey> roots = new HashMap<>();
            Map<StepKey, TreeSet<String>> members = new HashMap<>();
            for (StepKey key : List.copyOf(parent.keySet())) {
                StepKey root = find(key);
                roots.put(key, root);
                members.computeIfAbsent(root, r -> new TreeSet<>()).add(key.displayName());
            }
            Map<StepKey, String> keys = new HashMap<>();
            roots.forEach((key, root) -> keys.put(key, "parallel[" + String.join(", ", members.get(root)) + "]"));
            return keys;
        }
    }
}
