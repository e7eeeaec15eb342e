package io.jenkins.plugins.valuestream.view;

import io.jenkins.plugins.valuestream.flags.Flag;
import io.jenkins.plugins.valuestream.graph.RunResult;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.ProcessStep;
import io.jenkins.plugins.valuestream.process.StepKind;
import io.jenkins.plugins.valuestream.process.StepPath;
import io.jenkins.plugins.valuestream.process.WaitCause;
import io.jenkins.plugins.valuestream.time.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The process map of one run, as shown: a Gantt chart of its steps from the moment it was queued, each bar split into
 * process time and wait by cause, parallel branches in lanes of their own, nested steps under their parent, and the
 * flags and budget verdicts on the steps they concern.
 *
 * @param number the build number
 * @param result the run's result, or {@code null} while it runs
 * @param running whether it is still running
 * @param startedText when it started, in words (UTC)
 * @param spanMillis the length of the chart's time axis: the lead time, stretched to the end of every bar
 * @param queueMillis the wait in the build queue, or {@code null} where unknown
 * @param queueText that wait in words, or {@code "unknown"}
 * @param leadTimeMillis the lead time
 * @param leadTimeText the lead time in words
 * @param processMillis the process time
 * @param processText the process time in words
 * @param waitMillis the wait, all known causes
 * @param waitText the wait in words
 * @param flowEfficiency process time ÷ lead time
 * @param flowEfficiencyText flow efficiency in words
 * @param waits the wait per cause, unknown causes listed as unknown
 * @param rows the steps, each nested step right under the step it is nested in
 * @param runFlags the flags on no step of the chart
 * @param runVerdicts the budget verdicts on the whole run (and on steps not in the chart)
 * @param legend the causes the chart shows, with time or unknown
 * @param notes what the source could not tell, in words
 */
public record ProcessMapView(
        int number,
        @Nullable RunResult result,
        boolean running,
        String startedText,
        long spanMillis,
        @Nullable Long queueMillis,
        String queueText,
        long leadTimeMillis,
        String leadTimeText,
        long processMillis,
        String processText,
        long waitMillis,
        String waitText,
        double flowEfficiency,
        String flowEfficiencyText,
        List<WaitPart> waits,
        List<GanttRow> rows,
        List<FlagView> runFlags,
        List<VerdictView> runVerdicts,
        Legend legend,
        List<String> notes) {

    public ProcessMapView {
        waits = List.copyOf(waits);
        rows = List.copyOf(rows);
        runFlags = List.copyOf(runFlags);
        runVerdicts = List.copyOf(runVerdicts);
        Objects.requireNonNull(legend, "legend");
        notes = List.copyOf(notes);
    }

    /** The map of a run with its flags and budget verdicts; bars show shares of the totals. */
    public static ProcessMapView of(ProcessMap map, List<Flag> flags, List<VerdictView> verdicts) {
        return of(map, flags, verdicts, TimedSegments.NONE);
    }

    /** The map of a run with its flags and budget verdicts, with real intervals where {@code timed} knows them. */
    public static ProcessMapView of(ProcessMap map, List<Flag> flags, List<VerdictView> verdicts,
            TimedSegments timed) {
        List<GanttRow> rows = rows(map, flags, verdicts, timed);
        Long queue = map.queuedAt() == null ? null : map.waits().millisOrNull(WaitCause.QUEUE);
        List<WaitPart> waits = runWaits(map, queue);
        // A flag or verdict on a step the map does not have (or on no step) is shown for the whole run.
        List<FlagView> runFlags = flags.stream().filter(flag -> map.step(flag.step()).isEmpty()).map(FlagView::of)
                .toList();
        List<VerdictView> runVerdicts = verdicts.stream()
                .filter(verdict -> verdict.step() == null || map.step(verdict.step()).isEmpty()).toList();
        return new ProcessMapView(map.number(), map.result(), map.running(), HumanText.instant(map.startedAt()),
                span(map, rows), queue, queue == null ? WaitPart.UNKNOWN : Durations.format(queue),
                map.leadTimeMillis(), Durations.format(map.leadTimeMillis()),
                map.processMillis(), Durations.format(map.processMillis()),
                map.waitMillis(), Durations.format(map.waitMillis()),
                map.flowEfficiency(), HumanText.percent(map.flowEfficiency()),
                waits, rows, runFlags, runVerdicts, legend(rows, waits), map.notes());
    }

    /** The rows of the steps, each nested step right under the step it is nested in. */
    private static List<GanttRow> rows(ProcessMap map, List<Flag> flags, List<VerdictView> verdicts,
            TimedSegments timed) {
        List<ProcessStep> steps = map.steps();
        List<GanttRow> rows = new ArrayList<>(steps.size());
        for (RowPlace place : treeOrder(steps)) {
            ProcessStep step = steps.get(place.index());
            rows.add(row(step, place, map.leadStart(), timed.of(step), flagsOn(step, flags),
                    verdictsOn(step, verdicts)));
        }
        return rows;
    }

    /**
     * Where a step's row goes.
     *
     * @param index the step's index in the map, which makes the row's id
     * @param indent how deep the step is nested
     */
    private record RowPlace(int index, int indent) {
    }

    /** The steps in the rows' order: each top-level step, then the steps nested in it, depth first. */
    private static List<RowPlace> treeOrder(List<ProcessStep> steps) {
        int[] parent = new int[steps.size()];
        for (int i = 0; i < steps.size(); i++) {
            parent[i] = parentOf(steps, i);
        }
        List<RowPlace> order = new ArrayList<>(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            if (parent[i] < 0) {
                addTree(parent, i, 0, order);
            }
        }
        return order;
    }

    private static void addTree(int[] parent, int index, int depth, List<RowPlace> order) {
        order.add(new RowPlace(index, depth));
        for (int child = 0; child < parent.length; child++) {
            if (parent[child] == index) {
                addTree(parent, child, depth + 1, order);
            }
        }
    }

    /**
     * A step's row: its bar from the start of the lead time, split into the intervals {@code timedSegments} gives
     * or, without them, into shares of the step's process time and waits.
     */
    private static GanttRow row(ProcessStep step, RowPlace place, long leadStart,
            @Nullable List<BarSegment> timedSegments, List<FlagView> flags, List<VerdictView> verdicts) {
        List<BarSegment> segments = timedSegments != null ? timedSegments
                : BarSegment.shares(step.processMillis(), step.waits());
        long offset = Math.max(0, step.startedAt() - leadStart);
        String name = step.occurrence() == 0 ? step.path().name()
                : step.path().name() + " #" + (step.occurrence() + 1);
        return new GanttRow("r" + place.index(), name, step.displayName(), place.indent(), step.kind(),
                step.result(), step.parallelGroup(), offset, Durations.format(offset),
                step.elapsedMillis(), Durations.format(step.elapsedMillis()),
                step.processMillis(), Durations.format(step.processMillis()),
                step.waitMillis(), Durations.format(step.waitMillis()), WaitPart.of(step.waits()),
                Durations.format(step.effortMillis()), step.firstTime(), segments, timedSegments != null, flags,
                verdicts);
    }

    /** The flags on a step's row; a flag names a path, so only the path's first occurrence shows it. */
    private static List<FlagView> flagsOn(ProcessStep step, List<Flag> flags) {
        if (step.occurrence() != 0) {
            return List.of();
        }
        return flags.stream().filter(flag -> flag.step().equals(step.path())).map(FlagView::of).toList();
    }

    /** The budget verdicts on a step's row; like flags, on the path's first occurrence only. */
    private static List<VerdictView> verdictsOn(ProcessStep step, List<VerdictView> verdicts) {
        if (step.occurrence() != 0) {
            return List.of();
        }
        return verdicts.stream().filter(verdict -> step.path().equals(verdict.step())).toList();
    }

    /** The run's wait per cause, the queue wait listed as unknown where the source did not record it. */
    private static List<WaitPart> runWaits(ProcessMap map, @Nullable Long queue) {
        List<WaitPart> waits = WaitPart.of(map.waits());
        if (queue != null || waits.stream().anyMatch(part -> part.cause() == WaitCause.QUEUE)) {
            return waits;
        }
        List<WaitPart> withQueue = new ArrayList<>();
        withQueue.add(WaitPart.unknown(WaitCause.QUEUE));
        withQueue.addAll(waits);
        return withQueue;
    }

    /** The length of the chart's time axis: the lead time, stretched to the end of every bar. */
    private static long span(ProcessMap map, List<GanttRow> rows) {
        long span = Math.max(0, map.leadTimeMillis());
        for (GanttRow row : rows) {
            span = Math.max(span, row.offsetMillis() + row.elapsedMillis());
        }
        return span;
    }

    /** The causes with time in some bar, the causes some step or the run could not tell, and the run's causes. */
    private static Legend legend(List<GanttRow> rows, List<WaitPart> runWaits) {
        Legend.Collector legend = new Legend.Collector();
        for (GanttRow row : rows) {
            for (BarSegment segment : row.segments()) {
                if (segment.cause() != null && segment.millis() > 0) {
                    legend.known(segment.cause());
                }
            }
            for (WaitPart part : row.waits()) {
                if (part.millis() == null) {
                    legend.add(part);
                }
            }
        }
        return legend.addAll(runWaits).build();
    }

    /**
     * The step this one is nested in: among the steps whose path is a proper prefix of its path, the deepest one
     * whose time holds its start (a stage in a loop belongs to the turn it ran in); {@code -1} for none.
     */
    private static int parentOf(List<ProcessStep> steps, int index) {
        ProcessStep step = steps.get(index);
        if (step.kind() == StepKind.OUTSIDE) {
            return -1;
        }
        StepPath path = step.path();
        int best = -1;
        boolean bestHolds = false;
        for (int j = 0; j < steps.size(); j++) {
            ProcessStep candidate = steps.get(j);
            if (j == index || candidate.kind() == StepKind.OUTSIDE || candidate.path().depth() >= path.depth()
                    || !path.startsWith(candidate.path())) {
                continue;
            }
            boolean holds = candidate.startedAt() <= step.startedAt()
                    && step.startedAt() <= candidate.startedAt() + candidate.elapsedMillis();
            if (best < 0) {
                best = j;
                bestHolds = holds;
                continue;
            }
            ProcessStep current = steps.get(best);
            boolean better = holds && !bestHolds
                    || holds == bestHolds && candidate.path().depth() > current.path().depth();
            if (better) {
                best = j;
                bestHolds = holds;
            }
        }
        return best;
    }
}
