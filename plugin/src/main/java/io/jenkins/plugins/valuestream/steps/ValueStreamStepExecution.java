package io.jenkins.plugins.valuestream.steps;

import hudson.AbortException;
import io.jenkins.plugins.valuestream.budget.BudgetEvaluator;
import io.jenkins.plugins.valuestream.budget.BudgetSpec;
import io.jenkins.plugins.valuestream.budget.BudgetVerdict;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jspecify.annotations.Nullable;

/**
 * Runs the body of {@code valueStream} and holds the whole run (its queue wait, every wait inside and around the
 * block so far) to the step's budgets.
 */
final class ValueStreamStepExecution extends BudgetedBlockExecution {
    private static final long serialVersionUID = 1L;

    /** The step as it was started; re-read after a restart. */
    private final ValueStreamStep step;
    /** The global default wait budget when the step started: a later change does not move a running build's goal. */
    private final @Nullable Long defaultWaitBudgetMillis;
    private transient @Nullable BudgetSpec spec;

    ValueStreamStepExecution(StepContext context, ValueStreamStep step, @Nullable Long defaultWaitBudgetMillis) {
        super(context);
        this.step = step;
        this.defaultWaitBudgetMillis = defaultWaitBudgetMillis;
    }

    private BudgetSpec spec() throws AbortException {
        BudgetSpec current = spec;
        if (current == null) {
            current = step.spec(defaultWaitBudgetMillis);
            spec = current;
        }
        return current;
    }

    @Override
    protected boolean hasBudget() {
        try {
            return !spec().isEmpty();
        } catch (AbortException e) {
            return false; // cannot happen: the step checked its parameters when it started
        }
    }

    @Override
    protected @Nullable Evaluation evaluate(ProcessMap running, FlowNode own) {
        BudgetSpec budgets;
        try {
            budgets = spec();
        } catch (AbortException e) {
            return null;
        }
        BudgetVerdict verdict = BudgetEvaluator.evaluate(budgets, running);
        return new Evaluation(verdict, verdict.exceeded());
    }
}
