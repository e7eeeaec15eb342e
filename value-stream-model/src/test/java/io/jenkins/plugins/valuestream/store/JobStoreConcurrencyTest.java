package io.jenkins.plugins.valuestream.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.valuestream.process.ProcessMap;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Runs of one job completing at the same time, in threads and in processes: no append is lost or mixed up. */
public class JobStoreConcurrencyTest {
    private static final int THREADS = 8;
    private static final int APPENDS = 40;

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private Path storeFile() {
        return folder.getRoot().toPath().resolve("job").resolve("value-stream.store");
    }

    @Test
    public void threadsAppendingAtOnceLoseNothing() throws Exception {
        Map<Integer, ProcessMap> expected = new ConcurrentHashMap<>();
        JobStore shared = JobStore.open(storeFile());
        AtomicBoolean writing = new AtomicBoolean(true);
        List<String> readerProblems = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                writers.add(pool.submit((Callable<Void>) () -> {
                    // half of the threads share one store object, the others each open their own
                    JobStore store = thread % 2 == 0 ? shared : JobStore.open(storeFile());
                    start.await();
                    for (int i = 0; i < APPENDS; i++) {
                        ProcessMap map = StoreFixtures.pipelineRun(thread * 1000 + i, thread);
                        expected.put(map.number(), map);
                        store.append(map);
                    }
                    return null;
                }));
            }
            Future<?> reader = pool.submit((Callable<Void>) () -> {
                JobStore store = JobStore.open(storeFile());
                start.await();
                while (writing.get()) {
                    for (ProcessMap map : store.readLast(10)) {
                        if (!map.equals(expected.get(map.number()))) {
                            readerProblems.add("run #" + map.number() + " read differently than written");
                        }
                    }
                    readerProblems.addAll(store.warnings());
                }
                return null;
            });
            start.countDown();
            for (Future<?> writer : writers) {
                writer.get(2, TimeUnit.MINUTES);
            }
            writing.set(false);
            reader.get(1, TimeUnit.MINUTES);
        } finally {
            pool.shutdownNow();
        }

        JobStore store = JobStore.open(storeFile());
        assertThat(store.runNumbers()).hasSize(THREADS * APPENDS);
        Map<Integer, ProcessMap> read = byNumber(store.readAll());
        assertThat(read.keySet()).isEqualTo(expected.keySet());
        assertThat(read).isEqualTo(expected);
        assertThat(store.warnings()).isEmpty();
        assertThat(readerProblems).isEmpty();
    }

    @Test
    public void compactionWhileOthersAppendLosesNothing() throws Exception {
        Map<Integer, ProcessMap> expected = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicBoolean writing = new AtomicBoolean(true);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                int thread = t;
                writers.add(pool.submit((Callable<Void>) () -> {
                    JobStore store = JobStore.open(storeFile());
                    for (int i = 0; i < 30; i++) {
                        ProcessMap map = StoreFixtures.pipelineRun(thread * 1000 + i, 4);
                        expected.put(map.number(), map);
                        store.append(map);
                        if (i % 3 == 0) {
                            store.remove(map.number());
                            expected.remove(map.number());
                        }
                    }
                    return null;
                }));
            }
            Future<?> compactor = pool.submit((Callable<Void>) () -> {
                JobStore store = JobStore.open(storeFile());
                while (writing.get()) {
                    store.compact();
                }
                return null;
            });
            for (Future<?> writer : writers) {
                writer.get(2, TimeUnit.MINUTES);
            }
            writing.set(false);
            compactor.get(1, TimeUnit.MINUTES);
        } finally {
            pool.shutdownNow();
        }

        Map<Integer, ProcessMap> read = byNumber(JobStore.open(storeFile()).readAll());
        assertThat(read.keySet()).isEqualTo(expected.keySet());
        assertThat(read).isEqualTo(expected);
    }

    @Test
    public void twoProcessesAppendingAtOnceLoseNothing() throws Exception {
        JobStore store = JobStore.open(storeFile());
        store.append(StoreFixtures.pipelineRun(1, 3));
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StoreAppender.class.getName(),
                storeFile().toString(), "5000", Integer.toString(APPENDS * 2))
                .redirectErrorStream(true).start();
        List<ProcessMap> ours = new ArrayList<>();
        for (int number = 1; number <= APPENDS * 2; number++) {
            ours.add(StoreFixtures.pipelineRun(number, 3));
        }
        BufferedReader childOutput = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8));
        assertThat(childOutput.readLine()).as("the other process is ready to append").isEqualTo("ready");
        for (ProcessMap map : ours.subList(1, ours.size())) {
            store.append(map);
        }
        assertThat(child.waitFor(2, TimeUnit.MINUTES)).as("the other process finished").isTrue();
        String output = childOutput.lines().collect(java.util.stream.Collectors.joining("\n"));
        assertThat(child.exitValue()).as(output).isZero();

        Map<Integer, ProcessMap> expected = byNumber(ours);
        for (int number = 5000; number < 5000 + APPENDS * 2; number++) {
            expected.put(number, StoreFixtures.pipelineRun(number, 3));
        }
        JobStore reopened = JobStore.open(storeFile());
        Map<Integer, ProcessMap> read = byNumber(reopened.readAll());
        assertThat(read.keySet()).isEqualTo(expected.keySet());
        assertThat(read).isEqualTo(expected);
        assertThat(reopened.warnings()).isEmpty();
    }

    private static Map<Integer, ProcessMap> byNumber(List<ProcessMap> maps) {
        Map<Integer, ProcessMap> result = new java.util.TreeMap<>();
        maps.forEach(map -> result.put(map.number(), map));
        return result;
    }

}
