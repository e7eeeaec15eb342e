package io.jenkins.plugins.valuestream.flags;

/** What a flag says about a step. */
public enum FlagKind {
    /** The step's process time is above its baseline. */
    SLOW_PROCESS,
    /** The step's wait time is above its baseline. */
    SLOW_WAIT,
    /** The same work (step function + normalized arguments) done more than once in the run. */
    DUPLICATE_WORK,
    /** An agent with the same label allocated again in the very next step. */
    REPEATED_AGENT,
    /** A step that does next to nothing in nearly all recent runs and never fails. */
    NO_OP
}
