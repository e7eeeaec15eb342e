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

    /** The working state of one extraction. */
    private static final class Extraction {
        private final RunInfo info;
        private final FlowGraph graph;
        private final long asOf;
        private final List<String> notes = new ArrayList<>();

        /** Nodes in an order where parents come first; cyclic leftovers dropped. */
        private final List<GraphNode> order = new ArrayList<>();
        private final Map<String, Long> start = new HashMap<>();
        /** Innermost enclosing block start of each node (null at top level). */
        private final Map<String, GraphNode> enclosing = new HashMap<>();
        private final Map<String, Boolean> isBody = new HashMap<>();
        /** Block start id → its end node. */
        private final Map<String, GraphNode> endOf = new HashMap<>();
        /** Block start id → whether everything under it is rework (a failed retry attempt, or inside one). */
        private final Map<String, Boolean> reworkScope = new HashMap<>();
        /** Block start id → the step it defines. */
        private final Map<String, StepBuilder> stepAt = new HashMap<>();
        /** Block start id → the innermost step at or around it. */
        private final Map<String, StepBuilder> stepScope = new HashMap<>();
        /** Block start id → the innermost enclosing parallel branch name (or ""). */
        private final Map<String, String> branchScope = new HashMap<>();
        private final List<StepBuilder> steps = new ArrayList<>();
        private final List<Timeline.Segment> allSegments = new ArrayList<>();

        Extraction(RunInfo info, FlowGraph graph, long now) {
            this.info = info;
            this.graph = graph;
            this.asOf = info.completedAt() != null ? info.completedAt() : Math.max(now, info.startedAt());
        }

        ProcessMap run() {
            sortTopologically();
            assignTimes();
            buildStructure();
            List<WorkItem> work = new ArrayList<>();
            List<AgentAllocation> agents = new ArrayList<>();
            collectSegments(work, agents);
            addPreFlowGap();

            List<ProcessStep> result = new ArrayList<>();
            Map<StepPath, Integer> occurrences = new HashMap<>();
            steps.sort(Comparator.comparingLong((StepBuilder s) -> s.from).thenComparing(s -> s.order));
            for (StepBuilder step : steps) {
                int occurrence = occurrences.merge(step.path, 1, Integer::sum) - 1;
                result.add(step.finish(occurrence));
            }

            long[] whole = {info.startedAt(), asOf};
            Timeline.Split run = Timeline.split(allSegments, whole);
            long[] outside = outsideRegion();
            Timeline.Split rest = Timeline.split(allSegments, outside);
            long outsideElapsed = 0;
            for (int i = 0; i < outside.length; i += 2) {
                outsideElapsed += outside[i + 1] - outside[i];
            }
            if (outsideElapsed > 0) {
                result.add(new ProcessStep(StepPath.OUTSIDE, 0, StepKind.OUTSIDE, runStepResult(),
                        outside.length > 0 ? outside[0] : info.startedAt(), outsideElapsed, rest.process(),
                        WaitBreakdown.ofArray(rest.waits(), Set.of()), rest.effort(), true, null, null));
            }

            long[] runWaits = run.waits().clone();
            Long queue = info.queueMillis();
            Set<WaitCause> unknown = EnumSet.noneOf(WaitCause.class);
            if (queue == null) {
                unknown.add(WaitCause.QUEUE);
            } else {
                runWaits[WaitCause.QUEUE.ordinal()] += queue;
            }
            work.sort(Comparator.comparingLong(WorkItem::startedAt));
            agents.sort(Comparator.comparingLong(AgentAllocation::startedAt));
            return new ProcessMap(info.number(), info.result(), info.queuedAt(), info.startedAt(),
                    info.completedAt(), asOf, run.process(), WaitBreakdown.ofArray(runWaits, unknown), result, work,
                    agents, notes);
        }

        // --- structure -------------------------------------------------------------------------------------------

        /** Kahn's algorithm in graph order, so that a corrupt (cyclic) graph cannot loop forever. */
        private void sortTopologically() {
            Map<String, Integer> pending = new HashMap<>();
            ArrayDeque<GraphNode> ready = new ArrayDeque<>();
            for (GraphNode node : graph.nodes()) {
                int known = 0;
                for (String parent : node.parentIds()) {
                    if (graph.node(parent) != null && !parent.equals(node.id())) {
                        known++;
                    }
                }
                pending.put(node.id(), known);
                if (known == 0) {
                    ready.add(node);
                }
            }
            while (!ready.isEmpty()) {
                GraphNode node = ready.poll();
                order.add(node);
                for (GraphNode child : graph.children(node.id())) {
                    if (child.id().equals(node.id())) {
                        continue;
                    }
                    int left = pending.merge(child.id(), -1, Integer::sum);
                    if (left == 0) {
                        ready.add(child);
                    }
                }
            }
            if (order.size() < graph.size()) {
                notes.add((graph.size() - order.size())
                        + " flow nodes form a cycle and were left out (the flow graph is corrupt)");
            }
        }

        /** Node starts, clamped into the run; a node without a time starts with its latest parent. */
        private void assignTimes() {
            long first = info.startedAt();
            for (GraphNode node : order) {
                Long own = node.startMillis();
                long value;
                if (own != null) {
                    value = own;
                } else {
                    value = first;
                    for (String parent : node.parentIds()) {
                        Long p = start.get(parent);
                        if (p != null) {
                            value = Math.max(value, p);
                        }
                    }
                }
                start.put(node.id(), Math.min(Math.max(value, info.startedAt()), asOf));
            }
        }

        private void buildStructure() {
            for (GraphNode node : order) {
                if (node.kind() == NodeKind.BLOCK_END && node.startId() != null) {
                    endOf.put(node.startId(), node);
                }
            }
            int index = 0;
            for (GraphNode node : order) {
                GraphNode encl = enclosingOf(node);
                if (encl != null) {
                    enclosing.put(node.id(), encl);
                }
                if (node.kind() != NodeKind.BLOCK_START) {
                    continue;
                }
                boolean body = node.body() || (encl != null && !isBody.getOrDefault(encl.id(), false)
                        && node.function() != null && node.function().equals(encl.function()));
                isBody.put(node.id(), body);
                boolean failedAttempt = body && encl != null && encl.is(StepFunctions.RETRY) && failed(node);
                reworkScope.put(node.id(), failedAttempt
                        || (encl != null && reworkScope.getOrDefault(encl.id(), false)));
                String branch = body && encl != null && encl.is(StepFunctions.PARALLEL) ? branchName(node)
                        : encl == null ? "" : branchScope.getOrDefault(encl.id(), "");
                branchScope.put(node.id(), branch);

                StepBuilder parent = encl == null ? null : stepScope.get(encl.id());
                StepBuilder defined = defineStep(node, body, encl, parent, index++);
                stepScope.put(node.id(), defined != null ? defined : parent);
                if (defined != null) {
                    stepAt.put(node.id(), defined);
                    steps.add(defined);
                }
            }
        }

        private @Nullable GraphNode enclosingOf(GraphNode node) {
            if (node.kind() == NodeKind.BLOCK_END && node.startId() != null) {
                GraphNode startNode = graph.node(node.startId());
                if (startNode != null) {
                    return enclosing.get(startNode.id());
                }
            }
            if (node.parentIds().isEmpty()) {
                return null;
            }
            GraphNode parent = graph.node(node.parentIds().get(0));
            if (parent == null) {
                return null;
            }
            if (parent.kind() == NodeKind.BLOCK_START) {
                return parent;
            }
            return enclosing.get(parent.id());
        }

        private boolean failed(GraphNode blockStart) {
            GraphNode end = endOf.get(blockStart.id());
            return end != null && end.error() != null;
        }

        private String branchName(GraphNode body) {
            if (body.branchName() != null) {
                return body.branchName();
            }
            return body.label() != null ? body.label() : "branch " + body.id();
        }

        /** The step a block start defines, if any: a stage, a parallel branch, a processStep. */
        private @Nullable StepBuilder defineStep(GraphNode node, boolean body, @Nullable GraphNode encl,
                @Nullable StepBuilder parent, int index) {
            StepKind kind;
            String name;
            GraphNode endNode;
            if (!body && node.is(StepFunctions.STAGE)) {
                kind = StepKind.STAGE;
                name = stageName(node);
            } else if (!body && node.is(StepFunctions.PROCESS_STEP)) {
                kind = StepKind.PROCESS_STEP;
                name = node.arguments().getOrDefault("name", node.label() != null ? node.label() : "processStep");
            } else if (body && encl != null && encl.is(StepFunctions.PARALLEL)) {
                if (isDeclarativeBranch(node)) {
                    return null;
                }
                kind = StepKind.BRANCH;
                name = branchName(node);
            } else {
                return null;
            }
            endNode = endOf.get(node.id());
            StepPath path = parent == null ? StepPath.of(name) : parent.path.child(name);
            StepBuilder step = new StepBuilder(path, kind, node, endNode, parent, index);
            step.parallelGroup = parallelGroupOf(node, kind, encl, parent);
            return step;
        }

        private String stageName(GraphNode outer) {
            String name = outer.arguments().get("name");
            if (name != null) {
                return name;
            }
            for (GraphNode child : graph.children(outer.id())) {
                if (child.kind() == NodeKind.BLOCK_START && child.label() != null) {
                    return child.label();
                }
            }
            return outer.label() != null ? outer.label() : "stage " + outer.id();
        }

        /** A Declarative parallel branch holds a single stage of its own name: that stage is the step. */
        private boolean isDeclarativeBranch(GraphNode branchBody) {
            String name = branchName(branchBody);
            for (GraphNode child : graph.children(branchBody.id())) {
                if (child.kind() == NodeKind.BLOCK_START && child.is(StepFunctions.STAGE)
                        && name.equals(stageName(child))) {
                    return true;
                }
            }
            return false;
        }

        /** The parallel block a step runs side by side in, if it is a branch or the stage of a Declarative one. */
        private @Nullable String parallelGroupOf(GraphNode node, StepKind kind, @Nullable GraphNode encl,
                @Nullable StepBuilder parent) {
            if (kind == StepKind.BRANCH) {
                return encl == null ? null : encl.id();
            }
            GraphNode cursor = encl;
            while (cursor != null && (parent == null || cursor != parent.startNode)) {
                GraphNode up = enclosing.get(cursor.id());
                if (isBody.getOrDefault(cursor.id(), false) && up != null && up.is(StepFunctions.PARALLEL)) {
                    return up.id();
                }
                cursor = up;
            }
            return null;
        }

        // --- segments --------------------------------------------------------------------------------------------

        private void collectSegments(List<WorkItem> work, List<AgentAllocation> agents) {
            for (GraphNode node : order) {
                long from = start.get(node.id());
                long to = segmentEnd(node, from);
                StepBuilder step = stepOf(node);
                WaitCause cause = causeOf(node);
                if (inRework(node)) {
                    addSegment(step, new Timeline.Segment(from, to, WaitCause.REWORK));
                    if (step != null) {
                        step.markRework();
                    }
                } else if (cause == null && !node.pauses().isEmpty()) {
                    addPausedSegments(step, node, from, to);
                } else {
                    addSegment(step, new Timeline.Segment(from, to, cause));
                }
                if (node.kind() == NodeKind.ATOM && node.function() != null
                        && !StepFunctions.NOT_WORK.contains(node.function())) {
                    work.add(new WorkItem(node.function(), normalizedArguments(node.arguments()),
                            step == null ? StepPath.OUTSIDE : step.path, branchOf(node), from, to - from));
                }
                if (node.kind() == NodeKind.BLOCK_START && !isBody.getOrDefault(node.id(), false)
                        && node.function() != null && StepFunctions.AGENT_BLOCKS.contains(node.function())) {
                    agents.add(allocation(node, step, from));
                }
                if (node.warning() != null && step != null) {
                    step.warned = true;
                }
            }
        }

        private void addSegment(@Nullable StepBuilder step, Timeline.Segment segment) {
            allSegments.add(segment);
            for (StepBuilder s = step; s != null; s = s.parent) {
                s.segments.add(segment);
            }
        }

        /** A paused node waits for a person during its pauses (INPUT) and works the rest of its time. */
        private void addPausedSegments(@Nullable StepBuilder step, GraphNode node, long from, long to) {
            long cursor = from;
            for (Pause pause : node.pauses()) {
                long pauseStart = Math.max(cursor, Math.min(pause.startMillis(), to));
                long pauseEnd = Math.max(pauseStart, Math.min(pause.endOr(asOf), to));
                if (pauseStart > cursor) {
                    addSegment(step, new Timeline.Segment(cursor, pauseStart, null));
                }
                if (pauseEnd > pauseStart) {
                    addSegment(step, new Timeline.Segment(pauseStart, pauseEnd, WaitCause.INPUT));
                }
                cursor = pauseEnd;
            }
            if (to > cursor) {
                addSegment(step, new Timeline.Segment(cursor, to, null));
            }
        }

        /**
         * A node lasts until the next node of its branch starts. A branch that ends in a {@code parallel} join stops
         * at its own end, except the one that finished last, whose time until the join is the join's overhead.
         */
        private long segmentEnd(GraphNode node, long from) {
            List<GraphNode> children = graph.children(node.id());
            long end = Long.MAX_VALUE;
            boolean any = false;
            for (GraphNode child : children) {
                Long childStart = start.get(child.id());
                if (childStart == null) {
                    continue;
                }
                any = true;
                if (child.parentIds().size() > 1 && !isLastParent(child, node)) {
                    end = Math.min(end, from);
                } else {
                    end = Math.min(end, childStart);
                }
            }
            if (!any) {
                end = asOf;
            }
            return Math.max(from, end);
        }

        private boolean isLastParent(GraphNode join, GraphNode candidate) {
            long best = Long.MIN_VALUE;
            String bestId = null;
            for (String parent : join.parentIds()) {
                Long s = start.get(parent);
                if (s != null && s > best) {
                    best = s;
                    bestId = parent;
                }
            }
            return candidate.id().equals(bestId);
        }

        private @Nullable WaitCause causeOf(GraphNode node) {
            switch (node.kind()) {
                case ATOM:
                    if (node.is(StepFunctions.INPUT)) {
                        return WaitCause.INPUT;
                    }
                    return node.function() != null && StepFunctions.SLEEP_STEPS.contains(node.function())
                            ? WaitCause.SLEEP : null;
                case BLOCK_START:
                    if (isBody.getOrDefault(node.id(), false) || node.function() == null) {
                        return null;
                    }
                    if (StepFunctions.AGENT_BLOCKS.contains(node.function())) {
                        return WaitCause.AGENT;
                    }
                    if (node.is(StepFunctions.LOCK)) {
                        return WaitCause.LOCK;
                    }
                    return node.is(StepFunctions.WAIT_UNTIL) ? WaitCause.SLEEP : null;
                case BLOCK_END:
                    GraphNode ended = node.startId() == null ? null : graph.node(node.startId());
                    GraphNode around = ended == null ? null : enclosing.get(ended.id());
                    if (ended != null && isBody.getOrDefault(ended.id(), false) && around != null
                            && around.is(StepFunctions.WAIT_UNTIL)) {
                        return WaitCause.SLEEP; // between two evaluations of a waitUntil condition
                    }
                    return WaitCause.GAP;
                case FLOW_END:
                    return WaitCause.GAP;
                default:
                    return null;
            }
        }

        private boolean inRework(GraphNode node) {
            if (node.kind() == NodeKind.BLOCK_START) {
                return reworkScope.getOrDefault(node.id(), false);
            }
            GraphNode encl = enclosing.get(node.id());
            return encl != null && reworkScope.getOrDefault(encl.id(), false);
        }

        private @Nullable StepBuilder stepOf(GraphNode node) {
            StepBuilder own = stepAt.get(node.id());
            if (own != null) {
                return own;
            }
            GraphNode encl = enclosing.get(node.id());
            return encl == null ? null : stepScope.get(encl.id());
        }

        private String branchOf(GraphNode node) {
            GraphNode encl = enclosing.get(node.id());
            return encl == null ? "" : branchScope.getOrDefault(encl.id(), "");
        }

        private AgentAllocation allocation(GraphNode outer, @Nullable StepBuilder step, long from) {
            GraphNode bodyStart = null;
            for (GraphNode child : graph.children(outer.id())) {
                if (child.kind() == NodeKind.BLOCK_START) {
                    bodyStart = child;
                    break;
                }
            }
            long bodyFrom = bodyStart == null ? asOf : start.get(bodyStart.id());
            GraphNode bodyEnd = bodyStart == null ? null : endOf.get(bodyStart.id());
            long bodyTo = bodyEnd == null ? asOf : start.getOrDefault(bodyEnd.id(), asOf);
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
            for (GraphNode node : order) {
                first = Math.min(first, start.get(node.id()));
            }
            if (first > info.startedAt()) {
                allSegments.add(new Timeline.Segment(info.startedAt(), first, WaitCause.GAP));
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
            List<Long> region = new ArrayList<>();
            long cursor = info.startedAt();
            for (long[] interval : covered) {
                if (interval[0] > cursor) {
                    region.add(cursor);
                    region.add(interval[0]);
                }
                cursor = Math.max(cursor, interval[1]);
            }
            if (asOf > cursor) {
                region.add(cursor);
                region.add(asOf);
            }
            long[] result = new long[region.size()];
            for (int i = 0; i < result.length; i++) {
                result[i] = region.get(i);
            }
            return result;
        }

        private StepResult runStepResult() {
            if (info.running()) {
                return StepResult.RUNNING;
            }
            return resultOf(info.result());
        }

        private StepResult resultOf(@Nullable String result) {
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
            final GraphNode startNode;
            final @Nullable GraphNode endNode;
            final @Nullable StepBuilder parent;
            final int order;
            final long from;
            final long to;
            final List<Timeline.Segment> segments = new ArrayList<>();
            @Nullable String parallelGroup;
            boolean rework;
            boolean warned;

            StepBuilder(StepPath path, StepKind kind, GraphNode startNode, @Nullable GraphNode endNode,
                    @Nullable StepBuilder parent, int order) {
                this.path = path;
                this.kind = kind;
                this.startNode = startNode;
                this.endNode = endNode;
                this.parent = parent;
                this.order = order;
                this.from = start.get(startNode.id());
                this.to = endNode == null ? asOf : Math.max(from, start.get(endNode.id()));
            }

            void markRework() {
                for (StepBuilder s = this; s != null; s = s.parent) {
                    s.rework = true;
                }
            }

            ProcessStep finish(int occurrence) {
                Timeline.Split split = Timeline.split(segments, new long[] {from, to});
                StepResult result = result();
                return new ProcessStep(path, occurrence, kind, result, from, to - from, split.process(),
                        WaitBreakdown.ofArray(split.waits(), Set.of()), split.effort(),
                        !rework && result == StepResult.SUCCESS, startNode.id(), parallelGroup);
            }

            private StepResult result() {
                String status = statusTag();
                if (status != null && SKIPPED_STATUSES.contains(status)) {
                    return StepResult.SKIPPED;
                }
                if (endNode == null) {
                    return info.running() ? StepResult.RUNNING : runStepResult();
                }
                String error = endNode.error();
                GraphNode body = bodyOf();
                if (error == null && body != null) {
                    GraphNode bodyEnd = endOf.get(body.id());
                    error = bodyEnd == null ? null : bodyEnd.error();
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
                String tag = startNode.tags().get(GraphNode.STAGE_STATUS);
                if (tag != null) {
                    return tag;
                }
                GraphNode body = bodyOf();
                return body == null ? null : body.tags().get(GraphNode.STAGE_STATUS);
            }

            private @Nullable GraphNode bodyOf() {
                if (kind == StepKind.BRANCH) {
                    return null;
                }
                for (GraphNode child : graph.children(startNode.id())) {
                    if (child.kind() == NodeKind.BLOCK_START) {
                        return child;
                    }
                }
                return null;
            }
        }
    }

    /**
     * Arguments as one deterministic string: sorted {@code key=value} pairs, whitespace collapsed, so that the same
     * work written twice compares equal.
     */
    public static String normalizedArguments(Map<String, String> arguments) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> entry : new TreeMap<>(arguments).entrySet()) {
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(entry.getKey()).append('=').append(entry.getValue().strip().replaceAll("\\s+", " "));
        }
        return out.toString();
    }
}
