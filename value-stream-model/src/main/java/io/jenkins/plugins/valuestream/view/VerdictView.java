package io.jenkins.plugins.valuestream.view;

import io.jenkins.plugins.valuestream.process.StepPath;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A budget verdict as shown: kept or exceeded, in words, for the whole run or for one step.
 *
 * @param exceeded whether the budget was exceeded
 * @param message one sentence for users, e.g. "Wait 22m over the 15m budget (Agent 18m, Lock 4m)"
 * @param step the step whose budget it is, or {@code null} for the run's budget
 */
public record VerdictView(boolean exceeded, String message, @Nullable StepPath step) {
    public VerdictView {
        Objects.requireNonNull(message, "message");
    }
}
