package io.jenkins.plugins.valuestream.steps;

import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import hudson.AbortException;
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
import java.util.concurrent.RejectedExecutionException;
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
 * The execution of a {@link BudgetedStep}: a block whose body is held to its budgets while it runs, as
 * {@code timeout} holds its body to a time limit. The model evaluates the run's running process map when the block
 * starts, again and again while the body runs (soon enough that a run waiting for an agent is stopped about when its
 * budget is spent), and once more when the body ends. Each verdict is kept on the run ({@link BudgetVerdictAction}):
 * the one the block acted on when a budget ran out, else the one as of the block's end, so that the log, the build
 * page and the JSON show the same figures.
 *
 * <p>Over budget, the block writes the model's sentence (which budget, by how much, which wait) to the build log and
 * either stops its body with a {@link FlowInterruptedException} carrying {@link BudgetExceeded} (results
 * {@code FAILURE}, {@code ABORTED}) or marks the run and its own node {@code UNSTABLE} and lets the body go on.
 *
 * <p>Survives a controller restart: what it needs to re-evaluate is serializable, and {@link #onResume()} starts the
 * checks again (the time the controller was down counts as wait, as the model defines).
 */
final class BudgetedBlockExecution extends StepExecution {
    private static final long serialVersionUID = 1L;
    private static final Logger LOGGER = Logger.getLogger(BudgetedBlockExecution.class.getName());

    /** The longest time between two checks while the body runs. */
    @Restricted(NoExternalUse.class)
    @SuppressFBWarnings(value = "MS_SHOULD_BE_FINAL", justification = "lowered by tests")
    static long checkPeriodMillis = SystemProperties.getLong(
            BudgetedBlockExecution.class.getName() + ".checkPeriodMillis", TimeUnit.SECONDS.toMillis(10));

    /** The shortest time between two checks: a budget about to run out is not polled in a busy loop. */
    private static final long MIN_DELAY_MILLIS = 500;

    /** The step as it was started. */
    private final BudgetedStep step;
    /** The global default wait budget when the step started: a later change does not move a running build's goal. */
    private final @Nullable Long defaultWaitBudgetMillis;
    private @Nullable BodyExecution body;
    /** Set once the block has acted on an exceeded budget; it acts only once. */
    private boolean overBudget;
    private transient volatile boolean finished;
    private transient @Nullable ScheduledFuture<?> nextCheck;

    BudgetedBlockExecution(StepContext context, BudgetedStep step, @Nullable Long defaultWaitBudgetMillis) {
        super(context);
        this.step = step;
        this.defaultWaitBudgetMillis = defaultWaitBudgetMillis;
    }

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

    private boolean hasBudget() {
        try {
            return step.hasBudget(defaultWaitBudgetMillis);
        } catch (AbortException e) {
            return false; // cannot happen: the step checked its parameters when it started
        }
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
            BudgetVerdict verdict = checkNow(false);
            if (verdict != null) {
                if (!verdict.within()) {
                    actWhileRunning(verdict);
                    return;
                }
                Long remaining = verdict.remainingMillis();
                if (remaining != null) {
                    next = Math.max(MIN_DELAY_MILLIS, Math.min(checkPeriodMillis, remaining));
                }
            }
        } catch (Exception | LinkageError e) {
            LOGGER.log(Level.WARNING, "Could not check the budget of " + describe(), e);
        }
        scheduleCheck(next);
    }

    /**
     * The model's verdict on this block's budgets as of now, kept on the run; {@code null} when there is nothing to
     * check (yet).
     *
     * @param last whether it is the block's last verdict, which is saved with the run at once
     */
    private @Nullable BudgetVerdict checkNow(boolean last) throws IOException, InterruptedException {
        Run<?, ?> run = getContext().get(Run.class);
        FlowExecution execution = getContext().get(FlowExecution.class);
        FlowNode own = getContext().get(FlowNode.class);
        if (!(run instanceof WorkflowRun workflowRun) || execution == null || own == null) {
            return null;
        }
        long started = System.nanoTime();
        ProcessMap map = ProcessMaps.of(workflowRun, execution, System.currentTimeMillis());
        BudgetVerdict verdict = map == null ? null : step.verdict(map, own.getId(), defaultWaitBudgetMillis);
        if (verdict != null) {
            if (last) {
                keepVerdict(verdict, true);
            } else {
                synchronized (this) {
                    // A check that was under way when the body ended, or when the block acted on an exceeded
                    // budget, must not replace the verdict as of then.
                    if (!finished && !overBudget) {
                        keepVerdict(verdict, false);
                    }
                }
            }
        }
        if (LOGGER.isLoggable(Level.FINE)) {
            LOGGER.log(Level.FINE, "Budget check of {0} (block {1}{2}) in {3} ms, verdict kept",
                    new Object[] {run, own.getId(), last ? ", at its end" : "",
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)});
        }
        return verdict;
    }

    /** Keeps the verdict on the run as this block's; saved with the run at once when {@code save}. */
    private void keepVerdict(BudgetVerdict verdict, boolean save) throws IOException, InterruptedException {
        Run<?, ?> run = getContext().get(Run.class);
        FlowNode own = getContext().get(FlowNode.class);
        if (run != null && own != null) {
            BudgetVerdictAction.record(run, own.getId(), verdict, save);
        }
    }

    private void actWhileRunning(BudgetVerdict verdict) throws IOException, InterruptedException {
        synchronized (this) {
            if (finished || !markOverBudget()) {
                return;
            }
        }
        // The verdict acted on is the block's verdict: the log, the build page and the JSON all show its figures,
        // not those of a later check while the stopped body winds down.
        keepVerdict(verdict, true);
        String message = report(verdict);
        if (verdict.result() == BudgetResult.UNSTABLE) {
            markUnstable(message);
            getContext().saveState();
        } else if (body != null) {
            listener().getLogger().println(Messages.BudgetedBlockExecution_stopping());
            body.cancel(new FlowInterruptedException(toResult(verdict.result()), true, new BudgetExceeded(message)));
        }
    }

    /** Writes every exceeded budget to the log; returns them as one message. */
    private String report(BudgetVerdict verdict) {
        StringBuilder all = new StringBuilder();
        TaskListener listener = listener();
        for (BudgetCheck check : verdict.exceeded()) {
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
     * The last check, once the body has ended: the verdict as of the block's end is kept on the run. A body that
     * ended well and spent more than its budget since the last check is acted on as while it ran; a body that failed
     * (or was stopped by this block) fails the block as it is. It runs on a timer thread, not on the Pipeline's own
     * thread, because reading the flow graph may read from disk; the step completes from there.
     *
     * @param failure why the body failed, or {@code null} where it ended well
     */
    private void checkAtEnd(StepContext context, @Nullable Object result, @Nullable Throwable failure) {
        Throwable outcome = failure;
        try {
            // A block that acted on an exceeded budget while its body ran keeps that verdict; any other is checked
            // once more as of its end.
            BudgetVerdict verdict = hasBudget() && !isOverBudget() ? checkNow(true) : null;
            if (failure == null && verdict != null && !verdict.within() && markOverBudget()) {
                String message = report(verdict);
                if (verdict.result() == BudgetResult.UNSTABLE) {
                    markUnstable(message);
                } else {
                    outcome = new FlowInterruptedException(toResult(verdict.result()), true,
                            new BudgetExceeded(message));
                }
            }
        } catch (Exception | LinkageError e) {
            LOGGER.log(Level.WARNING, "Could not check the budget of " + describe() + " at the end of its block", e);
        }
        if (outcome == null) {
            context.onSuccess(result);
        } else {
            context.onFailure(outcome);
        }
    }

    /** Ends the checks when the body ends, and hands over to {@link #checkAtEnd}. */
    private final class Callback extends BodyExecutionCallback {
        private static final long serialVersionUID = 1L;

        @Override
        public void onSuccess(StepContext context, @Nullable Object result) {
            finish();
            atEnd(() -> checkAtEnd(context, result, null));
        }

        @Override
        public void onFailure(StepContext context, Throwable t) {
            finish();
            atEnd(() -> checkAtEnd(context, null, t));
        }

        /** On a timer thread; where none takes it (the controller is shutting down), here, so the step completes. */
        private void atEnd(Runnable check) {
            try {
                Timer.get().submit(check);
            } catch (RejectedExecutionException e) {
                check.run();
            }
        }
    }
}
