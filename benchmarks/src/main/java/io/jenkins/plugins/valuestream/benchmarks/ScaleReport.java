package io.jenkins.plugins.valuestream.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.jenkins.plugins.valuestream.cli.ValueStreamCommand;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The command line's report of a large {@code JENKINS_HOME} (4 jobs × 2,500 runs of the 30-step pipeline, written as
 * Jenkins writes its build folders), cold, beside the floor of any report of those bytes: a bare streaming parse of
 * every file on every core. Each round runs both in a fresh JVM, the report with a 1 GB heap, one after the other, so
 * that a busy machine slows both alike. Prints per round the two times, then
 * {@code RATIO report_vs_parse <median>} (with the spread over the rounds), {@code BYTES report_page <n>} and
 * {@code BYTES report_peak_heap <n>}.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.jenkins.plugins.valuestream.benchmarks.ScaleReport FOLDER [ROUNDS]};
 * the home is written into {@code FOLDER/home} the first time (about 2 GB) and reused after that.
 */
public final class ScaleReport {
    static final int JOBS = 4;
    static final int RUNS_PER_JOB = 2_500;
    private static final String REPORT_HEAP = "-Xmx1g";

    private ScaleReport() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 1 && args[0].equals("--report")) {
            report(Path.of(args[1]), Path.of(args[2]));
            return;
        }
        if (args.length >= 1 && args[0].equals("--parse")) {
            parse(Path.of(args[1]));
            return;
        }
        if (args.length < 1) {
            System.err.println("Usage: ScaleReport FOLDER [ROUNDS]");
            System.exit(2);
        }
        Path folder = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path home = folder.resolve("home");
        long bytes = ensureHome(home);
        System.out.printf(Locale.ROOT, "SCALE %d jobs x %d runs, %d bytes of build folders, %d cores%n", JOBS,
                RUNS_PER_JOB, bytes, Runtime.getRuntime().availableProcessors());
        double[] ratios = new double[rounds];
        long pageBytes = 0;
        long peakHeap = 0;
        for (int round = 0; round < rounds; round++) {
            Map<String, Long> parsed = child("--parse", home.toString());
            Path page = folder.resolve("report.html");
            Map<String, Long> reported = child("--report", home.toString(), page.toString());
            ratios[round] = (double) reported.get("ELAPSED_MS") / parsed.get("ELAPSED_MS");
            pageBytes = Files.size(page);
            peakHeap = Math.max(peakHeap, reported.get("PEAK_HEAP"));
            System.out.printf(Locale.ROOT, "ROUND %d parse %.1f s, report %.1f s, ratio %.2f, peak heap %d MB%n",
                    round + 1, parsed.get("ELAPSED_MS") / 1000.0, reported.get("ELAPSED_MS") / 1000.0,
                    ratios[round], reported.get("PEAK_HEAP") >> 20);
        }
        double[] sorted = ratios.clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        System.out.printf(Locale.ROOT, "TARGET report within 2x the bare parse: %s (median %.2f)%n",
                median <= 2 ? "met" : "not met", median);
        System.out.printf(Locale.ROOT, "TARGET page under 10 MB: %s%n", pageBytes < 10_000_000 ? "met" : "not met");
        System.out.printf(Locale.ROOT, "TARGET at most 1 GB of heap: met (the report ran with %s; the most it held after a"
                + " collection: %d MB)%n", REPORT_HEAP, peakHeap >> 20);
        System.out.printf(Locale.ROOT, "RATIO report_vs_parse %.2f (spread %.2f to %.2f over %d rounds)%n", median,
                sorted[0], sorted[sorted.length - 1], rounds);
        System.out.printf(Locale.ROOT, "BYTES report_page %d%n", pageBytes);
        System.out.printf(Locale.ROOT, "BYTES report_peak_heap %d%n", peakHeap);
    }

    /** Writes the home unless a complete one is there; returns the bytes of its build folders. */
    private static long ensureHome(Path home) throws IOException {
        Path done = home.resolve(".complete");
        if (!Files.exists(done)) {
            System.out.println("NOTE writing " + JOBS * RUNS_PER_JOB + " run folders into " + home
                    + " (once; reused by the next runs)");
            List<SyntheticRuns.Recorded> runs = SyntheticRuns.thirtyStepRuns(RUNS_PER_JOB, 25);
            for (int job = 1; job <= JOBS; job++) {
                BuildFolderWriter.writeAll(home.resolve("jobs/app-" + job + "/builds"), runs,
                        SyntheticRuns.THIRTY_STEP_JENKINSFILE);
            }
            Files.writeString(done, "");
        }
        try (Stream<Path> files = Files.walk(home)) {
            return files.filter(Files::isRegularFile).mapToLong(ScaleReport::size).sum();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs this class in a fresh JVM and reads back its {@code KEY value} lines. */
    private static Map<String, Long> child(String... args) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, REPORT_HEAP, "-cp", System.getProperty("java.class.path"),
                ScaleReport.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", args) + " failed (exit " + process.exitValue() + "): "
                    + output);
        }
        Map<String, Long> values = new HashMap<>();
        for (String line : output.split("\n")) {
            String[] parts = line.trim().split(" ");
            if (parts.length == 2) {
                values.put(parts[0], Long.parseLong(parts[1]));
            }
        }
        return values;
    }

    /** The report as a user runs it: every job of the home, nothing cached, one HTML page. */
    private static void report(Path home, Path page) {
        AtomicLong liveAfterGc = watchLiveHeap();
        long start = System.nanoTime();
        PrintWriter quiet = new PrintWriter(Writer.nullWriter());
        int code = ValueStreamCommand.run(new String[] {"report", "--jenkins-home", home.toString(), "--no-cache",
            "--out", page.toString()}, quiet, quiet, Map.of());
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        if (code != 0) {
            System.exit(code);
        }
        System.out.println("ELAPSED_MS " + elapsed);
        System.out.println("PEAK_HEAP " + liveAfterGc.get());
    }

    /**
     * The most heap the report held: the heap in use right after each garbage collection (what it could not free),
     * the largest of them. The heap in use before a collection says only how full the JVM let it get.
     */
    private static AtomicLong watchLiveHeap() {
        AtomicLong peak = new AtomicLong();
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
                            .from((CompositeData) notification.getUserData());
                    long live = 0;
                    for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                        if (isHeap(pool.getKey())) {
                            live += pool.getValue().getUsed();
                        }
                    }
                    peak.accumulateAndGet(live, Math::max);
                }
            }, null, null);
        }
        return peak;
    }

    private static boolean isHeap(String poolName) {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getName().equals(poolName)) {
                return pool.getType() == MemoryType.HEAP;
            }
        }
        return false;
    }

    /** The floor: every file of every run folder read and parsed as a stream of XML events, on every core. */
    private static void parse(Path home) throws Exception {
        long start = System.nanoTime();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(home)) {
            files = walk.filter(path -> path.toString().endsWith(".xml")).toList();
        }
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        AtomicLong events = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            List<Future<?>> pending = new ArrayList<>();
            for (Path file : files) {
                pending.add(pool.submit(() -> {
                    events.addAndGet(countEvents(factory, file));
                    return null;
                }));
            }
            for (Future<?> each : pending) {
                each.get();
            }
        } finally {
            pool.shutdown();
        }
        System.out.println("ELAPSED_MS " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        System.out.println("EVENTS " + events.get());
    }

    private static long countEvents(XMLInputFactory factory, Path file) throws IOException, XMLStreamException {
        XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(Files.readAllBytes(file)));
        long count = 0;
        try {
            while (reader.hasNext()) {
                reader.next();
                count++;
            }
        } finally {
            reader.close();
        }
        return count;
    }
}
