package io.jenkins.plugins.valuestream.process;

/** How a process-map step ended. */
public enum StepResult {
    SUCCESS,
    UNSTABLE,
    FAILURE,
    ABORTED,
    /** A Declarative stage skipped by {@code when}, an earlier failure or instability: not counted. */
    SKIPPED,
    /** Still going. */
    RUNNING;

    /** Whether the step did its work without failing (success or unstable). */
    public boolean completed() {
        return this == SUCCESS || this == UNSTABLE;
    }
}
