package io.jenkins.plugins.valuestream.view;

import io.jenkins.plugins.valuestream.budget.BudgetCheck;
import io.jenkins.plugins.valuestream.budget.BudgetKind;
import io.jenkins.plugins.valuestream.process.StepPath;
import java.util.List;
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

    /** Budget checks as they are shown: one mark per budget, a step's budget on its step. */
    public static List<VerdictView> of(List<BudgetCheck> budgets) {
        return budgets.stream()
                .map(check -> new VerdictView(check.exceeded(), check.message(),
                        check.kind() == BudgetKind.STEP_WAIT ? check.step() : null))
                .toList();
    }
}
