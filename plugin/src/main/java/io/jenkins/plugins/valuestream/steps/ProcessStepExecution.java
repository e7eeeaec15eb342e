package io.jenkins.plugins.valuestream.steps;

import hudson.AbortException;
import io.jenkins.plugins.valuestream.budget.BudgetCheck;
import io.jenkins.plugins.valuestream.budget.BudgetEvaluator;
import io.jenkins.plugins.valuestream.budget.BudgetKind;
import io.jenkins.plugins.valuestream.budget.BudgetVerdict;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.ProcessStep;
import java.util.List;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jspecify.annotations.Nullable;

/**
 * Runs the body of {@code processStep} and, where it has a wait budget, holds this occurrence of the step (not the
 * whole run, not an earlier pass through the same step in a loop) to it.
 */
final class ProcessStepExecution extends BudgetedBlockExecution {
    private static final long serialVersionUID = 1L;

    private final ProcessStepStep step;

    ProcessStepExecution(StepContext context, ProcessStepStep step) {
        super(context);
        this.step = step;
    }

    @Override
    protected boolean hasBudget() {
        try {
            return step.waitBudgetMillis() != null;
        } catch (AbortException e) {
            return false; // cannot happen: the step checked its parameters when it started
        }
    }

    @Override
    protected @Nullable Evaluation evaluate(ProcessMap running, FlowNode own) {
        ProcessStep self = running.steps().stream()
                .filter(s -> own.getId().equals(s.nodeId()))
                .findFirst().orElse(null);
        if (self == null) {
            return null;
        }
        BudgetVerdict verdict;
        try {
            verdict = BudgetEvaluator.evaluate(step.spec(self.path()), running);
        } catch (AbortException e) {
            return null;
        }
        List<BudgetCheck> mine = verdict.exceeded().stream()
                .filter(check -> check.kind() == BudgetKind.STEP_WAIT && self.path().equals(check.step())
                        && check.occurrence() == self.occurrence())
                .toList();
        return new Evaluation(verdict, mine);
    }
}
