package io.jenkins.plugins.valuestream.benchmarks;

import io.jenkins.plugins.valuestream.graph.xml.BuildFolderReader;
import io.jenkins.plugins.valuestream.graph.xml.ReadListener;
import io.jenkins.plugins.valuestream.graph.xml.RunRecord;
import io.jenkins.plugins.valuestream.graph.xml.SkippedRun;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.ProcessMapExtractor;
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
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The Value Stream tab of a job with 10,000 runs × 30 steps: computed from the job's store, against only reading
 * and decoding the store (the floor), and against re-deriving every run from its flow graph as a design without a
 * store must on every request: read each run's build folder ({@code build.xml} and the flow nodes), extract, then
 * aggregate.
 *
 * <p>Reading 10,000 build folders (some 2 GB of XML) would take minutes per operation, so {@link #rederive} reads the
 * newest {@value #REDERIVE_RUNS} and reports the time <em>per run</em>; {@link Figures} scales it to
 * {@value #RUNS} runs. The folders are written in the setup, so they are in the operating system's page cache: the
 * most favourable case for the store-less design (a real controller's older builds are often cold on disk).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ValueStreamBenchmark {
    static final int RUNS = 10_000;
    static final int SHAPES = 100;
    /** How many runs {@link #rederive} reads from their build folders. */
    static final int REDERIVE_RUNS = 500;
    private static final String JOB = "shop/main";

    private Path folder;
    private Path storeFile;
    private Path buildsFolder;
    private List<SyntheticRuns.Recorded> recorded;

    @Setup
    public void setUp() throws IOException {
        recorded = SyntheticRuns.thirtyStepRuns(RUNS, SHAPES);
        folder = Files.createTempDirectory("value-stream-benchmark");
        storeFile = folder.resolve("value-stream.store");
        writeStore(storeFile, recorded);
        buildsFolder = folder.resolve("jobs/shop/jobs/main/builds");
        List<SyntheticRuns.Recorded> newest = recorded.subList(RUNS - REDERIVE_RUNS, RUNS);
        BuildFolderWriter.writeAll(buildsFolder, newest, SyntheticRuns.THIRTY_STEP_JENKINSFILE);
        requireSameRuns(newest, rederiveFromBuildFolders());
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

    /** What is measured must be the same work: the build folders read back to the runs they were written from. */
    private static void requireSameRuns(List<SyntheticRuns.Recorded> written, List<ProcessMap> read) {
        if (read.size() != written.size()) {
            throw new IllegalStateException("Wrote " + written.size() + " run folders but read " + read.size());
        }
        for (int i = 0; i < read.size(); i++) {
            ProcessMap expected = written.get(i).extract();
            if (!expected.equals(read.get(i))) {
                throw new IllegalStateException("Run #" + expected.number() + " reads back from its build folder as "
                        + read.get(i) + ", not as written: " + expected);
            }
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
            return ValueStreamAggregator.aggregate(JOB, store.readAll());
        }
    }

    /** The floor: a store opened afresh and every run read and decoded, nothing computed. */
    @Benchmark
    public List<ProcessMap> readAndDecode() throws IOException {
        try (JobStore store = JobStore.open(storeFile)) {
            return store.readAll();
        }
    }

    /**
     * Without a store, per run: every run's build folder read ({@code build.xml}, {@code flowNodeStore.xml}), its
     * process map extracted, then the value stream of them all computed. The score is the time per run.
     */
    @Benchmark
    @OperationsPerInvocation(REDERIVE_RUNS)
    public ValueStream rederive() {
        return ValueStreamAggregator.aggregate(JOB, rederiveFromBuildFolders());
    }

    private List<ProcessMap> rederiveFromBuildFolders() {
        List<ProcessMap> maps = new ArrayList<>(REDERIVE_RUNS);
        new BuildFolderReader().readBuilds(JOB, buildsFolder, new ReadListener() {
            @Override
            public void run(RunRecord run) {
                if (run.graph() == null) {
                    throw new IllegalStateException(run.folder() + " has no flow graph: " + run.warnings());
                }
                maps.add(ProcessMapExtractor.extract(run.info(), run.graph(), run.info().startedAt()));
            }

            @Override
            public void skipped(SkippedRun skipped) {
                throw new IllegalStateException(skipped.message());
            }
        });
        return maps;
    }

    /**
     * Without a store, with every flow graph already in memory (which a real controller cannot afford for 10,000
     * runs): only extraction and aggregation, for all {@value #RUNS} runs. Not one of the targets; it shows
     * how much of re-deriving is reading the build folders.
     */
    @Benchmark
    public ValueStream rederiveInMemory() {
        List<ProcessMap> maps = new ArrayList<>(recorded.size());
        for (SyntheticRuns.Recorded run : recorded) {
            maps.add(run.extract());
        }
        return ValueStreamAggregator.aggregate(JOB, maps);
    }
}
