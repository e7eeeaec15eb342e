package io.jenkins.plugins.valuestream.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.ProcessStep;
import io.jenkins.plugins.valuestream.process.StepPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Torn writes, truncation and flipped bytes: the store never throws for bad bytes, never returns a record that was
 * not appended, and loses no more than the damaged records.
 */
public class JobStoreDamageTest {
    private static final String NAME = "value-stream.store";
    private static final ProcessMap NEXT = StoreFixtures.pipelineRun(100, 11);

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    /** One operation on the store and where the file ended after it. */
    private record Op(int number, ProcessMap map, long end) {
        boolean removal() {
            return map == null;
        }
    }

    /** A store written run by run, with a replaced run and a removed one, and the log of what was written. */
    private static final class History {
        final Path file;
        final List<Op> ops = new ArrayList<>();
        final Map<Integer, List<ProcessMap>> versions = new HashMap<>();

        History(Path file) {
            this.file = file;
        }

        void append(JobStore store, ProcessMap map) throws IOException {
            store.append(map);
            ops.add(new Op(map.number(), map, Files.size(file)));
            versions.computeIfAbsent(map.number(), n -> new ArrayList<>()).add(map);
        }

        void remove(JobStore store, int number) throws IOException {
            store.remove(number);
            ops.add(new Op(number, null, Files.size(file)));
        }

        /** What the store holds when the operations ending at or before {@code length} are all that was written. */
        TreeMap<Integer, ProcessMap> stateAt(long length) {
            TreeMap<Integer, ProcessMap> state = new TreeMap<>();
            for (Op op : ops) {
                if (op.end() > length) {
                    break;
                }
                if (op.removal()) {
                    state.remove(op.number());
                } else {
                    state.put(op.number(), op.map());
                }
            }
            return state;
        }

        TreeMap<Integer, ProcessMap> finalState() {
            return stateAt(Long.MAX_VALUE);
        }

        /** The end of the last operation on the number. */
        long lastOpEnd(int number) {
            return ops.stream().filter(op -> op.number() == number).mapToLong(Op::end).max().orElse(0);
        }
    }

    private History writeHistory(Path file, int runs) throws IOException {
        History history = new History(file);
        JobStore store = JobStore.open(file);
        for (int number = 1; number <= runs; number++) {
            history.append(store, StoreFixtures.pipelineRun(number, 11));
        }
        history.append(store, StoreFixtures.pipelineRun(5, 12));
        history.remove(store, 7);
        history.append(store, StoreFixtures.restRun(runs + 1));
        history.append(store, withNewStage(StoreFixtures.pipelineRun(runs + 2, 11), "Security scan"));
        return history;
    }

    /** The map with one more step, whose name the store has not seen yet. */
    private static ProcessMap withNewStage(ProcessMap map, String name) {
        ProcessStep first = map.steps().get(0);
        List<ProcessStep> steps = new ArrayList<>(map.steps());
        steps.add(0, new ProcessStep(StepPath.of(name), 0, first.kind(), first.result(), first.startedAt(), 10, 10,
                first.waits(), 10, true, "999", null));
        return map.withSteps(steps);
    }

    private Path copy(History history, String name) throws IOException {
        Path dir = folder.newFolder(name).toPath();
        Path target = dir.resolve(NAME);
        Files.copy(history.file, target);
        Path index = history.file.resolveSibling(NAME + ".idx");
        if (Files.exists(index)) {
            Files.copy(index, dir.resolve(NAME + ".idx"));
        }
        return target;
    }

    /** Every returned map is one that was appended with its number; readLast agrees with readAll. */
    private static List<ProcessMap> readChecked(Path file, History history) throws IOException {
        JobStore store = JobStore.open(file);
        List<ProcessMap> all = store.readAll();
        for (ProcessMap map : all) {
            List<ProcessMap> versions = history.versions.getOrDefault(map.number(), List.of());
            if (!versions.contains(map)) {
                assertThat(versions).as("versions of run #%d", map.number()).contains(map);
            }
        }
        assertThat(store.runNumbers()).containsExactlyElementsOf(all.stream().map(ProcessMap::number).toList());
        assertThat(store.readLast(5)).isEqualTo(all.subList(Math.max(0, all.size() - 5), all.size()));
        for (int i = 0; i < all.size(); i += 7) {
            assertThat(store.read(all.get(i).number())).contains(all.get(i));
        }
        return all;
    }

    private static Map<Integer, ProcessMap> byNumber(List<ProcessMap> maps) {
        Map<Integer, ProcessMap> result = new TreeMap<>();
        maps.forEach(map -> result.put(map.number(), map));
        return result;
    }

    @Test
    public void aTornLastWriteIsIgnoredAndCutOffByTheNextAppend() throws IOException {
        Path file = folder.getRoot().toPath().resolve(NAME);
        History history = writeHistory(file, 6);
        long before = history.ops.get(history.ops.size() - 2).end();
        long full = Files.size(file);
        truncate(file, before + (full - before) / 2);

        JobStore store = JobStore.open(file);
        assertThat(byNumber(store.readAll())).isEqualTo(history.stateAt(before));
        assertThat(store.warnings()).singleElement().asString().contains("incomplete record");

        ProcessMap next = StoreFixtures.pipelineRun(30, 11);
        store.append(next);
        JobStore reopened = JobStore.open(file);
        TreeMap<Integer, ProcessMap> expected = history.stateAt(before);
        expected.put(30, next);
        assertThat(byNumber(reopened.readAll())).isEqualTo(expected);
        assertThat(reopened.warnings()).isEmpty();
    }

    @Test
    public void aDamagedRecordInTheMiddleIsSkippedAndTheRecordsAfterItAreRead() throws IOException {
        Path file = folder.getRoot().toPath().resolve(NAME);
        History history = writeHistory(file, 8);
        long start = history.ops.get(2).end();
        long end = history.ops.get(3).end();
        flip(file, start + (end - start) / 2, 0x40);

        JobStore store = JobStore.open(file);
        TreeMap<Integer, ProcessMap> expected = history.finalState();
        expected.remove(4);
        assertThat(byNumber(store.readAll())).isEqualTo(expected);
        assertThat(store.warnings()).anySatisfy(w -> assertThat(w).contains("damaged"));
    }

    @Test
    public void runsWhoseStringsWereLostAreDroppedAndTheirIdsNeverReused() throws IOException {
        Path file = folder.getRoot().toPath().resolve(NAME);
        History history = writeHistory(file, 4);
        Op last = history.ops.get(history.ops.size() - 1);
        long stringsFrame = history.ops.get(history.ops.size() - 2).end();
        assertThat(frameTypeAt(file, stringsFrame)).as("the last append starts with its new strings")
                .isEqualTo(Frames.STRINGS);
        flip(file, stringsFrame + 8, 0x01);

        JobStore store = JobStore.open(file);
        assertThat(store.runNumbers()).doesNotContain(last.number());
        assertThat(store.warnings()).anySatisfy(w -> assertThat(w).contains("#" + last.number()));

        ProcessMap later = withNewStage(StoreFixtures.pipelineRun(40, 11), "Performance tests");
        history.versions.computeIfAbsent(40, n -> new ArrayList<>()).add(later);
        store.append(later);
        JobStore reopened = JobStore.open(file);
        assertThat(reopened.read(40)).contains(later);
        assertThat(reopened.runNumbers()).doesNotContain(last.number());
        readChecked(file, history);
    }

    @Test
    public void aDamagedHeaderStillReadsAllRunsAndIsRepairedByTheNextAppend() throws IOException {
        Path file = folder.getRoot().toPath().resolve(NAME);
        History history = writeHistory(file, 5);
        flip(file, 9, 0xFF);

        JobStore store = JobStore.open(file);
        assertThat(byNumber(store.readAll())).isEqualTo(history.finalState());
        assertThat(store.warnings()).anySatisfy(w -> assertThat(w).contains("header"));

        store.append(StoreFixtures.pipelineRun(50, 11));
        JobStore reopened = JobStore.open(file);
        assertThat(reopened.runNumbers()).contains(50).containsAll(history.finalState().keySet());
        assertThat(reopened.warnings()).isEmpty();
    }

    @Test
    public void truncationAnywhereLosesOnlyTheCutRecords() throws IOException {
        Path file = folder.getRoot().toPath().resolve(NAME);
        History history = writeHistory(file, 24);
        history.versions.computeIfAbsent(100, n -> new ArrayList<>()).add(NEXT);
        long full = Files.size(file);
        Random random = new Random(2024);

        for (int seed = 0; seed < 300; seed++) {
            long length = seed < 24 ? seed : random.nextLong(full);
            Path damaged = copy(history, "cut" + seed);
            truncate(damaged, length);

            List<ProcessMap> read = readChecked(damaged, history);
            assertThat(byNumber(read)).as("cut at %d of %d", length, full).isEqualTo(history.stateAt(length));

            if (seed % 10 == 0) {
                JobStore.open(damaged).append(NEXT);
                TreeMap<Integer, ProcessMap> expected = history.stateAt(length);
                expected.put(100, NEXT);
                assertThat(byNumber(JobStore.open(damaged).readAll())).as("appended after a cut at %d", length)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    public void aFlippedByteLosesAtMostTheRecordItHit() throws IOException {
        Path file = folder.getRoot().toPath().resolve(NAME);
        History history = writeHistory(file, 200);
        history.versions.computeIfAbsent(100, n -> new ArrayList<>()).add(NEXT);
        assertThat(file.resolveSibling(NAME + ".idx")).as("the store is large enough to save its index").exists();
        List<long[]> frames = frames(file);
        TreeMap<Integer, ProcessMap> expected = history.finalState();
        long full = Files.size(file);
        Map<Integer, Long> lastOpEnds = new HashMap<>();
        expected.keySet().forEach(number -> lastOpEnds.put(number, history.lastOpEnd(number)));
        Random random = new Random(7);

        for (int seed = 0; seed < 300; seed++) {
            Path damaged = copy(history, "flip" + seed);
            boolean inIndex = seed % 8 == 7;
            Path target = inIndex ? damaged.resolveSibling(NAME + ".idx") : damaged;
            long position = seed < 20 ? seed : random.nextLong(Files.size(target));
            flip(target, position, 1 + random.nextInt(255));

            Map<Integer, ProcessMap> read = byNumber(readChecked(damaged, history));
            if (inIndex || position < Frames.HEADER_SIZE) {
                assertThat(read).as("flip at %d of the %s", position, inIndex ? "index" : "header")
                        .isEqualTo(expected);
                continue;
            }
            long[] hit = frames.stream().filter(f -> f[0] <= position && position < f[0] + f[1]).findFirst()
                    .orElseThrow();
            for (Map.Entry<Integer, ProcessMap> run : expected.entrySet()) {
                int number = run.getKey();
                boolean before = lastOpEnds.get(number) <= hit[0];
                boolean untouched = hit[2] != Frames.STRINGS && hit[3] != number;
                if ((before || untouched) && !run.getValue().equals(read.get(number))) {
                    assertThat(read.get(number)).as("run #%d after a flip at %d of %d in a frame of type %d",
                            number, position, full, hit[2]).isEqualTo(run.getValue());
                }
            }
            if (seed % 10 == 0) {
                JobStore.open(damaged).append(NEXT);
                assertThat(JobStore.open(damaged).read(100)).contains(NEXT);
                readChecked(damaged, history);
            }
        }
    }

    @Test
    public void manyFlippedBytesNeverYieldAWrongRecordOrAnException() throws IOException {
        Path file = folder.getRoot().toPath().resolve(NAME);
        History history = writeHistory(file, 30);
        history.versions.computeIfAbsent(100, n -> new ArrayList<>()).add(NEXT);
        Random random = new Random(99);

        for (int seed = 0; seed < 200; seed++) {
            Path damaged = copy(history, "flips" + seed);
            for (int i = 0; i < 2 + random.nextInt(6); i++) {
                Path target = random.nextInt(5) == 0 && Files.exists(damaged.resolveSibling(NAME + ".idx"))
                        ? damaged.resolveSibling(NAME + ".idx") : damaged;
                flip(target, random.nextLong(Files.size(target)), 1 + random.nextInt(255));
            }
            if (random.nextBoolean()) {
                truncate(damaged, random.nextLong(Files.size(damaged)));
            }
            readChecked(damaged, history);
            if (seed % 10 == 0) {
                try {
                    JobStore.open(damaged).append(NEXT);
                    readChecked(damaged, history);
                    JobStore.open(damaged).compact();
                    readChecked(damaged, history);
                    JobStore compacted = JobStore.open(damaged);
                    compacted.readAll();
                    assertThat(compacted.warnings()).as("compaction leaves a sound store").isEmpty();
                } catch (StoreFormatException e) {
                    // a header and every record destroyed: the file is no longer recognisably a store
                    assertThat(e).hasMessageContaining("not a value stream store");
                }
            }
        }
    }

    // ---- helpers

    private static void truncate(Path file, long length) throws IOException {
        try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(length);
        }
    }

    private static void flip(Path file, long position, int mask) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[(int) position] ^= (byte) mask;
        Path temp = file.resolveSibling(file.getFileName() + ".flipped");
        Files.write(temp, bytes);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    }

    private static int frameTypeAt(Path file, long position) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return Frames.type(bytes, (int) position);
    }

    /** The frames of a sound store: offset, length, type, and the run number for RUN and TOMBSTONE frames. */
    private static List<long[]> frames(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        List<long[]> frames = new ArrayList<>();
        int position = Frames.HEADER_SIZE;
        while (position < bytes.length) {
            int length = Frames.frameLength(bytes, position, bytes.length - position);
            assertThat(length).isPositive();
            assertThat(Frames.checksumMatches(bytes, position, length)).isTrue();
            int type = Frames.type(bytes, position);
            long number = -1;
            if (type != Frames.STRINGS) {
                number = new ByteSource(bytes, Frames.bodyOffset(bytes, position),
                        Frames.bodyLength(bytes, position, length)).readZigZagInt();
            }
            frames.add(new long[] {position, length, type, number});
            position += length;
        }
        return frames;
    }
}
