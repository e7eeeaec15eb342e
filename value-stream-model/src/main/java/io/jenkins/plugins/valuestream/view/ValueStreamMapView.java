package io.jenkins.plugins.valuestream.view;

import io.jenkins.plugins.valuestream.process.WaitCause;
import io.jenkins.plugins.valuestream.stream.Distribution;
import io.jenkins.plugins.valuestream.stream.RunTrend;
import io.jenkins.plugins.valuestream.stream.StepStats;
import io.jenkins.plugins.valuestream.stream.ValueStream;
import io.jenkins.plugins.valuestream.time.Durations;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The value stream map of a job, as shown: one box per step in pipeline order, steps that ran side by side stacked
 * in one column, the wait of each step, the timeline ladder with the totals, the bottleneck.
 *
 * @param job the job's full name
 * @param runs how many runs the map covers
 * @param columns the columns in pipeline order
 * @param queue the median wait in the build queue, before the first step (unknown where no run could tell)
 * @param totals the ladder's totals: the value stream's own lead time, process time and flow efficiency
 * @param bottleneck the display path of the bottleneck step, or {@code null}
 * @param waitBottleneck the display path of the step with the longest median wait, or {@code null}
 * @param waits the runs' median wait per cause
 * @param legend the causes the map shows, with time or unknown
 * @param notes what the sources could not tell, in words
 */
public record ValueStreamMapView(
        String job,
        int runs,
        List<MapColumn> columns,
        WaitPart queue,
        LadderTotals totals,
        @Nullable String bottleneck,
        @Nullable String waitBottleneck,
        List<WaitPart> waits,
        Legend legend,
        List<String> notes) {

    public ValueStreamMapView {
        columns = List.copyOf(columns);
        waits = List.copyOf(waits);
        Objects.requireNonNull(legend, "legend");
        notes = List.copyOf(notes);
    }

    /** All boxes, column by column. */
    public List<StepBox> boxes() {
        List<StepBox> boxes = new ArrayList<>();
        for (MapColumn column : columns) {
            boxes.addAll(column.boxes());
        }
        return boxes;
    }

    /** The map of a value stream. */
    public static ValueStreamMapView of(ValueStream stream) {
        List<RunTrend> trend = stream.trend();
        Map<WaitCause, Integer> unknownRuns = unknownRuns(trend);
        Set<WaitCause> unknownInEveryRun = EnumSet.noneOf(WaitCause.class);
        unknownRuns.forEach((cause, count) -> {
            if (count == trend.size()) {
                unknownInEveryRun.add(cause);
            }
        });
        // The queue wait comes before every step, so only the other causes can be unknown inside a step.
        Set<WaitCause> unknownInSteps = EnumSet.noneOf(WaitCause.class);
        unknownInSteps.addAll(unknownInEveryRun);
        unknownInSteps.remove(WaitCause.QUEUE);

        List<MapColumn> columns = columns(stream, unknownInSteps);

        Distribution queueMedian = stream.waitByCause().get(WaitCause.QUEUE);
        WaitPart queue;
        if (queueMedian != null) {
            queue = WaitPart.known(WaitCause.QUEUE, queueMedian.median());
        } else if (trend.isEmpty() || unknownRuns.containsKey(WaitCause.QUEUE)) {
            queue = WaitPart.unknown(WaitCause.QUEUE);
        } else {
            queue = WaitPart.known(WaitCause.QUEUE, 0);
        }

        LadderTotals totals = new LadderTotals(
                stream.leadTime().median(), Durations.format(stream.leadTime().median()),
                Durations.format(stream.leadTime().p90()),
                stream.process().median(), Durations.format(stream.process().median()),
                Durations.format(stream.process().p90()),
                stream.waitTime().median(), Durations.format(stream.waitTime().median()),
                Durations.format(stream.waitTime().p90()),
                stream.flowEfficiency(), HumanText.percent(stream.flowEfficiency()));

        List<WaitPart> waits = WaitPart.ofMedians(stream.waitByCause(), unknownInEveryRun);
        Legend.Collector legend = new Legend.Collector().addAll(waits).add(queue).unknown(unknownRuns.keySet());
        for (MapColumn column : columns) {
            for (StepBox box : column.boxes()) {
                legend.addAll(box.waits());
            }
        }
        return new ValueStreamMapView(stream.job(), stream.runs(), columns, queue, totals,
                stream.bottleneck() == null ? null : stream.bottleneck().displayName(),
                stream.waitBottleneck() == null ? null : stream.waitBottleneck().displayName(),
                waits, legend.build(), unknownNotes(unknownRuns, trend.size()));
    }

    /** In how many runs each cause was unknown (causes known in every run left out). */
    static Map<WaitCause, Integer> unknownRuns(List<RunTrend> trend) {
        Map<WaitCause, Integer> counts = new EnumMap<>(WaitCause.class);
        for (RunTrend run : trend) {
            for (WaitCause cause : run.waits().unknown()) {
                counts.merge(cause, 1, Integer::sum);
            }
        }
        return counts;
    }

    /** One sentence per cause that some runs could not tell. */
    static List<String> unknownNotes(Map<WaitCause, Integer> unknownRuns, int runs) {
        List<String> notes = new ArrayList<>();
        unknownRuns.forEach((cause, count) -> {
            String which = count == runs ? (runs == 1 ? "the only run" : "all " + runs + " runs")
                    : count + " of " + runs + " runs";
            String sentence = WaitPart.label(cause) + " wait is unknown in " + which + "; it is shown as unknown, "
                    + "not as zero.";
            if (cause == WaitCause.QUEUE) {
                sentence += count == 1 ? " The lead time of that run starts when it started, not when it was queued."
                        : " The lead time of those runs starts when they started, not when they were queued.";
            }
            notes.add(sentence);
        });
        return notes;
    }

    private static List<MapColumn> columns(ValueStream stream, Set<WaitCause> unknownInSteps) {
        List<StepStats> steps = stream.steps();
        int count = steps.size();
        int[] parent = new int[count];
        for (int i = 0; i < count; i++) {
            parent[i] = parentOf(steps, i);
        }
        // Group each step with its top-level ancestor; top-level steps of one parallel group share a column.
        Map<String, List<Integer>> members = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            int root = i;
            while (parent[root] >= 0) {
                root = parent[root];
            }
            String group = steps.get(root).parallelGroup();
            String key = group != null ? "g:" + group : "s:" + root;
            members.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
        StepStats bottleneck = stream.bottleneck();
        StepStats waitBottleneck = stream.waitBottleneck();
        List<MapColumn> columns = new ArrayList<>();
        for (List<Integer> column : members.values()) {
            List<StepBox> boxes = new ArrayList<>();
            List<StepBox> roots = new ArrayList<>();
            for (int index : column) {
                if (parent[index] < 0) {
                    addTree(steps, parent, index, 0, column, boxes, roots, bottleneck, waitBottleneck,
                            unknownInSteps);
                }
            }
            StepBox longest = roots.get(0);
            for (StepBox root : roots) {
                if (root.elapsedMillis() > longest.elapsedMillis()) {
                    longest = root;
                }
            }
            String group = null;
            boolean parallel = roots.size() > 1;
            for (StepBox box : boxes) {
                if (box.parallelGroup() != null) {
                    parallel = true;
                    if (group == null) {
                        group = box.parallelGroup();
                    }
                }
            }
            LadderRung rung = new LadderRung(longest.id(), longest.path(), longest.waitMillis(), longest.waitText(),
                    longest.waits(), longest.processMillis(), longest.processText());
            columns.add(new MapColumn(columns.size(), group, parallel, boxes, rung));
        }
        return columns;
    }

    private static void addTree(List<StepStats> steps, int[] parent, int index, int indent, List<Integer> column,
            List<StepBox> boxes, List<StepBox> roots, @Nullable StepStats bottleneck,
            @Nullable StepStats waitBottleneck, Set<WaitCause> unknownInSteps) {
        StepBox box = box(steps, parent, index, indent, bottleneck, waitBottleneck, unknownInSteps);
        boxes.add(box);
        if (indent == 0) {
            roots.add(box);
        }
        for (int child : column) {
            if (parent[child] == index) {
                addTree(steps, parent, child, indent + 1, column, boxes, roots, bottleneck, waitBottleneck,
                        unknownInSteps);
            }
        }
    }

    private static StepBox box(List<StepStats> steps, int[] parent, int index, int indent,
            @Nullable StepStats bottleneck, @Nullable StepStats waitBottleneck, Set<WaitCause> unknownInSteps) {
        StepStats step = steps.get(index);
        String name = step.occurrence() == 0 ? step.path().name()
                : step.path().name() + " #" + (step.occurrence() + 1);
        return StepBox.builder("s" + index, name, step.displayName(), step.kind())
                .nestedIn(parent[index] < 0 ? null : steps.get(parent[index]).displayName(), indent)
                .runs(step.runs())
                .process(step.process().median(), Durations.format(step.process().median()),
                        Durations.format(step.process().p90()))
                .waitTime(step.waitTime().median(), Durations.format(step.waitTime().median()),
                        Durations.format(step.waitTime().p90()), WaitPart.ofMedians(step.waitByCause(), unknownInSteps))
                .elapsed(step.elapsed().median(), Durations.format(step.elapsed().median()))
                .successRate(step.successRate(), HumanText.percent(step.successRate()))
                .flowEfficiency(step.flowEfficiency(), HumanText.percent(step.flowEfficiency()))
                .bottleneck(same(step, bottleneck))
                .waitBottleneck(same(step, waitBottleneck))
                .parallelGroup(step.parallelGroup())
                .criticalPath(onCriticalPathInMostRuns(step), HumanText.percent(step.criticalShare()),
                        Durations.format(step.exclusive().median()))
                .build();
    }

    /** The rule of the map's critical mark: on the run's critical path in more than half of the step's runs. */
    static boolean onCriticalPathInMostRuns(StepStats step) {
        return step.criticalShare() > 0.5;
    }

    private static boolean same(StepStats step, @Nullable StepStats other) {
        return other != null && other.path().equals(step.path()) && other.occurrence() == step.occurrence();
    }

    /**
     * The step this one is nested in: the one with the longest path that is a proper prefix of its path, the same
     * occurrence preferred (a stage inside a loop belongs to the same turn of the loop); {@code -1} for none.
     */
    private static int parentOf(List<StepStats> steps, int index) {
        StepStats step = steps.get(index);
        int best = -1;
        for (int j = 0; j < steps.size(); j++) {
            StepStats candidate = steps.get(j);
            if (j == index || candidate.path().depth() >= step.path().depth()
                    || !step.path().startsWith(candidate.path())) {
                continue;
            }
            if (best < 0) {
                best = j;
                continue;
            }
            StepStats current = steps.get(best);
            boolean deeper = candidate.path().depth() > current.path().depth();
            boolean sameDepthBetterOccurrence = candidate.path().depth() == current.path().depth()
                    && candidate.occurrence() == step.occurrence() && current.occurrence() != step.occurrence();
            if (deeper || sameDepthBetterOccurrence) {
                best = j;
            }
        }
        return best;
    }
}
