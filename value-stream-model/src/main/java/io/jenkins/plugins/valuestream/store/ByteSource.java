package io.jenkins.plugins.valuestream.store;

import java.nio.charset.StandardCharsets;

/**
 * Reads what {@link ByteSink} writes from a range of a byte array. Every read checks its bounds and the canonical
 * form of what it reads, and throws {@link MalformedRecordException} rather than returning something the writer
 * cannot have written.
 */
final class ByteSource {
    private final byte[] bytes;
    private int position;
    private final int end;

    ByteSource(byte[] bytes, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > bytes.length || offset + length < 0) {
            throw new MalformedRecordException("Range " + offset + "+" + length + " outside " + bytes.length);
        }
        this.bytes = bytes;
        this.position = offset;
        this.end = offset + length;
    }

    int remaining() {
        return end - position;
    }

    boolean atEnd() {
        return position == end;
    }

    void requireEnd(String what) {
        if (position != end) {
            throw new MalformedRecordException(remaining() + " unexpected bytes after " + what);
        }
    }

    int readByte() {
        if (position >= end) {
            throw new MalformedRecordException("Unexpected end of record");
        }
        return bytes[position++] & 0xFF;
    }

    long readVarLong() {
        if (end - position >= 10) {
            return readVarLongUnchecked();
        }
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = readByte();
            if (shift == 63 && (b & 0xFE) != 0) {
                throw new MalformedRecordException("Varint longer than 64 bits");
            }
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new MalformedRecordException("Varint longer than 10 bytes");
    }

    /** As {@link #readVarLong()} where at least 10 bytes are left, so no byte needs its own bounds check. */
    private long readVarLongUnchecked() {
        int at = position;
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = bytes[at++] & 0xFF;
            if (shift == 63 && (b & 0xFE) != 0) {
                position = at;
                throw new MalformedRecordException("Varint longer than 64 bits");
            }
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                position = at;
                return value;
            }
        }
        position = at;
        throw new MalformedRecordException("Varint longer than 10 bytes");
    }

    /** A varint that must fit a non-negative {@code int}. */
    int readVarInt() {
        long value = readVarLong();
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw new MalformedRecordException("Value out of range: " + Long.toUnsignedString(value));
        }
        return (int) value;
    }

    /** A count of elements, each at least one byte long, so no larger than what is left. */
    int readCount() {
        int count = readVarInt();
        if (count > remaining()) {
            throw new MalformedRecordException("Count " + count + " exceeds the " + remaining() + " bytes left");
        }
        return count;
    }

    long readZigZag() {
        long raw = readVarLong();
        return (raw >>> 1) ^ -(raw & 1);
    }

    int readZigZagInt() {
        long value = readZigZag();
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new MalformedRecordException("Value out of int range: " + value);
        }
        return (int) value;
    }

    int readIntBigEndian() {
        return readByte() << 24 | readByte() << 16 | readByte() << 8 | readByte();
    }

    long readLongBigEndian() {
        return (long) readIntBigEndian() << 32 | (readIntBigEndian() & 0xFFFFFFFFL);
    }

    String readString() {
        int length = readCount();
        int start = position;
        int stop = start + length;
        boolean ascii = true;
        for (int i = start; i < stop; i++) {
            int b = bytes[i];
            if (b <= 0) {
                ascii = false;
                break;
            }
        }
        position = stop;
        if (ascii) {
            return new String(bytes, start, length, StandardCharsets.ISO_8859_1);
        }
        char[] chars = new char[length];
        int count = 0;
        int i = start;
        while (i < stop) {
            int b = bytes[i++] & 0xFF;
            char c;
            if (b != 0 && b < 0x80) {
                c = (char) b;
            } else if ((b & 0xE0) == 0xC0) {
                int c2 = continuation(i++, stop);
                c = (char) ((b & 0x1F) << 6 | c2);
                if (c != 0 && c < 0x80) {
                    throw new MalformedRecordException("Overlong string encoding");
                }
            } else if ((b & 0xF0) == 0xE0) {
                int c2 = continuation(i++, stop);
                int c3 = continuation(i++, stop);
                c = (char) ((b & 0x0F) << 12 | c2 << 6 | c3);
                if (c < 0x800) {
                    throw new MalformedRecordException("Overlong string encoding");
                }
            } else {
                throw new MalformedRecordException("Invalid string byte " + b);
            }
            chars[count++] = c;
        }
        return new String(chars, 0, count);
    }

    private int continuation(int index, int stop) {
        if (index >= stop) {
            throw new MalformedRecordException("String ends inside a character");
        }
        int b = bytes[index] & 0xFF;
        if ((b & 0xC0) != 0x80) {
            throw new MalformedRecordException("Invalid string byte " + b);
        }
        return b & 0x3F;
    }
}
