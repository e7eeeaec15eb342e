package io.jenkins.plugins.valuestream.flags;

import io.jenkins.plugins.valuestream.process.StepPath;
import java.util.List;
import java.util.Objects;

/**
 * One finding on a run, with the evidence that raised it and what to do about it.
 *
 * @param kind what was found
 * @param step the step it concerns
 * @param message one sentence for users, e.g. "Build: process time 4m 10s, baseline 1m 2s (median of 20 runs)"
 * @param costMillis how much time it cost the run (above baseline, or the duplicated work's time); never more than
 *     the run's lead time
 * @param evidence the facts behind it, one short line each (baseline values, where the duplicates ran, ...)
 * @param remedy the Jenkins idiom that removes the waste, in one or two sentences ({@code stash}/{@code unstash},
 *     {@code skipDefaultCheckout}, ...); empty where there is none to give
 */
public record Flag(FlagKind kind, StepPath step, String message, long costMillis, List<String> evidence,
        String remedy) {
    public Flag {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(message, "message");
        evidence = List.copyOf(evidence);
        Objects.requireNonNull(remedy, "remedy");
    }

    /** A flag without a remedy. */
    public Flag(FlagKind kind, StepPath step, String message, long costMillis, List<String> evidence) {
        this(kind, step, message, costMillis, evidence, "");
    }

    /** The same flag costing at most {@code millis}. */
    Flag costingAtMost(long millis) {
        return costMillis <= millis ? this : new Flag(kind, step, message, Math.max(0, millis), evidence, remedy);
    }
}
