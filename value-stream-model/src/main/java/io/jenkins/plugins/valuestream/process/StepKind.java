package io.jenkins.plugins.valuestream.process;

/** What made a process-map step. */
public enum StepKind {
    /** A {@code stage}. */
    STAGE,
    /** A branch of a scripted {@code parallel} (Declarative parallel branches are their stages). */
    BRANCH,
    /** An explicit {@code processStep} block. */
    PROCESS_STEP,
    /** The implicit step holding the run's time outside every other step. */
    OUTSIDE
}
