package io.jenkins.plugins.valuestream.ui;

import io.jenkins.plugins.valuestream.budget.BudgetCheck;
import io.jenkins.plugins.valuestream.budget.BudgetEvaluator;
import io.jenkins.plugins.valuestream.budget.BudgetKind;
import io.jenkins.plugins.valuestream.budget.BudgetSpec;
import io.jenkins.plugins.valuestream.config.ValueStreamConfiguration;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.ProcessStep;
import io.jenkins.plugins.valuestream.time.Durations;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jenkinsci.plugins.workflow.actions.ArgumentsAction;
import org.jenkinsci.plugins.workflow.flow.FlowExecution;
import org.jenkinsci.plugins.workflow.graph.BlockStartNode;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.graph.StepNode;
import org.jenkinsci.plugins.workflow.graphanalysis.DepthFirstScanner;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jspecify.annotations.Nullable;

/**
 * The budget verdict of a run for its build page: the budgets its {@code valueStream} and {@code processStep} blocks
 * asked for (read from the blocks' arguments in the flow graph), evaluated by the model against the run's process
 * map, so the page says what the blocks themselves decided. A block that named no budget is held to the global
 * default wait budget, as the step does. Completed runs are remembered (their verdict cannot change), so the flow
 * graph is read once per run while it stays among the most recently shown.
 */
final class BudgetReplay {
    private static final Logger LOGGER = Logger.getLogger(BudgetReplay.class.getName());
    private static final String VALUE_STREAM = "valueStream";
    private static final String PROCESS_STEP = "processStep";
    private static final int REMEMBERED_RUNS = 200;

    private static final Map<String, List<BudgetCheck>> COMPLETED = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, List<BudgetCheck>> eldest) {
                    return size() > REMEMBERED_RUNS;
                }
            });

    private BudgetReplay() {
    }

    /** The checks of every budget the run was held to; empty for a run without budgets. */
    static List<BudgetCheck> checks(WorkflowRun run, ProcessMap map) {
        if (map.running()) {
            return evaluate(run, map);
        }
        String key = run.getExternalizableId();
        List<BudgetCheck> known = COMPLETED.get(key);
        if (known == null) {
            known = evaluate(run, map);
            COMPLETED.put(key, known);
        }
        return known;
    }

    private static List<BudgetCheck> evaluate(WorkflowRun run, ProcessMap map) {
        FlowExecution execution = run.getExecution();
        if (execution == null) {
            return List.of();
        }
        List<BudgetCheck> checks = new ArrayList<>();
        for (FlowNode node : new DepthFirstScanner().allNodes(execution)) {
            String function = blockFunction(node);
            if (function == null) {
                continue;
            }
            try {
                if (VALUE_STREAM.equals(function)) {
                    BudgetSpec spec = valueStreamSpec(node);
                    if (!spec.isEmpty()) {
                        checks.addAll(BudgetEvaluator.evaluate(spec, map).checks());
                    }
                } else {
                    checks.addAll(processStepChecks(node, map));
                }
            } catch (IllegalArgumentException e) {
                // The step refused these parameters when it started; there is no verdict to show for it.
                LOGGER.log(Level.FINE, "Budget of " + function + " in " + run + " not readable", e);
            }
        }
        return List.copyOf(checks);
    }

    /** {@code valueStream} or {@code processStep} for the start node of such a block (not its body), else null. */
    private static @Nullable String blockFunction(FlowNode node) {
        if (!(node instanceof BlockStartNode) || !(node instanceof StepNode stepNode)
                || node.getPersistentAction(ArgumentsAction.class) == null) {
            return null;
        }
        StepDescriptor descriptor = stepNode.getDescriptor();
        if (descriptor == null) {
            return null;
        }
        String function = descriptor.getFunctionName();
        return VALUE_STREAM.equals(function) || PROCESS_STEP.equals(function) ? function : null;
    }

    private static BudgetSpec valueStreamSpec(FlowNode node) {
        Map<String, Object> arguments = ArgumentsAction.getFilteredArguments(node);
        String waitBudget = text(arguments, "waitBudget");
        String leadTimeBudget = text(arguments, "leadTimeBudget");
        BudgetSpec spec = BudgetSpec.parse(waitBudget, leadTimeBudget, text(arguments, "countedWaits"),
                text(arguments, "budgetResult"));
        if (waitBudget == null && leadTimeBudget == null) {
            Long defaultWait = ValueStreamConfiguration.get().defaultWaitBudgetMillis();
            if (defaultWait != null) {
                spec = spec.withWaitBudget(defaultWait);
            }
        }
        return spec;
    }

    /** The check of this occurrence of a {@code processStep} with a wait budget (not of other passes). */
    private static List<BudgetCheck> processStepChecks(FlowNode node, ProcessMap map) {
        Map<String, Object> arguments = ArgumentsAction.getFilteredArguments(node);
        String waitBudget = text(arguments, "waitBudget");
        ProcessStep step = map.steps().stream().filter(s -> node.getId().equals(s.nodeId())).findFirst()
                .orElse(null);
        if (waitBudget == null || step == null) {
            return List.of();
        }
        BudgetSpec spec = BudgetSpec.parse(null, null, text(arguments, "countedWaits"),
                text(arguments, "budgetResult")).withStepWaitBudget(step.path(), Durations.parse("waitBudget",
                        waitBudget));
        return BudgetEvaluator.evaluate(spec, map).checks().stream()
                .filter(check -> check.kind() == BudgetKind.STEP_WAIT && step.path().equals(check.step())
                        && check.occurrence() == step.occurrence())
                .toList();
    }

    private static @Nullable String text(Map<String, Object> arguments, String name) {
        Object value = arguments.get(name);
        if (value == null) {
            return null;
        }
        String text = value.toString().trim();
        return text.isEmpty() ? null : text;
    }
}
