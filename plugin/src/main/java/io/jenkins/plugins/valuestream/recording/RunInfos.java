package io.jenkins.plugins.valuestream.recording;

import hudson.model.Result;
import hudson.model.Run;
import io.jenkins.plugins.valuestream.graph.RunInfo;
import io.jenkins.plugins.valuestream.graph.RunResult;
import org.jspecify.annotations.Nullable;

/** What the model needs to know of a {@link Run} besides its flow graph. */
public final class RunInfos {
    private RunInfos() {
    }

    /**
     * The run as the model sees it. A run that is still building has no result and no completion yet, even where
     * a step has already set its result to {@code UNSTABLE} or {@code FAILURE}.
     */
    public static RunInfo of(Run<?, ?> run) {
        long startedAt = run.getStartTimeInMillis();
        boolean building = run.isBuilding();
        Result result = building ? null : run.getResult();
        Long completedAt = building ? null : startedAt + run.getDuration();
        return new RunInfo(run.getNumber(), result == null ? null : RunResult.fromName(result.toString()), queuedAt(run, startedAt),
                startedAt, completedAt);
    }

    /**
     * When the run entered the build queue: the stamp of {@link QueueStamps}, else the Metrics plugin's queue time
     * counted back from the run's creation (the moment it left the queue), else unknown. Never after the start.
     */
    static @Nullable Long queuedAt(Run<?, ?> run, long startedAt) {
        QueueEntryAction stamp = run.getAction(QueueEntryAction.class);
        if (stamp != null) {
            return Math.min(stamp.getEnteredAt(), startedAt);
        }
        Long queuing = MetricsQueueTime.queuingMillis(run);
        if (queuing != null && queuing >= 0) {
            return Math.min(run.getTimeInMillis() - queuing, startedAt);
        }
        return null;
    }
}
