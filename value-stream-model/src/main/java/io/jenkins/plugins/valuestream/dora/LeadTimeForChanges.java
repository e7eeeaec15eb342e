package io.jenkins.plugins.valuestream.dora;

import org.jspecify.annotations.Nullable;

/**
 * The lead time for changes of a window: from each change's commit to the end of the deployment that first shipped
 * it successfully.
 *
 * @param median the median lead time (milliseconds), or {@code null} where no change has one
 * @param p90 the 90th percentile, or {@code null} likewise
 * @param changes how many changes have a lead time, or {@code null} where no run the deployments shipped has known
 *     changes (no changelog kept): not 0, which would say none was shipped
 * @param unknown how many changes were shipped whose lead time is unknown: no commit time, or one after the
 *     deployment (clocks apart); {@code null} with {@code changes}
 * @param runsWithUnknownChanges how many runs the successful deployments shipped have changes that are not known
 */
public record LeadTimeForChanges(@Nullable Long median, @Nullable Long p90, @Nullable Integer changes,
        @Nullable Integer unknown, int runsWithUnknownChanges) {

    /** Nothing shipped, or nothing known of what was. */
    static LeadTimeForChanges none(boolean known, int runsWithUnknownChanges) {
        return new LeadTimeForChanges(null, null, known ? 0 : null, known ? 0 : null, runsWithUnknownChanges);
    }
}
