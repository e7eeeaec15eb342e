package io.jenkins.plugins.valuestream.steps;

import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import hudson.Util;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.valuestream.budget.BudgetCheck;
import io.jenkins.plugins.valuestream.budget.BudgetResult;
import io.jenkins.plugins.valuestream.budget.BudgetVerdict;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.recording.ProcessMaps;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.util.SystemProperties;
import jenkins.util.Timer;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.flow.FlowExecution;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.BodyExecution;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jspecify.annotations.Nullable;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * A block whose body is held to a budget while it runs, as {@code timeout} holds its body to a time limit: the running
 * process map of the run is evaluated by the model when the block starts, again and again while the body runs (soon
 * enough that a run waiting for an agent is stopped about when its budget is spent), and once more when the body ends.
 *
 * <p>Over budget, the block writes the model's sentence (which budget, by how much, which wait) to the build log and
 * either stops its body with a {@link FlowInterruptedException} carrying {@link BudgetExceeded} (results
 * {@code FAILURE}, {@code ABORTED}) or marks the run and its own node {@code UNSTABLE} and lets the body go on.
 *
 * <p>Survives a controller restart: what it needs to re-evaluate is serializable, and {@link #onResume()} starts the
 * checks again (the time the controller was down counts as wait, as the model defines).
 */
abstract class BudgetedBlockExecution extends StepExecution {
    private static final long serialVersionUID = 1L;
    private static final Logger LOGGER = Logger.getLogger(BudgetedBlockExecution.class.getName());

    /** The longest time between two checks while the body runs. */
    @Restricted(NoExternalUse.class)
    @SuppressFBWarnings(value = "MS_SHOULD_BE_FINAL", justification = "lowered by tests")
    static long checkPeriodMillis = SystemProperties.getLong(
            BudgetedBlockExecution.class.getName() + ".checkPeriodMillis", TimeUnit.SECONDS.toMillis(10));

    /** The shortest time between two checks: a budget about to run out is not polled in a busy loop. */
    private static final long MIN_DELAY_MILLIS = 500;

    private @Nullable BodyExecution body;
    /** Set once the block has acted on an exceeded budget; it acts only once. */
    private boolean overBudget;
    private transient volatile boolean finished;
    private transient @Nullable ScheduledFuture<?> nextCheck;

    protected BudgetedBlockExecution(StepContext context) {
        super(context);
    }

    /**
     * The budgets that concern this block, evaluated against the run's running process map; {@code null} when there
     * is nothing to check (yet).
     */
    protected abstract @Nullable Evaluation evaluate(ProcessMap running, FlowNode own);

    /** What was checked: the verdict and, of its checks, the exceeded ones that concern this block. */
    protected record Evaluation(BudgetVerdict verdict, List<BudgetCheck> exceeded) {
    }

    /** Whether this block has any budget to hold its body to; a block without one only runs its body. */
    protected abstract boolean hasBudget();

    @Override
    public boolean start() throws Exception {
        body = getContext().newBodyInvoker().withCallback(new Callback()).start();
        scheduleCheck(0);
        return false;
    }

    @Override
    public void onResume() {
        scheduleCheck(0);
    }

    @Override
    public void stop(Throwable cause) throws Exception {
        finish();
        super.stop(cause);
    }

    @Override
    public @Nullable String getStatus() {
        if (isOverBudget()) {
            return "over budget";
        }
        ScheduledFuture<?> check = nextCheck;
        if (check == null || check.isDone()) {
            return "no budget check scheduled";
        }
        return "next budget check in " + Util.getTimeSpanString(Math.max(0, check.getDelay(TimeUnit.MILLISECONDS)));
    }

    private synchronized void scheduleCheck(long delayMillis) {
        if (finished || overBudget || !hasBudget()) {
            return;
        }
        nextCheck = Timer.get().schedule(this::checkWhileRunning, delayMillis, TimeUnit.MILLISECONDS);
    }

    private synchronized boolean isOverBudget() {
        return overBudget;
    }

    /** Notes that the block acts on an exceeded budget; {@code false} when it already has. */
    private synchronized boolean markOverBudget() {
        if (overBudget) {
            return false;
        }
        overBudget = true;
        return true;
    }

    private synchronized void finish() {
        finished = true;
        if (nextCheck != null) {
            nextCheck.cancel(false);
            nextCheck = null;
        }
    }

    /** A check on a timer thread while the body runs. */
    private void checkWhileRunning() {
        if (finished || isOverBudget()) {
            return;
        }
        long next = checkPeriodMillis;
        try {
            Evaluation evaluation = evaluateNow();
            if (evaluation != null) {
                if (!evaluation.exceeded().isEmpty()) {
                    actWhileRunning(evaluation);
                    return;
                }
                Long remaining = evaluation.verdict().remainingMillis();
                if (remaining != null) {
                    next = Math.max(MIN_DELAY_MILLIS, Math.min(checkPeriodMillis, remaining));
                }
            }
        } catch (Exception | LinkageError e) {
            LOGGER.log(Level.WARNING, "Could not check the budget of " + describe(), e);
        }
        scheduleCheck(next);
    }

    private @Nullable Evaluation evaluateNow() throws IOException, InterruptedException {
        Run<?, ?> run = getContext().get(Run.class);
        FlowExecution execution = getContext().get(FlowExecution.class);
        FlowNode own = getContext().get(FlowNode.class);
        if (!(run instanceof WorkflowRun workflowRun) || execution == null || own == null) {
            return null;
        }
        ProcessMap map = ProcessMaps.of(workflowRun, execution, System.currentTimeMillis());
        return map == null ? null : evaluate(map, own);
    }

    private void actWhileRunning(Evaluation evaluation) throws IOException, InterruptedException {
        synchronized (this) {
            if (finished || !markOverBudget()) {
                return;
            }
        }
        String message = report(evaluation);
        BudgetResult result = evaluation.verdict().result();
        if (result == BudgetResult.UNSTABLE) {
            markUnstable(message);
            getContext().saveState();
        } else if (body != null) {
            listener().getLogger().println(Messages.BudgetedBlockExecution_stopping());
            body.cancel(new FlowInterruptedException(toResult(result), true, new BudgetExceeded(message)));
        }
    }

    /** Writes every exceeded budget to the log; returns them as one message. */
    private String report(Evaluation evaluation) {
        StringBuilder all = new StringBuilder();
        TaskListener listener = listener();
        for (BudgetCheck check : evaluation.exceeded()) {
            String line = check.message();
            listener.getLogger().println(line);
            if (all.length() > 0) {
                all.append("; ");
            }
            all.append(line);
        }
        return all.toString();
    }

    private void markUnstable(String message) throws IOException, InterruptedException {
        Run<?, ?> run = getContext().get(Run.class);
        if (run != null) {
            run.setResult(Result.UNSTABLE);
        }
        FlowNode own = getContext().get(FlowNode.class);
        if (own != null) {
            own.addOrReplaceAction(new WarningAction(Result.UNSTABLE).withMessage(message));
        }
    }

    static Result toResult(BudgetResult result) {
        return switch (result) {
            case FAILURE -> Result.FAILURE;
            case UNSTABLE -> Result.UNSTABLE;
            case ABORTED -> Result.ABORTED;
        };
    }

    private TaskListener listener() {
        try {
            TaskListener listener = getContext().get(TaskListener.class);
            return listener != null ? listener : TaskListener.NULL;
        } catch (IOException | InterruptedException e) {
            LOGGER.log(Level.WARNING, null, e);
            return TaskListener.NULL;
        }
    }

    private String describe() {
        try {
            Run<?, ?> run = getContext().get(Run.class);
            return run == null ? "a Pipeline run" : run.getFullDisplayName();
        } catch (IOException | InterruptedException e) {
            return "a Pipeline run";
        }
    }

    /**
     * The last check, once the body has ended well. It runs on a timer thread, not on the Pipeline's own thread,
     * because reading the flow graph may read from disk; the step completes from there. A body that failed (or was
     * stopped by this block) fails the block as it is: the run fails anyway.
     */
    private void checkAtEnd(StepContext context, @Nullable Object result) {
        try {
            if (hasBudget() && !isOverBudget()) {
                Evaluation evaluation = evaluateNow();
                if (evaluation != null && !evaluation.exceeded().isEmpty() && markOverBudget()) {
                    String message = report(evaluation);
                    BudgetResult budgetResult = evaluation.verdict().result();
                    if (budgetResult == BudgetResult.UNSTABLE) {
                        markUnstable(message);
                    } else {
                        context.onFailure(new FlowInterruptedException(toResult(budgetResult), true,
                                new BudgetExceeded(message)));
                        return;
                    }
                }
            }
        } catch (Exception | LinkageError e) {
            LOGGER.log(Level.WARNING, "Could not check the budget of " + describe() + " at the end of its block", e);
        }
        context.onSuccess(result);
    }

    /** Ends the checks when the body ends, and hands over to {@link #checkAtEnd}. */
    private final class Callback extends BodyExecutionCallback {
        private static final long serialVersionUID = 1L;

        @Override
        public void onSuccess(StepContext context, @Nullable Object result) {
            finish();
            Timer.get().submit(() -> checkAtEnd(context, result));
        }

        @Override
        public void onFailure(StepContext context, Throwable t) {
            finish();
            context.onFailure(t);
        }
    }
}
