package io.jenkins.plugins.valuestream.steps;

import io.jenkins.plugins.valuestream.budget.BudgetCheck;
import java.util.List;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;

/**
 * The budget verdicts of a run for its build page, its Process Map page and its JSON: the ones its budgeted blocks
 * kept on it ({@link BudgetVerdictAction}), so that every view shows the figures the block acted on and wrote to the
 * log, never a verdict worked out again.
 */
public final class BudgetVerdicts {
    private BudgetVerdicts() {
    }

    /** The checks of every budget the run's blocks held it to, block after block; empty for a run without budgets. */
    public static List<BudgetCheck> of(WorkflowRun run) {
        BudgetVerdictAction kept = run.getAction(BudgetVerdictAction.class);
        return kept == null ? List.of() : kept.checks();
    }
}
