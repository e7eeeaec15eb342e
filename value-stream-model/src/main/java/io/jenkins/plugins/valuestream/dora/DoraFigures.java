package io.jenkins.plugins.valuestream.dora;

import io.jenkins.plugins.valuestream.stream.Distribution;
import org.jspecify.annotations.Nullable;

/**
 * DORA's delivery figures of one job over a window of runs (docs/definitions.md, "Delivery: DORA"). Where no
 * completed run of the window has a deploying step, the job is not known to deploy and every figure is {@code null}:
 * unknown, not zero.
 *
 * @param deployments deploying runs counted: successful + failed, or {@code null} where none deploys
 * @param successfulDeployments deploying runs that succeeded
 * @param failedDeployments deploying runs that failed (the run, or a deploying step, ended FAILURE or UNSTABLE)
 * @param leadTimeForChanges commit to successful deployment
 * @param deploymentFrequency successful deployments per day and week, or {@code null} (no deploying step, or a
 *     window of no time)
 * @param changeFailureRate failed ÷ deployments, or {@code null} where there were none
 * @param recovery failed deployment recovery time (first failed deployment's end to the next successful
 *     deployment), or {@code null} where no failure was recovered from in the window
 * @param recoveries how many recoveries {@code recovery} is over
 * @param rule which steps were taken as deploying: the {@code processStep}s that say so and the stages named
 */
public record DoraFigures(@Nullable Integer deployments, @Nullable Integer successfulDeployments,
        @Nullable Integer failedDeployments, LeadTimeForChanges leadTimeForChanges,
        @Nullable DeploymentFrequency deploymentFrequency, @Nullable Double changeFailureRate,
        @Nullable Distribution recovery, int recoveries, DeploymentRule rule) {

    /** A job none of whose runs deploys: every figure unknown. */
    static DoraFigures unknown(DeploymentRule rule) {
        return new DoraFigures(null, null, null, LeadTimeForChanges.none(false, 0), null, null, null, 0, rule);
    }

    /** Whether some run of the window has a deploying step: else every figure is unknown. */
    public boolean deploys() {
        return deployments != null;
    }
}
