package io.jenkins.plugins.valuestream.recording;

import io.jenkins.plugins.valuestream.graph.ArgumentText;
import io.jenkins.plugins.valuestream.graph.FlowGraph;
import io.jenkins.plugins.valuestream.graph.GraphNode;
import io.jenkins.plugins.valuestream.graph.Interruptions;
import io.jenkins.plugins.valuestream.graph.NodeIds;
import io.jenkins.plugins.valuestream.graph.NodeKind;
import io.jenkins.plugins.valuestream.graph.Pause;
import io.jenkins.plugins.valuestream.graph.StepFunctions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jenkins.model.CauseOfInterruption;
import org.jenkinsci.plugins.workflow.actions.ArgumentsAction;
import org.jenkinsci.plugins.workflow.actions.BodyInvocationAction;
import org.jenkinsci.plugins.workflow.actions.ErrorAction;
import org.jenkinsci.plugins.workflow.actions.LabelAction;
import org.jenkinsci.plugins.workflow.actions.TagsAction;
import org.jenkinsci.plugins.workflow.actions.ThreadNameAction;
import org.jenkinsci.plugins.workflow.actions.TimingAction;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.flow.FlowExecution;
import org.jenkinsci.plugins.workflow.graph.BlockEndNode;
import org.jenkinsci.plugins.workflow.graph.BlockStartNode;
import org.jenkinsci.plugins.workflow.graph.FlowEndNode;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.graph.FlowStartNode;
import org.jenkinsci.plugins.workflow.graph.StepNode;
import org.jenkinsci.plugins.workflow.graphanalysis.DepthFirstScanner;
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.support.actions.PauseAction;
import org.jspecify.annotations.Nullable;

/**
 * Turns the live flow graph of a run ({@link FlowNode}s and their actions) into the model's {@link FlowGraph}: the
 * same shapes the build-folder reader finds in {@code workflow/*.xml} (see docs/architecture.md), read through the API.
 * Nothing is interpreted here; the model does that.
 */
public final class FlowGraphAdapter {
    private FlowGraphAdapter() {
    }

    /** The whole graph of an execution, running or complete: every node reachable from its current heads. */
    public static FlowGraph adapt(FlowExecution execution) {
        return adapt(new DepthFirstScanner().allNodes(execution));
    }

    /** The graph of the given nodes, in creation order. */
    public static FlowGraph adapt(Collection<FlowNode> flowNodes) {
        List<FlowNode> ordered = new ArrayList<>(flowNodes);
        ordered.sort(Comparator.comparing(FlowNode::getId, NodeIds.CREATION_ORDER));
        List<GraphNode> nodes = new ArrayList<>(ordered.size());
        for (FlowNode node : ordered) {
            nodes.add(node(node));
        }
        return FlowGraph.of(nodes);
    }

    /** One node with the facts the model reads. */
    public static GraphNode node(FlowNode node) {
        GraphNode.Builder builder = GraphNode.builder(node.getId(), kind(node))
                .parents(node.getParentIds())
                .start(startTime(node))
                .function(function(node))
                .body(node.getPersistentAction(BodyInvocationAction.class) != null)
                .arguments(arguments(node))
                .pauses(pauses(node))
                .tags(TagsAction.getTags(node));
        if (node instanceof BlockEndNode<?> end) {
            builder.startId(end.getStartNode().getId());
        }
        LabelAction label = node.getPersistentAction(LabelAction.class);
        if (label != null) {
            // A parallel branch body's label is "Branch: name", as in the build folder; its name comes apart.
            builder.label(label.getDisplayName());
        }
        ThreadNameAction thread = node.getPersistentAction(ThreadNameAction.class);
        if (thread != null) {
            builder.branchName(thread.getThreadName());
        }
        ErrorAction error = node.getPersistentAction(ErrorAction.class);
        if (error != null) {
            Throwable thrown = error.getError();
            if (thrown instanceof FlowInterruptedException interruption) {
                interruption(interruption, builder);
            } else {
                builder.error(thrown.toString());
            }
        } else if (StepFunctions.INPUT.equals(function(node))) {
            builder.decidedBy(InputFacts.approver(node));
        }
        WarningAction warning = node.getPersistentAction(WarningAction.class);
        if (warning != null) {
            builder.warning(warning.getResult().toString());
        }
        return builder.build();
    }

    /**
     * An interruption as the build folder reads: its message, or else its causes as Jenkins describes them ("Rejected
     * by alice", "Aborted by alice", "Timeout has been exceeded"), with user ids where the build folder has ids, and
     * the first user it names as the one who decided.
     */
    private static void interruption(FlowInterruptedException interruption, GraphNode.Builder builder) {
        List<String> descriptions = new ArrayList<>();
        String decidedBy = null;
        for (CauseOfInterruption cause : interruption.getCauses()) {
            String user = null;
            String name = cause.getClass().getName();
            if (cause instanceof CauseOfInterruption.UserInterruption byUser) {
                user = byUser.getUserId();
                descriptions.add(Interruptions.aborted(user));
            } else if (name.endsWith(".Rejection")) {
                // The Input Step plugin's: rejected, by the user it names (where this plugin can read it).
                user = InputFacts.rejector(cause);
                descriptions.add(Interruptions.rejected(user));
            } else if (name.endsWith("$ExceededTimeout")) {
                descriptions.add(Interruptions.TIMEOUT);
            } else {
                descriptions.add(Interruptions.other(name));
            }
            if (decidedBy == null) {
                decidedBy = user;
            }
        }
        builder.error(Interruptions.errorText(interruption.getClass().getName(), interruption.getMessage(),
                descriptions));
        builder.decidedBy(decidedBy);
    }

    static NodeKind kind(FlowNode node) {
        // FlowStartNode and FlowEndNode are block nodes too: test them first.
        if (node instanceof FlowStartNode) {
            return NodeKind.FLOW_START;
        }
        if (node instanceof FlowEndNode) {
            return NodeKind.FLOW_END;
        }
        if (node instanceof BlockStartNode) {
            return NodeKind.BLOCK_START;
        }
        if (node instanceof BlockEndNode) {
            return NodeKind.BLOCK_END;
        }
        return NodeKind.ATOM;
    }

    private static @Nullable Long startTime(FlowNode node) {
        TimingAction timing = node.getPersistentAction(TimingAction.class);
        return timing == null ? null : timing.getStartTime();
    }

    /**
     * The step descriptor id of a step's start or atom node, as the build folder stores it ({@code descriptorId}).
     * End nodes carry none there, so none here either. {@code null} when the step's plugin is no longer installed.
     */
    private static @Nullable String function(FlowNode node) {
        if (node instanceof BlockEndNode || !(node instanceof StepNode step)) {
            return null;
        }
        StepDescriptor descriptor = step.getDescriptor();
        return descriptor == null ? null : descriptor.getId();
    }

    private static Map<String, String> arguments(FlowNode node) {
        Map<String, Object> raw = ArgumentsAction.getArguments(node);
        if (raw.isEmpty()) {
            return Map.of();
        }
        Map<String, String> normalized = new LinkedHashMap<>();
        raw.forEach((name, value) -> {
            if (value != null) {
                normalized.put(name, ArgumentText.of(value));
            }
        });
        return normalized;
    }

    private static List<Pause> pauses(FlowNode node) {
        List<PauseAction> actions = PauseAction.getPauseActions(node);
        if (actions.isEmpty()) {
            return List.of();
        }
        List<Pause> pauses = new ArrayList<>(actions.size());
        for (PauseAction action : actions) {
            String cause = action.getCause();
            // PauseAction marks an open pause with an end time of 0.
            Long end = action.isPaused() ? null : action.getEndTime();
            pauses.add(new Pause(cause == null ? "" : cause, action.getStartTime(), end));
        }
        return pauses;
    }
}
