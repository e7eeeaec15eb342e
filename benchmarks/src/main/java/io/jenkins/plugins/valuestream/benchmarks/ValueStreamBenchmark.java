package io.jenkins.plugins.valuestream.benchmarks;

import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.store.JobStore;
import io.jenkins.plugins.valuestream.stream.ValueStream;
import io.jenkins.plugins.valuestream.stream.ValueStreamAggregator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The Value Stream tab of a job with 10,000 runs × 30 steps: computed from the job's store, against only reading
 * and decoding the store (the floor), and against re-deriving every run from its flow graph (what a design without
 * a store would do on every request, before even reading the graphs from disk).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ValueStreamBenchmark {
    static final int RUNS = 10_000;
    static final int SHAPES = 100;

    private Path folder;
    private Path storeFile;
    private List<SyntheticRuns.Recorded> recorded;

    @Setup
    public void setUp() throws IOException {
        recorded = SyntheticRuns.thirtyStepRuns(RUNS, SHAPES);
        folder = Files.createTempDirectory("value-stream-benchmark");
        storeFile = folder.resolve("value-stream.store");
        writeStore(storeFile, recorded);
    }

    /** Writes the store as a job would: the runs appended in batches, the way they complete. */
    static void writeStore(Path file, List<SyntheticRuns.Recorded> runs) throws IOException {
        try (JobStore store = JobStore.open(file)) {
            List<ProcessMap> batch = new ArrayList<>();
            for (SyntheticRuns.Recorded run : runs) {
                batch.add(run.extract());
                if (batch.size() == 500) {
                    store.appendAll(batch);
                    batch.clear();
                }
            }
            store.appendAll(batch);
        }
    }

    @TearDown
    public void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** The tab: a store opened afresh, every run read, the value stream computed. */
    @Benchmark
    public ValueStream valueStreamFromStore() throws IOException {
        try (JobStore store = JobStore.open(storeFile)) {
            return ValueStreamAggregator.aggregate("shop/main", store.readAll());
        }
    }

    /** The floor: a store opened afresh and every run read and decoded, nothing computed. */
    @Benchmark
    public List<ProcessMap> readAndDecode() throws IOException {
        try (JobStore store = JobStore.open(storeFile)) {
            return store.readAll();
        }
    }

    /** Without a store: every run extracted from its flow graph, then the value stream computed. */
    @Benchmark
    public ValueStream rederive() {
        List<ProcessMap> maps = new ArrayList<>(recorded.size());
        for (SyntheticRuns.Recorded run : recorded) {
            maps.add(run.extract());
        }
        return ValueStreamAggregator.aggregate("shop/main", maps);
    }
}
