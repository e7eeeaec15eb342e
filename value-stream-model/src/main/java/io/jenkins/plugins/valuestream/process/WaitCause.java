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
    REWORK;

    /** The order in which concurrent waits of parallel branches are attributed. */
    public static final java.util.List<WaitCause> PRIORITY = java.util.List.of(AGENT, LOCK, INPUT, SLEEP, REWORK,
            GAP, QUEUE);

    /** The causes that count against a wait budget unless configured otherwise: all but {@link #INPUT}. */
    public static Set<WaitCause> defaultCounted() {
        return EnumSet.complementOf(EnumSet.of(INPUT));
    }

    /**
     * Parses a cause name, case-insensitively.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static WaitCause parse(String text) {
        String name = text.trim().toUpperCase(Locale.ROOT);
        for (WaitCause cause : values()) {
            if (cause.name().equals(name)) {
                return cause;
            }
        }
        throw new IllegalArgumentException("Unknown wait cause '" + text + "'; accepted: " + accepted());
    }

    /** The accepted names, for messages. */
    public static String accepted() {
        return java.util.Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
