package io.jenkins.plugins.valuestream.store;

import java.util.zip.CRC32C;

/**
 * The byte layout of a store file: a fixed header, then frames. See {@link JobStore} for the whole format.
 *
 * <pre>
 * header  "VSJS" | version (1 byte) | 3 zero bytes | generation (8 bytes) | CRC32C of the 16 bytes before (4 bytes)
 * frame   0xFF | type (1 byte) | body length (varint) | body | CRC32C of version, type, length and body (4 bytes)
 * </pre>
 *
 * The marker byte {@code 0xFF} never occurs inside a stored string (strings are modified UTF-8), so a reader that
 * lost its place in damaged bytes finds the next frame quickly and cannot be fooled by a crafted stage name into
 * taking text for a frame. The format version is part of every frame's checksum, so frames of another version never
 * pass as this version's.
 */
final class Frames {
    static final int VERSION = 1;
    static final int HEADER_SIZE = 20;
    static final int MARKER = 0xFF;

    /** Defines interned strings: first id (varint), count (varint), the strings. */
    static final int STRINGS = 1;
    /** One completed run with its steps, work items, agent allocations and notes (see {@link RecordCodec}). */
    static final int RUN = 2;
    /** Removes a run: its number (zig-zag varint). */
    static final int TOMBSTONE = 3;

    /** The largest body a frame may have. */
    static final int MAX_BODY = 64 << 20;
    /** Marker, type and the longest body-length varint. */
    static final int MAX_PREFIX = 2 + 5;
    static final int CRC_SIZE = 4;

    /** {@link #frameLength}: the bytes there cannot start a frame. */
    static final int NOT_A_FRAME = -1;
    /** {@link #frameLength}: more bytes are needed to tell. */
    static final int NEED_MORE = -2;

    private static final byte[] MAGIC = {'V', 'S', 'J', 'S'};

    private Frames() {
    }

    /** What a file's first {@link #HEADER_SIZE} bytes say. */
    enum HeaderState {
        /** A header of this version. */
        VALID,
        /** A header of another version of the format. */
        UNSUPPORTED,
        /** Bytes whose checksum does not match: damaged, or not a store at all. */
        DAMAGED
    }

    static byte[] header(long generation) {
        ByteSink sink = new ByteSink(HEADER_SIZE);
        sink.writeBytes(MAGIC, 0, MAGIC.length);
        sink.writeByte(VERSION);
        sink.writeByte(0);
        sink.writeByte(0);
        sink.writeByte(0);
        sink.writeLongBigEndian(generation);
        sink.writeIntBigEndian(plainCrc(sink.array(), 0, 16));
        return java.util.Arrays.copyOf(sink.array(), HEADER_SIZE);
    }

    static HeaderState headerState(byte[] header) {
        ByteSource source = new ByteSource(header, 16, 4);
        if (source.readIntBigEndian() != plainCrc(header, 0, 16) || !magicMatches(header)) {
            return HeaderState.DAMAGED;
        }
        return header[4] == VERSION ? HeaderState.VALID : HeaderState.UNSUPPORTED;
    }

    static int headerVersion(byte[] header) {
        return header[4] & 0xFF;
    }

    static boolean magicMatches(byte[] header) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (header[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /** Appends one frame holding {@code body[offset, offset + length)}. */
    static void writeFrame(ByteSink out, int type, byte[] body, int offset, int length) {
        if (length > MAX_BODY) {
            throw new IllegalArgumentException("A store record of " + length + " bytes exceeds the limit of "
                    + MAX_BODY + " bytes");
        }
        int start = out.size();
        out.writeByte(MARKER);
        out.writeByte(type);
        out.writeVarInt(length);
        out.writeBytes(body, offset, length);
        out.writeIntBigEndian(crc(out.array(), start + 1, out.size() - start - 1));
    }

    /**
     * The total length of the frame that starts at {@code bytes[offset]}, from its prefix alone (the checksum is not
     * checked), or {@link #NOT_A_FRAME}, or {@link #NEED_MORE} when the {@code available} bytes end inside the prefix.
     */
    static int frameLength(byte[] bytes, int offset, int available) {
        if (available < 1) {
            return NEED_MORE;
        }
        if ((bytes[offset] & 0xFF) != MARKER) {
            return NOT_A_FRAME;
        }
        if (available < 2) {
            return NEED_MORE;
        }
        int type = bytes[offset + 1];
        if (type < STRINGS || type > TOMBSTONE) {
            return NOT_A_FRAME;
        }
        long length = 0;
        int index = offset + 2;
        for (int shift = 0; ; shift += 7) {
            if (shift == 35) {
                return NOT_A_FRAME;
            }
            if (index >= offset + available) {
                return NEED_MORE;
            }
            int b = bytes[index++] & 0xFF;
            length |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                break;
            }
        }
        if (length > MAX_BODY) {
            return NOT_A_FRAME;
        }
        return (index - offset) + (int) length + CRC_SIZE;
    }

    /** Whether the whole frame at {@code offset} (of the given total length) has the checksum it carries. */
    static boolean checksumMatches(byte[] bytes, int offset, int frameLength) {
        int crcAt = offset + frameLength - CRC_SIZE;
        int stored = (bytes[crcAt] & 0xFF) << 24 | (bytes[crcAt + 1] & 0xFF) << 16 | (bytes[crcAt + 2] & 0xFF) << 8
                | bytes[crcAt + 3] & 0xFF;
        return stored == crc(bytes, offset + 1, frameLength - 1 - CRC_SIZE);
    }

    static int type(byte[] bytes, int offset) {
        return bytes[offset + 1];
    }

    static int bodyOffset(byte[] bytes, int offset) {
        int index = offset + 2;
        while ((bytes[index] & 0x80) != 0) {
            index++;
        }
        return index + 1;
    }

    static int bodyLength(byte[] bytes, int offset, int frameLength) {
        return offset + frameLength - CRC_SIZE - bodyOffset(bytes, offset);
    }

    private static int crc(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(VERSION);
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }

    static int plainCrc(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }
}
