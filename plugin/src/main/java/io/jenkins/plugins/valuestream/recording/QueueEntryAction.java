package io.jenkins.plugins.valuestream.recording;

import hudson.model.InvisibleAction;

/**
 * When a run's build-queue item entered the queue and when it left it, stamped by {@link QueueStamps}. Jenkins creates
 * the {@code Run} only when the item leaves the queue, so without this stamp (or the Metrics plugin's
 * {@code TimeInQueueAction}) the queue wait of a run is unknown. Persisted with the build: two numbers.
 */
public final class QueueEntryAction extends InvisibleAction {
    private final long enteredAt;
    private final long leftAt;

    public QueueEntryAction(long enteredAt, long leftAt) {
        this.enteredAt = enteredAt;
        this.leftAt = leftAt;
    }

    /** When the item entered the build queue (epoch milliseconds). */
    public long getEnteredAt() {
        return enteredAt;
    }

    /** When it left the queue to start running (epoch milliseconds). */
    public long getLeftAt() {
        return leftAt;
    }
}
