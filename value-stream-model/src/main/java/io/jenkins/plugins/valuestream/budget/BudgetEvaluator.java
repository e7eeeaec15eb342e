package io.jenkins.plugins.valuestream.budget;

import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.ProcessStep;
import io.jenkins.plugins.valuestream.process.StepPath;
import io.jenkins.plugins.valuestream.process.StepResult;
import io.jenkins.plugins.valuestream.process.WaitBreakdown;
import io.jenkins.plugins.valuestream.process.WaitCause;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;

/**
 * Holds a run's process map to a {@link BudgetSpec}. Works alike for a finished run and a running one, whose numbers
 * are as of the map's {@code asOf}: the plugin evaluates the running map while the run waits, and again at the end.
 */
public final class BudgetEvaluator {
    private BudgetEvaluator() {
    }

    /** Checks every budget of the spec against the run. */
    public static BudgetVerdict evaluate(BudgetSpec spec, ProcessMap run) {
        Set<WaitCause> counted = spec.countedWaits();
        List<BudgetCheck> checks = new ArrayList<>();
        WaitCause runCause = largestCounted(run.waits(), counted);
        if (spec.waitBudgetMillis() != null) {
            ProcessStep most = innermostLargest(run, s -> s.waits().total(counted));
            checks.add(new BudgetCheck(BudgetKind.WAIT, spec.waitBudgetMillis(), run.waits().total(counted),
                    most == null ? null : most.path(), most == null ? 0 : most.occurrence(), runCause,
                    unknownOf(run.waits(), counted), run.running()));
        }
        if (spec.leadTimeBudgetMillis() != null) {
            ProcessStep longest = innermostLargest(run, ProcessStep::elapsedMillis);
            Set<WaitCause> unknown = run.queuedAt() == null || !run.waits().known(WaitCause.QUEUE)
                    ? EnumSet.of(WaitCause.QUEUE) : Set.of();
            checks.add(new BudgetCheck(BudgetKind.LEAD_TIME, spec.leadTimeBudgetMillis(), run.leadTimeMillis(),
                    longest == null ? null : longest.path(), longest == null ? 0 : longest.occurrence(),
                    run.waits().largest(),
                    unknown, run.running()));
        }
        Long soonest = null;
        for (Map.Entry<StepPath, Long> budget : spec.stepWaitBudgets().entrySet()) {
            boolean anyOpen = false;
            for (ProcessStep step : run.steps()) {
                if (!step.path().equals(budget.getKey()) || !step.counted()) {
                    continue;
                }
                boolean open = run.running() && step.result() == StepResult.RUNNING;
                anyOpen |= open;
                checks.add(new BudgetCheck(BudgetKind.STEP_WAIT, budget.getValue(), step.waits().total(counted),
                        step.path(), step.occurrence(), largestCounted(step.waits(), counted),
                        unknownOf(step.waits(), counted), open));
            }
            if (run.running() && !anyOpen) {
                // The step may still (re)start; a new occurrence cannot spend its budget sooner than the budget itself.
                soonest = min(soonest, budget.getValue());
            }
        }
        for (BudgetCheck check : checks) {
            if (check.open() && !check.exceeded()) {
                soonest = min(soonest, check.remainingMillis());
            }
        }
        return new BudgetVerdict(checks, spec.result(), run.asOf(), soonest);
    }

    private static Long min(@Nullable Long current, long candidate) {
        return current == null ? candidate : Math.min(current, candidate);
    }

    private static @Nullable WaitCause largestCounted(WaitBreakdown waits, Set<WaitCause> counted) {
        WaitCause best = null;
        long most = 0;
        for (WaitCause cause : counted) {
            long millis = waits.millis(cause);
            if (millis > most) { // counted is an EnumSet: ties go to the first cause
                most = millis;
                best = cause;
            }
        }
        return best;
    }

    private static Set<WaitCause> unknownOf(WaitBreakdown waits, Set<WaitCause> counted) {
        Set<WaitCause> unknown = EnumSet.noneOf(WaitCause.class);
        for (WaitCause cause : counted) {
            if (!waits.known(cause)) {
                unknown.add(cause);
            }
        }
        return unknown;
    }

    /**
     * The counted step with the largest value, the innermost (then the first) on ties: a stage's time includes the
     * steps inside it, so the deepest step holding the most says best where the time went. {@code null} where every
     * value is 0.
     */
    private static @Nullable ProcessStep innermostLargest(ProcessMap run, ToLongFunction<ProcessStep> value) {
        ProcessStep best = null;
        long most = 0;
        for (ProcessStep step : run.steps()) {
            if (!step.counted()) {
                continue;
            }
            long millis = value.applyAsLong(step);
            if (millis > most || (millis == most && millis > 0 && best != null
                    && step.path().depth() > best.path().depth())) {
                most = millis;
                best = step;
            }
        }
        return best;
    }
}
