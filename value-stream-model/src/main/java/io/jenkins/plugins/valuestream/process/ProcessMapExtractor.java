package io.jenkins.plugins.valuestream.process;

import io.jenkins.plugins.valuestream.graph.FlowGraph;
import io.jenkins.plugins.valuestream.graph.RunInfo;
import io.jenkins.plugins.valuestream.graph.RunResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the flow graph of one run into its {@link ProcessMap}, implementing the definitions of docs/definitions.md.
 *
 * <p>How: every node is one segment of its branch's timeline, from its own start to the start of the node that
 * follows it (a node ends when the next one starts). The segment's state comes from the node: the outer block of a
 * {@code node} or {@code lock} waits until its body starts (AGENT, LOCK), {@code input} and other pauses wait for a
 * person (INPUT), {@code sleep}/{@code waitUntil} wait for time (SLEEP), the time after a block's end node is
 * controller overhead (GAP), everything inside a failed {@code retry} attempt is REWORK, and the rest is work. A
 * branch that has finished stops contributing until its {@code parallel} joins, except the last one to finish. Each
 * segment belongs to the innermost process-map step it ran in, and {@link Timeline} splits the run and every step
 * over their segments in one sweep.
 *
 * <p>The parts, one idea each: {@link NodeTable} reads the nodes once, parents first; {@link StepScopes}
 * finds the block each node ran in and defines the steps; {@link Segments} cuts the run into segments and collects
 * the work items, agent allocations and lock acquisitions; {@link Timeline} splits the time; this class puts the map
 * together.
 *
 * <p>Stateless and thread-safe.
 */
public final class ProcessMapExtractor {

    private ProcessMapExtractor() {
    }

    /**
     * Extracts the process map of a run.
     *
     * @param info what is known of the run
     * @param graph its flow graph (possibly empty, for a run whose flow has not started)
     * @param now the current time, used for a run still in progress (open blocks and pauses end "now")
     */
    public static ProcessMap extract(RunInfo info, FlowGraph graph, long now) {
        long asOf = info.completedAt() != null ? info.completedAt() : Math.max(now, info.startedAt());
        NodeTable table = new NodeTable(info, graph, asOf);
        StepScopes scopes = new StepScopes(table);
        Segments segments = new Segments(info, table, scopes);

        List<StepBuilder> steps = scopes.steps();
        long[] outside = outsideRegion(steps, info.startedAt(), asOf);
        Timeline.Result splits = sweep(segments.timeline(), steps, outside);
        StepResult runResult = runStepResult(info);
        long[] scratch = new long[WaitCause.values().length];
        List<ProcessStep> result = new ArrayList<>(steps.size() + 1);
        Map<StepPath, Integer> occurrences = new HashMap<>();
        List<StepBuilder> inStartOrder = new ArrayList<>(steps);
        inStartOrder.sort(Comparator.comparingLong((StepBuilder s) -> s.from).thenComparingInt(s -> s.order));
        for (StepBuilder step : inStartOrder) {
            int occurrence = occurrences.merge(step.path, 1, Integer::sum) - 1;
            result.add(step.finish(occurrence, splits, scratch, runResult));
        }

        Timeline.Split run = splits.run();
        long outsideElapsed = 0;
        for (int i = 0; i < outside.length; i += 2) {
            outsideElapsed += outside[i + 1] - outside[i];
        }
        if (outsideElapsed > 0) {
            Timeline.Split rest = splits.outside();
            result.add(new ProcessStep(StepPath.OUTSIDE, 0, StepKind.OUTSIDE, runResult, outside[0],
                    outsideElapsed, rest.process(), WaitBreakdown.ofArray(rest.waits(), Set.of()),
                    rest.effort(), true, null, null));
        }

        long[] runWaits = run.waits().clone();
        Long queue = info.queueMillis();
        Set<WaitCause> unknown = EnumSet.noneOf(WaitCause.class);
        if (queue == null) {
            unknown.add(WaitCause.QUEUE);
        } else {
            runWaits[WaitCause.QUEUE.ordinal()] += queue;
        }
        return new ProcessMap(info.number(), info.result(), info.queuedAt(), info.startedAt(), info.completedAt(),
                asOf, run.process(), WaitBreakdown.ofArray(runWaits, unknown), result, segments.work(),
                segments.agents(), table.notes(), info.upstream(), info.changes(), segments.locks(), segments.failures(),
                segments.inputs());
    }

    /**
     * The process map of a run that has no flow graph because it is no Pipeline (a freestyle or Maven build): one
     * step named {@code name} (the job's name) that spans the whole build and is all process, since nothing inside
     * the build can be told apart; its queue wait where the queue entry is known. Such runs take part in chains of
     * jobs.
     *
     * @param now the current time, used while the build is going
     */
    public static ProcessMap wholeBuild(RunInfo info, String name, long now) {
        long asOf = info.completedAt() != null ? info.completedAt() : Math.max(now, info.startedAt());
        long elapsed = asOf - info.startedAt();
        Long queue = info.queueMillis();
        WaitBreakdown waits = queue == null ? WaitBreakdown.none().withUnknown(Set.of(WaitCause.QUEUE))
                : WaitBreakdown.of(Map.of(WaitCause.QUEUE, queue));
        ProcessStep whole = new ProcessStep(StepPath.of(name), 0, StepKind.PROCESS_STEP, runStepResult(info),
                info.startedAt(), elapsed, elapsed, WaitBreakdown.none(), elapsed, true, null, null);
        return new ProcessMap(info.number(), info.result(), info.queuedAt(), info.startedAt(), info.completedAt(),
                asOf, elapsed, waits, List.of(whole), List.of(), List.of(), List.of(), info.upstream(), info.changes());
    }

    /** Splits the run, the outside region and every step (by its slot) in one sweep. */
    private static Timeline.Result sweep(Timeline timeline, List<StepBuilder> steps, long[] outside) {
        int count = steps.size();
        long[] from = new long[count];
        long[] to = new long[count];
        int[] parent = new int[count];
        for (StepBuilder step : steps) {
            from[step.slot] = step.from;
            to[step.slot] = step.to;
            parent[step.slot] = step.parent == null ? -1 : step.parent.slot;
        }
        return timeline.sweep(from, to, parent, outside);
    }

    /** The instants of {@code [runStart, asOf)} outside every top-level step, as ascending disjoint intervals. */
    private static long[] outsideRegion(List<StepBuilder> steps, long runStart, long asOf) {
        List<long[]> covered = new ArrayList<>();
        for (StepBuilder step : steps) {
            if (step.parent == null && step.to > step.from) {
                covered.add(new long[] {step.from, step.to});
            }
        }
        covered.sort(Comparator.comparingLong(a -> a[0]));
        long[] region = new long[2 * covered.size() + 2];
        int count = 0;
        long cursor = runStart;
        for (long[] interval : covered) {
            if (interval[0] > cursor) {
                region[count++] = cursor;
                region[count++] = interval[0];
            }
            cursor = Math.max(cursor, interval[1]);
        }
        if (asOf > cursor) {
            region[count++] = cursor;
            region[count++] = asOf;
        }
        return java.util.Arrays.copyOf(region, count);
    }

    /** The run's result as a step's: what the outside step has, and a step that has not ended. */
    private static StepResult runStepResult(RunInfo info) {
        if (info.running()) {
            return StepResult.RUNNING;
        }
        RunResult result = info.result();
        if (result == null) {
            return StepResult.SUCCESS;
        }
        return switch (result) {
            case SUCCESS -> StepResult.SUCCESS;
            case UNSTABLE -> StepResult.UNSTABLE;
            case FAILURE -> StepResult.FAILURE;
            case ABORTED -> StepResult.ABORTED;
            case NOT_BUILT -> StepResult.SKIPPED;
        };
    }
}
