package io.jenkins.plugins.valuestream.cli.source;

import io.jenkins.plugins.valuestream.graph.FlowGraph;
import io.jenkins.plugins.valuestream.graph.RunInfo;
import io.jenkins.plugins.valuestream.process.WaitCause;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One run as a source gives it: what is known of the run, its flow graph, and what the source could not tell.
 *
 * @param info the run's number, result and times
 * @param graph its flow graph (possibly synthesized from a coarser source)
 * @param unknownCauses wait causes the source cannot see (e.g. AGENT for the Stage View REST API); the process map
 *     reports them as unknown instead of 0
 * @param notes what the source could not tell, in words for users; added to the process map's notes
 * @param contextsKnown whether the graph shows where each step ran (its agent, {@code withEnv}, {@code dir}); a
 *     synthesized graph does not, and its work is then never taken for duplicated work
 * @param live whether a run without an end may still be going (a server's answer, the demo); a run read from build
 *     folders may never end (its controller stopped), so it is measured until its last recorded activity
 */
public record SourceRun(RunInfo info, FlowGraph graph, Set<WaitCause> unknownCauses, List<String> notes,
        boolean contextsKnown, boolean live) {
    public SourceRun {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(graph, "graph");
        unknownCauses = unknownCauses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(unknownCauses));
        notes = List.copyOf(notes);
    }

    /** A run from a complete flow graph: nothing unknown beyond what the graph itself lacks. */
    public static SourceRun complete(RunInfo info, FlowGraph graph) {
        return new SourceRun(info, graph, Set.of(), List.of(), true, true);
    }

    /** A run read from its build folder: complete, and measured until its last activity where it has no end. */
    public static SourceRun fromFiles(RunInfo info, FlowGraph graph) {
        return new SourceRun(info, graph, Set.of(), List.of(), true, false);
    }

    /** The instant a run without an end is measured against: {@code now}, or its last activity if not live. */
    public long measuredUntil(long now) {
        return live || !info.running() ? now : graph.lastActivity(info.startedAt());
    }

    public int number() {
        return info.number();
    }
}
