package io.jenkins.plugins.valuestream.store;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The sidecar index of a store file: a snapshot of its {@link StoreIndex} (string table, where each live run's record
 * is, warnings) up to a frame boundary, so that a reader opening the store reads the index and the frames appended
 * after it instead of the whole file.
 *
 * <pre>
 * "VSJI" | version (1 byte) | the store header it describes (20 bytes) | end (8) | last frame offset (8)
 * | next id (v) | strings (count, then per id: 0, or 1 and the string) | conflicting ids (count, ids)
 * | runs (count, then number (zz), offset (v), length (v), string count (v)) | warnings (count, strings)
 * | CRC32C of all before (4)
 * </pre>
 *
 * The index is only a cache: it is trusted only when its checksum matches, it names the store's current header
 * (every rebuild and compaction gives the store a new random generation) and its last frame is a valid frame of the
 * store ending where the index says. Otherwise it is ignored and the store is scanned.
 */
final class IndexFile {
    private static final byte[] MAGIC = {'V', 'S', 'J', 'I'};
    private static final int VERSION = 1;
    private static final long MAX_SIZE = 1L << 30;

    private IndexFile() {
    }

    static byte[] encode(StoreIndex index) {
        ByteSink out = new ByteSink(1024);
        out.writeBytes(MAGIC, 0, MAGIC.length);
        out.writeByte(VERSION);
        out.writeBytes(index.header, 0, index.header.length);
        out.writeLongBigEndian(index.end);
        out.writeLongBigEndian(index.lastFrameOffset);
        out.writeVarInt(index.nextId());
        List<@Nullable String> strings = index.stringsById();
        out.writeVarInt(strings.size());
        for (String value : strings) {
            if (value == null) {
                out.writeByte(0);
            } else {
                out.writeByte(1);
                out.writeString(value);
            }
        }
        BitSet conflicting = index.conflictingIds();
        out.writeVarInt(conflicting.cardinality());
        conflicting.stream().forEach(out::writeVarInt);
        out.writeVarInt(index.live().size());
        for (Map.Entry<Integer, StoreIndex.FrameRef> run : index.live().entrySet()) {
            out.writeZigZag(run.getKey());
            out.writeVarLong(run.getValue().offset());
            out.writeVarInt(run.getValue().length());
            out.writeVarInt(run.getValue().stringCount());
        }
        List<String> warnings = index.savedWarnings();
        out.writeVarInt(warnings.size());
        for (String warning : warnings) {
            out.writeString(warning);
        }
        out.writeIntBigEndian(Frames.plainCrc(out.array(), 0, out.size()));
        return Arrays.copyOf(out.array(), out.size());
    }

    /** The index saved in the bytes, if they are one and describe a store with this header; else {@code null}. */
    static @Nullable StoreIndex decode(byte[] bytes, byte[] storeHeader) {
        try {
            if (bytes.length < MAGIC.length + 1 + Frames.HEADER_SIZE + 16 + 4) {
                return null;
            }
            ByteSource crc = new ByteSource(bytes, bytes.length - 4, 4);
            if (crc.readIntBigEndian() != Frames.plainCrc(bytes, 0, bytes.length - 4)) {
                return null;
            }
            ByteSource in = new ByteSource(bytes, 0, bytes.length - 4);
            for (byte b : MAGIC) {
                if (in.readByte() != b) {
                    return null;
                }
            }
            if (in.readByte() != VERSION) {
                return null;
            }
            byte[] header = new byte[Frames.HEADER_SIZE];
            for (int i = 0; i < header.length; i++) {
                header[i] = (byte) in.readByte();
            }
            if (!Arrays.equals(header, storeHeader)) {
                return null;
            }
            StoreIndex index = new StoreIndex(header);
            index.end = in.readLongBigEndian();
            index.lastFrameOffset = in.readLongBigEndian();
            int nextId = in.readVarInt();
            int stringCount = in.readCount();
            for (int id = 0; id < stringCount; id++) {
                if (in.readByte() != 0) {
                    index.defineStrings(id, List.of(in.readString()));
                }
            }
            int conflictCount = in.readCount();
            for (int i = 0; i < conflictCount; i++) {
                int id = in.readVarInt();
                if (id >= nextId) {
                    return null;
                }
                index.markConflicting(id);
            }
            int runCount = in.readCount();
            for (int i = 0; i < runCount; i++) {
                int number = in.readZigZagInt();
                long offset = in.readVarLong();
                int length = in.readVarInt();
                int runStrings = in.readVarInt();
                if (offset < Frames.HEADER_SIZE || offset + length > index.end) {
                    return null;
                }
                index.putRun(number, new StoreIndex.FrameRef(offset, length, runStrings));
            }
            int warningCount = in.readCount();
            for (int i = 0; i < warningCount; i++) {
                index.warn(in.readString());
            }
            in.requireEnd("the index");
            index.reserveIdsBelow(nextId);
            return index;
        } catch (MalformedRecordException e) {
            return null;
        }
    }

    /** Reads the index file; {@code null} when there is none (or it is absurdly large). */
    static byte @Nullable [] read(Path file) throws IOException {
        try {
            if (Files.size(file) > MAX_SIZE) {
                return null;
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** Writes the index to a temporary file and renames it over the old one. */
    static void write(Path file, byte[] bytes) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(temp, bytes);
        moveReplacing(temp, file);
    }

    static void moveReplacing(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
