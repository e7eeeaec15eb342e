package io.jenkins.plugins.valuestream.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Buffered positioned reads of one file: a window of its bytes, moved and grown on demand, so that scanning reads the
 * file in large chunks and a frame is always whole in memory.
 */
final class FileWindow {
    private final FileChannel channel;
    private final long size;
    private final int readAhead;
    private byte[] buffer;
    private long start;
    private int length;
    private long bytesRead;

    FileWindow(FileChannel channel, long size, int readAhead) {
        this.channel = channel;
        this.size = size;
        this.readAhead = readAhead;
        this.buffer = new byte[(int) Math.min(readAhead, Math.max(size, 16))];
    }

    long size() {
        return size;
    }

    /**
     * Makes bytes {@code [position, position + wanted)} (or up to the end of the file) available in {@link #array()}.
     *
     * @return how many of the wanted bytes there are before the end of the file
     */
    int ensure(long position, int wanted) throws IOException {
        int available = (int) Math.max(0, Math.min(wanted, size - position));
        if (position >= start && position + available <= start + length) {
            return available;
        }
        int toRead = (int) Math.min(Math.max(available, readAhead), size - position);
        if (buffer.length < toRead) {
            buffer = new byte[toRead];
        }
        ByteBuffer target = ByteBuffer.wrap(buffer, 0, toRead);
        long at = position;
        while (target.hasRemaining()) {
            int read = channel.read(target, at);
            if (read < 0) {
                break;
            }
            at += read;
        }
        start = position;
        length = target.position();
        bytesRead += length;
        if (length < available) {
            throw new IOException("The store file shrank while it was being read");
        }
        return available;
    }

    byte[] array() {
        return buffer;
    }

    /** Where the byte at the given file position is in {@link #array()}; valid after {@link #ensure}. */
    int offset(long position) {
        return (int) (position - start);
    }

    long bytesRead() {
        return bytesRead;
    }
}
