package io.jenkins.plugins.valuestream.benchmarks;

import io.jenkins.plugins.valuestream.graph.FlowGraph;
import io.jenkins.plugins.valuestream.graph.GraphNode;
import io.jenkins.plugins.valuestream.graph.RunInfo;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.ProcessMapExtractor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Extraction of one run with a 10,000-node flow graph (parallel branches, agents, retries) against the least any
 * extraction must do: one pass over the nodes reading what each holds.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ExtractionBenchmark {
    private FlowGraph graph;
    private RunInfo info;

    @Setup
    public void setUp() {
        graph = SyntheticRuns.largeGraph(10_000);
        GraphNode last = graph.nodes().get(graph.size() - 1);
        info = new RunInfo(1, "SUCCESS", SyntheticRuns.T0 - 5_000, SyntheticRuns.T0, last.startMillis());
    }

    /** The process map of the run. */
    @Benchmark
    public ProcessMap extract() {
        return ProcessMapExtractor.extract(info, graph, Long.MAX_VALUE);
    }

    /** The baseline: every node once, in order, with its kind, start, function, parents and pauses. */
    @Benchmark
    public long walk() {
        long sum = 0;
        for (int i = 0; i < graph.size(); i++) {
            GraphNode node = graph.nodes().get(i);
            Long start = node.startMillis();
            sum += node.kind().ordinal() + (start == null ? 0 : start) + graph.parentIndexes(i).length
                    + node.pauses().size() + (node.function() == null ? 0 : node.function().length());
        }
        return sum;
    }
}
