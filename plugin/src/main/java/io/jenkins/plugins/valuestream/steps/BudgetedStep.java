package io.jenkins.plugins.valuestream.steps;

import hudson.AbortException;
import hudson.Util;
import io.jenkins.plugins.valuestream.budget.BudgetVerdict;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import java.io.Serializable;
import java.util.function.Supplier;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jspecify.annotations.Nullable;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * A block step that holds its body to wait budgets: {@code valueStream} and {@code processStep}. The parameters they
 * share ({@code waitBudget}, {@code countedWaits}, {@code budgetResult}) are strings as users write them, checked when
 * the step starts, so that a bad one fails the step with a message naming it and its accepted forms rather than
 * making the Pipeline unloadable. What a block's budgets are and how they are evaluated is the model's; each step
 * only says which budgets concern it.
 */
public abstract class BudgetedStep extends Step implements Serializable {
    private static final long serialVersionUID = 1L;

    private @Nullable String waitBudget;
    private @Nullable String countedWaits;
    private @Nullable String budgetResult;

    /** The most counted wait, e.g. {@code 15m}, {@code 1h30m}, {@code 90s}; none when not set. */
    public @Nullable String getWaitBudget() {
        return waitBudget;
    }

    @DataBoundSetter
    public void setWaitBudget(@Nullable String waitBudget) {
        this.waitBudget = Util.fixEmptyAndTrim(waitBudget);
    }

    /** The wait causes that count against the wait budget, e.g. {@code QUEUE, AGENT}; all but INPUT when not set. */
    public @Nullable String getCountedWaits() {
        return countedWaits;
    }

    @DataBoundSetter
    public void setCountedWaits(@Nullable String countedWaits) {
        this.countedWaits = Util.fixEmptyAndTrim(countedWaits);
    }

    /** What a run over budget is marked as: {@code FAILURE} (when not set), {@code UNSTABLE} or {@code ABORTED}. */
    public @Nullable String getBudgetResult() {
        return budgetResult;
    }

    @DataBoundSetter
    public void setBudgetResult(@Nullable String budgetResult) {
        this.budgetResult = Util.fixEmptyAndTrim(budgetResult);
    }

    /**
     * Whether this block has any budget to hold its body to; a block without one only runs its body.
     *
     * @param defaultWaitBudgetMillis the global default wait budget as it was when the block started, or {@code null}
     * @throws AbortException naming the parameter that is wrong and its accepted forms
     */
    abstract boolean hasBudget(@Nullable Long defaultWaitBudgetMillis) throws AbortException;

    /**
     * The model's verdict on the budgets of this block: only the checks that concern it.
     *
     * @param map the run's process map, running or complete
     * @param blockId the id of the block's start node
     * @param defaultWaitBudgetMillis the global default wait budget as it was when the block started, or {@code null}
     * @return the verdict, or {@code null} where the map does not show the block (yet)
     * @throws AbortException naming the parameter that is wrong and its accepted forms
     */
    abstract @Nullable BudgetVerdict verdict(ProcessMap map, String blockId, @Nullable Long defaultWaitBudgetMillis)
            throws AbortException;

    /**
     * Checks the parameters and starts the block.
     *
     * @param defaultWaitBudgetMillis the global default wait budget now, kept for the block's whole run
     */
    StepExecution start(StepContext context, @Nullable Long defaultWaitBudgetMillis) throws AbortException {
        hasBudget(defaultWaitBudgetMillis); // fails the step here, at its start, on a bad parameter
        return new BudgetedBlockExecution(context, this, defaultWaitBudgetMillis);
    }

    /**
     * What the model parses, with a bad parameter turned into a step failure.
     *
     * @param step how the message names the step, e.g. {@code valueStream}
     */
    static <T> T parsed(String step, Supplier<T> parse) throws AbortException {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new AbortException(step + ": " + e.getMessage());
        }
    }
}
