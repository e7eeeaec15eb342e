package io.jenkins.plugins.valuestream.future;

import io.jenkins.plugins.valuestream.process.StepPath;
import io.jenkins.plugins.valuestream.stream.Distribution;
import java.util.Objects;

/**
 * One step of the future-state map beside its current state, over the runs in which it ran.
 *
 * @param path the step's path
 * @param occurrence 0 for the first step of this path in a run, 1 for the second, ...
 * @param runs in how many runs it ran
 * @param elapsed its elapsed time as recorded
 * @param projectedElapsed its elapsed time with the removed time gone, its child steps recomputed
 * @param flowEfficiency Σ process ÷ Σ elapsed as recorded
 * @param projectedFlowEfficiency Σ projected process ÷ Σ projected elapsed
 */
public record FutureStep(StepPath path, int occurrence, int runs, Distribution elapsed,
        Distribution projectedElapsed, double flowEfficiency, double projectedFlowEfficiency) {

    public FutureStep {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(projectedElapsed, "projectedElapsed");
    }

    /** The name shown to users: the path, and {@code #2}, {@code #3}... for repeated occurrences. */
    public String displayName() {
        return path.displayName(occurrence);
    }
}
