package io.jenkins.plugins.valuestream.store;

import io.jenkins.plugins.valuestream.process.ProcessMap;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The process maps of one job's completed runs in one append-only file (docs/architecture.md, docs/performance.md):
 * written once per completed run, read by the Value Stream tab without loading any run.
 *
 * <h2>Format</h2>
 * A 20-byte header (magic {@code VSJS}, format version, a random generation that changes with every rebuild and
 * compaction, and its own CRC32C), then frames {@code 0xFF | type | body length | body | CRC32C} (see {@link Frames}):
 * <ul>
 *   <li>{@code STRINGS}: interned strings (step path segments, step functions and their arguments, branches, agent
 *       labels, results, notes, non-numeric node ids), each with an explicit id. An append writes the strings new to
 *       the store in one such frame before the records that use them, in the same write, under the lock; a string is
 *       stored once per file, not per record;</li>
 *   <li>{@code RUN}: one completed run with all its steps, work items, agent allocations and notes, times as zig-zag
 *       varint deltas (see {@link RecordCodec}); a step record takes some 15–30 bytes;</li>
 *   <li>{@code TOMBSTONE}: the number of a run that was removed.</li>
 * </ul>
 * The same run number appended again replaces the earlier record: the last record (or tombstone) of a number wins.
 *
 * <h2>Damage</h2>
 * Every frame carries a checksum, so a torn or damaged record is detected and dropped, never returned. Reading skips
 * damaged bytes to the next valid frame and says so in {@link #warnings()}; a record whose strings were lost is
 * dropped too (string ids are explicit and never reused, so a record never reads another string than it was written
 * with). Bad bytes never cause an exception; only real I/O errors throw ({@link IOException}). What a damaged store
 * can show is limited to records that were appended: where the newest record or the tombstone of a run is lost, an
 * older record of that run may show. When {@link #warnings()} is not empty, {@link #rebuild} from the runs restores
 * everything; {@link #compact()} keeps only what can still be read.
 *
 * <h2>Concurrency</h2>
 * Every operation holds a lock shared by all stores of the same file in this JVM and an exclusive {@link
 * java.nio.channels.FileLock} on {@code <file>.lock}, so runs of one job completing at the same time, in threads or
 * in processes, append one after the other. An append first cuts off an incomplete end left by a crashed writer,
 * then writes all its frames in one positioned write. Compaction and rebuild write {@code <file>.tmp}, force it to
 * disk and rename it over the store atomically; readers see the old or the new file, never a mix. Appends are not
 * forced to disk (one per completed run, they should cost no disk flush): after a crash of the machine the last
 * appends may be missing or torn, which reading detects; the runs keep their own process maps to rebuild from.
 *
 * <h2>Reading the last runs</h2>
 * Each store keeps an index in memory (the string table, where the newest record of every live run is) and brings it
 * up to date by scanning only the frames appended since it last looked. The index is also saved beside the store in
 * {@code <file>.idx} (see {@link IndexFile}) once it covers much more than the saved one (an eighth of the file, at
 * least 64 KiB), so that a freshly opened store reads the saved index and the frames after it, and {@link
 * #readLast(int)} then reads only the records it returns. A saved index that does not match the store is ignored.
 *
 * <p>Instances are thread-safe. {@link #open(Path)} does no I/O; each operation opens the file and closes it again,
 * so the store can be deleted, replaced or rebuilt by another process between operations.
 */
public final class JobStore implements Closeable {
    private static final int SCAN_READ_AHEAD = 1 << 20;
    private static final int FRAME_READ_AHEAD = 64 << 10;
    private static final int STRINGS_FRAME_TARGET = 1 << 20;
    private static final int RUNS_PER_WRITE = 256;
    private static final long INDEX_MIN_GAP = 64 << 10;
    private static final SecureRandom GENERATIONS = new SecureRandom();

    private final Path file;
    private final Path indexFile;
    private final Path tempFile;
    private final StoreLock lock;

    // guarded by lock
    private @Nullable StoreIndex index;
    private long savedIndexEnd = -1;
    private boolean closed;
    private long bytesRead;

    private JobStore(Path file) {
        this.file = file.toAbsolutePath().normalize();
        String name = this.file.getFileName().toString();
        this.indexFile = this.file.resolveSibling(name + ".idx");
        this.tempFile = this.file.resolveSibling(name + ".tmp");
        this.lock = new StoreLock(this.file, this.file.resolveSibling(name + ".lock"));
    }

    /**
     * The store in the given file, which need not exist yet (the first append creates it and its folder). Beside it
     * the store keeps {@code <file>.lock}, {@code <file>.idx} and, during compaction, {@code <file>.tmp}.
     */
    public static JobStore open(Path file) {
        return new JobStore(file);
    }

    public Path file() {
        return file;
    }

    // ------------------------------------------------------------------ writing

    /**
     * Appends one completed run; a record of the same number appended before is replaced.
     *
     * @throws IllegalArgumentException if the run is still running
     * @throws StoreFormatException if the file is of another format version or not a store
     */
    public void append(ProcessMap map) throws IOException {
        appendAll(List.of(map));
    }

    /**
     * Appends completed runs in one write (nothing is written if one of them is running). Later maps of the same
     * number replace earlier ones.
     *
     * @throws IllegalArgumentException if one of the runs is still running
     * @throws StoreFormatException if the file is of another format version or not a store
     */
    public void appendAll(Collection<ProcessMap> maps) throws IOException {
        List<ProcessMap> batch = List.copyOf(maps);
        batch.forEach(JobStore::requireCompleted);
        if (batch.isEmpty()) {
            return;
        }
        change(true, () -> {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.CREATE)) {
                StoreIndex current = prepareForWriting(channel);
                write(channel, current, encode(current, batch));
                saveIndexIfBehind(current);
            }
        });
    }

    /**
     * Removes a run (a deleted build): writes a tombstone, so that the run no longer shows. {@link #compact()} frees
     * its bytes.
     *
     * @return whether the store had the run
     */
    public boolean remove(int number) throws IOException {
        return mutate(false, () -> {
            if (!Files.exists(file)) {
                index = StoreIndex.empty();
                return false;
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                StoreIndex current = prepareForWriting(channel);
                if (!current.live().containsKey(number)) {
                    return false;
                }
                ByteSink body = new ByteSink(8);
                body.writeZigZag(number);
                Batch batch = new Batch(new ByteSink(16));
                Frames.writeFrame(batch.bytes, Frames.TOMBSTONE, body.array(), 0, body.size());
                batch.lastFrame = 0;
                batch.removed.add(number);
                write(channel, current, batch);
                return true;
            }
        });
    }

    /**
     * Rewrites the store with only the newest readable record of every live run and the strings they use, dropping
     * tombstones, replaced records and damaged bytes for good.
     *
     * @throws StoreFormatException if the file is of another format version or not a store
     */
    public void compact() throws IOException {
        change(false, () -> {
            if (!Files.exists(file)) {
                index = StoreIndex.empty();
                return;
            }
            List<ProcessMap> maps;
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                StoreIndex current = prepareForWriting(channel);
                maps = decode(channel, current, current.liveRuns(false), map -> true,
                        Integer.MAX_VALUE);
            }
            replaceWith(maps);
        });
    }

    /**
     * Replaces the store with the given runs (e.g. after the store was deleted or damaged, from the process maps kept
     * on the runs). The old file stays as it was if this fails.
     *
     * @throws IllegalArgumentException if one of the runs is still running
     */
    public void rebuild(Iterable<ProcessMap> maps) throws IOException {
        change(true, () -> {
            replaceWith(maps);
        });
    }

    // ------------------------------------------------------------------ reading

    /** The numbers of the runs the store has, in ascending order. */
    public SortedSet<Integer> runNumbers() throws IOException {
        return read((channel, current) -> Collections.unmodifiableSortedSet(new TreeSet<>(current.live().keySet())));
    }

    /** Every run, in ascending order of number. */
    public List<ProcessMap> readAll() throws IOException {
        return read((channel, current) -> decode(channel, current, current.liveRuns(false),
                map -> true, Integer.MAX_VALUE));
    }

    /** The run with the given number, if the store has it. */
    public Optional<ProcessMap> read(int number) throws IOException {
        return read((channel, current) -> {
            StoreIndex.FrameRef ref = current.live().get(number);
            if (ref == null) {
                return Optional.<ProcessMap>empty();
            }
            List<ProcessMap> found = decode(channel, current, List.of(Map.entry(number, ref)), map -> true, 1);
            return found.stream().findFirst();
        });
    }

    /**
     * The {@code n} runs with the highest numbers, in ascending order of number; only their records are read.
     *
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public List<ProcessMap> readLast(int n) throws IOException {
        return readLast(n, map -> true);
    }

    /**
     * The {@code n} runs with the highest numbers among those that pass the filter (e.g. the successful ones, for a
     * baseline), in ascending order of number. Records are read from the newest backwards until {@code n} pass.
     *
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public List<ProcessMap> readLast(int n, Predicate<ProcessMap> filter) throws IOException {
        if (n < 0) {
            throw new IllegalArgumentException("Cannot read the last " + n + " runs; give 0 or more");
        }
        return read((channel, current) -> {
            List<Map.Entry<Integer, StoreIndex.FrameRef>> newestFirst = current.liveRuns(true);
            List<ProcessMap> found = new ArrayList<>();
            int next = 0;
            while (found.size() < n && next < newestFirst.size()) {
                int take = Math.min(n - found.size(), newestFirst.size() - next);
                found.addAll(decode(channel, current, newestFirst.subList(next, next + take), filter, n));
                next += take;
            }
            found.sort(Comparator.comparingInt(ProcessMap::number));
            return found;
        });
    }

    /**
     * What is wrong with the store file, as found by the last operation: damaged bytes skipped, records dropped, an
     * incomplete end. Empty for a sound store.
     */
    public List<String> warnings() {
        return lock.inJvm(() -> index == null ? List.<String>of() : index.warnings());
    }

    /** Sizes of the store: bytes, runs, steps, and how many bytes the step records take. Reads every record. */
    public StoreStats stats() throws IOException {
        return read((channel, current) -> {
            List<ProcessMap> maps = decode(channel, current, current.liveRuns(false),
                    map -> true, Integer.MAX_VALUE);
            long steps = 0;
            long work = 0;
            long agents = 0;
            long stepBytes = 0;
            ByteSink scratch = new ByteSink(4096);
            StringInterner strings = new StringInterner(current);
            for (ProcessMap map : maps) {
                RecordCodec.internStrings(map, strings);
            }
            for (ProcessMap map : maps) {
                scratch.clear();
                stepBytes += RecordCodec.encodeRun(map, strings, scratch);
                steps += map.steps().size();
                work += map.work().size();
                agents += map.agents().size();
            }
            return new StoreStats(channel == null ? 0 : channel.size(), maps.size(), steps, work, agents,
                    current.stringCount(), stepBytes);
        });
    }

    /** Marks the store closed; it holds no open file between operations. */
    @Override
    public void close() {
        lock.inJvm(() -> {
            closed = true;
            return null;
        });
    }

    /** Bytes this store has read from its files (for tests of what reading the last runs costs). */
    long bytesRead() {
        return lock.inJvm(() -> bytesRead);
    }

    // ------------------------------------------------------------------ internals

    private interface ReadAction<T> {
        T run(@Nullable FileChannel channel, StoreIndex current) throws IOException;
    }

    private <T> T read(ReadAction<T> action) throws IOException {
        return lock.locked(false, () -> {
            requireOpen();
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                StoreIndex current = prepareForReading(channel);
                T result = action.run(channel, current);
                saveIndexIfBehind(current);
                return result;
            } catch (NoSuchFileException e) {
                index = StoreIndex.empty();
                return action.run(null, index);
            } catch (IOException | RuntimeException e) {
                index = null;
                throw e;
            }
        });
    }

    /** A change of the store that has no answer. */
    private interface Change {
        void run() throws IOException;
    }

    private void change(boolean creating, Change change) throws IOException {
        mutate(creating, () -> {
            change.run();
            return Boolean.TRUE;
        });
    }

    private <T> T mutate(boolean creating, StoreLock.Action<T> action) throws IOException {
        return lock.locked(creating, () -> {
            requireOpen();
            try {
                return action.run();
            } catch (IOException | RuntimeException e) {
                index = null;
                throw e;
            }
        });
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("The store " + file + " is closed");
        }
    }

    private static void requireCompleted(ProcessMap map) {
        if (map.running()) {
            throw new IllegalArgumentException("Run #" + map.number() + " is still running; the store keeps"
                    + " completed runs only (append it when it has completed)");
        }
    }

    private StoreIndex prepareForReading(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size == 0) {
            return index = StoreIndex.empty();
        }
        if (size < Frames.HEADER_SIZE) {
            index = StoreIndex.empty();
            index.warn("The store is only " + size + " bytes long, shorter than its header (its creation was"
                    + " interrupted); it holds no runs");
            return index;
        }
        byte[] header = readHeader(channel);
        if (Frames.headerState(header) == Frames.HeaderState.UNSUPPORTED) {
            index = StoreIndex.empty();
            index.warn(unsupported(header));
            return index;
        }
        return refresh(channel, header, size);
    }

    /** Brings the index up to date with the file and makes the file ready for an append at {@code index.end}. */
    private StoreIndex prepareForWriting(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size < Frames.HEADER_SIZE) {
            byte[] header = Frames.header(GENERATIONS.nextLong());
            channel.truncate(0);
            writeFully(channel, ByteBuffer.wrap(header), 0);
            savedIndexEnd = -1;
            return index = new StoreIndex(header);
        }
        byte[] header = readHeader(channel);
        Frames.HeaderState state = Frames.headerState(header);
        if (state == Frames.HeaderState.UNSUPPORTED) {
            throw new StoreFormatException(unsupported(header));
        }
        StoreIndex current = refresh(channel, header, size);
        if (state == Frames.HeaderState.DAMAGED) {
            if (!Frames.magicMatches(header) && current.lastFrameOffset < 0) {
                throw new StoreFormatException(file + " is not a value stream store (it has neither a store header"
                        + " nor a readable record); delete it, or rebuild the store to replace it");
            }
            byte[] repaired = Frames.header(GENERATIONS.nextLong());
            writeFully(channel, ByteBuffer.wrap(repaired), 0);
            current.header = repaired;
        }
        if (size > current.end) {
            channel.truncate(current.end);
            current.tailRemoved();
        }
        return current;
    }

    private String unsupported(byte[] header) {
        return file + " was written in store format " + Frames.headerVersion(header) + "; this version reads and"
                + " writes format " + Frames.VERSION + " only. Rebuild the store to replace it.";
    }

    private StoreIndex refresh(FileChannel channel, byte[] header, long size) throws IOException {
        StoreIndex current = index;
        if (current == null || !Arrays.equals(current.header, header) || size < current.end) {
            current = Frames.headerState(header) == Frames.HeaderState.VALID ? loadIndex(channel, header, size) : null;
            if (current == null) {
                current = new StoreIndex(header);
                savedIndexEnd = -1;
                if (Frames.headerState(header) == Frames.HeaderState.DAMAGED) {
                    current.warn("The header of the store is damaged; its records are read as format "
                            + Frames.VERSION + ", and the next write repairs the header");
                }
            }
            index = current;
        }
        if (size > current.end) {
            FileWindow window = new FileWindow(channel, size, SCAN_READ_AHEAD);
            StoreScanner scanner = new StoreScanner(window, current);
            scanner.scan(current.end);
            bytesRead += window.bytesRead();
            checkReferences(channel, current, scanner);
        } else {
            current.tailRemoved();
        }
        return current;
    }

    /**
     * Where strings were lost to damage, drops the newly scanned runs that use one of them, so that {@link
     * #runNumbers()} lists only runs that can be read.
     */
    private void checkReferences(FileChannel channel, StoreIndex current, StoreScanner scanner) throws IOException {
        if (scanner.scannedRuns().isEmpty() && !scanner.foundConflicts()) {
            return;
        }
        int firstUndefined = current.firstUndefinedId();
        if (firstUndefined >= current.nextId()) {
            return;
        }
        Collection<Integer> suspects = scanner.foundConflicts() ? List.copyOf(current.live().keySet())
                : scanner.scannedRuns();
        List<Map.Entry<Integer, StoreIndex.FrameRef>> toCheck = new ArrayList<>();
        for (int number : suspects) {
            StoreIndex.FrameRef ref = current.live().get(number);
            if (ref != null && ref.stringCount() > firstUndefined) {
                toCheck.add(Map.entry(number, ref));
            }
        }
        decode(channel, current, toCheck, map -> true, Integer.MAX_VALUE);
    }

    private @Nullable StoreIndex loadIndex(FileChannel channel, byte[] header, long size) throws IOException {
        byte[] bytes = IndexFile.read(indexFile);
        if (bytes == null) {
            return null;
        }
        bytesRead += bytes.length;
        StoreIndex loaded = IndexFile.decode(bytes, header);
        if (loaded == null || loaded.end > size || loaded.end < Frames.HEADER_SIZE) {
            return null;
        }
        if (loaded.lastFrameOffset < 0) {
            return loaded.end == Frames.HEADER_SIZE ? loaded : null;
        }
        long length = loaded.end - loaded.lastFrameOffset;
        if (loaded.lastFrameOffset < Frames.HEADER_SIZE || length > Frames.MAX_BODY + Frames.MAX_PREFIX
                + Frames.CRC_SIZE) {
            return null;
        }
        FileWindow window = new FileWindow(channel, size, (int) length);
        window.ensure(loaded.lastFrameOffset, (int) length);
        bytesRead += window.bytesRead();
        byte[] frame = window.array();
        int offset = window.offset(loaded.lastFrameOffset);
        if (Frames.frameLength(frame, offset, (int) length) != length
                || !Frames.checksumMatches(frame, offset, (int) length)) {
            return null;
        }
        savedIndexEnd = loaded.end;
        return loaded;
    }

    private void saveIndexIfBehind(StoreIndex current) {
        if (current != index || current.header.length != Frames.HEADER_SIZE
                || Frames.headerState(current.header) != Frames.HeaderState.VALID) {
            return;
        }
        long gap = current.end - Math.max(savedIndexEnd, Frames.HEADER_SIZE);
        if (gap > Math.max(INDEX_MIN_GAP, current.end / 8)) {
            saveIndex(current);
        }
    }

    private void saveIndex(StoreIndex current) {
        try {
            IndexFile.write(indexFile, IndexFile.encode(current));
            savedIndexEnd = current.end;
        } catch (IOException e) {
            current.warn("Could not save the index of the store (" + e + "); reading stays correct, only slower");
        }
    }

    private static byte[] readHeader(FileChannel channel) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(Frames.HEADER_SIZE);
        while (header.hasRemaining()) {
            if (channel.read(header, header.position()) < 0) {
                throw new IOException("The store file shrank while it was being read");
            }
        }
        return header.array();
    }

    private static void writeFully(FileChannel channel, ByteBuffer bytes, long position) throws IOException {
        long at = position;
        while (bytes.hasRemaining()) {
            at += channel.write(bytes, at);
        }
    }

    /**
     * Decodes the records of the given runs (in file order, through one read-ahead window) and returns those that pass
     * the filter, at most {@code limit}, in ascending order of number. A record that cannot be read is dropped from
     * the index with a warning.
     */
    private List<ProcessMap> decode(@Nullable FileChannel channel, StoreIndex current,
            List<Map.Entry<Integer, StoreIndex.FrameRef>> runs, Predicate<ProcessMap> filter, int limit)
            throws IOException {
        if (channel == null || runs.isEmpty()) {
            return List.of();
        }
        List<Map.Entry<Integer, StoreIndex.FrameRef>> inFileOrder = new ArrayList<>(runs);
        inFileOrder.sort(Comparator.comparingLong(run -> run.getValue().offset()));
        long size = channel.size();
        FileWindow window = new FileWindow(channel, size, runs.size() > 64 ? SCAN_READ_AHEAD : FRAME_READ_AHEAD);
        RecordCodec.Decoder decoder = new RecordCodec.Decoder(current);
        TreeMap<Integer, ProcessMap> found = new TreeMap<>();
        try {
            for (Map.Entry<Integer, StoreIndex.FrameRef> run : inFileOrder) {
                ProcessMap map = decodeOne(window, decoder, current, run.getKey(), run.getValue());
                if (map != null && filter.test(map)) {
                    found.put(map.number(), map);
                }
            }
        } finally {
            bytesRead += window.bytesRead();
        }
        List<ProcessMap> result = new ArrayList<>(found.values());
        return result.size() > limit ? result.subList(result.size() - limit, result.size()) : result;
    }

    private static @Nullable ProcessMap decodeOne(FileWindow window, RecordCodec.Decoder decoder,
            StoreIndex current, int number, StoreIndex.FrameRef ref) throws IOException {
        String problem;
        if (ref.offset() + ref.length() > window.size()) {
            problem = "the file ends before it";
        } else {
            window.ensure(ref.offset(), ref.length());
            byte[] bytes = window.array();
            int offset = window.offset(ref.offset());
            if (Frames.frameLength(bytes, offset, ref.length()) != ref.length()
                    || Frames.type(bytes, offset) != Frames.RUN
                    || !Frames.checksumMatches(bytes, offset, ref.length())) {
                problem = "its bytes changed or were damaged after it was written";
            } else {
                try {
                    int body = Frames.bodyOffset(bytes, offset);
                    ProcessMap map = decoder.decode(new ByteSource(bytes, body,
                            Frames.bodyLength(bytes, offset, ref.length())));
                    if (map.number() == number) {
                        return map;
                    }
                    problem = "it holds run #" + map.number();
                } catch (RuntimeException e) {
                    // A record that passed its checksum but cannot be decoded (another writer's bug, a string lost
                    // to damage): dropped, as promised, rather than thrown.
                    problem = String.valueOf(e.getMessage());
                }
            }
        }
        current.removeRun(number);
        current.warn("The record of run #" + number + " at byte " + ref.offset() + " of the store cannot be read ("
                + problem + "); the run is left out");
        return null;
    }

    // ---- encoding and writing

    /** Frames ready to be written at the end of a store, and what they add to its index. */
    private static final class Batch {
        final ByteSink bytes;
        int firstNewId;
        List<String> newStrings = List.of();
        final List<long[]> runs = new ArrayList<>();
        final List<Integer> removed = new ArrayList<>();
        int lastFrame = -1;

        Batch(ByteSink bytes) {
            this.bytes = bytes;
        }
    }

    private static Batch encode(StoreIndex current, List<ProcessMap> maps) {
        StringInterner strings = new StringInterner(current);
        for (ProcessMap map : maps) {
            RecordCodec.internStrings(map, strings);
        }
        Batch batch = new Batch(new ByteSink(4096 * maps.size()));
        batch.firstNewId = strings.firstNewId();
        batch.newStrings = List.copyOf(strings.added());
        ByteSink body = new ByteSink(8192);
        List<String> added = batch.newStrings;
        int from = 0;
        while (from < added.size()) {
            ByteSink chunk = new ByteSink(4096);
            int to = from;
            while (to < added.size() && chunk.size() < STRINGS_FRAME_TARGET) {
                chunk.writeString(added.get(to++));
            }
            body.clear();
            body.writeVarInt(strings.firstNewId() + from);
            body.writeVarInt(to - from);
            body.writeBytes(chunk.array(), 0, chunk.size());
            batch.lastFrame = batch.bytes.size();
            Frames.writeFrame(batch.bytes, Frames.STRINGS, body.array(), 0, body.size());
            from = to;
        }
        for (ProcessMap map : maps) {
            body.clear();
            RecordCodec.encodeRun(map, strings, body);
            int start = batch.bytes.size();
            Frames.writeFrame(batch.bytes, Frames.RUN, body.array(), 0, body.size());
            batch.runs.add(new long[] {map.number(), start, batch.bytes.size() - start, strings.nextId()});
            batch.lastFrame = start;
        }
        return batch;
    }

    /** Writes the batch at the end of the valid frames and records it in the index. */
    private void write(FileChannel channel, StoreIndex current, Batch batch) throws IOException {
        long base = current.end;
        writeFully(channel, ByteBuffer.wrap(batch.bytes.array(), 0, batch.bytes.size()), base);
        if (!batch.newStrings.isEmpty()) {
            current.defineStrings(batch.firstNewId, batch.newStrings);
        }
        for (long[] run : batch.runs) {
            current.putRun((int) run[0], new StoreIndex.FrameRef(base + run[1], (int) run[2], (int) run[3]));
        }
        batch.removed.forEach(current::removeRun);
        current.lastFrameOffset = base + batch.lastFrame;
        current.end = base + batch.bytes.size();
    }

    /** Writes the maps to the temporary file and renames it over the store. */
    private void replaceWith(Iterable<ProcessMap> maps) throws IOException {
        byte[] header = Frames.header(GENERATIONS.nextLong());
        StoreIndex fresh = new StoreIndex(header);
        try (FileChannel channel = FileChannel.open(tempFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.READ)) {
            writeFully(channel, ByteBuffer.wrap(header), 0);
            List<ProcessMap> chunk = new ArrayList<>(RUNS_PER_WRITE);
            for (ProcessMap map : maps) {
                requireCompleted(map);
                chunk.add(map);
                if (chunk.size() == RUNS_PER_WRITE) {
                    write(channel, fresh, encode(fresh, chunk));
                    chunk.clear();
                }
            }
            if (!chunk.isEmpty()) {
                write(channel, fresh, encode(fresh, chunk));
            }
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tempFile);
            throw e;
        }
        IndexFile.moveReplacing(tempFile, file);
        index = fresh;
        savedIndexEnd = -1;
        saveIndex(fresh);
    }
}
