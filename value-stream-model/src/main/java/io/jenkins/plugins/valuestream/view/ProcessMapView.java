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
        List<ProcessStep> steps = map.steps();
        int count = steps.size();
        int[] parent = new int[count];
        for (int i = 0; i < count; i++) {
            parent[i] = parentOf(steps, i);
        }
        List<Integer> order = new ArrayList<>(count);
        int[] indent = new int[count];
        for (int i = 0; i < count; i++) {
            if (parent[i] < 0) {
                addTree(parent, i, 0, order, indent);
            }
        }

        List<Flag> unplacedFlags = new ArrayList<>(flags);
        List<VerdictView> unplacedVerdicts = new ArrayList<>();
        for (VerdictView verdict : verdicts) {
            if (verdict.step() == null || map.step(verdict.step()).isEmpty()) {
                unplacedVerdicts.add(verdict);
            }
        }
        long leadStart = map.leadStart();
        long span = Math.max(0, map.leadTimeMillis());
        Legend.Collector legend = new Legend.Collector();
        List<GanttRow> rows = new ArrayList<>(count);
        for (int index : order) {
            ProcessStep step = steps.get(index);
            List<FlagView> rowFlags = new ArrayList<>();
            List<VerdictView> rowVerdicts = new ArrayList<>();
            if (step.occurrence() == 0) {
                for (Flag flag : flags) {
                    if (flag.step().equals(step.path())) {
                        rowFlags.add(FlagView.of(flag));
                        unplacedFlags.remove(flag);
                    }
                }
                for (VerdictView verdict : verdicts) {
                    if (step.path().equals(verdict.step())) {
                        rowVerdicts.add(verdict);
                    }
                }
            }
            List<BarSegment> segments = timed.of(step);
            boolean segmentsTimed = segments != null;
            if (segments == null) {
                segments = BarSegment.shares(step.processMillis(), step.waits());
            }
            for (BarSegment segment : segments) {
                if (segment.cause() != null && segment.millis() > 0) {
                    legend.known(segment.cause());
                }
            }
            legend.unknown(step.waits().unknown());
            long offset = Math.max(0, step.startedAt() - leadStart);
            span = Math.max(span, offset + step.elapsedMillis());
            String name = step.occurrence() == 0 ? step.path().name()
                    : step.path().name() + " #" + (step.occurrence() + 1);
            rows.add(new GanttRow("r" + index, name, step.displayName(), indent[index], step.kind(), step.result(),
                    step.parallelGroup(), offset, Durations.format(offset), step.elapsedMillis(), Durations.format(step.elapsedMillis()),
                    step.processMillis(), Durations.format(step.processMillis()), step.waitMillis(),
                    Durations.format(step.waitMillis()), WaitPart.of(step.waits()),
                    Durations.format(step.effortMillis()), step.firstTime(), segments, segmentsTimed, rowFlags,
                    rowVerdicts));
        }
        Long queue = map.queuedAt() == null ? null : map.waits().millisOrNull(WaitCause.QUEUE);
        List<WaitPart> waits = WaitPart.of(map.waits());
        if (queue == null && waits.stream().noneMatch(part -> part.cause() == WaitCause.QUEUE)) {
            List<WaitPart> withQueue = new ArrayList<>();
            withQueue.add(WaitPart.unknown(WaitCause.QUEUE));
            withQueue.addAll(waits);
            waits = withQueue;
        }
        legend.addAll(waits);
        List<FlagView> runFlags = unplacedFlags.stream().map(FlagView::of).toList();
        return new ProcessMapView(map.number(), map.result(), map.running(), HumanText.instant(map.startedAt()),
                span, queue, queue == null ? WaitPart.UNKNOWN : Durations.format(queue),
                map.leadTimeMillis(), Durations.format(map.leadTimeMillis()),
                map.processMillis(), Durations.format(map.processMillis()),
                map.waitMillis(), Durations.format(map.waitMillis()),
                map.flowEfficiency(), HumanText.percent(map.flowEfficiency()),
                waits, rows, runFlags, unplacedVerdicts, legend.build(), map.notes());
    }

    private static void addTree(int[] parent, int index, int depth, List<Integer> order, int[] indent) {
        order.add(index);
        indent[index] = depth;
        for (int child = 0; child < parent.length; child++) {
            if (parent[child] == index) {
                addTree(parent, child, depth + 1, order, indent);
            }
        }
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
