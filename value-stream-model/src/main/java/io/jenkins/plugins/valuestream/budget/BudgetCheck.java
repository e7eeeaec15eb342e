package io.jenkins.plugins.valuestream.budget;

import io.jenkins.plugins.valuestream.process.StepPath;
import io.jenkins.plugins.valuestream.process.WaitCause;
import io.jenkins.plugins.valuestream.time.Durations;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One budget held against one run (or one step of it): the limit, what was used, and where most of it went.
 *
 * @param kind which budget
 * @param limitMillis the budget
 * @param actualMillis what the run (or step) used, as of the map's {@code asOf}
 * @param step for {@link BudgetKind#STEP_WAIT} the budgeted step; otherwise where most of it went (the step with the
 *     most counted wait, or the longest step for the lead time; the innermost on ties), {@code null} without one
 * @param occurrence the occurrence of {@code step} (0 for the first)
 * @param mainCause the wait cause with the most time: for a wait budget the largest counted cause (of the step for a
 *     step budget, of the run otherwise), for the lead-time budget the run's largest wait cause of all; {@code null}
 *     without such wait
 * @param unknown counted causes the source could not tell, so that {@code actualMillis} may be too low
 * @param open whether the number can still grow (the run, or the step, is still running)
 */
public record BudgetCheck(
        BudgetKind kind,
        long limitMillis,
        long actualMillis,
        @Nullable StepPath step,
        int occurrence,
        @Nullable WaitCause mainCause,
        Set<WaitCause> unknown,
        boolean open) {

    public BudgetCheck {
        Objects.requireNonNull(kind, "kind");
        unknown = unknown.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(unknown));
    }

    /** Whether more than the budget was used (exactly the budget is within it). */
    public boolean exceeded() {
        return actualMillis > limitMillis;
    }

    /** By how much the budget was exceeded, 0 where it was not. */
    public long overrunMillis() {
        return Math.max(0, actualMillis - limitMillis);
    }

    /** How much of the budget is left, 0 where it is spent. */
    public long remainingMillis() {
        return Math.max(0, limitMillis - actualMillis);
    }

    /**
     * One sentence for the build log and the build page, e.g. "Wait budget 15m exceeded by 2m: 17m of counted wait;
     * largest cause: lock; longest wait in Deploy".
     */
    public String message() {
        String stepName = step == null ? null : step.displayName(occurrence);
        StringBuilder text = new StringBuilder();
        text.append(kind == BudgetKind.LEAD_TIME ? "Lead-time budget " : "Wait budget ")
                .append(Durations.format(limitMillis));
        if (kind == BudgetKind.STEP_WAIT) {
            text.append(" of ").append(stepName);
        }
        text.append(exceeded() ? " exceeded by " + Durations.format(overrunMillis()) : " kept");
        text.append(": ").append(Durations.format(actualMillis))
                .append(kind == BudgetKind.LEAD_TIME ? " lead time" : " of counted wait");
        if (mainCause != null) {
            text.append(kind == BudgetKind.LEAD_TIME ? "; largest wait cause: " : "; largest cause: ")
                    .append(causeName(mainCause));
        }
        if (stepName != null && kind != BudgetKind.STEP_WAIT) {
            text.append(kind == BudgetKind.LEAD_TIME ? "; longest step: " : "; longest wait in ").append(stepName);
        }
        if (!unknown.isEmpty()) {
            text.append(" (unknown: ").append(unknown.stream().map(BudgetCheck::causeName)
                    .collect(Collectors.joining(", "))).append(" wait)");
        }
        return text.toString();
    }

    private static String causeName(WaitCause cause) {
        return cause.name().toLowerCase(Locale.ROOT);
    }
}
