package io.jenkins.plugins.valuestream.stream;

import io.jenkins.plugins.valuestream.process.StepKind;
import io.jenkins.plugins.valuestream.process.StepPath;
import io.jenkins.plugins.valuestream.process.WaitCause;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One step of a job's value stream: the runs in which the step ran (skipped runs not counted), matched by path and
 * occurrence.
 *
 * @param path the step's path
 * @param occurrence 0 for the first step of this path in a run, 1 for the second, ...
 * @param kind what made the step
 * @param runs in how many runs the step ran (skipped ones not counted)
 * @param process process time
 * @param waitTime wait time, all causes
 * @param waitByCause wait time per cause (causes never seen are left out; QUEUE only for the implicit step)
 * @param elapsed elapsed time
 * @param effort effort (working time summed over branches)
 * @param successRate %C&amp;A: the share of those runs in which the step succeeded first time ({@code 0..1})
 * @param flowEfficiency summed process time ÷ summed elapsed time over those runs ({@code 0..1})
 * @param medianStartOffset median of (step start − run start), which orders the steps of the map
 * @param parallelGroup a key shared by the steps that ran side by side (branches of one {@code parallel}), or
 *     {@code null}
 * @param criticalShare the share of those runs in which the step was on the run's critical path ({@code 0..1})
 * @param exclusive its exclusive time over those runs (0 in a run where it was off the critical path)
 */
public record StepStats(
        StepPath path,
        int occurrence,
        StepKind kind,
        int runs,
        Distribution process,
        Distribution waitTime,
        Map<WaitCause, Distribution> waitByCause,
        Distribution elapsed,
        Distribution effort,
        double successRate,
        double flowEfficiency,
        long medianStartOffset,
        @Nullable String parallelGroup,
        double criticalShare,
        Distribution exclusive) {

    public StepStats {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(exclusive, "exclusive");
        waitByCause = Map.copyOf(waitByCause);
    }

    /** The name shown to users: the path, and {@code #2}, {@code #3}... for repeated occurrences. */
    public String displayName() {
        return path.displayName(occurrence);
    }
}
