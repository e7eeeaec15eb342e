package io.jenkins.plugins.valuestream.benchmarks;

import io.jenkins.plugins.valuestream.graph.FlowGraph;
import io.jenkins.plugins.valuestream.graph.GraphNode;
import io.jenkins.plugins.valuestream.graph.RunInfo;
import io.jenkins.plugins.valuestream.graph.RunResult;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.ProcessMapExtractor;
import java.util.List;
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
 * extraction must do: one pass over the nodes reading what each holds and where it comes from.
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
        info = new RunInfo(1, RunResult.SUCCESS, SyntheticRuns.T0 - 5_000, SyntheticRuns.T0, last.startMillis());
    }

    /** The process map of the run. */
    @Benchmark
    public ProcessMap extract() {
        return ProcessMapExtractor.extract(info, graph, Long.MAX_VALUE);
    }

    /**
     * The baseline, a bare linear walk of the same graph: every node once, in order, reading what extraction reads
     * of it (kind, start, function, block start, body, arguments, pauses, error) and resolving its parents (each
     * parent's start, which is when that parent ran until).
     */
    @Benchmark
    public long walk() {
        List<GraphNode> nodes = graph.nodes();
        long sum = 0;
        for (int i = 0; i < nodes.size(); i++) {
            GraphNode node = nodes.get(i);
            Long start = node.startMillis();
            long own = start == null ? 0 : start;
            for (int parent : graph.parentIndexes(i)) {
                Long parentStart = nodes.get(parent).startMillis();
                sum += own - (parentStart == null ? own : parentStart);
            }
            String function = node.function();
            sum += node.kind().ordinal() + (function == null ? 0 : function.length()) + graph.blockStartIndex(i)
                    + (node.body() ? 1 : 0) + node.arguments().size() + node.pauses().size()
                    + (node.error() == null ? 0 : 1);
        }
        return sum;
    }
}
