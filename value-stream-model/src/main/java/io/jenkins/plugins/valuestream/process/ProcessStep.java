package io.jenkins.plugins.valuestream.process;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One process-map step of one run, with its time split as docs/definitions.md defines: {@code elapsed = process +
 * wait}, the wait split by cause, and the effort (working time summed over parallel branches) beside it.
 *
 * @param path where the step sits
 * @param occurrence 0 for the first step of this path in the run, 1 for the second (a stage in a loop), ...
 * @param kind what made the step
 * @param result how it ended
 * @param startedAt start of its block start node (epoch milliseconds)
 * @param elapsedMillis start of its block end node (or "now" while running) − {@code startedAt}; for the implicit
 *     {@link StepPath#OUTSIDE} step, the run's time outside every top-level step
 * @param processMillis the instants at which at least one branch inside the step was working
 * @param waits the other instants, by cause
 * @param effortMillis the working time summed over branches
 * @param firstTime whether the step succeeded without rework (no failed {@code retry} attempt inside)
 * @param nodeId the id of the flow node that starts the step, or {@code null} for the implicit step
 * @param parallelGroup the id of the {@code parallel} block this step is a branch of (directly or as the stage of a
 *     Declarative parallel branch), or {@code null}; steps with the same group ran side by side
 * @param deploys whether the step deploys to production: a {@code processStep} with the argument
 *     {@code deploys: true} (docs/definitions.md, "Delivery: DORA"); stages named as deploying are told by name
 *     where the report is made, not kept here
 */
public record ProcessStep(
        StepPath path,
        int occurrence,
        StepKind kind,
        StepResult result,
        long startedAt,
        long elapsedMillis,
        long processMillis,
        WaitBreakdown waits,
        long effortMillis,
        boolean firstTime,
        @Nullable String nodeId,
        @Nullable String parallelGroup,
        boolean deploys) {

    /** A step that does not deploy. */
    public ProcessStep(StepPath path, int occurrence, StepKind kind, StepResult result, long startedAt,
            long elapsedMillis, long processMillis, WaitBreakdown waits, long effortMillis, boolean firstTime,
            @Nullable String nodeId, @Nullable String parallelGroup) {
        this(path, occurrence, kind, result, startedAt, elapsedMillis, processMillis, waits, effortMillis, firstTime,
                nodeId, parallelGroup, false);
    }

    public ProcessStep {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(waits, "waits");
        if (processMillis < 0 || elapsedMillis < 0 || effortMillis < 0) {
            throw new IllegalArgumentException("Negative time in step " + path);
        }
    }

    /** The same step with other waits. */
    public ProcessStep withWaits(WaitBreakdown otherWaits) {
        return new ProcessStep(path, occurrence, kind, result, startedAt, elapsedMillis, processMillis, otherWaits,
                effortMillis, firstTime, nodeId, parallelGroup, deploys);
    }

    /** The same step with another result. */
    public ProcessStep withResult(StepResult otherResult) {
        return new ProcessStep(path, occurrence, kind, otherResult, startedAt, elapsedMillis, processMillis, waits,
                effortMillis, firstTime, nodeId, parallelGroup, deploys);
    }

    /** The same step, deploying or not. */
    public ProcessStep withDeploys(boolean deploying) {
        return new ProcessStep(path, occurrence, kind, result, startedAt, elapsedMillis, processMillis, waits,
                effortMillis, firstTime, nodeId, parallelGroup, deploying);
    }

    /** When the step ended: its start + its elapsed time (for a running step, "now"). */
    public long endedAt() {
        return startedAt + elapsedMillis;
    }

    /** The total wait of the step. */
    public long waitMillis() {
        return waits.total();
    }

    /** The name shown to users: the path, and {@code #2}, {@code #3}... for repeated occurrences. */
    public String displayName() {
        return path.displayName(occurrence);
    }

    /** Whether the step counts in aggregates (skipped Declarative stages do not). */
    public boolean counted() {
        return result != StepResult.SKIPPED;
    }
}
