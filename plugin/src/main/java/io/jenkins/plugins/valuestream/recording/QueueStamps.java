package io.jenkins.plugins.valuestream.recording;

import hudson.Extension;
import hudson.model.Queue;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.listeners.RunListener;
import hudson.model.queue.QueueListener;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jspecify.annotations.Nullable;

/**
 * Stamps when a Pipeline run entered and left the build queue. Jenkins creates the run only once its queue item has
 * left the queue, and keeps no record of the queue entry on the run: the {@link QueueListener} notes it per queue
 * item when the item leaves, and the {@link RunListener} hands it to the run as a {@link QueueEntryAction} when the run
 * starts (the run knows its queue item's id by then).
 */
public final class QueueStamps {
    /** Stamps not picked up by a run within this time are dropped (the item was not a Pipeline run). */
    private static final long KEEP_MILLIS = TimeUnit.HOURS.toMillis(1);

    private static final Map<Long, QueueEntryAction> LEFT = new ConcurrentHashMap<>();

    private QueueStamps() {
    }

    static void left(long queueId, long enteredAt, long leftAt) {
        LEFT.put(queueId, new QueueEntryAction(enteredAt, leftAt));
        if (LEFT.size() > 1_000) {
            forgetOlderThan(leftAt - KEEP_MILLIS);
        }
    }

    static @Nullable QueueEntryAction take(long queueId) {
        return LEFT.remove(queueId);
    }

    private static void forgetOlderThan(long cutoff) {
        for (Iterator<QueueEntryAction> it = LEFT.values().iterator(); it.hasNext();) {
            if (it.next().getLeftAt() < cutoff) {
                it.remove();
            }
        }
    }

    /** Notes the queue entry of every item that leaves the queue to run. */
    @Extension
    public static final class Listener extends QueueListener {
        @Override
        public void onLeft(Queue.LeftItem item) {
            if (!item.isCancelled() && item.task instanceof org.jenkinsci.plugins.workflow.job.WorkflowJob) {
                left(item.getId(), item.getInQueueSince(), System.currentTimeMillis());
            }
        }
    }

    /** Hands the stamp to the run when it starts. */
    @Extension
    public static final class Starter extends RunListener<WorkflowRun> {
        @Override
        public void onStarted(WorkflowRun run, TaskListener listener) {
            attach(run);
        }
    }

    static void attach(Run<?, ?> run) {
        if (run.getQueueId() == Run.QUEUE_ID_UNKNOWN || run.getAction(QueueEntryAction.class) != null) {
            return;
        }
        QueueEntryAction stamp = take(run.getQueueId());
        if (stamp != null) {
            run.addAction(stamp);
        }
    }
}
