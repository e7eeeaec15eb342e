package io.jenkins.plugins.valuestream.process;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What became of one {@code input} step of a run: approved, aborted, or still waiting, and by whom
 * (docs/definitions.md, "Failures and decisions").
 *
 * @param step the process-map step the input ran in
 * @param message the input's message (its {@code message} argument), or the empty string where not recorded
 * @param decision how it ended
 * @param user the id of the user who approved or aborted it, or {@code null} where Jenkins did not record one
 * @param at when it was decided (the end of its pause), or, while waiting, when it began to wait (epoch
 *     milliseconds)
 * @param waitedMillis how long it waited for the decision (its pauses; for an open one, until the map's "now")
 */
public record InputDecision(StepPath step, String message, Decision decision, @Nullable String user, long at,
        long waitedMillis) {

    /** How an input ended. Ordinals are part of the store format. */
    public enum Decision {
        /** Someone chose to proceed. */
        APPROVED,
        /** Someone aborted it, or the run was stopped while it waited. */
        ABORTED,
        /** It is still waiting. */
        WAITING
    }

    public InputDecision {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(decision, "decision");
        if (waitedMillis < 0) {
            throw new IllegalArgumentException("Negative wait of an input in step " + step);
        }
    }

    /** "approved by alice", "aborted", "waiting", as a user reads it. */
    public String describe() {
        String verb = switch (decision) {
            case APPROVED -> "approved";
            case ABORTED -> "aborted";
            case WAITING -> "waiting";
        };
        return user == null || decision == Decision.WAITING ? verb : verb + " by " + user;
    }
}
