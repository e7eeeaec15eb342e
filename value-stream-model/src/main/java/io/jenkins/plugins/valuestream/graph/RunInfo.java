package io.jenkins.plugins.valuestream.graph;

import java.util.List;
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
 * @param upstream the runs that started this one, in the order Jenkins lists its causes (empty for a run started by
 *     a person, a timer, a commit, ...)
 * @param changes the changes (commits) the run built, in the order its changelogs list them; empty for a run that
 *     built no new commit, {@code null} where the source does not say (no changelog kept, one in a format that is not
 *     read, a REST answer without change sets)
 */
public record RunInfo(int number, @Nullable RunResult result, @Nullable Long queuedAt, long startedAt,
        @Nullable Long completedAt, List<UpstreamCause> upstream, @Nullable List<Change> changes) {

    /** A run whose changes are not known. */
    public RunInfo(int number, @Nullable RunResult result, @Nullable Long queuedAt, long startedAt,
            @Nullable Long completedAt, List<UpstreamCause> upstream) {
        this(number, result, queuedAt, startedAt, completedAt, upstream, null);
    }

    /** A run that no other run started (or whose causes are not known). */
    public RunInfo(int number, @Nullable RunResult result, @Nullable Long queuedAt, long startedAt,
            @Nullable Long completedAt) {
        this(number, result, queuedAt, startedAt, completedAt, List.of());
    }

    public RunInfo {
        upstream = List.copyOf(upstream);
        changes = changes == null ? null : List.copyOf(changes);
        if (queuedAt != null && queuedAt > startedAt) {
            throw new IllegalArgumentException(
                    "Run #" + number + " entered the queue (" + queuedAt + ") after it started (" + startedAt + ")");
        }
        if (completedAt != null && completedAt < startedAt) {
            throw new IllegalArgumentException(
                    "Run #" + number + " completed (" + completedAt + ") before it started (" + startedAt + ")");
        }
    }

    /** The same run, started by the given upstream runs. */
    public RunInfo withUpstream(List<UpstreamCause> causes) {
        return new RunInfo(number, result, queuedAt, startedAt, completedAt, causes, changes);
    }

    /** The same run, having built the given changes ({@code null}: not known). */
    public RunInfo withChanges(@Nullable List<Change> built) {
        return new RunInfo(number, result, queuedAt, startedAt, completedAt, upstream, built);
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
