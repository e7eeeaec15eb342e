package io.jenkins.plugins.valuestream.benchmarks;

import io.jenkins.plugins.valuestream.critical.CriticalPath;
import io.jenkins.plugins.valuestream.critical.RunSchedule;
import io.jenkins.plugins.valuestream.graph.FlowGraph;
import io.jenkins.plugins.valuestream.graph.GraphNode;
import io.jenkins.plugins.valuestream.graph.RunInfo;
import io.jenkins.plugins.valuestream.graph.RunResult;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.ProcessMapExtractor;
import io.jenkins.plugins.valuestream.process.ProcessStep;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The critical path of the run of {@link ExtractionBenchmark} (10,000 flow nodes, 640 process-map steps, stages of
 * eight parallel branches) against the least any critical path must do: one walk of the map's steps reading what it
 * reads of each.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CriticalPathBenchmark {
    private ProcessMap run;

    @Setup
    public void setUp() {
        FlowGraph graph = SyntheticRuns.largeGraph(10_000);
        GraphNode last = graph.nodes().get(graph.size() - 1);
        run = ProcessMapExtractor.extract(new RunInfo(1, RunResult.SUCCESS, SyntheticRuns.T0 - 5_000,
                SyntheticRuns.T0, last.startMillis()), graph, Long.MAX_VALUE);
    }

    /** The whole critical path: its parts and every step's exclusive time. */
    @Benchmark
    public CriticalPath criticalPath() {
        return RunSchedule.of(run).criticalPath();
    }

    /** The baseline: every step once, reading its kind, path, start, elapsed time and parallel. */
    @Benchmark
    public long walkSteps() {
        long sum = 0;
        for (ProcessStep step : run.steps()) {
            String parallel = step.parallelGroup();
            sum += step.kind().ordinal() + step.path().depth() + step.startedAt() + step.elapsedMillis()
                    + (parallel == null ? 0 : parallel.length());
        }
        return sum;
    }
}
