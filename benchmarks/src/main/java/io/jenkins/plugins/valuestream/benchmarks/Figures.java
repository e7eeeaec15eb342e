package io.jenkins.plugins.valuestream.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.valuestream.store.StoreStats;
import io.jenkins.plugins.valuestream.store.JobStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Turns one JMH run's JSON results into the figures of docs/performance.md, and measures the store's bytes per step
 * record on the benchmark's own data. Prints the allocation per operation and whether each target is met, then ends
 * with one line per figure: {@code RATIO extraction_vs_walk <x>}, {@code RATIO valuestream_vs_decode <x>},
 * {@code RATIO rederive_vs_valuestream <x>}, {@code RATIO criticalpath_vs_step_walk <x>},
 * {@code RATIO criticalpath_vs_graph_walk <x>}, {@code BYTES per_step_record <n>}.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.jenkins.plugins.valuestream.benchmarks.Figures jmh-result.json}
 */
public final class Figures {
    private static final String PACKAGE = Figures.class.getPackageName() + ".";

    private Figures() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("Usage: Figures <JMH JSON result file>");
            System.exit(2);
        }
        Map<String, Result> results = read(Path.of(args[0]));
        for (Map.Entry<String, Result> result : results.entrySet()) {
            System.out.printf(Locale.ROOT, "GC %s %.0f%% of the measured time in garbage-collection pauses%n",
                    result.getKey(), 100 * result.getValue().gcShare());
        }
        for (Map.Entry<String, Result> result : results.entrySet()) {
            String operation = result.getKey().equals("ValueStreamBenchmark.rederive") ? "run" : "operation";
            System.out.printf(Locale.ROOT, "SCORE %s %.3f %s, %s bytes allocated per %s%n", result.getKey(),
                    result.getValue().score(), result.getValue().unit().replace("/op", "/" + operation),
                    Double.isNaN(result.getValue().allocatedBytes()) ? "unknown"
                            : String.format(Locale.ROOT, "%.0f", result.getValue().allocatedBytes()), operation);
        }
        double extraction = ratio(results, "ExtractionBenchmark.extract", "ExtractionBenchmark.walk");
        double valueStream = ratio(results, "ValueStreamBenchmark.valueStreamFromStore",
                "ValueStreamBenchmark.readAndDecode");
        // rederive reads REDERIVE_RUNS build folders and scores the time per run: scaled to the job's RUNS runs.
        double rederive = ratio(results, "ValueStreamBenchmark.rederive", "ValueStreamBenchmark.valueStreamFromStore")
                * ValueStreamBenchmark.RUNS;
        double rederiveInMemory = ratio(results, "ValueStreamBenchmark.rederiveInMemory",
                "ValueStreamBenchmark.valueStreamFromStore");
        double criticalPath = ratio(results, "CriticalPathBenchmark.criticalPath", "CriticalPathBenchmark.walkSteps");
        // The target: the critical path costs at most about one more walk of the run's flow graph.
        double criticalPathVsGraph = ratio(results, "CriticalPathBenchmark.criticalPath",
                "ExtractionBenchmark.walk");
        double bytes = bytesPerStepRecord();
        long folderBytes = bytesPerRunFolder();

        System.out.printf(Locale.ROOT, "NOTE rederive read %d of the %d runs from their build folders (%d bytes of"
                + " build.xml and flowNodeStore.xml per run) and is scored per run; rederive_vs_valuestream scales it"
                + " to %d runs%n", ValueStreamBenchmark.REDERIVE_RUNS, ValueStreamBenchmark.RUNS, folderBytes,
                ValueStreamBenchmark.RUNS);
        System.out.printf(Locale.ROOT, "FIGURE rederive_in_memory_vs_valuestream %.1f (flow graphs already in memory,"
                + " no build folder read; not a target)%n", rederiveInMemory);
        Result fromStore = results.get("ValueStreamBenchmark.valueStreamFromStore");
        Result decode = results.get("ValueStreamBenchmark.readAndDecode");
        if (fromStore != null && decode != null) {
            System.out.printf(Locale.ROOT, "FIGURE valuestream_vs_decode_without_gc_pauses %.2f (each score less its"
                    + " share of garbage-collection pauses, an estimate; not a target)%n",
                    fromStore.withoutGcPauses() / decode.withoutGcPauses());
        }

        target("extraction within 3x the bare walk", extraction, extraction <= 3);
        target("value stream within 2x reading and decoding the store", valueStream, valueStream <= 2);
        target("value stream at least 100x faster than re-deriving", rederive, rederive >= 100);
        target("at most 64 bytes per step record", bytes, bytes <= 64);
        target("critical path within about one walk of the flow graph", criticalPathVsGraph,
                criticalPathVsGraph <= 1);
        System.out.printf(Locale.ROOT, "RATIO extraction_vs_walk %.2f%n", extraction);
        System.out.printf(Locale.ROOT, "RATIO valuestream_vs_decode %.2f%n", valueStream);
        System.out.printf(Locale.ROOT, "RATIO rederive_vs_valuestream %.1f%n", rederive);
        System.out.printf(Locale.ROOT, "RATIO criticalpath_vs_step_walk %.2f%n", criticalPath);
        System.out.printf(Locale.ROOT, "RATIO criticalpath_vs_graph_walk %.2f%n", criticalPathVsGraph);
        System.out.printf(Locale.ROOT, "BYTES per_step_record %.1f%n", bytes);
    }

    /**
     * One benchmark's figures.
     *
     * @param gcShare the share of its measured time spent in garbage-collection pauses: the {@code -prof gc} pause
     *     total over the measurement iterations' time (an estimate: an iteration lasts at least its nominal time)
     */
    private record Result(double score, String unit, double allocatedBytes, double gcShare) {
        /** The score less its share of garbage-collection pauses. */
        double withoutGcPauses() {
            return Double.isNaN(gcShare) ? Double.NaN : score * (1 - gcShare);
        }
    }

    private static Map<String, Result> read(Path file) throws IOException {
        Map<String, Result> results = new LinkedHashMap<>();
        for (JsonNode benchmark : new ObjectMapper().readTree(file.toFile())) {
            String name = benchmark.path("benchmark").asText().replace(PACKAGE, "");
            JsonNode primary = benchmark.path("primaryMetric");
            JsonNode allocation = benchmark.path("secondaryMetrics").path("gc.alloc.rate.norm").path("score");
            JsonNode gcTime = benchmark.path("secondaryMetrics").path("gc.time").path("score");
            double measuredMillis = benchmark.path("measurementIterations").asInt()
                    * seconds(benchmark.path("measurementTime").asText()) * 1000;
            // -prof gc leaves out the pause time of a benchmark that had no pause.
            boolean profiled = allocation.isNumber();
            double gcShare = !profiled || measuredMillis <= 0 ? Double.NaN
                    : gcTime.isNumber() ? Math.min(1, gcTime.asDouble() / measuredMillis) : 0;
            results.put(name, new Result(primary.path("score").asDouble(), primary.path("scoreUnit").asText(),
                    allocation.isNumber() ? allocation.asDouble() : Double.NaN, gcShare));
        }
        return results;
    }

    /** JMH's "2 s", "500 ms". */
    private static double seconds(String time) {
        String[] parts = time.trim().split(" ");
        if (parts.length != 2) {
            return Double.NaN;
        }
        double value = Double.parseDouble(parts[0]);
        return switch (parts[1]) {
            case "s" -> value;
            case "ms" -> value / 1000;
            case "min" -> value * 60;
            default -> Double.NaN;
        };
    }

    private static double ratio(Map<String, Result> results, String measured, String baseline) {
        Result a = results.get(measured);
        Result b = results.get(baseline);
        if (a == null || b == null || !a.unit().equals(b.unit())) {
            return Double.NaN;
        }
        return a.score() / b.score();
    }

    private static void target(String what, double value, boolean met) {
        System.out.printf(Locale.ROOT, "TARGET %s: %s (%.2f)%n", what, Double.isNaN(value) ? "not measured"
                : met ? "met" : "NOT met", value);
    }

    /** The size of one run folder of the value-stream benchmark, written again. */
    private static long bytesPerRunFolder() throws IOException {
        Path folder = Files.createTempDirectory("value-stream-figures");
        try {
            SyntheticRuns.Recorded run = SyntheticRuns.thirtyStepRuns(1, 1).get(0);
            BuildFolderWriter.write(folder.resolve("1"), run.info(), run.graph(),
                    SyntheticRuns.THIRTY_STEP_JENKINSFILE);
            long bytes = 0;
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    bytes += Files.size(file);
                }
            }
            return bytes;
        } finally {
            delete(folder);
        }
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** The store of the value-stream benchmark, written again, and its step records measured. */
    private static double bytesPerStepRecord() throws IOException {
        Path folder = Files.createTempDirectory("value-stream-figures");
        try {
            Path file = folder.resolve("value-stream.store");
            ValueStreamBenchmark.writeStore(file,
                    SyntheticRuns.thirtyStepRuns(ValueStreamBenchmark.RUNS, ValueStreamBenchmark.SHAPES));
            try (JobStore store = JobStore.open(file)) {
                StoreStats stats = store.stats();
                System.out.println("STORE " + stats);
                return stats.bytesPerStepRecord();
            }
        } finally {
            delete(folder);
        }
    }
}
