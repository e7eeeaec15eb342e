package io.jenkins.plugins.valuestream.budget;

/** Which budget a check is about. */
public enum BudgetKind {
    /** The run's total counted wait. */
    WAIT,
    /** The run's lead time (queue entry to completion). */
    LEAD_TIME,
    /** The counted wait of one step, e.g. a {@code processStep} with its own {@code waitBudget}. */
    STEP_WAIT
}
