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
 */
public record SourceRun(RunInfo info, FlowGraph graph, Set<WaitCause> unknownCauses, List<String> notes) {
    public SourceRun {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(graph, "graph");
        unknownCauses = unknownCauses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(unknownCauses));
        notes = List.copyOf(notes);
    }

    /** A run from a complete flow graph: nothing unknown beyond what the graph itself lacks. */
    public static SourceRun complete(RunInfo info, FlowGraph graph) {
        return new SourceRun(info, graph, Set.of(), List.of());
    }

    public int number() {
        return info.number();
    }
}
