package io.jenkins.plugins.valuestream.flags;

import io.jenkins.plugins.valuestream.process.StepPath;
import java.util.List;
import java.util.Objects;

/**
 * One finding on a run, with the evidence that raised it.
 *
 * @param kind what was found
 * @param step the step it concerns
 * @param message one sentence for users, e.g. "Build: process time 4m 10s, baseline 1m 2s (median of 20 runs)"
 * @param costMillis how much time it cost the run (above baseline, or the duplicated work's time)
 * @param evidence the facts behind it, one short line each (baseline values, where the duplicates ran, ...)
 */
public record Flag(FlagKind kind, StepPath step, String message, long costMillis, List<String> evidence) {
    public Flag {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(message, "message");
        evidence = List.copyOf(evidence);
    }
}
