package io.jenkins.plugins.valuestream.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Writes a flow graph the way Jenkins would record a Pipeline, from a script of timed steps: the node shapes,
 * parents, block starts and ends, bodies, labels, arguments and actions are those docs/architecture.md describes. Used
 * by the tests, the demo data set and the benchmarks.
 *
 * <pre>{@code
 * FlowGraphBuilder run = FlowGraphBuilder.startingAt(t0);
 * run.stage("Build", s -> s.node("linux", 30_000, n -> n.sh("make", 120_000)));
 * run.stage("Test", s -> s.parallel(Map.of("unit", b -> b.sh("make test", 60_000))));
 * FlowGraph graph = run.finish();
 * }</pre>
 *
 * <p>Every call advances the script's clock by the durations it is given; {@link Scope#advance(long)} adds
 * controller time between nodes.
 */
public final class FlowGraphBuilder {
    private final long startedAt;
    private final List<GraphNode.Builder> nodes = new ArrayList<>();
    private final Map<String, GraphNode.Builder> byId = new LinkedHashMap<>();
    private int nextId = 2;
    private final Scope root;
    private boolean finished;

    private FlowGraphBuilder(long startedAt) {
        this.startedAt = startedAt;
        GraphNode.Builder flowStart = add(NodeKind.FLOW_START, List.of(), startedAt);
        this.root = new Scope(startedAt, List.of(id(flowStart)), "");
    }

    /** A run whose flow starts at the given instant (epoch milliseconds). */
    public static FlowGraphBuilder startingAt(long epochMillis) {
        return new FlowGraphBuilder(epochMillis);
    }

    /** The top level of the Pipeline script. */
    public Scope root() {
        return root;
    }

    /** When the flow started. */
    public long startedAt() {
        return startedAt;
    }

    /** The script's clock: when the last node added so far ended. */
    public long now() {
        return root.clock;
    }

    /** Shortcut for {@code root().stage(...)}. */
    public FlowGraphBuilder stage(String name, Consumer<Scope> body) {
        root.stage(name, body);
        return this;
    }

    /** Ends the flow with a {@code FlowEndNode} at the current clock and returns the graph. */
    public FlowGraph finish() {
        return finish(null);
    }

    /** Ends the flow with a {@code FlowEndNode} carrying the given error, and returns the graph. */
    public FlowGraph finish(@Nullable String error) {
        if (!finished) {
            GraphNode.Builder end = add(NodeKind.FLOW_END, root.heads, root.clock);
            end.startId("2");
            if (error != null) {
                end.error(error);
            }
            root.heads = List.of(id(end));
            finished = true;
        }
        return graph();
    }

    /** The graph as it is now, without a {@code FlowEndNode}: a run still in progress. */
    public FlowGraph running() {
        return graph();
    }

    /** A {@link RunInfo} for the finished graph: started when the flow started, completed at the clock. */
    public RunInfo runInfo(int number, RunResult result, @Nullable Long queueMillis) {
        return new RunInfo(number, result, queueMillis == null ? null : startedAt - queueMillis, startedAt,
                root.clock);
    }

    private FlowGraph graph() {
        List<GraphNode> built = new ArrayList<>(nodes.size());
        for (GraphNode.Builder node : nodes) {
            built.add(node.build());
        }
        return FlowGraph.of(built);
    }

    private GraphNode.Builder add(NodeKind kind, List<String> parents, long at) {
        String id = Integer.toString(nextId++);
        GraphNode.Builder node = GraphNode.builder(id, kind).parents(parents).start(at);
        nodes.add(node);
        byId.put(id, node);
        return node;
    }

    private static String id(GraphNode.Builder node) {
        return node.build().id();
    }

    /** A place in the script where steps run one after the other: the top level, a block body, a branch. */
    public final class Scope {
        private long clock;
        private List<String> heads;
        private final String branch;
        private GraphNode.@Nullable Builder bodyEnd;
        private GraphNode.@Nullable Builder outerEnd;

        private Scope(long clock, List<String> heads, String branch) {
            this.clock = clock;
            this.heads = heads;
            this.branch = branch;
        }

        /** The clock of this scope. */
        public long now() {
            return clock;
        }

        /** Controller time passing before the next node (Groovy code running, a restart). */
        public Scope advance(long millis) {
            clock += millis;
            return this;
        }

        /** An atom step of any function, lasting {@code millis}. */
        public Scope atom(String function, Map<String, String> arguments, long millis) {
            GraphNode.Builder node = add(NodeKind.ATOM, heads, clock).function(function).arguments(arguments);
            heads = List.of(id(node));
            clock += millis;
            return this;
        }

        /** {@code sh script}. */
        public Scope sh(String script, long millis) {
            return atom(StepFunctions.SHELL, Map.of("script", script), millis);
        }

        /** {@code echo message}. */
        public Scope echo(String message) {
            return atom(StepFunctions.ECHO, Map.of("message", message), 5);
        }

        /** {@code checkout scm}. */
        public Scope checkout(long millis) {
            return atom(StepFunctions.CHECKOUT, Map.of("scm", "hudson.plugins.git.GitSCM"), millis);
        }

        /** {@code sleep}. */
        public Scope sleep(long millis) {
            return atom(StepFunctions.SLEEP, Map.of("time", Long.toString(millis / 1000)), millis);
        }

        /** {@code input}, approved after {@code waitMillis}; {@code waitMillis < 0} leaves the pause open. */
        public Scope input(String message, long waitMillis) {
            GraphNode.Builder node = add(NodeKind.ATOM, heads, clock).function(StepFunctions.INPUT)
                    .arguments(Map.of("message", message));
            long pauseStart = clock + 10;
            node.pauses(List.of(new Pause("Input", pauseStart, waitMillis < 0 ? null : pauseStart + waitMillis)));
            heads = List.of(id(node));
            clock = waitMillis < 0 ? pauseStart : pauseStart + waitMillis + 10;
            return this;
        }

        /** {@code sh script} that fails with {@code error} ({@code Class: message}) after {@code millis}. */
        public Scope failingSh(String script, long millis, String error) {
            GraphNode.Builder node = add(NodeKind.ATOM, heads, clock).function(StepFunctions.SHELL)
                    .arguments(Map.of("script", script)).error(error);
            heads = List.of(id(node));
            clock += millis;
            return this;
        }

        /**
         * {@code input} decided after {@code waitMillis} by {@code user}: approved where {@code interruption} is
         * {@code null}, else aborted with that error ({@code ...FlowInterruptedException: Rejected by bob}).
         */
        public Scope input(String message, long waitMillis, @Nullable String user, @Nullable String interruption) {
            input(message, waitMillis);
            GraphNode.Builder node = nodes.get(nodes.size() - 1);
            node.decidedBy(user);
            if (interruption != null) {
                node.error(interruption);
            }
            return this;
        }

        /** Marks the block this scope is the body of as failed with the given error (body end and outer end). */
        public Scope fail(String error) {
            if (bodyEnd == null) {
                throw new IllegalStateException("fail() is for block bodies");
            }
            bodyEnd.error(error);
            if (outerEnd != null) {
                outerEnd.error(error);
            }
            return this;
        }

        /** Marks the block this scope is the body of as unstable ({@code WarningAction}). */
        public Scope unstable() {
            if (bodyEnd == null) {
                throw new IllegalStateException("unstable() is for block bodies");
            }
            bodyEnd.warning("UNSTABLE");
            return this;
        }

        /** {@code stage(name) { body }}. */
        public Scope stage(String name, Consumer<Scope> body) {
            return block(StepFunctions.STAGE, Map.of("name", name), 0, name, null, body);
        }

        /** A Declarative stage skipped with the given status ({@code SKIPPED_FOR_CONDITIONAL}, ...). */
        public Scope skippedStage(String name, String status) {
            return block(StepFunctions.STAGE, Map.of("name", name), 0, name, Map.of(GraphNode.STAGE_STATUS, status),
                    s -> s.advance(2));
        }

        /** {@code node(label) { body }}, the agent arriving after {@code waitMillis}. */
        public Scope node(String label, long waitMillis, Consumer<Scope> body) {
            return block(StepFunctions.NODE, Map.of("label", label), waitMillis, null, null, body);
        }

        /** {@code lock(resource) { body }}, the lock granted after {@code waitMillis}. */
        public Scope lock(String resource, long waitMillis, Consumer<Scope> body) {
            return block(StepFunctions.LOCK, Map.of("resource", resource), waitMillis, null, null, body);
        }

        /** {@code processStep(name) { body }}. */
        public Scope processStep(String name, Consumer<Scope> body) {
            return block(StepFunctions.PROCESS_STEP, Map.of("name", name), 0, null, null, body);
        }

        /** {@code processStep(name: name, deploys: true) { body }}: a step that deploys to production. */
        public Scope deployingProcessStep(String name, Consumer<Scope> body) {
            return block(StepFunctions.PROCESS_STEP, Map.of("name", name, "deploys", "true"), 0, null, null, body);
        }

        /** A block step of any function: outer start, body start, body, body end, outer end. */
        public Scope block(String function, Map<String, String> arguments, long waitMillis, @Nullable String label,
                @Nullable Map<String, String> bodyTags, Consumer<Scope> body) {
            GraphNode.Builder outer = add(NodeKind.BLOCK_START, heads, clock).function(function)
                    .arguments(arguments);
            clock += 1 + waitMillis;
            GraphNode.Builder bodyStart = add(NodeKind.BLOCK_START, List.of(id(outer)), clock).function(function)
                    .body(true).label(label);
            if (bodyTags != null) {
                bodyStart.tags(bodyTags);
            }
            Scope inner = new Scope(clock + 1, List.of(id(bodyStart)), branch);
            GraphNode.Builder[] ends = new GraphNode.Builder[2];
            inner.bodyEnd = placeholder();
            inner.outerEnd = placeholder();
            body.accept(inner);
            ends[0] = add(NodeKind.BLOCK_END, inner.heads, inner.clock).function(function).startId(id(bodyStart));
            copyMarks(inner.bodyEnd, ends[0]);
            ends[1] = add(NodeKind.BLOCK_END, List.of(id(ends[0])), inner.clock + 1).function(function)
                    .startId(id(outer));
            copyMarks(inner.outerEnd, ends[1]);
            heads = List.of(id(ends[1]));
            clock = inner.clock + 2;
            return this;
        }

        /** {@code retry(n) { ... }}: all attempts but the last fail with the given error. */
        @SafeVarargs
        public final Scope retry(String error, Consumer<Scope>... attempts) {
            GraphNode.Builder outer = add(NodeKind.BLOCK_START, heads, clock).function(StepFunctions.RETRY)
                    .arguments(Map.of("count", Integer.toString(attempts.length)));
            clock += 1;
            List<String> previous = List.of(id(outer));
            for (int i = 0; i < attempts.length; i++) {
                GraphNode.Builder bodyStart = add(NodeKind.BLOCK_START, previous, clock)
                        .function(StepFunctions.RETRY).body(true);
                Scope inner = new Scope(clock + 1, List.of(id(bodyStart)), branch);
                attempts[i].accept(inner);
                GraphNode.Builder end = add(NodeKind.BLOCK_END, inner.heads, inner.clock)
                        .function(StepFunctions.RETRY).startId(id(bodyStart));
                if (i < attempts.length - 1) {
                    end.error(error);
                }
                previous = List.of(id(end));
                clock = inner.clock + 1;
            }
            GraphNode.Builder outerEnd = add(NodeKind.BLOCK_END, previous, clock).function(StepFunctions.RETRY)
                    .startId(id(outer));
            heads = List.of(id(outerEnd));
            clock += 1;
            return this;
        }

        /** {@code parallel(branches)}: every branch starts together; the join waits for the last one. */
        public Scope parallel(Map<String, Consumer<Scope>> branches) {
            GraphNode.Builder outer = add(NodeKind.BLOCK_START, heads, clock).function(StepFunctions.PARALLEL);
            long forkAt = clock + 1;
            List<String> ends = new ArrayList<>();
            long joinAt = forkAt;
            for (Map.Entry<String, Consumer<Scope>> branch : branches.entrySet()) {
                GraphNode.Builder bodyStart = add(NodeKind.BLOCK_START, List.of(id(outer)), forkAt)
                        .function(StepFunctions.PARALLEL).body(true).branchName(branch.getKey())
                        .label("Branch: " + branch.getKey());
                Scope inner = new Scope(forkAt + 1, List.of(id(bodyStart)), branch.getKey());
                inner.bodyEnd = placeholder();
                branch.getValue().accept(inner);
                GraphNode.Builder end = add(NodeKind.BLOCK_END, inner.heads, inner.clock)
                        .function(StepFunctions.PARALLEL).startId(id(bodyStart));
                copyMarks(inner.bodyEnd, end);
                ends.add(id(end));
                joinAt = Math.max(joinAt, inner.clock);
            }
            GraphNode.Builder outerEnd = add(NodeKind.BLOCK_END, ends, joinAt + 1).function(StepFunctions.PARALLEL)
                    .startId(id(outer));
            heads = List.of(id(outerEnd));
            clock = joinAt + 2;
            return this;
        }

        /** Declarative {@code parallel} stages: each branch holds one stage of its own name. */
        public Scope parallelStages(Map<String, Consumer<Scope>> stages) {
            Map<String, Consumer<Scope>> branches = new LinkedHashMap<>();
            stages.forEach((name, body) -> branches.put(name, b -> b.stage(name, body)));
            return parallel(branches);
        }

        private GraphNode.Builder placeholder() {
            return GraphNode.builder("marks", NodeKind.BLOCK_END);
        }

        private void copyMarks(GraphNode.@Nullable Builder marks, GraphNode.Builder target) {
            if (marks == null) {
                return;
            }
            GraphNode built = marks.build();
            if (built.error() != null) {
                target.error(built.error());
            }
            if (built.warning() != null) {
                target.warning(built.warning());
            }
        }
    }
}
