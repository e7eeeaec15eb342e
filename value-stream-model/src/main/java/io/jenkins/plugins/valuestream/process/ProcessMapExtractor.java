package io.jenkins.plugins.valuestream.process;

import io.jenkins.plugins.valuestream.graph.FlowGraph;
import io.jenkins.plugins.valuestream.graph.GraphNode;
import io.jenkins.plugins.valuestream.graph.NodeKind;
import io.jenkins.plugins.valuestream.graph.Pause;
import io.jenkins.plugins.valuestream.graph.RunInfo;
import io.jenkins.plugins.valuestream.graph.RunResult;
import io.jenkins.plugins.valuestream.graph.StepFunctions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Turns the flow graph of one run into its {@link ProcessMap}, implementing the definitions of docs/definitions.md.
 *
 * <p>How: every node is one segment of its branch's timeline, from its own start to the start of the node that
 * follows it (a node ends when the next one starts). The segment's state comes from the node: the outer block of a
 * {@code node} or {@code lock} waits until its body starts (AGENT, LOCK), {@code input} and other pauses wait for a
 * person (INPUT), {@code sleep}/{@code waitUntil} wait for time (SLEEP), the time after a block's end node is
 * controller overhead (GAP), everything inside a failed {@code retry} attempt is REWORK, and the rest is work. A
 * branch that has finished stops contributing until its {@code parallel} joins, except the last one to finish. Each
 * segment belongs to the innermost process-map step it ran in, and {@link Timeline} splits the run and every step
 * over their segments in one sweep.
 *
 * <p>Stateless and thread-safe.
 */
public final class ProcessMapExtractor {

    /** The tag values that Declarative writes on a stage it skipped. */
    private static final Set<String> SKIPPED_STATUSES = Set.of("SKIPPED_FOR_CONDITIONAL", "SKIPPED_FOR_FAILURE",
            "SKIPPED_FOR_UNSTABLE", "SKIPPED_FOR_RESTART");

    /** What a step function means to the extraction, as bits: one map lookup per node instead of several. */
    private static final int AGENT_BLOCK = 1;
    private static final int NOT_WORK = 1 << 1;
    private static final int SLEEP_STEP = 1 << 2;
    private static final int INPUT = 1 << 3;
    private static final int LOCK = 1 << 4;
    private static final int WAIT_UNTIL = 1 << 5;
    private static final int RETRY = 1 << 6;
    private static final int PARALLEL = 1 << 7;
    private static final int STAGE = 1 << 8;
    private static final int PROCESS_STEP = 1 << 9;
    private static final int CONTEXT = 1 << 10;
    private static final Map<String, Integer> ROLES = roles();

    /** What {@link #readNodes} notes of each node besides its kind and role. */
    /** How Declarative names the parallel branch of a matrix cell: {@code Matrix - JDK = '17'}. */
    private static final String MATRIX_CELL_PREFIX = "Matrix - ";

    private static final byte BODY = 1;
    private static final byte PAUSED = 1 << 1;
    private static final byte WARNED = 1 << 2;
    private static final byte ERROR = 1 << 3;

    private static final byte ATOM_KIND = (byte) NodeKind.ATOM.ordinal();
    private static final byte BLOCK_START_KIND = (byte) NodeKind.BLOCK_START.ordinal();
    private static final byte BLOCK_END_KIND = (byte) NodeKind.BLOCK_END.ordinal();
    private static final byte FLOW_END_KIND = (byte) NodeKind.FLOW_END.ordinal();

    private ProcessMapExtractor() {
    }

    private static Map<String, Integer> roles() {
        Map<String, Integer> roles = new HashMap<>();
        StepFunctions.AGENT_BLOCKS.forEach(function -> roles.merge(function, AGENT_BLOCK, (a, b) -> a | b));
        StepFunctions.NOT_WORK.forEach(function -> roles.merge(function, NOT_WORK, (a, b) -> a | b));
        StepFunctions.SLEEP_STEPS.forEach(function -> roles.merge(function, SLEEP_STEP, (a, b) -> a | b));
        roles.merge(StepFunctions.INPUT, INPUT, (a, b) -> a | b);
        roles.merge(StepFunctions.LOCK, LOCK, (a, b) -> a | b);
        roles.merge(StepFunctions.WAIT_UNTIL, WAIT_UNTIL, (a, b) -> a | b);
        roles.merge(StepFunctions.RETRY, RETRY, (a, b) -> a | b);
        roles.merge(StepFunctions.PARALLEL, PARALLEL, (a, b) -> a | b);
        roles.merge(StepFunctions.STAGE, STAGE, (a, b) -> a | b);
        roles.merge(StepFunctions.PROCESS_STEP, PROCESS_STEP, (a, b) -> a | b);
        StepFunctions.CONTEXT_BLOCKS.forEach(function -> roles.merge(function, CONTEXT, (a, b) -> a | b));
        return Map.copyOf(roles);
    }

    /**
     * Extracts the process map of a run.
     *
     * @param info what is known of the run
     * @param graph its flow graph (possibly empty, for a run whose flow has not started)
     * @param now the current time, used for a run still in progress (open blocks and pauses end "now")
     */
    public static ProcessMap extract(RunInfo info, FlowGraph graph, long now) {
        return new Extraction(info, graph, now).run();
    }

    /** The working state of one extraction; nodes are addressed by their position in the graph. */
    private static final class Extraction {
        private final RunInfo info;
        private final FlowGraph graph;
        private final List<GraphNode> nodes;
        private final long asOf;
        private final List<String> notes = new ArrayList<>();

        /** Positions in an order where parents come first; cyclic leftovers dropped. */
        private int[] order;
        private int ordered;
        private final long[] start;
        private final boolean[] placed;
        /** Each node's {@link NodeKind} ordinal, role bits, function and flags, read once. */
        private final byte[] kinds;
        private final int[] roles;
        private final @Nullable String[] functions;
        private final byte[] flags;
        /** Innermost enclosing block start of each node, or -1 at top level. */
        private final int[] enclosing;
        private final boolean[] isBody;
        /** Block start → its end node, or -1. */
        private final int[] endOf;
        /** Block start → whether everything under it is rework (a failed retry attempt, or inside one). */
        private final boolean[] reworkScope;
        /** Block start → the step it defines. */
        private final StepBuilder[] stepAt;
        /** Block start → the innermost step at or around it. */
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
        private final Timeline timeline;
        /** The roles of the functions met so far: a graph has few, each node names one. */
        private final @Nullable String[] knownFunctions = new String[64];
        private final int[] knownRoles = new int[64];
        /** Normalized arguments by arguments: the same work often recurs in one run (each branch, each attempt). */
        private final Map<Map<String, String>, String> normalizedArguments = new HashMap<>();
        /** How many atom nodes there are: the most work items there can be. */
        private int atoms;

        Extraction(RunInfo info, FlowGraph graph, long now) {
            this.info = info;
            this.graph = graph;
            this.nodes = graph.nodes();
            int size = nodes.size();
            this.asOf = info.completedAt() != null ? info.completedAt() : Math.max(now, info.startedAt());
            this.order = new int[size];
            this.start = new long[size];
            this.placed = new boolean[size];
            this.kinds = new byte[size];
            this.roles = new int[size];
            this.functions = new String[size];
            this.flags = new byte[size];
            this.enclosing = new int[size];
            this.isBody = new boolean[size];
            this.endOf = new int[size];
            this.reworkScope = new boolean[size];
            this.stepAt = new StepBuilder[size];
            this.stepScope = new StepBuilder[size];
            this.branchScope = new String[size];
            this.contextScope = new WorkContext[size];
            this.timeline = new Timeline(info.startedAt(), asOf, size + 1);
            java.util.Arrays.fill(enclosing, -1);
            java.util.Arrays.fill(endOf, -1);
        }

        ProcessMap run() {
            sortTopologically();
            readNodes();
            buildStructure();
            List<WorkItem> work = new ArrayList<>(atoms);
            List<AgentAllocation> agents = new ArrayList<>();
            collectSegments(work, agents);
            addPreFlowGap();

            long[] outside = outsideRegion();
            Timeline.Result splits = sweep(outside);
            long[] scratch = new long[WaitCause.values().length];
            List<ProcessStep> result = new ArrayList<>(steps.size() + 1);
            Map<StepPath, Integer> occurrences = new HashMap<>();
            steps.sort(Comparator.comparingLong((StepBuilder s) -> s.from).thenComparingInt(s -> s.order));
            for (StepBuilder step : steps) {
                int occurrence = occurrences.merge(step.path, 1, Integer::sum) - 1;
                result.add(step.finish(occurrence, splits, scratch));
            }

            Timeline.Split run = splits.run();
            long outsideElapsed = 0;
            for (int i = 0; i < outside.length; i += 2) {
                outsideElapsed += outside[i + 1] - outside[i];
            }
            if (outsideElapsed > 0) {
                Timeline.Split rest = splits.outside();
                result.add(new ProcessStep(StepPath.OUTSIDE, 0, StepKind.OUTSIDE, runStepResult(), outside[0],
                        outsideElapsed, rest.process(), WaitBreakdown.ofArray(rest.waits(), Set.of()),
                        rest.effort(), true, null, null));
            }

            long[] runWaits = run.waits().clone();
            Long queue = info.queueMillis();
            Set<WaitCause> unknown = EnumSet.noneOf(WaitCause.class);
            if (queue == null) {
                unknown.add(WaitCause.QUEUE);
            } else {
                runWaits[WaitCause.QUEUE.ordinal()] += queue;
            }
            work = inStartOrder(work);
            sortIfNeeded(agents, Comparator.comparingLong(AgentAllocation::startedAt));
            return new ProcessMap(info.number(), info.result(), info.queuedAt(), info.startedAt(),
                    info.completedAt(), asOf, run.process(), WaitBreakdown.ofArray(runWaits, unknown), result, work,
                    agents, notes);
        }

        private String normalized(Map<String, String> arguments) {
            return arguments.isEmpty() ? ""
                    : normalizedArguments.computeIfAbsent(arguments, ProcessMapExtractor::normalizedArguments);
        }

        private int roleOf(String function) {
            int slot = function.hashCode() & (knownFunctions.length - 1);
            String known = knownFunctions[slot];
            if (known == function || function.equals(known)) {
                return knownRoles[slot];
            }
            Integer role = ROLES.get(function);
            knownFunctions[slot] = function;
            knownRoles[slot] = role == null ? 0 : role;
            return knownRoles[slot];
        }

        /** Splits the run, the outside region and every step (by its slot) in one sweep. */
        private Timeline.Result sweep(long[] outside) {
            int count = steps.size();
            long[] from = new long[count];
            long[] to = new long[count];
            int[] parent = new int[count];
            for (StepBuilder step : steps) {
                from[step.slot] = step.from;
                to[step.slot] = step.to;
                parent[step.slot] = step.parent == null ? -1 : step.parent.slot;
            }
            return timeline.sweep(from, to, parent, outside);
        }

        /**
         * The work items by start, ties in node order. Nodes of parallel branches interleave, so this usually sorts:
         * by packed (start, position) keys where they fit a long.
         */
        private List<WorkItem> inStartOrder(List<WorkItem> work) {
            int count = work.size();
            int positionBits = 32 - Integer.numberOfLeadingZeros(Math.max(count - 1, 1));
            int timeBits = 64 - Long.numberOfLeadingZeros(asOf - info.startedAt());
            boolean inRun = true;
            boolean sorted = true;
            for (int i = 0; i < count; i++) {
                long startedAt = work.get(i).startedAt();
                inRun &= startedAt >= info.startedAt() && startedAt <= asOf;
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
                keys[i] = (work.get(i).startedAt() - info.startedAt()) << positionBits | i;
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

        // --- structure -------------------------------------------------------------------------------------------

        /**
         * Parents first. Readers give nodes in ascending id order, which already is such an order; otherwise Kahn's
         * algorithm in graph order, so that a corrupt (cyclic) graph cannot loop forever.
         */
        private void sortTopologically() {
            int size = nodes.size();
            boolean sorted = true;
            for (int i = 0; i < size && sorted; i++) {
                for (int parent : graph.parentIndexes(i)) {
                    if (parent >= i) {
                        sorted = false;
                        break;
                    }
                }
            }
            if (sorted) {
                for (int i = 0; i < size; i++) {
                    order[i] = i;
                }
                ordered = size;
                markPlaced();
                return;
            }
            int[] pending = new int[size];
            ArrayDeque<Integer> ready = new ArrayDeque<>();
            for (int i = 0; i < size; i++) {
                for (int parent : graph.parentIndexes(i)) {
                    if (parent != i) {
                        pending[i]++;
                    }
                }
                if (pending[i] == 0) {
                    ready.add(i);
                }
            }
            while (!ready.isEmpty()) {
                int node = ready.poll();
                order[ordered++] = node;
                for (int child : graph.childIndexes(node)) {
                    if (child != node && --pending[child] == 0) {
                        ready.add(child);
                    }
                }
            }
            if (ordered < size) {
                notes.add((size - ordered) + " flow nodes form a cycle and were left out (the flow graph is corrupt)");
            }
            markPlaced();
        }

        private void markPlaced() {
            for (int k = 0; k < ordered; k++) {
                placed[order[k]] = true;
            }
        }

        /**
         * Reads what the extraction needs of every node once: kind, role, function, flags, and the start, clamped into
         * the run (a node without a time starts with its latest parent); and which end node closes each block.
         */
        private void readNodes() {
            for (int k = 0; k < ordered; k++) {
                int i = order[k];
                GraphNode node = nodes.get(i);
                byte kind = (byte) node.kind().ordinal();
                kinds[i] = kind;
                if (kind == ATOM_KIND) {
                    atoms++;
                }
                String function = node.function();
                functions[i] = function;
                if (function != null) {
                    roles[i] = roleOf(function);
                }
                flags[i] = (byte) ((node.body() ? BODY : 0) | (node.pauses().isEmpty() ? 0 : PAUSED)
                        | (node.warning() == null ? 0 : WARNED) | (node.error() == null ? 0 : ERROR));
                if (kind == BLOCK_END_KIND) {
                    int startIndex = graph.blockStartIndex(i);
                    if (startIndex >= 0) {
                        endOf[startIndex] = i;
                    }
                }
                Long own = node.startMillis();
                long value;
                if (own != null) {
                    value = own;
                } else {
                    value = info.startedAt();
                    for (int parent : graph.parentIndexes(i)) {
                        if (placed[parent]) {
                            value = Math.max(value, start[parent]);
                        }
                    }
                }
                start[i] = Math.min(Math.max(value, info.startedAt()), asOf);
            }
        }

        private void buildStructure() {
            int index = 0;
            for (int k = 0; k < ordered; k++) {
                int i = order[k];
                int encl = enclosingOf(i);
                enclosing[i] = encl;
                if (kinds[i] != BLOCK_START_KIND) {
                    continue;
                }
                String function = functions[i];
                boolean body = (flags[i] & BODY) != 0 || (encl >= 0 && !isBody[encl] && function != null
                        && function.equals(functions[encl]));
                isBody[i] = body;
                boolean failedAttempt = body && encl >= 0 && (roles[encl] & RETRY) != 0 && failed(i);
                reworkScope[i] = failedAttempt || (encl >= 0 && reworkScope[encl]);
                boolean branch = body && encl >= 0 && (roles[encl] & PARALLEL) != 0;
                branchScope[i] = branch ? branchName(nodes.get(i)) : encl < 0 ? "" : branchScope[encl];
                scopeContext(i, body, branch, encl);

                StepBuilder parent = encl < 0 ? null : stepScope[encl];
                StepBuilder defined = defineStep(i, body, encl, parent, index++);
                stepScope[i] = defined != null ? defined : parent;
                if (defined != null) {
                    stepAt[i] = defined;
                    steps.add(defined);
                }
            }
        }

        /**
         * The agent and the environment that the block's contents run in: a new agent for an agent block, one more
         * context for a context block ({@code withEnv}, {@code dir}, ...) or a Declarative matrix cell, whose axes are
         * its environment whatever the steps that set them.
         */
        private void scopeContext(int i, boolean body, boolean branch, int encl) {
            WorkContext outer = encl < 0 ? WorkContext.NONE : contextScope[encl];
            GraphNode node = nodes.get(i);
            if (!body && (roles[i] & AGENT_BLOCK) != 0) {
                String label = node.arguments().getOrDefault("label", node.arguments().getOrDefault("image", ""));
                contextScope[i] = outer.onAgent("#" + ++allocations + (label.isEmpty() ? "" : " " + label));
            } else if (!body && (roles[i] & CONTEXT) != 0) {
                contextScope[i] = new WorkContext(outer.agent(), withContext(outer.environment(),
                        StepFunctions.displayName(functions[i]) + "(" + normalized(node.arguments()) + ")"));
            } else if (branch && branchScope[i].startsWith(MATRIX_CELL_PREFIX)) {
                contextScope[i] = new WorkContext(outer.agent(), withContext(outer.environment(), branchScope[i]));
            } else {
                contextScope[i] = outer;
            }
        }

        private static String withContext(String outer, String inner) {
            return outer.isEmpty() ? inner : outer + "; " + inner;
        }

        private WorkContext contextOf(int i) {
            int encl = enclosing[i];
            return encl < 0 ? WorkContext.NONE : contextScope[encl];
        }

        private int enclosingOf(int i) {
            if (kinds[i] == BLOCK_END_KIND) {
                int startIndex = graph.blockStartIndex(i);
                if (startIndex >= 0 && placed[startIndex]) {
                    return enclosing[startIndex];
                }
            }
            int[] parents = graph.parentIndexes(i);
            if (parents.length == 0 || !placed[parents[0]]) {
                return -1;
            }
            int parent = parents[0];
            return kinds[parent] == BLOCK_START_KIND ? parent : enclosing[parent];
        }

        private boolean failed(int blockStart) {
            int end = endOf[blockStart];
            return end >= 0 && (flags[end] & ERROR) != 0;
        }

        private static String branchName(GraphNode body) {
            if (body.branchName() != null) {
                return body.branchName();
            }
            return body.label() != null ? body.label() : "branch " + body.id();
        }

        /** The step a block start defines, if any: a stage, a parallel branch, a processStep. */
        private @Nullable StepBuilder defineStep(int i, boolean body, int encl, @Nullable StepBuilder parent,
                int index) {
            StepKind kind;
            String name;
            int role = roles[i];
            if (!body && (role & STAGE) != 0) {
                kind = StepKind.STAGE;
                name = stageName(i, nodes.get(i));
            } else if (!body && (role & PROCESS_STEP) != 0) {
                GraphNode node = nodes.get(i);
                kind = StepKind.PROCESS_STEP;
                name = node.arguments().getOrDefault("name", node.label() != null ? node.label() : "processStep");
            } else if (body && encl >= 0 && (roles[encl] & PARALLEL) != 0) {
                GraphNode node = nodes.get(i);
                if (isDeclarativeBranch(i, node)) {
                    return null;
                }
                kind = StepKind.BRANCH;
                name = branchName(node);
            } else {
                return null;
            }
            StepPath path = parent == null ? StepPath.of(name) : parent.path.child(name);
            StepBuilder step = new StepBuilder(path, kind, i, endOf[i], parent, index, steps.size());
            step.parallelGroup = parallelGroupOf(kind, encl, parent);
            return step;
        }

        private String stageName(int i, GraphNode outer) {
            String name = outer.arguments().get("name");
            if (name != null) {
                return name;
            }
            for (int child : graph.childIndexes(i)) {
                GraphNode node = nodes.get(child);
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
                GraphNode node = nodes.get(child);
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
                return encl < 0 ? null : nodes.get(encl).id();
            }
            int cursor = encl;
            while (cursor >= 0 && (parent == null || cursor != parent.startIndex)) {
                int up = enclosing[cursor];
                if (isBody[cursor] && up >= 0 && (roles[up] & PARALLEL) != 0) {
                    return nodes.get(up).id();
                }
                cursor = up;
            }
            return null;
        }

        // --- segments --------------------------------------------------------------------------------------------

        private void collectSegments(List<WorkItem> work, List<AgentAllocation> agents) {
            for (int k = 0; k < ordered; k++) {
                int i = order[k];
                byte kind = kinds[i];
                long from = start[i];
                long to = segmentEnd(i, from);
                StepBuilder step = stepOf(i);
                int owner = step == null ? -1 : step.slot;
                boolean rework = inRework(i, kind);
                if (rework) {
                    timeline.add(from, to, WaitCause.REWORK.ordinal(), owner);
                    if (step != null) {
                        step.markRework();
                    }
                } else {
                    int cause = causeOf(i, kind);
                    if (cause < 0 && (flags[i] & PAUSED) != 0) {
                        addPausedSegments(owner, nodes.get(i), from, to);
                    } else {
                        timeline.add(from, to, cause < 0 ? Timeline.WORKING : cause, owner);
                    }
                }
                String function = functions[i];
                // Work of a failed attempt is already counted as REWORK: it is no duplicate of the attempt that passed.
                if (!rework && kind == ATOM_KIND && function != null && (roles[i] & NOT_WORK) == 0) {
                    work.add(new WorkItem(function, normalized(nodes.get(i).arguments()),
                            step == null ? StepPath.OUTSIDE : step.path, branchOf(i), from, to - from,
                            contextOf(i)));
                }
                if (kind == BLOCK_START_KIND && !isBody[i] && (roles[i] & AGENT_BLOCK) != 0) {
                    agents.add(allocation(i, nodes.get(i), step, from));
                }
                if ((flags[i] & WARNED) != 0 && step != null) {
                    step.warned = true;
                }
            }
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
        private long segmentEnd(int i, long from) {
            int[] children = graph.childIndexes(i);
            if (children.length == 1) {
                // The common case: one child, which has no other parent.
                int child = children[0];
                if (placed[child] && graph.parentIndexes(child).length <= 1) {
                    return Math.max(from, start[child]);
                }
            }
            long end = Long.MAX_VALUE;
            boolean any = false;
            for (int child : children) {
                if (!placed[child]) {
                    continue;
                }
                any = true;
                int[] parents = graph.parentIndexes(child);
                if (parents.length > 1 && lastParent(parents) != i) {
                    end = Math.min(end, from);
                } else {
                    end = Math.min(end, start[child]);
                }
            }
            return Math.max(from, any ? end : asOf);
        }

        private int lastParent(int[] parents) {
            int best = -1;
            for (int parent : parents) {
                if (placed[parent] && (best < 0 || start[parent] > start[best])) {
                    best = parent;
                }
            }
            return best;
        }

        /** The wait cause of a node's own time ({@link WaitCause#ordinal()}), or {@code -1} where it works. */
        private int causeOf(int i, byte kind) {
            if (kind == BLOCK_START_KIND) {
                int role = roles[i];
                if (isBody[i] || functions[i] == null) {
                    return -1;
                }
                if ((role & AGENT_BLOCK) != 0) {
                    return WaitCause.AGENT.ordinal();
                }
                if ((role & LOCK) != 0) {
                    return WaitCause.LOCK.ordinal();
                }
                return (role & WAIT_UNTIL) != 0 ? WaitCause.SLEEP.ordinal() : -1;
            }
            if (kind == ATOM_KIND) {
                int role = roles[i];
                if ((role & INPUT) != 0) {
                    return WaitCause.INPUT.ordinal();
                }
                return (role & SLEEP_STEP) != 0 ? WaitCause.SLEEP.ordinal() : -1;
            }
            if (kind == BLOCK_END_KIND) {
                int ended = graph.blockStartIndex(i);
                int around = ended < 0 ? -1 : enclosing[ended];
                if (ended >= 0 && isBody[ended] && around >= 0 && (roles[around] & WAIT_UNTIL) != 0) {
                    return WaitCause.SLEEP.ordinal(); // between two evaluations of a waitUntil condition
                }
                return WaitCause.GAP.ordinal();
            }
            return kind == FLOW_END_KIND ? WaitCause.GAP.ordinal() : -1;
        }

        private boolean inRework(int i, byte kind) {
            if (kind == BLOCK_START_KIND) {
                return reworkScope[i];
            }
            int encl = enclosing[i];
            return encl >= 0 && reworkScope[encl];
        }

        private @Nullable StepBuilder stepOf(int i) {
            StepBuilder own = stepAt[i];
            if (own != null) {
                return own;
            }
            int encl = enclosing[i];
            return encl < 0 ? null : stepScope[encl];
        }

        private String branchOf(int i) {
            int encl = enclosing[i];
            return encl < 0 ? "" : branchScope[encl];
        }

        private AgentAllocation allocation(int i, GraphNode outer, @Nullable StepBuilder step, long from) {
            int bodyStart = -1;
            for (int child : graph.childIndexes(i)) {
                if (placed[child] && nodes.get(child).kind() == NodeKind.BLOCK_START) {
                    bodyStart = child;
                    break;
                }
            }
            long bodyFrom = bodyStart < 0 ? asOf : start[bodyStart];
            int bodyEnd = bodyStart < 0 ? -1 : endOf[bodyStart];
            long bodyTo = bodyEnd < 0 ? asOf : start[bodyEnd];
            String label = outer.arguments().get("label");
            if (label == null) {
                label = outer.arguments().getOrDefault("image", "");
            }
            return new AgentAllocation(label, step == null ? StepPath.OUTSIDE : step.path, from,
                    Math.max(0, bodyFrom - from), Math.max(0, bodyTo - bodyFrom));
        }

        /** The run's time before its first flow node (loading the Pipeline) is controller overhead. */
        private void addPreFlowGap() {
            long first = asOf;
            for (int k = 0; k < ordered; k++) {
                first = Math.min(first, start[order[k]]);
            }
            if (first > info.startedAt()) {
                timeline.add(info.startedAt(), first, WaitCause.GAP.ordinal(), -1);
            }
        }

        /** The instants of the run outside every top-level step, as ascending disjoint intervals. */
        private long[] outsideRegion() {
            List<long[]> covered = new ArrayList<>();
            for (StepBuilder step : steps) {
                if (step.parent == null && step.to > step.from) {
                    covered.add(new long[] {step.from, step.to});
                }
            }
            covered.sort(Comparator.comparingLong(a -> a[0]));
            long[] region = new long[2 * covered.size() + 2];
            int count = 0;
            long cursor = info.startedAt();
            for (long[] interval : covered) {
                if (interval[0] > cursor) {
                    region[count++] = cursor;
                    region[count++] = interval[0];
                }
                cursor = Math.max(cursor, interval[1]);
            }
            if (asOf > cursor) {
                region[count++] = cursor;
                region[count++] = asOf;
            }
            return java.util.Arrays.copyOf(region, count);
        }

        private StepResult runStepResult() {
            if (info.running()) {
                return StepResult.RUNNING;
            }
            RunResult result = info.result();
            if (result == null) {
                return StepResult.SUCCESS;
            }
            return switch (result) {
                case SUCCESS -> StepResult.SUCCESS;
                case UNSTABLE -> StepResult.UNSTABLE;
                case FAILURE -> StepResult.FAILURE;
                case ABORTED -> StepResult.ABORTED;
                case NOT_BUILT -> StepResult.SKIPPED;
            };
        }

        /** One step being built. */
        private final class StepBuilder {
            final StepPath path;
            final StepKind kind;
            final int startIndex;
            final int endIndex;
            final @Nullable StepBuilder parent;
            final int order;
            final long from;
            final long to;
            /** Its position in {@code steps} when it was defined: its owner index in the timeline. */
            final int slot;
            @Nullable String parallelGroup;
            boolean rework;
            boolean warned;

            StepBuilder(StepPath path, StepKind kind, int startIndex, int endIndex, @Nullable StepBuilder parent,
                    int order, int slot) {
                this.slot = slot;
                this.path = path;
                this.kind = kind;
                this.startIndex = startIndex;
                this.endIndex = endIndex;
                this.parent = parent;
                this.order = order;
                this.from = start[startIndex];
                this.to = endIndex < 0 ? asOf : Math.max(from, start[endIndex]);
            }

            void markRework() {
                for (StepBuilder s = this; s != null && !s.rework; s = s.parent) {
                    s.rework = true;
                }
            }

            /** The step, its times from the sweep ({@code scratch} is for the waits, which are copied). */
            ProcessStep finish(int occurrence, Timeline.Result splits, long[] scratch) {
                StepResult result = result();
                return new ProcessStep(path, occurrence, kind, result, from, to - from, splits.process(slot),
                        WaitBreakdown.ofArray(splits.waits(slot, scratch), Set.of()), splits.effort(slot),
                        !rework && result == StepResult.SUCCESS, nodes.get(startIndex).id(), parallelGroup);
            }

            private StepResult result() {
                String status = statusTag();
                if (status != null && SKIPPED_STATUSES.contains(status)) {
                    return StepResult.SKIPPED;
                }
                if (endIndex < 0) {
                    return info.running() ? StepResult.RUNNING : runStepResult();
                }
                String error = nodes.get(endIndex).error();
                int body = bodyOf();
                if (error == null && body >= 0 && endOf[body] >= 0) {
                    error = nodes.get(endOf[body]).error();
                }
                if (error != null) {
                    return error.contains("FlowInterruptedException") ? StepResult.ABORTED : StepResult.FAILURE;
                }
                if ("FAILED_AND_CONTINUED".equals(status)) {
                    return StepResult.FAILURE;
                }
                if (warned || "UNSTABLE".equals(status)) {
                    return StepResult.UNSTABLE;
                }
                return StepResult.SUCCESS;
            }

            private @Nullable String statusTag() {
                String tag = nodes.get(startIndex).tags().get(GraphNode.STAGE_STATUS);
                if (tag != null) {
                    return tag;
                }
                int body = bodyOf();
                return body < 0 ? null : nodes.get(body).tags().get(GraphNode.STAGE_STATUS);
            }

            private int bodyOf() {
                if (kind == StepKind.BRANCH) {
                    return -1;
                }
                for (int child : graph.childIndexes(startIndex)) {
                    if (placed[child] && nodes.get(child).kind() == NodeKind.BLOCK_START) {
                        return child;
                    }
                }
                return -1;
            }
        }
    }

    /**
     * Arguments as one deterministic string: sorted {@code key=value} pairs, whitespace collapsed, so that the same
     * work written twice compares equal.
     */
    public static String normalizedArguments(Map<String, String> arguments) {
        if (arguments.isEmpty()) {
            return "";
        }
        if (arguments.size() == 1) {
            Map.Entry<String, String> only = arguments.entrySet().iterator().next();
            String value = only.getValue();
            if (isCollapsed(value)) {
                return only.getKey() + "=" + value;
            }
        }
        StringBuilder out = new StringBuilder();
        Iterable<Map.Entry<String, String>> entries = arguments.size() == 1 ? arguments.entrySet()
                : new TreeMap<>(arguments).entrySet();
        for (Map.Entry<String, String> entry : entries) {
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(entry.getKey()).append('=');
            appendCollapsed(out, entry.getValue());
        }
        return out.toString();
    }

    /** Whether the text has no leading or trailing whitespace and no whitespace but single spaces. */
    private static boolean isCollapsed(String text) {
        int length = text.length();
        if (length > 0 && (Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(length - 1)))) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c > ' ' && c < 0x80) {
                continue; // printable ASCII: never whitespace
            }
            if (c == ' ' ? text.charAt(i + 1) == ' ' : Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }

    /** Appends the text with leading and trailing whitespace dropped and inner runs of whitespace made one space. */
    private static void appendCollapsed(StringBuilder out, String text) {
        boolean pendingSpace = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                pendingSpace = any;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
                any = true;
            }
        }
    }
}
