package io.jenkins.plugins.valuestream.cli.source;

import io.jenkins.plugins.valuestream.graph.FlowGraph;
import io.jenkins.plugins.valuestream.graph.RunInfo;
import io.jenkins.plugins.valuestream.process.SourceLimits;
import java.util.Objects;

/**
 * One run as a source gives it: what is known of the run, its flow graph, and what the source could not tell.
 *
 * @param info the run's number, result and times
 * @param graph its flow graph (possibly synthesized from a coarser source)
 * @param limits what the source could not tell (a synthesized graph does not show agent waits inside stages nor
 *     where each step ran)
 * @param live whether a run without an end may still be going (a server's answer, the demo); a run read from build
 *     folders may never end (its controller stopped), so it is measured until its last recorded activity
 */
public record SourceRun(RunInfo info, FlowGraph graph, SourceLimits limits, boolean live) {
    public SourceRun {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(limits, "limits");
    }

    /** A run from a complete flow graph: nothing unknown beyond what the graph itself lacks. */
    public static SourceRun complete(RunInfo info, FlowGraph graph) {
        return new SourceRun(info, graph, SourceLimits.NONE, true);
    }

    /** A run read from its build folder: complete, and measured until its last activity where it has no end. */
    public static SourceRun fromFiles(RunInfo info, FlowGraph graph) {
        return new SourceRun(info, graph, SourceLimits.NONE, false);
    }

    /** The instant a run without an end is measured against: {@code now}, or its last activity if not live. */
    public long measuredUntil(long now) {
        return live || !info.running() ? now : graph.lastActivity(info.startedAt());
    }

    public int number() {
        return info.number();
    }
}
