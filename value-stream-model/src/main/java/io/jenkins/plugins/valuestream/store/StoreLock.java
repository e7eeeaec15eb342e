package io.jenkins.plugins.valuestream.store;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Mutual exclusion for one store file: a lock shared by every {@link JobStore} of that file in this JVM (threads), and
 * an exclusive {@link FileLock} on a lock file beside it (other processes). The lock file is never renamed or
 * deleted, so a process waiting for it cannot end up holding a lock on a file that compaction has replaced.
 */
final class StoreLock {
    private static final ConcurrentHashMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private final Path dataFile;
    private final Path lockFile;
    private final ReentrantLock jvmLock;

    StoreLock(Path dataFile, Path lockFile) {
        this.dataFile = dataFile;
        this.lockFile = lockFile;
        this.jvmLock = JVM_LOCKS.computeIfAbsent(canonical(dataFile), key -> new ReentrantLock());
    }

    /** The same key for every spelling of the path (symbolic links in the folders resolved where they exist). */
    private static Path canonical(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        try {
            if (parent != null && Files.isDirectory(parent)) {
                return parent.toRealPath().resolve(absolute.getFileName());
            }
        } catch (IOException e) {
            // fall back to the absolute path
        }
        return absolute;
    }

    interface Action<T> {
        T run() throws IOException;
    }

    /** Runs the action holding only the in-JVM lock (for reading this object's own state). */
    <T> T inJvm(java.util.function.Supplier<T> action) {
        jvmLock.lock();
        try {
            return action.get();
        } finally {
            jvmLock.unlock();
        }
    }

    /**
     * Runs the action holding both locks. When {@code creating} is false and the store file does not exist, there is
     * nothing to protect and the lock file is not created; where the lock file cannot be created (a read-only folder)
     * a reader goes on without it.
     */
    <T> T locked(boolean creating, Action<T> action) throws IOException {
        try {
            jvmLock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting for the lock of " + dataFile);
        }
        try {
            if (!creating && !Files.exists(dataFile)) {
                return action.run();
            }
            if (creating) {
                Path parent = dataFile.getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
            }
            FileChannel channel;
            try {
                channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            } catch (FileSystemException e) {
                if (creating) {
                    throw e;
                }
                // a read-only folder: nobody can be writing there, read without the lock
                return action.run();
            }
            try (channel) {
                FileLock lock = acquire(channel);
                try {
                    return action.run();
                } finally {
                    lock.release();
                }
            }
        } finally {
            jvmLock.unlock();
        }
    }

    /**
     * The process-wide lock. Another thread of this JVM can hold it only through a path spelled differently (a link
     * the canonical key did not resolve); then wait for it.
     */
    private FileLock acquire(FileChannel channel) throws IOException {
        long pause = 1;
        while (true) {
            try {
                return channel.lock();
            } catch (OverlappingFileLockException e) {
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("Interrupted while waiting for the lock of " + dataFile);
                }
                pause = Math.min(pause * 2, 50);
            }
        }
    }
}
