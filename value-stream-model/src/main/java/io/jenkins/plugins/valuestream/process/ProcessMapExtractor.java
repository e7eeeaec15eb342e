package io.jenkins.plugins.valuestream.process;

import io.jenkins.plugins.valuestream.graph.FlowGraph;
import io.jenkins.plugins.valuestream.graph.GraphNode;
import io.jenkins.plugins.valuestream.graph.NodeKind;
import io.jenkins.plugins.valuestream.graph.Pause;
import io.jenkins.plugins.valuestream.graph.RunInfo;
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
 * Turns the flow graph of one run into its {@link ProcessMap}, implementing the definitions of DESIGN.md §4.
 *
 * <p>How: every node is one segment of its branch's timeline, from its own start to the start of the node that
 * follows it (a node ends when the next one starts). The segment's state comes from the node: the outer block of a
 * {@code node} or {@code lock} waits until its body starts (AGENT, LOCK), {@code input} and other pauses wait for a
 * person (INPUT), {@code sleep}/{@code waitUntil} wait for time (SLEEP), the time after a block's end node is
 * controller overhead (GAP), everything inside a failed {@code retry} attempt is REWORK, and the rest is work. A
 * branch that has finished stops contributing until its {@code parallel} joins, except the last one to finish. Each
 * process-map step then splits its own interval with {@link Timeline} over the segments of the nodes inside it.
 *
 * <p>Stateless and thread-safe.
 */
public final class ProcessMapExtractor {

    /** The tag values that Declarative writes on a stage it skipped. */
    private static final Set<String> SKIPPED_STATUSES = Set.of("SKIPPED_FOR_CONDITIONAL", "SKIPPED_FOR_FAILURE",
            "SKIPPED_FOR_UNSTABLE", "SKIPPED_FOR_RESTART");

    private ProcessMapExtractor() {
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
        private final List<StepBuilder> steps = new ArrayList<>();
        private final Timeline.Segments allSegments = new Timeline.Segments();

        Extraction(RunInfo info, FlowGraph graph, long now) {
            this.info = info;
            this.graph = graph;
            this.nodes = graph.nodes();
            int size = nodes.size();
            this.asOf = info.completedAt() != null ? info.completedAt() : Math.max(now, info.startedAt());
            this.order = new int[size];
            this.start = new long[size];
            this.placed = new boolean[size];
            this.enclosing = new int[size];
            this.isBody = new boolean[size];
            this.endOf = new int[size];
            this.reworkScope = new boolean[size];
            this.stepAt = new StepBuilder[size];
            this.stepScope = new StepBuilder[size];
            this.branchScope = new String[size];
            java.util.Arrays.fill(enclosing, -1);
            java.util.Arrays.fill(endOf, -1);
        }

        ProcessMap run() {
            sortTopologically();
            assignTimes();
            buildStructure();
            List<WorkItem> work = new ArrayList<>();
            List<AgentAllocation> agents = new ArrayList<>();
            collectSegments(work, agents);
            addPreFlowGap();

            List<ProcessStep> result = new ArrayList<>(steps.size() + 1);
            Map<StepPath, Integer> occurrences = new HashMap<>();
            steps.sort(Comparator.comparingLong((StepBuilder s) -> s.from).thenComparingInt(s -> s.order));
            for (StepBuilder step : steps) {
                int occurrence = occurrences.merge(step.path, 1, Integer::sum) - 1;
                result.add(step.finish(occurrence));
            }

            long[] whole = {info.startedAt(), asOf};
            long[] outside = outsideRegion();
            Timeline.Split[] splits = Timeline.split(allSegments, whole, outside);
            Timeline.Split run = splits[0];
            long outsideElapsed = 0;
            for (int i = 0; i < outside.length; i += 2) {
                outsideElapsed += outside[i + 1] - outside[i];
            }
            if (outsideElapsed > 0) {
                Timeline.Split rest = splits[1];
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
            sortIfNeeded(work, Comparator.comparingLong(WorkItem::startedAt));
            sortIfNeeded(agents, Comparator.comparingLong(AgentAllocation::startedAt));
            return new ProcessMap(info.number(), info.result(), info.queuedAt(), info.startedAt(),
                    info.completedAt(), asOf, run.process(), WaitBreakdown.ofArray(runWaits, unknown), result, work,
                    agents, notes);
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
        }

        /** Node starts, clamped into the run; a node without a time starts with its latest parent. */
        private void assignTimes() {
            for (int k = 0; k < ordered; k++) {
                int i = order[k];
                placed[i] = true;
                Long own = nodes.get(i).startMillis();
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
            for (int k = 0; k < ordered; k++) {
                int i = order[k];
                GraphNode node = nodes.get(i);
                if (node.kind() == NodeKind.BLOCK_END) {
                    int startIndex = graph.blockStartIndex(i);
                    if (startIndex >= 0) {
                        endOf[startIndex] = i;
                    }
                }
            }
            int index = 0;
            for (int k = 0; k < ordered; k++) {
                int i = order[k];
                GraphNode node = nodes.get(i);
                int encl = enclosingOf(i, node);
                enclosing[i] = encl;
                if (node.kind() != NodeKind.BLOCK_START) {
                    continue;
                }
                GraphNode around = encl < 0 ? null : nodes.get(encl);
                boolean body = node.body() || (around != null && !isBody[encl] && node.function() != null
                        && node.function().equals(around.function()));
                isBody[i] = body;
                boolean failedAttempt = body && around != null && around.is(StepFunctions.RETRY) && failed(i);
                reworkScope[i] = failedAttempt || (encl >= 0 && reworkScope[encl]);
                boolean branch = body && around != null && around.is(StepFunctions.PARALLEL);
                branchScope[i] = branch ? branchName(node) : encl < 0 ? "" : branchScope[encl];

                StepBuilder parent = encl < 0 ? null : stepScope[encl];
                StepBuilder defined = defineStep(i, node, body, encl, parent, index++);
                stepScope[i] = defined != null ? defined : parent;
                if (defined != null) {
                    stepAt[i] = defined;
                    steps.add(defined);
                }
            }
        }

        private int enclosingOf(int i, GraphNode node) {
            if (node.kind() == NodeKind.BLOCK_END) {
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
            return nodes.get(parent).kind() == NodeKind.BLOCK_START ? parent : enclosing[parent];
        }

        private boolean failed(int blockStart) {
            int end = endOf[blockStart];
            return end >= 0 && nodes.get(end).error() != null;
        }

        private static String branchName(GraphNode body) {
            if (body.branchName() != null) {
                return body.branchName();
            }
            return body.label() != null ? body.label() : "branch " + body.id();
        }

        /** The step a block start defines, if any: a stage, a parallel branch, a processStep. */
        private @Nullable StepBuilder defineStep(int i, GraphNode node, boolean body, int encl,
                @Nullable StepBuilder parent, int index) {
            StepKind kind;
            String name;
            GraphNode around = encl < 0 ? null : nodes.get(encl);
            if (!body && node.is(StepFunctions.STAGE)) {
                kind = StepKind.STAGE;
                name = stageName(i, node);
            } else if (!body && node.is(StepFunctions.PROCESS_STEP)) {
                kind = StepKind.PROCESS_STEP;
                name = node.arguments().getOrDefault("name", node.label() != null ? node.label() : "processStep");
            } else if (body && around != null && around.is(StepFunctions.PARALLEL)) {
                if (isDeclarativeBranch(i, node)) {
                    return null;
                }
                kind = StepKind.BRANCH;
                name = branchName(node);
            } else {
                return null;
            }
            StepPath path = parent == null ? StepPath.of(name) : parent.path.child(name);
            StepBuilder step = new StepBuilder(path, kind, i, endOf[i], parent, index);
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
                if (isBody[cursor] && up >= 0 && nodes.get(up).is(StepFunctions.PARALLEL)) {
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
                GraphNode node = nodes.get(i);
                long from = start[i];
                long to = segmentEnd(i, from);
                StepBuilder step = stepOf(i);
                boolean rework = inRework(i, node);
                if (rework) {
                    addSegment(step, from, to, WaitCause.REWORK.ordinal());
                    if (step != null) {
                        step.markRework();
                    }
                } else {
                    WaitCause cause = causeOf(i, node);
                    if (cause == null && !node.pauses().isEmpty()) {
                        addPausedSegments(step, node, from, to);
                    } else {
                        addSegment(step, from, to, cause == null ? Timeline.WORKING : cause.ordinal());
                    }
                }
                String function = node.function();
                // Work of a failed attempt is already counted as REWORK: it is no duplicate of the attempt that passed.
                if (!rework && node.kind() == NodeKind.ATOM && function != null
                        && !StepFunctions.NOT_WORK.contains(function)) {
                    work.add(new WorkItem(function, normalizedArguments(node.arguments()),
                            step == null ? StepPath.OUTSIDE : step.path, branchOf(i), from, to - from));
                }
                if (node.kind() == NodeKind.BLOCK_START && !isBody[i] && function != null
                        && StepFunctions.AGENT_BLOCKS.contains(function)) {
                    agents.add(allocation(i, node, step, from));
                }
                if (node.warning() != null && step != null) {
                    step.warned = true;
                }
            }
        }

        private void addSegment(@Nullable StepBuilder step, long from, long to, int state) {
            allSegments.add(from, to, state);
            for (StepBuilder s = step; s != null; s = s.parent) {
                s.segments.add(from, to, state);
            }
        }

        /** A paused node waits for a person during its pauses (INPUT) and works the rest of its time. */
        private void addPausedSegments(@Nullable StepBuilder step, GraphNode node, long from, long to) {
            long cursor = from;
            for (Pause pause : node.pauses()) {
                long pauseStart = Math.max(cursor, Math.min(pause.startMillis(), to));
                long pauseEnd = Math.max(pauseStart, Math.min(pause.endOr(asOf), to));
                if (pauseStart > cursor) {
                    addSegment(step, cursor, pauseStart, Timeline.WORKING);
                }
                if (pauseEnd > pauseStart) {
                    addSegment(step, pauseStart, pauseEnd, WaitCause.INPUT.ordinal());
                }
                cursor = pauseEnd;
            }
            if (to > cursor) {
                addSegment(step, cursor, to, Timeline.WORKING);
            }
        }

        /**
         * A node lasts until the next node of its branch starts. A branch that ends in a {@code parallel} join stops
         * at its own end, except the one that finished last, whose time until the join is the join's overhead.
         */
        private long segmentEnd(int i, long from) {
            long end = Long.MAX_VALUE;
            boolean any = false;
            for (int child : graph.childIndexes(i)) {
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

        private @Nullable WaitCause causeOf(GraphNode node) {
            String function = node.function();
            switch (node.kind()) {
                case ATOM:
                    if (StepFunctions.INPUT.equals(function)) {
                        return WaitCause.INPUT;
                    }
                    return function != null && StepFunctions.SLEEP_STEPS.contains(function) ? WaitCause.SLEEP : null;
                case BLOCK_START:
                    return null; // decided by blockStartCause, which needs the node's position
                case BLOCK_END:
                case FLOW_END:
                    return WaitCause.GAP;
                default:
                    return null;
            }
        }

        private @Nullable WaitCause causeOf(int i, GraphNode node) {
            if (node.kind() == NodeKind.BLOCK_START) {
                String function = node.function();
                if (isBody[i] || function == null) {
                    return null;
                }
                if (StepFunctions.AGENT_BLOCKS.contains(function)) {
                    return WaitCause.AGENT;
                }
                if (StepFunctions.LOCK.equals(function)) {
                    return WaitCause.LOCK;
                }
                return StepFunctions.WAIT_UNTIL.equals(function) ? WaitCause.SLEEP : null;
            }
            if (node.kind() == NodeKind.BLOCK_END) {
                int ended = graph.blockStartIndex(i);
                int around = ended < 0 ? -1 : enclosing[ended];
                if (ended >= 0 && isBody[ended] && around >= 0 && nodes.get(around).is(StepFunctions.WAIT_UNTIL)) {
                    return WaitCause.SLEEP; // between two evaluations of a waitUntil condition
                }
            }
            return causeOf(node);
        }

        private boolean inRework(int i, GraphNode node) {
            if (node.kind() == NodeKind.BLOCK_START) {
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
                allSegments.add(info.startedAt(), first, WaitCause.GAP.ordinal());
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
            String result = info.result();
            if (result == null) {
                return StepResult.SUCCESS;
            }
            switch (result) {
                case "UNSTABLE":
                    return StepResult.UNSTABLE;
                case "FAILURE":
                    return StepResult.FAILURE;
                case "ABORTED":
                    return StepResult.ABORTED;
                case "NOT_BUILT":
                    return StepResult.SKIPPED;
                default:
                    return StepResult.SUCCESS;
            }
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
            final Timeline.Segments segments = new Timeline.Segments();
            @Nullable String parallelGroup;
            boolean rework;
            boolean warned;

            StepBuilder(StepPath path, StepKind kind, int startIndex, int endIndex, @Nullable StepBuilder parent,
                    int order) {
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

            ProcessStep finish(int occurrence) {
                Timeline.Split split = Timeline.split(segments, new long[] {from, to});
                StepResult result = result();
                return new ProcessStep(path, occurrence, kind, result, from, to - from, split.process(),
                        WaitBreakdown.ofArray(split.waits(), Set.of()), split.effort(),
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
            if (Character.isWhitespace(c) && (c != ' ' || text.charAt(i + 1) == ' ')) {
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
