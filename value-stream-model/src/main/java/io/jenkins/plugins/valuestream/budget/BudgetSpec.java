package io.jenkins.plugins.valuestream.budget;

import io.jenkins.plugins.valuestream.process.StepPath;
import io.jenkins.plugins.valuestream.process.WaitCause;
import io.jenkins.plugins.valuestream.time.Durations;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The budgets a run is held to: a wait budget, a lead-time budget and per-step wait budgets, which wait causes count,
 * and what a run over budget is marked as. Immutable; change it with the {@code with...} methods.
 *
 * @param waitBudgetMillis the most counted wait the run may have, or {@code null} for none
 * @param leadTimeBudgetMillis the longest lead time the run may have, or {@code null} for none
 * @param countedWaits the wait causes that count against the wait budgets (the run's and the steps'); not empty
 * @param stepWaitBudgets the most counted wait per step path; each occurrence of the step is held to it on its own
 * @param result what a run over budget is marked as
 */
public record BudgetSpec(
        @Nullable Long waitBudgetMillis,
        @Nullable Long leadTimeBudgetMillis,
        Set<WaitCause> countedWaits,
        Map<StepPath, Long> stepWaitBudgets,
        BudgetResult result) {

    public BudgetSpec {
        positive("waitBudget", waitBudgetMillis);
        positive("leadTimeBudget", leadTimeBudgetMillis);
        if (countedWaits.isEmpty()) {
            throw new IllegalArgumentException("countedWaits must name at least one wait cause; accepted: "
                    + WaitCause.accepted());
        }
        countedWaits = Collections.unmodifiableSet(EnumSet.copyOf(countedWaits));
        TreeMap<StepPath, Long> steps = new TreeMap<>();
        stepWaitBudgets.forEach((step, millis) -> {
            positive("waitBudget of step " + step, millis);
            steps.put(Objects.requireNonNull(step, "step"), millis);
        });
        stepWaitBudgets = Collections.unmodifiableMap(steps);
        Objects.requireNonNull(result, "result");
    }

    /** No budget at all; all causes but INPUT counted; FAILURE. */
    public static BudgetSpec none() {
        return new BudgetSpec(null, null, WaitCause.defaultCounted(), Map.of(), BudgetResult.FAILURE);
    }

    /**
     * The budgets of a {@code valueStream} step from its parameters as users write them; {@code null} or blank means
     * not given (no budget, the default counted causes, FAILURE).
     *
     * @param waitBudget e.g. {@code 15m}
     * @param leadTimeBudget e.g. {@code 1h30m}
     * @param countedWaits cause names separated by commas or spaces, e.g. {@code AGENT, QUEUE}
     * @param budgetResult {@code FAILURE}, {@code UNSTABLE} or {@code ABORTED}
     * @throws IllegalArgumentException naming the parameter that is wrong and its accepted forms
     */
    public static BudgetSpec parse(@Nullable String waitBudget, @Nullable String leadTimeBudget,
            @Nullable String countedWaits, @Nullable String budgetResult) {
        return new BudgetSpec(
                waitBudget == null || waitBudget.isBlank() ? null : Durations.parse("waitBudget", waitBudget),
                leadTimeBudget == null || leadTimeBudget.isBlank() ? null
                        : Durations.parse("leadTimeBudget", leadTimeBudget),
                countedWaits == null || countedWaits.isBlank() ? WaitCause.defaultCounted()
                        : parseCountedWaits(countedWaits),
                Map.of(),
                BudgetResult.parse(budgetResult));
    }

    /**
     * Parses the {@code countedWaits} parameter: wait cause names separated by commas or spaces, in any case.
     *
     * @throws IllegalArgumentException naming the parameter, the unknown name and the accepted names
     */
    public static Set<WaitCause> parseCountedWaits(String text) {
        Set<WaitCause> causes = EnumSet.noneOf(WaitCause.class);
        for (String name : text.split("[,\\s]+")) {
            if (name.isEmpty()) {
                continue;
            }
            try {
                causes.add(WaitCause.parse(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Invalid countedWaits '" + text + "': unknown wait cause '" + name
                        + "'; accepted: " + WaitCause.accepted() + ", separated by commas", e);
            }
        }
        if (causes.isEmpty()) {
            throw new IllegalArgumentException("Invalid countedWaits '" + text + "': name at least one of "
                    + WaitCause.accepted() + ", separated by commas");
        }
        return causes;
    }

    public BudgetSpec withWaitBudget(long millis) {
        return new BudgetSpec(millis, leadTimeBudgetMillis, countedWaits, stepWaitBudgets, result);
    }

    public BudgetSpec withLeadTimeBudget(long millis) {
        return new BudgetSpec(waitBudgetMillis, millis, countedWaits, stepWaitBudgets, result);
    }

    public BudgetSpec withCountedWaits(Set<WaitCause> causes) {
        return new BudgetSpec(waitBudgetMillis, leadTimeBudgetMillis, causes, stepWaitBudgets, result);
    }

    public BudgetSpec withResult(BudgetResult newResult) {
        return new BudgetSpec(waitBudgetMillis, leadTimeBudgetMillis, countedWaits, stepWaitBudgets, newResult);
    }

    /**
     * This spec, or where it names neither a wait nor a lead-time budget, this spec with the given default wait
     * budget: a {@code valueStream} block that asks for no budget of its own is held to the configured default.
     *
     * @param defaultMillis the default wait budget, or {@code null} for none
     */
    public BudgetSpec withDefaultWaitBudget(@Nullable Long defaultMillis) {
        if (defaultMillis == null || waitBudgetMillis != null || leadTimeBudgetMillis != null) {
            return this;
        }
        return withWaitBudget(defaultMillis);
    }

    /** This spec with a wait budget for one step (replacing any it had). */
    public BudgetSpec withStepWaitBudget(StepPath step, long millis) {
        Map<StepPath, Long> steps = new TreeMap<>(stepWaitBudgets);
        steps.put(step, millis);
        return new BudgetSpec(waitBudgetMillis, leadTimeBudgetMillis, countedWaits, steps, result);
    }

    /** Whether there is any budget to check. */
    public boolean isEmpty() {
        return waitBudgetMillis == null && leadTimeBudgetMillis == null && stepWaitBudgets.isEmpty();
    }

    private static boolean isBlank(@Nullable String text) {
        return text == null || text.isBlank();
    }

    private static void positive(String parameter, @Nullable Long millis) {
        if (millis != null && millis <= 0) {
            throw new IllegalArgumentException("Invalid " + parameter + ": a budget must be more than zero, got "
                    + millis + " ms; accepted: " + Durations.ACCEPTED_FORMS);
        }
    }
}
