package io.jenkins.plugins.valuestream.process;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Why a run was not doing value-adding work at some instant (docs/definitions.md).
 *
 * <p>When several parallel branches wait at the same instant for different reasons, the instant is given to the
 * cause that comes first in {@link #PRIORITY}: capacity (agents, locks) before people (input) before time (sleep),
 * rework and controller gaps, so that a shortage of agents is never hidden behind an approval.
 */
public enum WaitCause {
    /** The run waiting in the build queue before it started. */
    QUEUE,
    /** Waiting for an agent or container: body start − step start of a {@code node} block. */
    AGENT,
    /** Waiting for a person: {@code input} steps and other pauses. */
    INPUT,
    /** Waiting for a lockable resource: body start − step start of a {@code lock} block. */
    LOCK,
    /** {@code sleep} and {@code waitUntil}. */
    SLEEP,
    /** Controller overhead between a block's end and the next node, controller restarts. */
    GAP,
    /** Failed attempts inside {@code retry}: work that had to be redone. */
    REWORK,
    /**
     * Between the runs of a chain of jobs: from the upstream run's trigger (its {@code build} step, or its end) to the
     * downstream run's start, the downstream job's quiet period and build queue. Only chains have it: no run's own
     * map does, and no run's record stores it (docs/definitions.md, "Chains of jobs").
     */
    HANDOFF;

    /** The order in which concurrent waits of parallel branches are attributed. */
    public static final java.util.List<WaitCause> PRIORITY = java.util.List.of(AGENT, LOCK, INPUT, SLEEP, REWORK,
            GAP, QUEUE, HANDOFF);

    /** The causes of a run's own time, in cause order: all but {@link #HANDOFF}, which lies between runs. */
    public static final Set<WaitCause> OF_A_RUN = java.util.Collections.unmodifiableSet(
            EnumSet.complementOf(EnumSet.of(HANDOFF)));

    /**
     * The causes that count against a wait budget unless configured otherwise: those of a run but {@link #INPUT}.
     */
    public static Set<WaitCause> defaultCounted() {
        Set<WaitCause> counted = EnumSet.copyOf(OF_A_RUN);
        counted.remove(INPUT);
        return counted;
    }

    /**
     * Parses the name of a cause of a run's time (what budgets count and the future state removes), case-insensitively.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static WaitCause parse(String text) {
        String name = text.trim().toUpperCase(Locale.ROOT);
        for (WaitCause cause : values()) {
            if (cause.name().equals(name) && OF_A_RUN.contains(cause)) {
                return cause;
            }
        }
        throw new IllegalArgumentException("Unknown wait cause '" + text + "'; accepted: " + accepted());
    }

    /** The names {@link #parse} accepts, for messages. */
    public static String accepted() {
        return java.util.Arrays.stream(values()).filter(OF_A_RUN::contains).map(Enum::name)
                .collect(Collectors.joining(", "));
    }
}
