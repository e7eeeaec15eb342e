package io.jenkins.plugins.valuestream.process;

import io.jenkins.plugins.valuestream.graph.ArgumentText;
import io.jenkins.plugins.valuestream.graph.FlowGraph;
import io.jenkins.plugins.valuestream.graph.GraphNode;
import io.jenkins.plugins.valuestream.graph.Pause;
import io.jenkins.plugins.valuestream.graph.RunInfo;
import io.jenkins.plugins.valuestream.graph.StepFunctions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Cuts a run into segments, one a node (or more, for a paused one), from the node's start to the start of the node
 * that follows it in its branch, each with its state (working, or waiting for a cause) and its step, into a {@link
 * Timeline}. The same pass over the nodes collects the work items, the agent allocations and the lock acquisitions,
 * and marks the steps that hold rework or a warning.
 */
final class Segments {
    /** The names of {@code ArgumentsAction.NotStoredReason}, as the live graph writes a value Jenkins withheld. */
    private static final Set<String> NOT_STORED = Set.of("MASKED_VALUE", "OVERSIZE_VALUE", "UNSERIALIZABLE");
    /** The most errors a run's nodes are checked against: a loop can throw thousands. */
    private static final int MAX_ERRORS_MET = 200;

    private final NodeTable table;
    private final StepScopes scopes;
    private final FlowGraph graph;
    private final long runStart;
    private final long asOf;
    private final Timeline timeline;
    private final List<WorkItem> work;
    private final List<AgentAllocation> agents = new ArrayList<>();
    private final List<LockAcquisition> locks = new ArrayList<>();
    private List<StepFailure> failures = List.of();
    private List<InputDecision> inputs = List.of();
    /**
     * The errors met so far, the hidden ones (an input's interruption) included: a block end that carries the text
     * of an error that arose inside that block only passes it on.
     */
    private @Nullable List<MetError> errorsMet;
    /** The error the flow end carries: the one the run ended with. */
    private @Nullable String flowEndError;

    /** An error where it arose: the index of its node, and its text. */
    private record MetError(int node, String error) {
    }

    /** Cuts the segments of every placed node, and the controller time before the first one. */
    Segments(RunInfo info, NodeTable table, StepScopes scopes) {
        this.table = table;
        this.scopes = scopes;
        this.graph = table.graph();
        this.runStart = info.startedAt();
        this.asOf = table.asOf();
        this.timeline = new Timeline(runStart, asOf, graph.size() + 1);
        this.work = new ArrayList<>(table.atoms());
        collect();
        addPreFlowGap();
    }

    Timeline timeline() {
        return timeline;
    }

    /** The work items by start, ties in node order. */
    List<WorkItem> work() {
        return inStartOrder(work, runStart, asOf);
    }

    /** The agent allocations by start. */
    List<AgentAllocation> agents() {
        sortIfNeeded(agents, Comparator.comparingLong(AgentAllocation::startedAt));
        return agents;
    }

    /** The lock acquisitions by start. */
    List<LockAcquisition> locks() {
        sortIfNeeded(locks, Comparator.comparingLong(LockAcquisition::startedAt));
        return locks;
    }

    /** The errors of the run, each where it arose, in the order they arose (at most {@link StepFailure#MAX_PER_RUN}). */
    List<StepFailure> failures() {
        return failures;
    }

    /** The run's {@code input} steps and what became of them, by start. */
    List<InputDecision> inputs() {
        return inputs;
    }

    private void collect() {
        for (int i : table.order()) {
            byte kind = table.kind(i);
            long from = table.start(i);
            long to = segmentEnd(i, from);
            StepBuilder step = scopes.stepOf(i);
            int owner = step == null ? -1 : step.slot;
            boolean rework = scopes.inRework(i);
            if (rework) {
                timeline.add(from, to, WaitCause.REWORK.ordinal(), owner);
                if (step != null) {
                    step.markRework();
                }
            } else {
                int cause = causeOf(i, kind);
                if (cause < 0 && table.marked(i, NodeTable.PAUSED)) {
                    addPausedSegments(owner, table.node(i), from, to);
                } else {
                    timeline.add(from, to, cause < 0 ? Timeline.WORKING : cause, owner);
                }
            }
            String function = table.function(i);
            // Work of a failed attempt is already counted as REWORK: it is no duplicate of the attempt that passed.
            if (!rework && kind == NodeTable.ATOM && function != null && !table.has(i, FunctionRoles.NOT_WORK)) {
                work.add(new WorkItem(function, table.normalizedArguments(i),
                        step == null ? StepPath.OUTSIDE : step.path, scopes.branchOf(i), from, to - from,
                        scopes.contextOf(i)));
            }
            if (kind == NodeTable.BLOCK_START && !scopes.isBody(i) && table.has(i, FunctionRoles.AGENT_BLOCK)) {
                agents.add(allocation(i, table.node(i), step, from));
            } else if (kind == NodeTable.BLOCK_START && !scopes.isBody(i) && table.has(i, FunctionRoles.LOCK)) {
                locks.add(acquisition(i, table.node(i), step, from));
            }
            if (table.marked(i, NodeTable.WARNED) && step != null) {
                step.warned = true;
            }
            boolean input = kind == NodeTable.ATOM && table.has(i, FunctionRoles.INPUT);
            if (input) {
                addInput(table.node(i), step, from, to);
            }
            if (kind == NodeTable.FLOW_END) {
                flowEndError = table.node(i).error();
            }
            if (table.marked(i, NodeTable.ERROR)) {
                // An input someone aborted is told as the input's decision, and the blocks its interruption travels
                // up through say no more; any other error of an input (the controller lost its agent) is a failure.
                GraphNode node = table.node(i);
                boolean decided = input && node.error() != null && node.error().startsWith(StepFailure.INTERRUPTED);
                addFailure(i, kind, node, step, kind == NodeTable.ATOM ? function : null, to, decided);
            }
        }
        if (failures.size() > 1) {
            failures.sort(Comparator.comparingLong(StepFailure::at));
        }
        markTheErrorTheRunEndedWith();
    }

    /**
     * The flow end carries the error the run ended with, if any: of the errors with that text, the last to arise
     * ended it (an earlier one of the same text was caught, or the run would have ended there).
     */
    private void markTheErrorTheRunEndedWith() {
        if (flowEndError == null) {
            return;
        }
        for (int f = failures.size() - 1; f >= 0; f--) {
            StepFailure failure = failures.get(f);
            if (failure.error().equals(flowEndError)) {
                failures.set(f, new StepFailure(failure.step(), failure.function(), failure.command(),
                        failure.error(), failure.at(), true));
                return;
            }
        }
    }

    /** The first line of a script step's script, cut to {@link StepFailure#MAX_COMMAND}; "" for other steps. */
    private static String command(GraphNode node, @Nullable String function) {
        String script = function != null && StepFunctions.SCRIPTS.contains(function)
                ? node.arguments().get("script") : null;
        return script == null || NOT_STORED.contains(script) ? ""
                : ArgumentText.firstLine(script, StepFailure.MAX_COMMAND);
    }

    /**
     * Keeps an error where it arose. Nodes come parents first, so the node that threw an error comes before the
     * blocks it travels up through, whose end nodes carry the same error: a block end (or the flow end) with the
     * text of an error that arose inside it passes that error on. The same text elsewhere is another error (a
     * second failed {@code retry} attempt, another {@code sh} that failed the same way after the first was caught).
     * The block's own function is not known at its end node; an error that a block raised itself (a
     * {@code timeout}) has none.
     *
     * @param hidden whether the error is told elsewhere (an input's interruption): only met, never kept
     */
    private void addFailure(int i, byte kind, GraphNode node, @Nullable StepBuilder step, @Nullable String function,
            long at, boolean hidden) {
        String error = node.error();
        if (error == null || passesOn(i, kind, error)) {
            return;
        }
        if (errorsMet == null) {
            errorsMet = new ArrayList<>(2);
        }
        if (errorsMet.size() < MAX_ERRORS_MET) {
            errorsMet.add(new MetError(i, error));
        }
        if (hidden || failures.size() >= StepFailure.MAX_PER_RUN) {
            return;
        }
        if (failures.isEmpty()) {
            failures = new ArrayList<>(2);
        }
        failures.add(new StepFailure(step == null ? StepPath.OUTSIDE : step.path, function == null ? "" : function,
                command(node, function), error, at, false));
    }

    /**
     * Whether the end node {@code i} carries on an error met inside its block: the flow end any error, and the ends
     * of a stage Declarative skipped after a failure (which record the failure that made it skip) any error met
     * before them.
     */
    private boolean passesOn(int i, byte kind, String error) {
        if (errorsMet == null || (kind != NodeTable.BLOCK_END && kind != NodeTable.FLOW_END)) {
            return false;
        }
        int blockStart = kind == NodeTable.BLOCK_END ? graph.blockStartIndex(i) : -1;
        boolean anywhere = kind == NodeTable.FLOW_END || skippedStage(blockStart);
        for (MetError met : errorsMet) {
            if (met.error().equals(error) && (anywhere || inside(met.node(), blockStart))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a block (its outer start or its body) is a stage that Declarative skipped. */
    private boolean skippedStage(int blockStart) {
        if (blockStart < 0) {
            return false;
        }
        String status = table.node(blockStart).tags().get(GraphNode.STAGE_STATUS);
        int body = status == null ? table.bodyOf(blockStart) : -1;
        if (body >= 0) {
            status = table.node(body).tags().get(GraphNode.STAGE_STATUS);
        }
        return status != null && status.startsWith("SKIPPED");
    }

    /** Whether node {@code i} is the block start {@code blockStart}, or lies (or its block lies) inside that block. */
    private boolean inside(int i, int blockStart) {
        if (blockStart < 0) {
            return false;
        }
        int at = table.kind(i) == NodeTable.BLOCK_END ? graph.blockStartIndex(i) : i;
        while (at >= 0) {
            if (at == blockStart) {
                return true;
            }
            at = scopes.enclosing(at);
        }
        return false;
    }

    /** What became of an {@code input}: an error on it is an abort, a pause still open is a wait, else approval. */
    private void addInput(GraphNode node, @Nullable StepBuilder step, long from, long to) {
        long waited = 0;
        boolean open = false;
        long decidedAt = to;
        for (Pause pause : node.pauses()) {
            long end = pause.endOr(asOf);
            waited += Math.max(0, end - pause.startMillis());
            open |= pause.endMillis() == null;
            decidedAt = end;
        }
        InputDecision.Decision decision;
        if (node.error() != null) {
            decision = InputDecision.Decision.ABORTED;
        } else if (open && node.decidedBy() == null) {
            decision = InputDecision.Decision.WAITING;
            decidedAt = from;
        } else {
            decision = InputDecision.Decision.APPROVED;
        }
        if (inputs.isEmpty()) {
            inputs = new ArrayList<>(1);
        }
        String message = node.arguments().getOrDefault("message", "");
        inputs.add(new InputDecision(step == null ? StepPath.OUTSIDE : step.path, message, decision,
                node.decidedBy(), decidedAt, waited));
    }

    /** A paused node waits for a person during its pauses (INPUT) and works the rest of its time. */
    private void addPausedSegments(int owner, GraphNode node, long from, long to) {
        long cursor = from;
        for (Pause pause : node.pauses()) {
            long pauseStart = Math.max(cursor, Math.min(pause.startMillis(), to));
            long pauseEnd = Math.max(pauseStart, Math.min(pause.endOr(asOf), to));
            if (pauseStart > cursor) {
                timeline.add(cursor, pauseStart, Timeline.WORKING, owner);
            }
            if (pauseEnd > pauseStart) {
                timeline.add(pauseStart, pauseEnd, WaitCause.INPUT.ordinal(), owner);
            }
            cursor = pauseEnd;
        }
        if (to > cursor) {
            timeline.add(cursor, to, Timeline.WORKING, owner);
        }
    }

    /**
     * A node lasts until the next node of its branch starts. A branch that ends in a {@code parallel} join stops
     * at its own end, except the one that finished last, whose time until the join is the join's overhead.
     */
    long segmentEnd(int i, long from) {
        int[] children = graph.childIndexes(i);
        if (children.length == 1) {
            // The common case: one child, which has no other parent.
            int child = children[0];
            if (table.isPlaced(child) && graph.parentIndexes(child).length <= 1) {
                return Math.max(from, table.start(child));
            }
        }
        long end = Long.MAX_VALUE;
        boolean any = false;
        for (int child : children) {
            if (!table.isPlaced(child)) {
                continue;
            }
            any = true;
            int[] parents = graph.parentIndexes(child);
            if (parents.length > 1 && lastParent(parents) != i) {
                end = Math.min(end, from);
            } else {
                end = Math.min(end, table.start(child));
            }
        }
        return Math.max(from, any ? end : asOf);
    }

    private int lastParent(int[] parents) {
        int best = -1;
        for (int parent : parents) {
            if (table.isPlaced(parent) && (best < 0 || table.start(parent) > table.start(best))) {
                best = parent;
            }
        }
        return best;
    }

    /** The wait cause of a node's own time ({@link WaitCause#ordinal()}), or {@code -1} where it works. */
    int causeOf(int i, byte kind) {
        if (kind == NodeTable.BLOCK_START) {
            if (scopes.isBody(i) || table.function(i) == null) {
                return -1;
            }
            if (table.has(i, FunctionRoles.AGENT_BLOCK)) {
                return WaitCause.AGENT.ordinal();
            }
            if (table.has(i, FunctionRoles.LOCK)) {
                return WaitCause.LOCK.ordinal();
            }
            return table.has(i, FunctionRoles.WAIT_UNTIL) ? WaitCause.SLEEP.ordinal() : -1;
        }
        if (kind == NodeTable.ATOM) {
            if (table.has(i, FunctionRoles.INPUT)) {
                return WaitCause.INPUT.ordinal();
            }
            return table.has(i, FunctionRoles.SLEEP_STEP) ? WaitCause.SLEEP.ordinal() : -1;
        }
        if (kind == NodeTable.BLOCK_END) {
            int ended = graph.blockStartIndex(i);
            int around = ended < 0 ? -1 : scopes.enclosing(ended);
            if (ended >= 0 && scopes.isBody(ended) && around >= 0 && table.has(around, FunctionRoles.WAIT_UNTIL)) {
                return WaitCause.SLEEP.ordinal(); // between two evaluations of a waitUntil condition
            }
            return WaitCause.GAP.ordinal();
        }
        return kind == NodeTable.FLOW_END ? WaitCause.GAP.ordinal() : -1;
    }

    private AgentAllocation allocation(int i, GraphNode outer, @Nullable StepBuilder step, long from) {
        long[] body = bodyTimes(i);
        String label = outer.arguments().get("label");
        if (label == null) {
            label = outer.arguments().getOrDefault("image", "");
        }
        return new AgentAllocation(label, step == null ? StepPath.OUTSIDE : step.path, from,
                Math.max(0, body[0] - from), Math.max(0, body[1] - body[0]));
    }

    private LockAcquisition acquisition(int i, GraphNode outer, @Nullable StepBuilder step, long from) {
        long[] body = bodyTimes(i);
        return new LockAcquisition(lockResource(outer.arguments()), step == null ? StepPath.OUTSIDE : step.path,
                from, Math.max(0, body[0] - from), Math.max(0, body[1] - body[0]));
    }

    /** When the body of the block whose outer start is {@code i} started and ended ({@link #asOf} where not). */
    private long[] bodyTimes(int i) {
        int bodyStart = table.bodyOf(i);
        long bodyFrom = bodyStart < 0 ? asOf : table.start(bodyStart);
        int bodyEnd = bodyStart < 0 ? -1 : table.endOf(bodyStart);
        long bodyTo = bodyEnd < 0 ? asOf : table.start(bodyEnd);
        return new long[] {bodyFrom, bodyTo};
    }

    /**
     * The resource a {@code lock} step asked for: its {@code resource} argument, else {@code label:} and its
     * {@code label} argument (any resource with that label), else {@code ""}. A value Jenkins did not keep (a
     * {@code NotStoredReason}) or {@code null} counts as not given.
     */
    static String lockResource(Map<String, String> arguments) {
        String resource = readable(arguments.get("resource"));
        if (resource != null) {
            return resource;
        }
        String label = readable(arguments.get("label"));
        return label != null ? LockAcquisition.LABEL_PREFIX + label : "";
    }

    private static @Nullable String readable(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.isEmpty() || trimmed.equals("null") || NOT_STORED.contains(trimmed)
                || trimmed.contains("NotStoredReason")) {
            return null;
        }
        return trimmed;
    }

    /** The run's time before its first flow node (loading the Pipeline) is controller overhead. */
    private void addPreFlowGap() {
        long first = table.firstStart();
        if (first > runStart) {
            timeline.add(runStart, first, WaitCause.GAP.ordinal(), -1);
        }
    }

    /**
     * Work items by start, ties in list order. Nodes of parallel branches interleave, so this usually sorts: by
     * packed (start, position) keys where they fit a long, which they do for items that start in {@code [from, to]}.
     */
    static List<WorkItem> inStartOrder(List<WorkItem> work, long from, long to) {
        int count = work.size();
        int positionBits = 32 - Integer.numberOfLeadingZeros(Math.max(count - 1, 1));
        int timeBits = 64 - Long.numberOfLeadingZeros(to - from);
        boolean inRun = true;
        boolean sorted = true;
        for (int i = 0; i < count; i++) {
            long startedAt = work.get(i).startedAt();
            inRun &= startedAt >= from && startedAt <= to;
            sorted &= i == 0 || work.get(i - 1).startedAt() <= startedAt;
        }
        if (sorted) {
            return work;
        }
        if (!inRun || timeBits + positionBits > 63) {
            work.sort(Comparator.comparingLong(WorkItem::startedAt));
            return work;
        }
        long[] keys = new long[count];
        for (int i = 0; i < count; i++) {
            keys[i] = (work.get(i).startedAt() - from) << positionBits | i;
        }
        TimeOrder.sortByHighBits(keys, count, positionBits, timeBits);
        List<WorkItem> ordered = new ArrayList<>(count);
        long positionMask = (1L << positionBits) - 1;
        for (long key : keys) {
            ordered.add(work.get((int) (key & positionMask)));
        }
        return ordered;
    }

    /** Nodes come mostly in time order already: checking is cheaper than sorting. */
    private static <T> void sortIfNeeded(List<T> list, Comparator<T> order) {
        for (int i = 1; i < list.size(); i++) {
            if (order.compare(list.get(i - 1), list.get(i)) > 0) {
                list.sort(order);
                return;
            }
        }
    }
}
