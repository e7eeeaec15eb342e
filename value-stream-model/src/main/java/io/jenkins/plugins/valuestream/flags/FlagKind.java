package io.jenkins.plugins.valuestream.flags;

/** What a flag says about a step; docs/flags.md gives each kind's rule, floor and remedy. */
public enum FlagKind {
    /** The step's process time is above its baseline. */
    SLOW_PROCESS,
    /** The step's wait time is above its baseline. */
    SLOW_WAIT,
    /** The same work (step, normalized arguments, agent and environment) done more than once in the run. */
    DUPLICATE_WORK,
    /**
     * The same checkout or dependency install done on several agents: right where each agent needs it, avoidable
     * with {@code stash}/{@code unstash} or a dependency cache. A choice, not waste.
     */
    SETUP_ON_EACH_AGENT,
    /** An agent with the same label given back and asked for again in the very next step, at a cost. */
    REPEATED_AGENT,
    /** A step that does next to nothing in nearly all recent runs and never fails, taking time over the window. */
    NO_OP
}
