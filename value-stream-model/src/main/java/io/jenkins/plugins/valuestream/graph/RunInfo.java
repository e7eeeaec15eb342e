package io.jenkins.plugins.valuestream.graph;

import org.jspecify.annotations.Nullable;

/**
 * What is known of a run besides its flow graph ({@code build.xml}, or the live {@code Run}).
 *
 * @param number the build number
 * @param result how the run ended, or {@code null} while it is still going
 * @param queuedAt when the run entered the build queue (epoch milliseconds), or {@code null} where that is unknown
 *     (no queue stamp, no Metrics plugin {@code TimeInQueueAction})
 * @param startedAt when the run started executing ({@code startTime} of {@code build.xml})
 * @param completedAt when it completed ({@code startTime + duration}), or {@code null} while it is running
 */
public record RunInfo(int number, @Nullable RunResult result, @Nullable Long queuedAt, long startedAt,
        @Nullable Long completedAt) {

    public RunInfo {
        if (queuedAt != null && queuedAt > startedAt) {
            throw new IllegalArgumentException(
                    "Run #" + number + " entered the queue (" + queuedAt + ") after it started (" + startedAt + ")");
        }
        if (completedAt != null && completedAt < startedAt) {
            throw new IllegalArgumentException(
                    "Run #" + number + " completed (" + completedAt + ") before it started (" + startedAt + ")");
        }
    }

    /** Whether the run is still going. */
    public boolean running() {
        return completedAt == null;
    }

    /** The run's build-queue wait, or {@code null} where the queue entry is unknown. */
    public @Nullable Long queueMillis() {
        return queuedAt == null ? null : startedAt - queuedAt;
    }
}
