package io.jenkins.plugins.valuestream.chain;

import io.jenkins.plugins.valuestream.graph.RunResult;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.ProcessStep;
import io.jenkins.plugins.valuestream.process.StepKind;
import io.jenkins.plugins.valuestream.process.StepPath;
import io.jenkins.plugins.valuestream.process.StepResult;
import io.jenkins.plugins.valuestream.process.WaitBreakdown;
import io.jenkins.plugins.valuestream.process.WaitCause;
import io.jenkins.plugins.valuestream.stream.Distribution;
import io.jenkins.plugins.valuestream.stream.ValueStream;
import io.jenkins.plugins.valuestream.stream.ValueStreamAggregator;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The end-to-end value streams of chains of jobs (docs/definitions.md, "Chains of jobs"): each chain is turned into
 * one process map ({@link #asProcessMap}), and the chains of one shape are aggregated by the
 * {@link ValueStreamAggregator} as the runs of one job are, so a chain's steps have the same medians, p90, waits by
 * cause and flow efficiency as a job's.
 */
public final class ChainAggregator {
    /** Between a job's name and its step's, in a chain's step names: {@code build » Test}. */
    public static final String SEPARATOR = " » ";
    /** The name of the hand-off step into a run, after its job's name: {@code deploy » (hand-off)}. */
    public static final String HANDOFF = "(hand-off)";

    private ChainAggregator() {
    }

    /** The value streams of the chains, one per shape, in the order each shape's first chain started. */
    public static List<ChainStream> aggregate(List<Chain> chains) {
        Map<List<String>, List<Chain>> byShape = new LinkedHashMap<>();
        for (Chain chain : chains) {
            byShape.computeIfAbsent(chain.jobs(), shape -> new ArrayList<>()).add(chain);
        }
        List<ChainStream> streams = new ArrayList<>(byShape.size());
        byShape.forEach((shape, ofShape) -> {
            List<ProcessMap> maps = new ArrayList<>(ofShape.size());
            List<Long> handoffs = new ArrayList<>();
            for (Chain chain : ofShape) {
                maps.add(asProcessMap(chain));
                if (!chain.running()) {
                    handoffs.add(chain.handoffs().stream().mapToLong(Handoff::waitMillis).sum());
                }
            }
            ValueStream stream = ValueStreamAggregator.aggregate(String.join(" → ", shape), maps);
            streams.add(new ChainStream(shape, ofShape, stream,
                    Distribution.ofSorting(handoffs.stream().mapToLong(Long::longValue).toArray())));
        });
        return streams;
    }

    /**
     * The chain as one run: numbered after its root (chains of one shape have one root job, so distinct numbers);
     * queued and started as its root; completed at its last completion. Its steps are, in chain order, each run's
     * hand-off step (the hand-off wait, as {@link WaitCause#HANDOFF}: the downstream run's quiet period and
     * build-queue wait after its trigger) and the run's steps, named {@code job » step}. Its waits are the root's
     * (queue included), the other runs' but their queue (which their hand-off covers), and the hand-offs; its process
     * time is the runs' summed process time, at most the lead time.
     */
    public static ProcessMap asProcessMap(Chain chain) {
        ProcessMap root = chain.root().map();
        List<ProcessStep> steps = new ArrayList<>();
        Map<StepPath, Integer> occurrences = new HashMap<>();
        long[] waits = new long[WaitCause.values().length];
        Set<WaitCause> unknown = EnumSet.noneOf(WaitCause.class);
        long process = 0;
        List<String> notes = new ArrayList<>();
        for (JobRun run : chain.runs()) {
            ProcessMap map = run.map();
            Handoff handoff = chain.handoffTo(run.key());
            if (handoff == null) {
                addWaits(waits, map.waits(), true);
                unknown.addAll(map.waits().unknown());
            } else {
                addWaits(waits, map.waits(), false);
                waits[WaitCause.HANDOFF.ordinal()] += handoff.waitMillis();
                StepPath path = StepPath.of(run.job() + SEPARATOR + HANDOFF);
                steps.add(new ProcessStep(path, occurrence(occurrences, path), StepKind.PROCESS_STEP,
                        StepResult.SUCCESS, handoff.triggeredAt(), handoff.waitMillis(), 0,
                        WaitBreakdown.of(Map.of(WaitCause.HANDOFF, handoff.waitMillis())), 0, true, null, null));
            }
            process += map.processMillis();
            for (ProcessStep step : map.steps()) {
                StepPath path = prefixed(run.job(), step.path());
                steps.add(new ProcessStep(path, occurrence(occurrences, path),
                        step.kind() == StepKind.OUTSIDE ? StepKind.PROCESS_STEP : step.kind(), step.result(),
                        step.startedAt(), step.elapsedMillis(), step.processMillis(), step.waits(),
                        step.effortMillis(), step.firstTime(), null,
                        step.parallelGroup() == null ? null : run.key() + ":" + step.parallelGroup()));
            }
            map.notes().forEach(note -> notes.add(run.key() + ": " + note));
        }
        long lead = chain.leadTimeMillis();
        return new ProcessMap(root.number(), result(chain), root.queuedAt(), root.startedAt(), chain.completedAt(),
                chain.asOf(), Math.min(process, Math.max(0, lead)), WaitBreakdown.ofArray(waits, unknown), steps,
                List.of(), List.of(), notes);
    }

    private static void addWaits(long[] into, WaitBreakdown waits, boolean withQueue) {
        long[] times = waits.toArray();
        for (int i = 0; i < times.length; i++) {
            if (withQueue || i != WaitCause.QUEUE.ordinal()) {
                into[i] += times[i];
            }
        }
    }

    private static int occurrence(Map<StepPath, Integer> occurrences, StepPath path) {
        return occurrences.merge(path, 1, Integer::sum) - 1;
    }

    /**
     * The step's path with the job's name before its first name: {@code [build » Test, linux]}; the one step of a
     * build that is no Pipeline, which is named after its job ({@link
     * io.jenkins.plugins.valuestream.process.ProcessMapExtractor#wholeBuild}), keeps its name alone.
     */
    private static StepPath prefixed(String job, StepPath path) {
        if (path.depth() == 1 && path.name().equals(job)) {
            return path;
        }
        List<String> segments = new ArrayList<>(path.segments());
        segments.set(0, job + SEPARATOR + segments.get(0));
        return new StepPath(segments);
    }

    /**
     * The chain's result: none while a run is going, else the first run's in chain order that did not succeed
     * (where the chain broke), else success.
     */
    private static @Nullable RunResult result(Chain chain) {
        if (chain.running()) {
            return null;
        }
        for (JobRun run : chain.runs()) {
            RunResult result = run.map().result();
            if (result != null && result != RunResult.SUCCESS) {
                return result;
            }
        }
        return RunResult.SUCCESS;
    }
}
