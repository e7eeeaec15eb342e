package io.jenkins.plugins.valuestream.steps;

import io.jenkins.plugins.valuestream.budget.BudgetCheck;
import io.jenkins.plugins.valuestream.budget.BudgetVerdict;
import io.jenkins.plugins.valuestream.config.ValueStreamConfiguration;
import io.jenkins.plugins.valuestream.graph.NodeIds;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.recording.ProcessMapAction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jenkinsci.plugins.workflow.actions.ArgumentsAction;
import org.jenkinsci.plugins.workflow.actions.BodyInvocationAction;
import org.jenkinsci.plugins.workflow.flow.FlowExecution;
import org.jenkinsci.plugins.workflow.graph.BlockStartNode;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.graph.StepNode;
import org.jenkinsci.plugins.workflow.graphanalysis.DepthFirstScanner;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jspecify.annotations.Nullable;

/**
 * The budget verdicts of a run for its build page: the ones its budgeted blocks kept on it
 * ({@link BudgetVerdictAction}). Runs recorded before the blocks kept their verdicts have none, so for them the
 * verdicts are worked out again: each block is rebuilt from its arguments in the flow graph and evaluated against
 * the run's process map by the same code as when it ran (with today's default wait budget, the one thing not kept).
 * Those are remembered, as they cannot change, so the flow graph is read once per run while it stays among the
 * most recently shown.
 */
public final class BudgetVerdicts {
    private static final Logger LOGGER = Logger.getLogger(BudgetVerdicts.class.getName());
    private static final int REMEMBERED_RUNS = 200;

    private static final Map<String, List<BudgetCheck>> REPLAYED = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, List<BudgetCheck>> eldest) {
                    return size() > REMEMBERED_RUNS;
                }
            });

    private BudgetVerdicts() {
    }

    /**
     * The checks of every budget the run's blocks held it to, block after block; empty for a run without budgets.
     *
     * @param map the run's process map (what the verdicts of older runs are worked out against)
     */
    public static List<BudgetCheck> of(WorkflowRun run, ProcessMap map) {
        BudgetVerdictAction kept = run.getAction(BudgetVerdictAction.class);
        if (kept != null) {
            return kept.checks();
        }
        ProcessMapAction recorded = run.getAction(ProcessMapAction.class);
        if (recorded == null || recorded.isBudgetVerdictsKept() || map.running()) {
            // Running, or recorded since blocks keep their verdicts: no block held this run to a budget (yet).
            return List.of();
        }
        String key = run.getExternalizableId();
        List<BudgetCheck> replayed = REPLAYED.get(key);
        if (replayed == null) {
            replayed = replay(run, map); // outside the map's lock: it reads the flow graph
            REPLAYED.put(key, replayed);
        }
        return replayed;
    }

    /** The verdicts of the run's budgeted blocks, worked out again from their arguments. */
    static List<BudgetCheck> replay(WorkflowRun run, ProcessMap map) {
        FlowExecution execution = run.getExecution();
        if (execution == null) {
            return List.of();
        }
        Long defaultWaitBudget = ValueStreamConfiguration.get().defaultWaitBudgetMillis();
        List<BudgetCheck> checks = new ArrayList<>();
        List<FlowNode> nodes = new ArrayList<>(new DepthFirstScanner().allNodes(execution));
        nodes.sort(Comparator.comparing(FlowNode::getId, NodeIds.CREATION_ORDER));
        for (FlowNode node : nodes) {
            BudgetedStep step = budgetedStep(node);
            if (step == null) {
                continue;
            }
            try {
                BudgetVerdict verdict = step.verdict(map, node.getId(), defaultWaitBudget);
                if (verdict != null) {
                    checks.addAll(verdict.checks());
                }
            } catch (Exception e) {
                // The step refused these parameters when it started; there is no verdict to show for it.
                LOGGER.log(Level.FINE, "Budget of block " + node.getId() + " in " + run + " not readable", e);
            }
        }
        return List.copyOf(checks);
    }

    /** The budgeted step whose block starts at this node (the outer start, not its body), rebuilt; else null. */
    private static @Nullable BudgetedStep budgetedStep(FlowNode node) {
        if (!(node instanceof BlockStartNode) || !(node instanceof StepNode stepNode)
                || node.getPersistentAction(BodyInvocationAction.class) != null) {
            return null;
        }
        StepDescriptor descriptor = stepNode.getDescriptor();
        if (!(descriptor instanceof BudgetedStepDescriptor)) {
            return null;
        }
        try {
            Step step = descriptor.newInstance(ArgumentsAction.getFilteredArguments(node));
            return step instanceof BudgetedStep budgeted ? budgeted : null;
        } catch (Exception e) {
            LOGGER.log(Level.FINE, "Cannot rebuild the step of block " + node.getId(), e);
            return null;
        }
    }
}
