package io.jenkins.plugins.valuestream.future;

import io.jenkins.plugins.valuestream.stream.Distribution;
import java.util.Objects;

/**
 * A what-if over the finished runs of a window.
 *
 * @param whatIf the step and its change
 * @param runs how many runs were projected (the finished runs of the window)
 * @param stepRuns in how many of them the step ran (the others keep their lead time)
 * @param leadTime their lead time as recorded
 * @param projectedLeadTime their lead time with the step's time changed, from each run's critical path
 */
public record WhatIfResult(WhatIf whatIf, int runs, int stepRuns, Distribution leadTime,
        Distribution projectedLeadTime) {
    public WhatIfResult {
        Objects.requireNonNull(whatIf, "whatIf");
        Objects.requireNonNull(leadTime, "leadTime");
        Objects.requireNonNull(projectedLeadTime, "projectedLeadTime");
    }
}
