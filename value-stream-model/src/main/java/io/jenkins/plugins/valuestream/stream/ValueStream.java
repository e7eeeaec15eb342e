package io.jenkins.plugins.valuestream.stream;

import io.jenkins.plugins.valuestream.process.WaitCause;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The value stream of one job over a window of runs.
 *
 * @param job the job's full name
 * @param runs how many runs were aggregated
 * @param steps the steps in one representative pipeline order (by median start offset)
 * @param leadTime lead time over the runs
 * @param process process time over the runs
 * @param waitTime wait time over the runs
 * @param waitByCause the runs' wait per cause (QUEUE over the runs where it is known)
 * @param flowEfficiency summed process time ÷ summed lead time over the runs
 * @param bottleneck the step with the largest median elapsed time, or {@code null} without steps
 * @param waitBottleneck the step with the largest median wait, or {@code null} where no step waits
 * @param trend one point per run, oldest first
 */
public record ValueStream(
        String job,
        int runs,
        List<StepStats> steps,
        Distribution leadTime,
        Distribution process,
        Distribution waitTime,
        Map<WaitCause, Distribution> waitByCause,
        double flowEfficiency,
        @Nullable StepStats bottleneck,
        @Nullable StepStats waitBottleneck,
        List<RunTrend> trend) {

    public ValueStream {
        steps = List.copyOf(steps);
        waitByCause = Map.copyOf(waitByCause);
        trend = List.copyOf(trend);
    }
}
