package io.jenkins.plugins.valuestream.chain;

import io.jenkins.plugins.valuestream.graph.StepFunctions;
import io.jenkins.plugins.valuestream.graph.UpstreamCause;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.WorkItem;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Links the runs of many jobs into {@link Chain}s by their upstream causes (docs/definitions.md, "Chains of jobs").
 *
 * <p>A run's upstream run is its first upstream cause whose run is in the data set; a run with none (started by a
 * person, a timer or a commit, or by a run the data set lacks) is the root of a chain. Every run is in exactly one
 * chain, so runs that cause each other in a loop (damaged records: a real run cannot be started by a later one)
 * cannot make the linking go round: the loop is cut before its earliest-started run, which becomes a root.
 */
public final class ChainLinker {
    private static final Comparator<JobRun> CHAIN_ORDER = Comparator.comparing(JobRun::job)
            .thenComparingInt(run -> run.map().number());

    private ChainLinker() {
    }

    /** The chains of the given runs, by their roots' start; a run given twice is taken once (the later copy). */
    public static List<Chain> link(Collection<JobRun> runs) {
        Map<RunKey, JobRun> byKey = new LinkedHashMap<>();
        for (JobRun run : runs) {
            byKey.put(run.key(), run);
        }
        Map<RunKey, RunKey> upstream = new HashMap<>();
        Map<RunKey, UpstreamCause> causes = new HashMap<>();
        for (JobRun run : byKey.values()) {
            for (UpstreamCause cause : run.map().upstream()) {
                RunKey from = new RunKey(cause.job(), cause.build());
                if (byKey.containsKey(from) && !from.equals(run.key())) {
                    upstream.put(run.key(), from);
                    causes.put(run.key(), cause);
                    break;
                }
            }
        }
        cutLoops(byKey, upstream);
        Map<RunKey, List<JobRun>> downstream = new HashMap<>();
        List<JobRun> roots = new ArrayList<>();
        for (JobRun run : byKey.values()) {
            RunKey from = upstream.get(run.key());
            if (from == null) {
                roots.add(run);
            } else {
                downstream.computeIfAbsent(from, key -> new ArrayList<>()).add(run);
            }
        }
        downstream.values().forEach(list -> list.sort(CHAIN_ORDER));
        roots.sort(Comparator.comparingLong((JobRun run) -> run.map().startedAt()).thenComparing(CHAIN_ORDER));
        List<Chain> chains = new ArrayList<>(roots.size());
        for (JobRun root : roots) {
            chains.add(chainFrom(root, byKey, downstream, causes));
        }
        return chains;
    }

    /** Drops the upstream link of the earliest-started run of every loop, which makes it a root. */
    private static void cutLoops(Map<RunKey, JobRun> byKey, Map<RunKey, RunKey> upstream) {
        Set<RunKey> done = new HashSet<>();
        for (RunKey start : byKey.keySet()) {
            List<RunKey> path = new ArrayList<>();
            Set<RunKey> onPath = new HashSet<>();
            RunKey at = start;
            while (at != null && !done.contains(at)) {
                if (!onPath.add(at)) {
                    List<RunKey> loop = path.subList(path.indexOf(at), path.size());
                    RunKey earliest = loop.stream().min(Comparator.comparingLong((RunKey key) -> startOf(byKey, key))
                            .thenComparing(Comparator.naturalOrder())).orElseThrow();
                    upstream.remove(earliest);
                    break;
                }
                path.add(at);
                at = upstream.get(at);
            }
            done.addAll(path);
        }
    }

    private static long startOf(Map<RunKey, JobRun> byKey, RunKey key) {
        JobRun run = byKey.get(key);
        return run == null ? Long.MAX_VALUE : run.map().startedAt();
    }

    private static Chain chainFrom(JobRun root, Map<RunKey, JobRun> byKey, Map<RunKey, List<JobRun>> downstream,
            Map<RunKey, UpstreamCause> causes) {
        List<JobRun> runs = new ArrayList<>();
        List<Handoff> handoffs = new ArrayList<>();
        Deque<JobRun> toVisit = new ArrayDeque<>();
        toVisit.push(root);
        while (!toVisit.isEmpty()) {
            JobRun run = toVisit.pop();
            runs.add(run);
            UpstreamCause cause = causes.get(run.key());
            if (run != root && cause != null) {
                JobRun from = byKey.get(new RunKey(cause.job(), cause.build()));
                if (from != null) {
                    handoffs.add(handoff(from, run));
                }
            }
            List<JobRun> next = downstream.getOrDefault(run.key(), List.of());
            for (int i = next.size() - 1; i >= 0; i--) {
                toVisit.push(next.get(i));
            }
        }
        return new Chain(runs, handoffs);
    }

    /**
     * The hand-off from {@code from} to {@code to}: triggered at the start of the last {@code build} step of the
     * upstream run that began before the downstream run entered the queue (or started), else at the upstream run's
     * end; a trigger recorded after the downstream start (clocks of the records disagree) is taken as the start.
     */
    static Handoff handoff(JobRun from, JobRun to) {
        ProcessMap downstream = to.map();
        long entered = downstream.leadStart();
        WorkItem buildStep = lastBuildStep(from.map(), entered);
        long triggered = buildStep != null ? buildStep.startedAt() : from.map().asOf();
        return new Handoff(from.key(), to.key(), Math.min(triggered, downstream.startedAt()),
                downstream.startedAt(), buildStep != null);
    }

    private static @Nullable WorkItem lastBuildStep(ProcessMap upstream, long before) {
        WorkItem last = null;
        for (WorkItem item : upstream.work()) {
            if (item.function().equals(StepFunctions.BUILD) && item.startedAt() <= before
                    && (last == null || item.startedAt() >= last.startedAt())) {
                last = item;
            }
        }
        return last;
    }
}
