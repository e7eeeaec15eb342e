package io.jenkins.plugins.valuestream.cli.rest;

import io.jenkins.plugins.valuestream.cli.source.SourceRun;
import io.jenkins.plugins.valuestream.graph.FlowGraph;
import io.jenkins.plugins.valuestream.graph.GraphNode;
import io.jenkins.plugins.valuestream.graph.NodeKind;
import io.jenkins.plugins.valuestream.graph.Pause;
import io.jenkins.plugins.valuestream.graph.RunInfo;
import io.jenkins.plugins.valuestream.graph.StepFunctions;
import io.jenkins.plugins.valuestream.process.SourceLimits;
import io.jenkins.plugins.valuestream.process.WaitCause;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns a run described by the Stage View REST API into the model's flow graph, with no more than the API tells.
 *
 * <p>What the API gives: the run's start, end and status; each stage's start, duration, pause and status; and, from
 * each stage's own describe, the atom steps inside it (name, main argument, start, duration, pause). What it does
 * not give: the blocks between those steps ({@code node}, {@code lock}, wrappers), the parallel branches, the
 * nesting of stages, and the build-queue wait. So the synthesized graph has:
 * <ul>
 *   <li>one stage block per stage, from its start to its start + duration, holding its atom steps at their own
 *       times;</li>
 *   <li>time inside a stage that none of its listed steps covers ends a zero-length block, so the extraction counts
 *       it as {@link WaitCause#GAP}: it holds any agent or lock wait, which the API cannot tell apart; AGENT and
 *       LOCK are reported unknown (see {@link #UNKNOWN_CAUSES}), never invented;</li>
 *   <li>stages whose times overlap (the API lists stages of parallel branches, and nested stages, flat beside each
 *       other) become the branches of one {@code parallel} block, one branch per stage named after it, so each is
 *       one step with its own path and the group is drawn side by side;</li>
 *   <li>a stage without listed steps that contains no other stage is one unnamed atom step (work), paused for its
 *       pause time;</li>
 *   <li>skipped ({@code NOT_EXECUTED}) stages are zero-length stages tagged skipped, so they are not counted.</li>
 * </ul>
 *
 * <p><b>{@code queueDurationMillis}</b> is not the build-queue wait, in any version: until 2017 the API set it to the
 * first stage's start − the run's start (time inside the run, before the first stage) and subtracted it from
 * {@code durationMillis}; since then it is the run's start − its creation ({@code Run.getTimeInMillis()}, when the
 * item had already left the queue), and {@code durationMillis = end − start}. Either way the time in the build queue
 * is unknown, so the run's {@code queuedAt} is {@code null} (QUEUE unknown) and the first meaning's time is inside
 * the run, before the first stage, where the extraction counts it as a gap.
 */
public final class WfapiGraphSynthesizer {
    /** The wait causes the Stage View REST API cannot show. */
    public static final Set<WaitCause> UNKNOWN_CAUSES = Set.copyOf(EnumSet.of(WaitCause.AGENT, WaitCause.LOCK));

    /** The function of the zero-length blocks that end where a stretch of unlisted time begins. */
    static final String UNLISTED = "io.jenkins.plugins.valuestream.cli.rest.UnlistedTime";

    /** The API lists at most this many steps per stage ({@code StageNodeExt.maxChildNodes} + 1 by default). */
    static final int API_NODE_CAP = 101;

    static final String NOTE_AGENT = "Read from the Stage View REST API, which shows neither agent nor lock waits:"
            + " they are unknown, and the time between the steps it lists is counted as GAP.";
    static final String NOTE_FLAT = "The REST API lists nested and parallel stages flat: stages that overlapped"
            + " are shown side by side, not under their parent stage or branch.";

    /** Step display names as the API gives them, and the step each one is (descriptor id, main argument). */
    private static final Map<String, String[]> STEPS = Map.ofEntries(
            Map.entry("Shell Script", new String[] {StepFunctions.SHELL, "script"}),
            Map.entry("Windows Batch Script", new String[] {StepFunctions.BATCH, "script"}),
            Map.entry("Windows PowerShell Script", new String[] {StepFunctions.POWERSHELL, "script"}),
            Map.entry("PowerShell Script", new String[] {StepFunctions.PWSH, "script"}),
            Map.entry("Check out from version control", new String[] {StepFunctions.CHECKOUT, "scm"}),
            Map.entry("Git", new String[] {StepFunctions.GIT, "url"}),
            Map.entry("Print Message", new String[] {StepFunctions.ECHO, "message"}),
            Map.entry("Sleep", new String[] {StepFunctions.SLEEP, "time"}),
            Map.entry("Wait for interactive input", new String[] {StepFunctions.INPUT, "message"}),
            Map.entry("Input", new String[] {StepFunctions.INPUT, "message"}),
            Map.entry("Build a job", new String[] {StepFunctions.BUILD, "job"}),
            Map.entry("Checks if running on a Unix-like node", new String[] {StepFunctions.IS_UNIX, ""}),
            Map.entry("Read file from workspace", new String[] {StepFunctions.READ_FILE, "file"}),
            Map.entry("Write file to workspace", new String[] {StepFunctions.WRITE_FILE, "file"}),
            Map.entry("Verify if file exists in workspace", new String[] {StepFunctions.FILE_EXISTS, "file"}),
            Map.entry("Determine current directory", new String[] {StepFunctions.PWD, ""}),
            Map.entry("Stash some files to be used later in the build", new String[] {StepFunctions.STASH, "name"}),
            Map.entry("Restore files previously stashed", new String[] {StepFunctions.UNSTASH, "name"}),
            Map.entry("Recursively delete the current directory from the workspace",
                    new String[] {StepFunctions.DELETE_DIR, ""}),
            Map.entry("Error signal", new String[] {StepFunctions.ERROR, "message"}));

    private WfapiGraphSynthesizer() {
    }

    /**
     * The run as a {@link SourceRun}.
     *
     * @param run the run's describe, its stages carrying their flow nodes where those were read
     * @param number the build number (the caller asked for it by number)
     */
    public static SourceRun synthesize(WfapiRun run, int number) {
        return new Synthesis(run, number).run();
    }

    /** Times of a stage as placed in the graph. */
    private record Placed(WfapiStage stage, long start, long end, int index) {
    }

    private static final class Synthesis {
        private final WfapiRun run;
        private final int number;
        private final List<GraphNode.Builder> nodes = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private final Map<Integer, List<WfapiNode>> ownNodes = new HashMap<>();
        private final Set<Integer> containers = new java.util.HashSet<>();
        private int nextId = 2;

        Synthesis(WfapiRun run, int number) {
            this.run = run;
            this.number = number;
        }

        SourceRun run() {
            Long completedAt = completedAt();
            RunInfo info = new RunInfo(number, WfapiStatus.result(run.status()), null, run.startTimeMillis(),
                    completedAt);
            notes.add(NOTE_AGENT);
            queueNote();

            List<Placed> placed = place();
            assignFlowNodes(placed);
            List<List<Placed>> clusters = cluster(placed);
            boolean anyExecuted = placed.stream().anyMatch(p -> p.stage().executed());
            if (!anyExecuted) {
                notes.add("The REST API lists no stage that ran in this run: its time is unexplained and counted as"
                        + " GAP.");
                return new SourceRun(info, FlowGraph.empty(), new SourceLimits(UNKNOWN_CAUSES, notes, false), true);
            }
            if (clusters.stream().anyMatch(c -> c.size() > 1)) {
                notes.add(NOTE_FLAT);
            }

            long first = placed.get(0).start();
            GraphNode.Builder flowStart = add(NodeKind.FLOW_START, List.of(), first);
            List<String> heads = List.of(id(flowStart));
            for (int i = 0; i < clusters.size(); i++) {
                List<Placed> cluster = clusters.get(i);
                boolean last = i == clusters.size() - 1;
                heads = cluster.size() == 1 ? stage(cluster.get(0), heads, last)
                        : parallel(cluster, heads, last);
            }
            if (completedAt != null) {
                add(NodeKind.FLOW_END, heads, Math.max(first, completedAt)).startId("2");
            }
            List<GraphNode> built = new ArrayList<>(nodes.size());
            nodes.forEach(n -> built.add(n.build()));
            return new SourceRun(info, FlowGraph.of(built), new SourceLimits(UNKNOWN_CAUSES, notes, false), true);
        }

        private @Nullable Long completedAt() {
            if (run.running()) {
                return null;
            }
            long start = run.startTimeMillis();
            if (run.endTimeMillis() >= start && run.endTimeMillis() > 0) {
                return run.endTimeMillis();
            }
            if (run.durationMillis() > 0) {
                return start + run.durationMillis() + oldQueueMillis();
            }
            // Some captures zero the run's end and duration: the last stage's end is the best that is known.
            long end = start;
            for (WfapiStage stage : run.stages()) {
                if (stage.executed()) {
                    end = Math.max(end, stage.endTimeMillis());
                }
            }
            return end;
        }

        /** The queue duration where the API used its pre-2017 meaning (time before the first stage), else 0. */
        private long oldQueueMillis() {
            Long queue = run.queueDurationMillis();
            return queue != null && oldMeaning() ? queue : 0;
        }

        /**
         * Whether {@code queueDurationMillis} has its pre-2017 meaning: then {@code durationMillis} left it out, so
         * {@code end − start = duration + queue}, and the first stage started {@code queue} after the run.
         */
        private boolean oldMeaning() {
            Long queue = run.queueDurationMillis();
            if (queue == null || queue <= 2) {
                return false;
            }
            if (run.endTimeMillis() > 0 && run.durationMillis() > 0) {
                return Math.abs(run.endTimeMillis() - run.startTimeMillis() - run.durationMillis() - queue) <= 2;
            }
            long firstStage = run.stages().stream().filter(WfapiStage::executed)
                    .mapToLong(WfapiStage::startTimeMillis).min().orElse(0);
            return firstStage > 0 && Math.abs(firstStage - run.startTimeMillis() - queue) <= 2;
        }

        private void queueNote() {
            Long queue = run.queueDurationMillis();
            if (queue == null || queue <= 0) {
                return;
            }
            notes.add(oldMeaning()
                    ? "Build-queue wait unknown: the API's queueDurationMillis (" + queue + " ms) is, in this API"
                            + " version, the time before the first stage inside the run; it is counted there."
                    : "Build-queue wait unknown: the API's queueDurationMillis (" + queue + " ms) is the time"
                            + " between the run's creation and its start, not the time spent in the build queue.");
        }

        /** Executed stages at their times; skipped ones, zero-length, where the API listed them. */
        private List<Placed> place() {
            List<Placed> placed = new ArrayList<>();
            long anchor = run.startTimeMillis();
            List<WfapiStage> stages = run.stages();
            for (int i = 0; i < stages.size(); i++) {
                WfapiStage stage = stages.get(i);
                if (stage.executed()) {
                    long start = Math.max(stage.startTimeMillis(), run.startTimeMillis());
                    long end = Math.max(start, stage.endTimeMillis());
                    placed.add(new Placed(stage, start, end, i));
                    anchor = Math.max(anchor, end);
                } else {
                    placed.add(new Placed(stage, anchor, anchor, i));
                }
            }
            placed.sort(Comparator.comparingLong(Placed::start).thenComparingInt(Placed::index));
            return placed;
        }

        /**
         * Each listed flow node belongs to one stage: the innermost (latest-starting) stage that holds it, so that a
         * parent stage that also lists its nested stages' steps does not count them twice. A stage that holds
         * another stage is a container: without steps of its own, its time is not work.
         */
        private void assignFlowNodes(List<Placed> placed) {
            Map<String, WfapiNode> byId = new HashMap<>();
            Map<String, Placed> owner = new HashMap<>();
            for (Placed p : placed) {
                List<WfapiNode> list = p.stage().flowNodes();
                if (list == null || !p.stage().executed()) {
                    continue;
                }
                if (list.size() >= API_NODE_CAP) {
                    notes.add("Stage '" + p.stage().name() + "': the REST API lists only its first "
                            + list.size() + " steps.");
                }
                for (WfapiNode node : list) {
                    if (!node.executed()) {
                        continue;
                    }
                    Placed current = owner.get(node.id());
                    if (current == null || p.start() > current.start()) {
                        owner.put(node.id(), p);
                        byId.put(node.id(), node);
                    }
                }
            }
            owner.forEach((id, p) -> ownNodes.computeIfAbsent(p.index(), k -> new ArrayList<>())
                    .add(byId.get(id)));
            ownNodes.values().forEach(list -> list.sort(Comparator.comparingLong(WfapiNode::startTimeMillis)
                    .thenComparing(n -> numeric(n.id()))));
            for (Placed outer : placed) {
                for (Placed inner : placed) {
                    if (inner != outer && inner.stage().executed() && outer.stage().executed()
                            && inner.start() >= outer.start() && inner.end() <= outer.end()
                            && inner.start() < outer.end() && later(inner, outer)) {
                        containers.add(outer.index());
                    }
                }
            }
        }

        /** Consecutive stages whose times overlap form one group; a zero-length stage never joins one. */
        private static List<List<Placed>> cluster(List<Placed> placed) {
            List<List<Placed>> clusters = new ArrayList<>();
            List<Placed> current = null;
            long end = Long.MIN_VALUE;
            for (Placed p : placed) {
                if (current != null && p.start() < end && p.end() > p.start()) {
                    current.add(p);
                    end = Math.max(end, p.end());
                } else {
                    current = new ArrayList<>();
                    current.add(p);
                    clusters.add(current);
                    end = p.end();
                }
            }
            return clusters;
        }

        /** A group of overlapping stages: one {@code parallel} with one branch per stage, named after it. */
        private List<String> parallel(List<Placed> cluster, List<String> heads, boolean last) {
            long fork = cluster.get(0).start();
            GraphNode.Builder outer = add(NodeKind.BLOCK_START, heads, fork).function(StepFunctions.PARALLEL);
            List<String> ends = new ArrayList<>();
            long join = fork;
            boolean open = false;
            for (Placed p : cluster) {
                String name = p.stage().name();
                GraphNode.Builder body = add(NodeKind.BLOCK_START, List.of(id(outer)), p.start())
                        .function(StepFunctions.PARALLEL).body(true).branchName(name).label("Branch: " + name);
                List<String> inner = stage(p, List.of(id(body)), last);
                if (isOpen(p, last)) {
                    open = true;
                    continue;
                }
                GraphNode.Builder end = add(NodeKind.BLOCK_END, inner, p.end()).function(StepFunctions.PARALLEL)
                        .startId(id(body));
                marks(p.stage(), end);
                ends.add(id(end));
                join = Math.max(join, p.end());
            }
            if (open) {
                return ends.isEmpty() ? List.of(id(outer)) : ends;
            }
            GraphNode.Builder outerEnd = add(NodeKind.BLOCK_END, ends, join).function(StepFunctions.PARALLEL)
                    .startId(id(outer));
            return List.of(id(outerEnd));
        }

        /** A stage still going: only in a running run, and only among the last stages. */
        private boolean isOpen(Placed p, boolean last) {
            return last && run.running() && WfapiStatus.running(p.stage().status());
        }

        /** One stage block: outer start, body start, its steps, body end, outer end. Returns the new heads. */
        private List<String> stage(Placed p, List<String> heads, boolean last) {
            WfapiStage stage = p.stage();
            GraphNode.Builder outer = add(NodeKind.BLOCK_START, heads, p.start()).function(StepFunctions.STAGE)
                    .arguments(Map.of("name", stage.name()));
            GraphNode.Builder body = add(NodeKind.BLOCK_START, List.of(id(outer)), p.start())
                    .function(StepFunctions.STAGE).body(true).label(stage.name());
            if (!stage.executed()) {
                body.tags(Map.of(GraphNode.STAGE_STATUS, "SKIPPED_FOR_CONDITIONAL"));
            }
            boolean open = isOpen(p, last);
            List<String> inner = List.of(id(body));
            long clock = p.start();
            List<WfapiNode> steps = ownNodes.getOrDefault(p.index(), List.of());
            if (steps.isEmpty() && stage.executed() && !containers.contains(p.index())) {
                GraphNode.Builder atom = add(NodeKind.ATOM, inner, p.start());
                if (stage.pauseDurationMillis() > 0) {
                    long pauseEnd = p.start() + Math.min(stage.pauseDurationMillis(), p.end() - p.start());
                    atom.pauses(List.of(new Pause("Input", p.start(), open ? null : pauseEnd)));
                }
                inner = List.of(id(atom));
                clock = p.end();
            } else {
                for (WfapiNode step : steps) {
                    long at = Math.max(clock, Math.min(step.startTimeMillis(), open ? Long.MAX_VALUE : p.end()));
                    if (at > clock) {
                        inner = unlisted(inner, clock);
                    }
                    GraphNode.Builder atom = atom(step, inner, at, open ? Long.MAX_VALUE : p.end());
                    inner = List.of(id(atom));
                    clock = Math.max(at, Math.min(step.startTimeMillis() + step.durationMillis(),
                            open ? Long.MAX_VALUE : p.end()));
                }
            }
            if (open) {
                return inner;
            }
            if (p.end() > clock) {
                inner = unlisted(inner, clock);
            }
            GraphNode.Builder bodyEnd = add(NodeKind.BLOCK_END, inner, p.end()).function(StepFunctions.STAGE)
                    .startId(id(body));
            marks(stage, bodyEnd);
            GraphNode.Builder outerEnd = add(NodeKind.BLOCK_END, List.of(id(bodyEnd)), p.end())
                    .function(StepFunctions.STAGE).startId(id(outer));
            if (bodyEnd.build().error() != null) {
                outerEnd.error(bodyEnd.build().error());
            }
            return List.of(id(outerEnd));
        }

        /** A zero-length block at {@code at}: the time from its end to the next node is a gap. */
        private List<String> unlisted(List<String> heads, long at) {
            GraphNode.Builder start = add(NodeKind.BLOCK_START, heads, at).function(UNLISTED);
            GraphNode.Builder end = add(NodeKind.BLOCK_END, List.of(id(start)), at).function(UNLISTED)
                    .startId(id(start));
            return List.of(id(end));
        }

        private GraphNode.Builder atom(WfapiNode step, List<String> heads, long at, long limit) {
            String[] known = STEPS.get(step.name());
            String function = known != null ? known[0] : step.name();
            Map<String, String> arguments = Map.of();
            String description = step.parameterDescription();
            if (description != null && !description.isEmpty()) {
                arguments = Map.of(known != null && !known[1].isEmpty() ? known[1] : "value", description);
            }
            GraphNode.Builder atom = add(NodeKind.ATOM, heads, at).function(function).arguments(arguments)
                    .error(step.error());
            if (step.pauseDurationMillis() > 0) {
                long end = Math.min(at + step.pauseDurationMillis(), limit);
                boolean paused = WfapiStatus.PAUSED_PENDING_INPUT.equals(step.status());
                atom.pauses(List.of(new Pause("Input", at, paused ? null : end)));
            }
            return atom;
        }

        private static void marks(WfapiStage stage, GraphNode.Builder end) {
            switch (stage.status()) {
                case WfapiStatus.FAILED:
                    end.error(stage.error() != null ? stage.error() : "hudson.AbortException: stage failed");
                    break;
                case WfapiStatus.ABORTED:
                    end.error("org.jenkinsci.plugins.workflow.steps.FlowInterruptedException");
                    break;
                case WfapiStatus.UNSTABLE:
                    end.warning("UNSTABLE");
                    break;
                default:
                    break;
            }
        }

        private GraphNode.Builder add(NodeKind kind, List<String> parents, long at) {
            GraphNode.Builder node = GraphNode.builder(Integer.toString(nextId++), kind).parents(parents).start(at);
            nodes.add(node);
            return node;
        }

        private static String id(GraphNode.Builder node) {
            return node.build().id();
        }

        /** Whether {@code inner} was created after {@code outer}: by flow node id, or by the API's order. */
        private static boolean later(Placed inner, Placed outer) {
            long a = numeric(inner.stage().id());
            long b = numeric(outer.stage().id());
            return a != Long.MAX_VALUE && b != Long.MAX_VALUE ? a > b : inner.index() > outer.index();
        }

        private static long numeric(String id) {
            try {
                return Long.parseLong(id);
            } catch (NumberFormatException e) {
                return Long.MAX_VALUE;
            }
        }
    }
}
