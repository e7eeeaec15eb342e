package io.jenkins.plugins.valuestream.process;

import java.util.Objects;

/**
 * A piece of work that a run did (an atom step such as {@code sh} or {@code checkout}), kept for the redundancy
 * detector: the same function with the same normalized arguments done twice in one run is duplicated work.
 *
 * @param function the step descriptor id
 * @param arguments its arguments, normalized (sorted {@code key=value} pairs, whitespace collapsed)
 * @param step the process-map step it ran in ({@link StepPath#OUTSIDE} outside every step)
 * @param branch the parallel branch it ran in, or the empty string
 * @param startedAt when it started (epoch milliseconds)
 * @param durationMillis how long it ran
 */
public record WorkItem(String function, String arguments, StepPath step, String branch, long startedAt,
        long durationMillis) {
    public WorkItem {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(arguments, "arguments");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(branch, "branch");
    }
}
