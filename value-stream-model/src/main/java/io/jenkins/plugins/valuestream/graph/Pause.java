package io.jenkins.plugins.valuestream.graph;

import org.jspecify.annotations.Nullable;

/**
 * One pause of a node ({@code PauseAction}): for instance an {@code input} step waiting for its approval.
 *
 * @param cause the pause cause as Jenkins names it ({@code Input}, ...)
 * @param startMillis when the pause began (epoch milliseconds)
 * @param endMillis when it ended, or {@code null} while the pause is still open
 */
public record Pause(String cause, long startMillis, @Nullable Long endMillis) {

    /** The end of this pause, or {@code now} while it is still open. */
    public long endOr(long now) {
        return endMillis == null ? Math.max(startMillis, now) : endMillis;
    }
}
