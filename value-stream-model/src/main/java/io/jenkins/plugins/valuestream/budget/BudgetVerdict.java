package io.jenkins.plugins.valuestream.budget;

import io.jenkins.plugins.valuestream.process.StepPath;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of holding a run to its budgets.
 *
 * @param checks one check per budget that applies (per occurrence for step budgets), in the order run wait, lead
 *     time, steps
 * @param result what the run is to be marked as when a budget is exceeded
 * @param asOf the instant the numbers are as of (the map's {@code asOf})
 * @param remainingMillis for a running run, the least time from {@code asOf} in which a budget not yet spent could be
 *     exceeded; wait and lead time grow by at most one millisecond per millisecond, so no budget can be exceeded
 *     sooner, which makes it the time to check again. {@code null} when no budget can be exceeded any more (a
 *     finished run, or every open budget already exceeded)
 */
public record BudgetVerdict(List<BudgetCheck> checks, BudgetResult result, long asOf, @Nullable Long remainingMillis) {
    public BudgetVerdict {
        checks = List.copyOf(checks);
        Objects.requireNonNull(result, "result");
    }

    /** Whether every budget was kept. */
    public boolean within() {
        return checks.stream().noneMatch(BudgetCheck::exceeded);
    }

    /** The budgets that were exceeded. */
    public List<BudgetCheck> exceeded() {
        return checks.stream().filter(BudgetCheck::exceeded).toList();
    }

    /**
     * This verdict narrowed to one pass through a step: only the checks of that step's own wait budget for that
     * occurrence, so that a {@code processStep} in a loop answers for the pass it is in, not for earlier ones.
     *
     * @param step the budgeted step
     * @param occurrence which pass through it (0 for the first)
     */
    public BudgetVerdict ofStep(StepPath step, int occurrence) {
        List<BudgetCheck> own = checks.stream()
                .filter(check -> check.kind() == BudgetKind.STEP_WAIT && step.equals(check.step())
                        && check.occurrence() == occurrence)
                .toList();
        return new BudgetVerdict(own, result, asOf, remainingMillis);
    }
}
