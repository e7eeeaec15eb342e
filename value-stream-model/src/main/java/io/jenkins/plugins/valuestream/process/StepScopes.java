package io.jenkins.plugins.valuestream.process;

import io.jenkins.plugins.valuestream.graph.FlowGraph;
import io.jenkins.plugins.valuestream.graph.GraphNode;
import io.jenkins.plugins.valuestream.graph.NodeKind;
import io.jenkins.plugins.valuestream.graph.StepFunctions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where each flow node ran: its innermost enclosing block, and what that block puts it in, worked out once per block
 * start and shared by everything inside: the process-map step (a stage, a parallel branch, a {@code processStep}),
 * the parallel branch, whether it is rework (inside a failed {@code retry} attempt), and the {@link WorkContext}
 * (agent and environment). Also defines the steps themselves.
 */
final class StepScopes {
    /** How Declarative names the parallel branch of a matrix cell: {@code Matrix - JDK = '17'}. */
    private static final String MATRIX_CELL_PREFIX = "Matrix - ";

    private final NodeTable table;
    private final FlowGraph graph;
    /** Innermost enclosing block start of each node, or -1 at top level. */
    private final int[] enclosing;
    /** Block start → whether it starts a block's body (rather than the outer block of a step). */
    private final boolean[] isBody;
    /** Block start → whether everything under it is rework (a failed retry attempt, or inside one). */
    private final boolean[] reworkScope;
    /** Block start → the innermost step at or around it: the one it defines, if it defines one. */
    private final StepBuilder[] stepScope;
    /** Block start → the innermost enclosing parallel branch name (or ""). */
    private final String[] branchScope;
    /**
     * Block start → the context its contents run in: the innermost agent allocation and the enclosing context
     * blocks (see {@link WorkContext}); one object per block that changes it, shared by everything inside.
     */
    private final WorkContext[] contextScope;
    private int allocations;
    private final List<StepBuilder> steps = new ArrayList<>();

    StepScopes(NodeTable table) {
        this.table = table;
        this.graph = table.graph();
        int size = graph.size();
        this.enclosing = new int[size];
        this.isBody = new boolean[size];
        this.reworkScope = new boolean[size];
        this.stepScope = new StepBuilder[size];
        this.branchScope = new String[size];
        this.contextScope = new WorkContext[size];
        java.util.Arrays.fill(enclosing, -1);
        build();
    }

    private void build() {
        int index = 0;
        for (int i : table.order()) {
            int encl = enclosingOf(i);
            enclosing[i] = encl;
            if (table.kind(i) != NodeTable.BLOCK_START) {
                continue;
            }
            String function = table.function(i);
            boolean body = table.marked(i, NodeTable.BODY) || (encl >= 0 && !isBody[encl] && function != null
                    && function.equals(table.function(encl)));
            isBody[i] = body;
            boolean failedAttempt = body && encl >= 0 && table.has(encl, FunctionRoles.RETRY)
                    && table.endedInError(i);
            reworkScope[i] = failedAttempt || (encl >= 0 && reworkScope[encl]);
            boolean branch = body && encl >= 0 && table.has(encl, FunctionRoles.PARALLEL);
            branchScope[i] = branch ? branchName(table.node(i)) : encl < 0 ? "" : branchScope[encl];
            scopeContext(i, body, branch, encl);

            StepBuilder parent = encl < 0 ? null : stepScope[encl];
            StepBuilder defined = defineStep(i, body, encl, parent, index++);
            stepScope[i] = defined != null ? defined : parent;
            if (defined != null) {
                steps.add(defined);
            }
        }
    }

    /** A block end is inside what its start is inside; any other node inside its first parent's block. */
    private int enclosingOf(int i) {
        if (table.kind(i) == NodeTable.BLOCK_END) {
            int startIndex = graph.blockStartIndex(i);
            if (startIndex >= 0 && table.isPlaced(startIndex)) {
                return enclosing[startIndex];
            }
        }
        int[] parents = graph.parentIndexes(i);
        if (parents.length == 0 || !table.isPlaced(parents[0])) {
            return -1;
        }
        int parent = parents[0];
        return table.kind(parent) == NodeTable.BLOCK_START ? parent : enclosing[parent];
    }

    /**
     * The agent and the environment that the block's contents run in: a new agent for an agent block, one more
     * context for a context block ({@code withEnv}, {@code dir}, ...) or a Declarative matrix cell, whose axes are
     * its environment whatever the steps that set them.
     */
    private void scopeContext(int i, boolean body, boolean branch, int encl) {
        WorkContext outer = encl < 0 ? WorkContext.NONE : contextScope[encl];
        if (!body && table.has(i, FunctionRoles.AGENT_BLOCK)) {
            GraphNode node = table.node(i);
            String label = node.arguments().getOrDefault("label", node.arguments().getOrDefault("image", ""));
            contextScope[i] = outer.onAgent("#" + ++allocations + (label.isEmpty() ? "" : " " + label));
        } else if (!body && table.has(i, FunctionRoles.CONTEXT)) {
            contextScope[i] = new WorkContext(outer.agent(), withContext(outer.environment(),
                    StepFunctions.displayName(Objects.requireNonNull(table.function(i), "a context block's step"))
                            + "(" + table.normalizedArguments(i) + ")"));
        } else if (branch && branchScope[i].startsWith(MATRIX_CELL_PREFIX)) {
            contextScope[i] = new WorkContext(outer.agent(), withContext(outer.environment(), branchScope[i]));
        } else {
            contextScope[i] = outer;
        }
    }

    private static String withContext(String outer, String inner) {
        return outer.isEmpty() ? inner : outer + "; " + inner;
    }

    private static String branchName(GraphNode body) {
        if (body.branchName() != null) {
            return body.branchName();
        }
        return body.label() != null ? body.label() : "branch " + body.id();
    }

    /** The {@code processStep} argument that marks a step as deploying to production. */
    static final String DEPLOYS_ARGUMENT = "deploys";

    /** The step a block start defines, if any: a stage, a parallel branch, a processStep. */
    private @Nullable StepBuilder defineStep(int i, boolean body, int encl, @Nullable StepBuilder parent,
            int index) {
        StepKind kind;
        String name;
        boolean deploys = false;
        GraphNode node = table.node(i);
        if (!body && table.has(i, FunctionRoles.STAGE)) {
            kind = StepKind.STAGE;
            name = stageName(i, node);
        } else if (!body && table.has(i, FunctionRoles.PROCESS_STEP)) {
            kind = StepKind.PROCESS_STEP;
            name = node.arguments().getOrDefault("name", node.label() != null ? node.label() : "processStep");
            deploys = deploys(node);
        } else if (body && encl >= 0 && table.has(encl, FunctionRoles.PARALLEL)) {
            if (isDeclarativeBranch(i, node)) {
                return null;
            }
            kind = StepKind.BRANCH;
            name = branchName(node);
        } else {
            return null;
        }
        StepPath path = parent == null ? StepPath.of(name) : parent.path.child(name);
        return new StepBuilder(table, path, kind, i, parent, index, steps.size(), parallelGroupOf(kind, encl, parent),
                deploys);
    }

    /**
     * Whether a {@code processStep} says it deploys: its boolean argument {@code deploys}, which the flow graph keeps
     * as the text {@code true} (read case-blind: a value Jenkins withheld, or {@code false}, does not deploy).
     */
    private static boolean deploys(GraphNode node) {
        String value = node.arguments().get(DEPLOYS_ARGUMENT);
        return value != null && value.strip().equalsIgnoreCase("true");
    }

    private String stageName(int i, GraphNode outer) {
        String name = outer.arguments().get("name");
        if (name != null) {
            return name;
        }
        for (int child : graph.childIndexes(i)) {
            GraphNode node = table.node(child);
            if (node.kind() == NodeKind.BLOCK_START && node.label() != null) {
                return node.label();
            }
        }
        return outer.label() != null ? outer.label() : "stage " + outer.id();
    }

    /** A Declarative parallel branch holds a single stage of its own name: that stage is the step. */
    private boolean isDeclarativeBranch(int i, GraphNode branchBody) {
        String name = branchName(branchBody);
        for (int child : graph.childIndexes(i)) {
            GraphNode node = table.node(child);
            if (node.kind() == NodeKind.BLOCK_START && node.is(StepFunctions.STAGE)
                    && name.equals(stageName(child, node))) {
                return true;
            }
        }
        return false;
    }

    /** The parallel block a step runs side by side in, if it is a branch or the stage of a Declarative one. */
    private @Nullable String parallelGroupOf(StepKind kind, int encl, @Nullable StepBuilder parent) {
        if (kind == StepKind.BRANCH) {
            return encl < 0 ? null : table.node(encl).id();
        }
        int cursor = encl;
        while (cursor >= 0 && (parent == null || cursor != parent.startIndex)) {
            int up = enclosing[cursor];
            if (isBody[cursor] && up >= 0 && table.has(up, FunctionRoles.PARALLEL)) {
                return table.node(up).id();
            }
            cursor = up;
        }
        return null;
    }

    /** The steps in the order they were defined (block starts parents first); {@link StepBuilder#slot} indexes it. */
    List<StepBuilder> steps() {
        return steps;
    }

    /** The innermost enclosing block start of a node, or -1 at top level. */
    int enclosing(int i) {
        return enclosing[i];
    }

    /** Whether a block start starts a body: what the node says, or a block nested in one of the same function. */
    boolean isBody(int blockStart) {
        return isBody[blockStart];
    }

    /** Whether a node is rework: inside a failed retry attempt, or, for a block start, that attempt itself. */
    boolean inRework(int i) {
        if (table.kind(i) == NodeTable.BLOCK_START) {
            return reworkScope[i];
        }
        int encl = enclosing[i];
        return encl >= 0 && reworkScope[encl];
    }

    /** The innermost step a node belongs to (the one it defines, for a step's block start), or {@code null}. */
    @Nullable StepBuilder stepOf(int i) {
        StepBuilder own = stepScope[i];
        if (own != null && own.startIndex == i) {
            return own;
        }
        int encl = enclosing[i];
        return encl < 0 ? null : stepScope[encl];
    }

    /** The name of the innermost parallel branch a node runs in, or "". */
    String branchOf(int i) {
        int encl = enclosing[i];
        return encl < 0 ? "" : branchScope[encl];
    }

    /** The agent and environment a node runs in. */
    WorkContext contextOf(int i) {
        int encl = enclosing[i];
        return encl < 0 ? WorkContext.NONE : contextScope[encl];
    }
}
