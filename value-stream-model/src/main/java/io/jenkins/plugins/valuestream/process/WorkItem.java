package io.jenkins.plugins.valuestream.process;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A piece of work that a run did (an atom step such as {@code sh} or {@code checkout}), kept for the redundancy
 * detectors: the same function with the same normalized arguments in the same {@link WorkContext} done twice in one
 * run is duplicated work (docs/flags.md).
 *
 * @param function the step descriptor id
 * @param arguments its arguments, normalized (sorted {@code key=value} pairs, whitespace collapsed); the empty string
 *     where the source did not record them (a step without recorded arguments is never "the same" as another)
 * @param step the process-map step it ran in ({@link StepPath#OUTSIDE} outside every step)
 * @param branch the parallel branch it ran in, or the empty string
 * @param startedAt when it started (epoch milliseconds)
 * @param durationMillis how long it ran
 * @param context where it ran, or {@code null} where the source does not tell (the REST API, records written before
 *     contexts were kept): such work is never "the same" as other work
 */
public record WorkItem(String function, String arguments, StepPath step, String branch, long startedAt,
        long durationMillis, @Nullable WorkContext context) {
    public WorkItem {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(arguments, "arguments");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(branch, "branch");
    }

    /** Work outside every agent and context block. */
    public WorkItem(String function, String arguments, StepPath step, String branch, long startedAt,
            long durationMillis) {
        this(function, arguments, step, branch, startedAt, durationMillis, WorkContext.NONE);
    }

    /** Whether the work can be compared with other work: its arguments and its context are known. */
    public boolean comparable() {
        return context != null && !arguments.isEmpty();
    }

    /** The same work with its context unknown, as a source that does not show where work ran tells it. */
    public WorkItem withUnknownContext() {
        return new WorkItem(function, arguments, step, branch, startedAt, durationMillis, null);
    }
}
