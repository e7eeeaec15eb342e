package io.jenkins.plugins.valuestream.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the frames of a store file into a {@link StoreIndex}, checking every checksum. Damaged bytes are skipped up
 * to the next valid frame (found by its marker and checksum) and reported; an incomplete or damaged end is left out
 * of the index, so that the next append cuts it off.
 */
final class StoreScanner {
    private final FileWindow window;
    private final StoreIndex index;
    private final List<Integer> scannedRuns = new ArrayList<>();
    private final List<Integer> conflictsBefore;

    StoreScanner(FileWindow window, StoreIndex index) {
        this.window = window;
        this.index = index;
        this.conflictsBefore = index.conflictingIds().stream().boxed().toList();
    }

    /** The numbers of the runs whose frames this scan found. */
    List<Integer> scannedRuns() {
        return scannedRuns;
    }

    /** Whether this scan found a string defined twice differently. */
    boolean foundConflicts() {
        return !index.conflictingIds().stream().boxed().toList().equals(conflictsBefore);
    }

    /** Scans from {@code from} (a frame boundary) to the end of the file. */
    void scan(long from) throws IOException {
        long position = from;
        long size = window.size();
        while (position < size) {
            int length = validFrame(position);
            if (length > 0) {
                apply(position, length);
                index.lastFrameOffset = position;
                position += length;
                index.end = position;
                continue;
            }
            long next = nextValidFrame(position + 1);
            if (next < 0) {
                index.warnTail(length == Frames.NEED_MORE
                        ? "The last " + (size - position) + " bytes of the store are an incomplete record (a write"
                                + " that was interrupted); they are ignored and cut off by the next write"
                        : "The last " + (size - position) + " bytes of the store are damaged; they are ignored and cut"
                                + " off by the next write");
                return;
            }
            index.warn("Bytes " + position + " to " + next + " of the store are damaged; the records there are lost"
                    + " (rebuild the store from the runs to recover them)");
            position = next;
        }
        index.tailRemoved();
    }

    /**
     * The length of the valid frame at the position; {@link Frames#NEED_MORE} where a frame starts there but the file
     * ends inside it; {@link Frames#NOT_A_FRAME} otherwise.
     */
    private int validFrame(long position) throws IOException {
        int available = window.ensure(position, Frames.MAX_PREFIX);
        int length = Frames.frameLength(window.array(), window.offset(position), available);
        if (length == Frames.NEED_MORE) {
            return Frames.NEED_MORE;
        }
        if (length < 0) {
            return Frames.NOT_A_FRAME;
        }
        if (position + length > window.size()) {
            return Frames.NEED_MORE;
        }
        window.ensure(position, length);
        return Frames.checksumMatches(window.array(), window.offset(position), length) ? length : Frames.NOT_A_FRAME;
    }

    private long nextValidFrame(long from) throws IOException {
        long position = from;
        long size = window.size();
        while (position < size) {
            int available = window.ensure(position, 64 * 1024);
            byte[] bytes = window.array();
            int offset = window.offset(position);
            int found = -1;
            for (int i = 0; i < available; i++) {
                if ((bytes[offset + i] & 0xFF) == Frames.MARKER) {
                    found = i;
                    break;
                }
            }
            if (found < 0) {
                position += available;
                continue;
            }
            long candidate = position + found;
            if (validFrame(candidate) > 0) {
                return candidate;
            }
            position = candidate + 1;
        }
        return -1;
    }

    private void apply(long position, int length) {
        byte[] bytes = window.array();
        int offset = window.offset(position);
        int type = Frames.type(bytes, offset);
        int bodyOffset = Frames.bodyOffset(bytes, offset);
        ByteSource body = new ByteSource(bytes, bodyOffset, Frames.bodyLength(bytes, offset, length));
        try {
            switch (type) {
                case Frames.STRINGS -> {
                    int firstId = body.readVarInt();
                    int count = body.readCount();
                    if (firstId > position) {
                        // Every id below firstId was defined by at least one byte before this frame.
                        throw new MalformedRecordException("String id " + firstId + " out of range");
                    }
                    List<String> values = new ArrayList<>(count);
                    for (int i = 0; i < count; i++) {
                        values.add(body.readString());
                    }
                    body.requireEnd("the strings");
                    index.defineStrings(firstId, values);
                }
                case Frames.RUN -> {
                    int[] head = RecordCodec.readHead(body);
                    if (head[1] > position) {
                        throw new MalformedRecordException("String count " + head[1] + " out of range");
                    }
                    index.putRun(head[0], new StoreIndex.FrameRef(position, length, head[1]));
                    scannedRuns.add(head[0]);
                }
                case Frames.TOMBSTONE -> {
                    int number = body.readZigZagInt();
                    body.requireEnd("the removal");
                    index.removeRun(number);
                }
                default -> throw new MalformedRecordException("Unknown record type " + type);
            }
        } catch (MalformedRecordException e) {
            index.warn("The record at byte " + position + " of the store is unreadable (" + e.getMessage()
                    + "); it is ignored");
        }
    }
}
