package io.jenkins.plugins.valuestream.future;

import io.jenkins.plugins.valuestream.stream.Distribution;
import java.util.List;
import java.util.Objects;

/**
 * A job's future-state map: its finished runs recomputed along their critical paths with the waste of the
 * assumptions removed, beside the current state (docs/definitions.md, "Future state").
 *
 * @param assumptions what was removed
 * @param runs how many runs were projected (the finished runs of the window)
 * @param leadTime the runs' lead time as recorded
 * @param projectedLeadTime their projected lead time
 * @param flowEfficiency Σ process ÷ Σ lead time as recorded
 * @param projectedFlowEfficiency Σ projected process ÷ Σ projected lead time
 * @param removedWaitMillis the waits of the removed causes, summed over the runs
 * @param removedWorkMillis the avoidable work removed, summed over the runs
 * @param steps the steps in the value stream's order
 */
public record FutureState(FutureAssumptions assumptions, int runs, Distribution leadTime,
        Distribution projectedLeadTime, double flowEfficiency, double projectedFlowEfficiency,
        long removedWaitMillis, long removedWorkMillis, List<FutureStep> steps) {

    public FutureState {
        Objects.requireNonNull(assumptions, "assumptions");
        Objects.requireNonNull(leadTime, "leadTime");
        Objects.requireNonNull(projectedLeadTime, "projectedLeadTime");
        steps = List.copyOf(steps);
    }
}
