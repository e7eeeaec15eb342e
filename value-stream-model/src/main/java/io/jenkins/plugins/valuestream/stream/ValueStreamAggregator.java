package io.jenkins.plugins.valuestream.stream;

import io.jenkins.plugins.valuestream.critical.RunSchedule;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Turns the process maps of a job's runs into its {@link ValueStream}, as docs/definitions.md ("Numbers of a job")
 * defines each figure: the window's runs, medians and p90, wait by cause over the runs that knew the cause, %C&amp;A,
 * flow efficiency as a ratio of sums, the order of the steps, parallel groups, each step's share of critical paths
 * and exclusive time, the bottleneck and the wait bottleneck. {@link #aggregate} leaves running runs out; {@link #aggregateIncludingRunning} takes them as they are at
 * their {@code asOf}.
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
        Progress progress = new Progress(taken.size());
        Accumulators accumulators = new Accumulators(progress);
        ParallelGroups groups = new ParallelGroups();
        JobAccumulator totals = new JobAccumulator(progress);
        Map<String, Integer> runGroups = new HashMap<>();
        PipelineOrder pipelineOrder = new PipelineOrder();
        for (ProcessMap run : taken) {
            progress.seen++;
            pipelineOrder.startRun();
            totals.add(run);
            runGroups.clear();
            RunSchedule schedule = RunSchedule.of(run);
            List<ProcessStep> runSteps = run.steps();
            for (int position = 0; position < runSteps.size(); position++) {
                ProcessStep step = runSteps.get(position);
                if (!step.counted()) {
                    continue;
                }
                StepAccumulator accumulator = accumulators.of(position, step.path(), step.occurrence());
                accumulator.add(run, step);
                pipelineOrder.add(accumulator.index);
                accumulator.addCritical(schedule.onCriticalPath(position), schedule.exclusiveMillis(position));
                String group = step.parallelGroup();
                if (group != null) {
                    // Every step of one parallel block in this run joins the group of the first one.
                    Integer first = runGroups.putIfAbsent(group, accumulator.index);
                    groups.join(first == null ? accumulator.index : first, accumulator.index);
                }
            }
        }
        List<StepAccumulator> all = accumulators.inOrder();
        String[] groupKeys = groups.keys(all);
        int[] ranks = pipelineOrder.ranks(all.size());
        List<StepAccumulator> ordered = new ArrayList<>(all);
        ordered.sort(Comparator.comparing(StepAccumulator::isOutside)
                .thenComparingInt(step -> ranks[step.index]));
        List<StepStats> steps = new ArrayList<>(all.size());
        for (StepAccumulator accumulator : ordered) {
            steps.add(accumulator.stats(groupKeys[accumulator.index]));
        }
        return new ValueStream(job, taken.size(), steps, totals.lead(), totals.process(), totals.waitTime(),
                totals.waitByCause(), totals.flowEfficiency(), bottleneck(steps, taken.size()), waitBottleneck(steps, taken.size()),
                totals.trend());
    }

    private static List<ProcessMap> distinctRuns(Collection<ProcessMap> runs, boolean includeRunning) {
        // Runs read from a store come distinct and in order: then there is nothing to merge or sort.
        List<ProcessMap> inOrder = new ArrayList<>(runs.size());
        for (ProcessMap run : runs) {
            if (run.running() && !includeRunning) {
                continue;
            }
            if (!inOrder.isEmpty() && inOrder.get(inOrder.size() - 1).number() >= run.number()) {
                inOrder = null;
                break;
            }
            inOrder.add(run);
        }
        if (inOrder != null) {
            return inOrder;
        }
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
        return isOutside(step.kind(), step.path());
    }

    /** Whether a step is the implicit one outside every step, which the map shows last. */
    private static boolean isOutside(StepKind kind, StepPath path) {
        return kind == StepKind.OUTSIDE || path.equals(StepPath.OUTSIDE);
    }


    private static final Comparator<StepStats> HOLDS_UP_MORE = Comparator
            .comparingLong((StepStats step) -> step.exclusive().median())
            .thenComparingLong(step -> step.elapsed().median());

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

    /**
     * The innermost step (not the outside one) with the longest median exclusive time, ties by the longer median
     * elapsed time, then the earlier step: a step alone at every level has its elapsed time as exclusive time, a
     * branch beside a longer one saves nothing when shortened.
     */
    /** A bottleneck holds up at least this much time in a typical run: less is nothing a team would act on. */
    static final long MATERIAL_MILLIS = 1_000;

    /**
     * Whether a step can be named a bottleneck: it ran in at least half of the runs (a stage that ran in 2 of 26 runs
     * holds up none of the others) and it typically takes a material time.
     */
    private static boolean holdsUpTheStream(StepStats step, int runs, long typicalMillis) {
        return step.runs() * 2L >= runs && typicalMillis >= MATERIAL_MILLIS;
    }

    private static @Nullable StepStats bottleneck(List<StepStats> steps, int runs) {
        StepStats best = null;
        boolean hasOthers = false;
        for (StepStats step : innermost(steps)) {
            if (isOutside(step)) {
                continue;
            }
            hasOthers = true;
            if (holdsUpTheStream(step, runs, step.elapsed().median())
                    && (best == null || HOLDS_UP_MORE.compare(step, best) > 0)) {
                best = step;
            }
        }
        if (best == null && !hasOthers) {
            return steps.stream().filter(ValueStreamAggregator::isOutside)
                    .filter(step -> holdsUpTheStream(step, runs, step.elapsed().median())).findFirst().orElse(null);
        }
        return best;
    }

    private static @Nullable StepStats waitBottleneck(List<StepStats> steps, int runs) {
        StepStats best = null;
        for (StepStats step : innermost(steps)) {
            if (holdsUpTheStream(step, runs, step.waitTime().median())
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
            return path.displayName(occurrence);
        }
    }

    /**
     * The accumulator of each step, by path and occurrence. Looked up once per step of every run, so cheaply: the
     * runs of a job mostly have the same steps in the same order, and runs read from a store share their path
     * objects, so the accumulator found at the same position in the previous run is tried first, by identity; else
     * by path, then occurrence, without a key object per lookup.
     */
    private static final class Accumulators {
        private final Map<StepPath, StepAccumulator[]> byPath = new HashMap<>();
        private final List<StepAccumulator> inOrder = new ArrayList<>();
        private final Progress capacity;
        private StepAccumulator[] atPosition = new StepAccumulator[32];

        Accumulators(Progress capacity) {
            this.capacity = capacity;
        }

        /** The accumulator of the step at the given position of a run. */
        StepAccumulator of(int position, StepPath path, int occurrence) {
            if (position < atPosition.length) {
                StepAccumulator previous = atPosition[position];
                if (previous != null && previous.key.path() == path && previous.key.occurrence() == occurrence) {
                    return previous;
                }
            } else {
                atPosition = Arrays.copyOf(atPosition, Math.max(position + 1, atPosition.length * 2));
            }
            StepAccumulator found = of(path, occurrence);
            atPosition[position] = found;
            return found;
        }

        private StepAccumulator of(StepPath path, int occurrence) {
            StepAccumulator[] occurrences = byPath.get(path);
            if (occurrences == null || occurrence >= occurrences.length) {
                occurrences = occurrences == null ? new StepAccumulator[occurrence + 1]
                        : Arrays.copyOf(occurrences, occurrence + 1);
                byPath.put(path, occurrences);
            }
            StepAccumulator accumulator = occurrences[occurrence];
            if (accumulator == null) {
                accumulator = new StepAccumulator(new StepKey(path, occurrence), inOrder.size(), capacity);
                occurrences[occurrence] = accumulator;
                inOrder.add(accumulator);
            }
            return accumulator;
        }

        /** The accumulators in the order their steps were first seen; {@code index} is the position. */
        List<StepAccumulator> inOrder() {
            return inOrder;
        }
    }

    /** How far the aggregation has come: how many of how many runs have been added. */
    private static final class Progress {
        final int total;
        int seen;

        Progress(int total) {
            this.total = total;
        }
    }

    /**
     * A growable array of longs, so that 10,000 runs do not box 10,000 Longs per number. When full, it grows to what
     * the rate of its values so far predicts for all runs (at least double), so that a step that runs in every run
     * grows once, straight to the number of runs. Read once: its distribution reorders it in place.
     */
    private static final class Values {
        private final Progress progress;
        private long[] values;
        private int size;

        Values(Progress progress) {
            this.progress = progress;
            values = new long[Math.max(1, Math.min(progress.total, 64))];
        }

        void add(long value) {
            if (size == values.length) {
                long doubled = size * 2L;
                long predicted = progress.seen == 0 ? doubled : (long) size * progress.total / progress.seen + 1;
                long limit = size < progress.total ? progress.total : doubled;
                values = Arrays.copyOf(values, (int) Math.max(size + 1L, Math.min(Math.max(doubled, predicted),
                        Math.min(limit, Integer.MAX_VALUE - 8))));
            }
            values[size++] = value;
        }

        /** The median alone (one selection instead of two). */
        long median() {
            return size == 0 ? 0 : Distribution.percentile(size == values.length ? values
                    : Arrays.copyOf(values, size), 0.5);
        }

        Distribution distribution() {
            return Distribution.ofSorting(size == values.length ? values : Arrays.copyOf(values, size));
        }

        /** The distribution of these values, all positive, and as many zeros. */
        Distribution distributionWithZeros(int zeros) {
            return Distribution.ofSortingWithZeros(size == values.length ? values : Arrays.copyOf(values, size),
                    zeros);
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
        private final Progress progress;

        CauseValues(Progress progress) {
            this.progress = progress;
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
                        nonZero[i] = new Values(progress);
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
        /** Its position among the job's steps. */
        private final int index;
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
        private int onCriticalPath;
        private final Values exclusive;

        StepAccumulator(StepKey key, int index, Progress capacity) {
            this.key = key;
            this.index = index;
            process = new Values(capacity);
            wait = new Values(capacity);
            elapsed = new Values(capacity);
            effort = new Values(capacity);
            startOffset = new Values(capacity);
            causes = new CauseValues(capacity);
            exclusive = new Values(capacity);
        }

        boolean isOutside() {
            return ValueStreamAggregator.isOutside(kind, key.path());
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

        /** What the step was to the run's critical path, in a run {@link #add} counted. */
        void addCritical(boolean onPath, long exclusiveMillis) {
            if (onPath) {
                onCriticalPath++;
            }
            exclusive.add(exclusiveMillis);
        }

        StepStats stats(@Nullable String parallelGroup) {
            return new StepStats(key.path(), key.occurrence(), kind, runs, process.distribution(),
                    wait.distribution(), causes.distributions(), elapsed.distribution(), effort.distribution(),
                    (double) completeAndAccurate / runs, ratio(sumProcess, sumElapsed),
                    startOffset.median(), parallelGroup, (double) onCriticalPath / runs, exclusive.distribution());
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

        JobAccumulator(Progress capacity) {
            lead = new Values(capacity);
            process = new Values(capacity);
            wait = new Values(capacity);
            causes = new CauseValues(capacity);
            trend = new ArrayList<>(capacity.total);
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

    /**
     * Joins the steps that ran side by side into groups over all runs (union-find over the steps' indexes) and names
     * each group. A step with a parallel group in any run has a group, if only of itself.
     */
    private static final class ParallelGroups {
        private int[] parent = new int[0];
        private boolean[] grouped = new boolean[0];

        void join(int first, int other) {
            ensure(Math.max(first, other) + 1);
            grouped[first] = true;
            grouped[other] = true;
            int a = find(first);
            int b = find(other);
            if (a != b) {
                parent[b] = a;
            }
        }

        private void ensure(int size) {
            if (parent.length < size) {
                int old = parent.length;
                parent = Arrays.copyOf(parent, Math.max(size, old * 2));
                grouped = Arrays.copyOf(grouped, parent.length);
                for (int i = old; i < parent.length; i++) {
                    parent[i] = i;
                }
            }
        }

        private int find(int step) {
            int root = step;
            while (parent[root] != root) {
                root = parent[root];
            }
            // Path compression: point every step on the way straight at the root.
            int current = step;
            while (current != root) {
                int next = parent[current];
                parent[current] = root;
                current = next;
            }
            return root;
        }

        /** Each step's group key, {@code parallel[a, b, c]} with the display names of all members sorted, or null. */
        @Nullable String[] keys(List<StepAccumulator> steps) {
            String[] keys = new String[steps.size()];
            Map<Integer, TreeSet<String>> members = new HashMap<>();
            for (StepAccumulator step : steps) {
                if (step.index < grouped.length && grouped[step.index]) {
                    members.computeIfAbsent(find(step.index), r -> new TreeSet<>()).add(step.key.displayName());
                }
            }
            Map<Integer, String> names = new HashMap<>();
            for (StepAccumulator step : steps) {
                if (step.index < grouped.length && grouped[step.index]) {
                    keys[step.index] = names.computeIfAbsent(find(step.index),
                            root -> "parallel[" + String.join(", ", members.get(root)) + "]");
                }
            }
            return keys;
        }
    }
}
