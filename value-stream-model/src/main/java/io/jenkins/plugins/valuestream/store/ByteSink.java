package io.jenkins.plugins.valuestream.store;

import java.util.Arrays;

/**
 * A growable byte buffer with the encodings the store uses: unsigned LEB128 varints, zig-zag varints for values that
 * may be negative, big-endian fixed-width integers, and strings as a varint byte count followed by modified UTF-8
 * (every {@code char} on its own, so any Java string, lone surrogates included, reads back exactly, and no byte is
 * ever {@code 0xF0} or above).
 */
final class ByteSink {
    private byte[] bytes;
    private int size;

    ByteSink(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    int size() {
        return size;
    }

    /** The backing array; bytes {@code [0, size())} are the content. */
    byte[] array() {
        return bytes;
    }

    void clear() {
        size = 0;
    }

    private void reserve(int more) {
        int needed = size + more;
        if (needed < 0) {
            throw new IllegalArgumentException("A store record cannot exceed 2 GiB");
        }
        if (needed > bytes.length) {
            int grown = bytes.length > Integer.MAX_VALUE / 2 ? Integer.MAX_VALUE - 8 : bytes.length * 2;
            bytes = Arrays.copyOf(bytes, Math.max(needed, grown));
        }
    }

    void writeByte(int value) {
        reserve(1);
        bytes[size++] = (byte) value;
    }

    void writeBytes(byte[] source, int offset, int length) {
        reserve(length);
        System.arraycopy(source, offset, bytes, size, length);
        size += length;
    }

    /** An unsigned LEB128 varint: 7 bits a byte, low bits first; 1 byte below 128, at most 10. */
    void writeVarLong(long value) {
        reserve(10);
        while ((value & ~0x7FL) != 0) {
            bytes[size++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        bytes[size++] = (byte) value;
    }

    void writeVarInt(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("Negative count or id: " + value);
        }
        writeVarLong(value);
    }

    /** A zig-zag varint: small negative values stay small (0, -1, 1, -2 ... become 0, 1, 2, 3 ...). */
    void writeZigZag(long value) {
        writeVarLong((value << 1) ^ (value >> 63));
    }

    void writeIntBigEndian(int value) {
        reserve(4);
        bytes[size++] = (byte) (value >>> 24);
        bytes[size++] = (byte) (value >>> 16);
        bytes[size++] = (byte) (value >>> 8);
        bytes[size++] = (byte) value;
    }

    void writeLongBigEndian(long value) {
        writeIntBigEndian((int) (value >>> 32));
        writeIntBigEndian((int) value);
    }

    void writeString(String text) {
        int length = text.length();
        long encoded = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            encoded += c != 0 && c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        }
        if (encoded > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("A string of " + length + " characters is too long to store");
        }
        writeVarInt((int) encoded);
        reserve((int) encoded);
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c != 0 && c < 0x80) {
                bytes[size++] = (byte) c;
            } else if (c < 0x800) {
                bytes[size++] = (byte) (0xC0 | (c >> 6));
                bytes[size++] = (byte) (0x80 | (c & 0x3F));
            } else {
                bytes[size++] = (byte) (0xE0 | (c >> 12));
                bytes[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                bytes[size++] = (byte) (0x80 | (c & 0x3F));
            }
        }
    }
}
