package io.jenkins.plugins.valuestream.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.valuestream.graph.FlowGraph;
import io.jenkins.plugins.valuestream.graph.FlowGraphBuilder;
import io.jenkins.plugins.valuestream.graph.GraphNode;
import io.jenkins.plugins.valuestream.graph.NodeKind;
import io.jenkins.plugins.valuestream.graph.RunInfo;
import io.jenkins.plugins.valuestream.graph.RunResult;
import io.jenkins.plugins.valuestream.graph.StepFunctions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** How long each node's segment lasts, what it waits for, and the order of the work items. */
public class SegmentsTest {
    private static final long T0 = 1_700_000_000_000L;

    private static Segments segments(FlowGraphBuilder run, FlowGraph graph) {
        RunInfo info = run.runInfo(1, RunResult.SUCCESS, null);
        NodeTable table = new NodeTable(info, graph, run.now());
        return new Segments(info, table, new StepScopes(table));
    }

    /** The position of the block end that closes the block start with the given id. */
    private static int endOf(FlowGraph graph, String startId) {
        for (int i = 0; i < graph.size(); i++) {
            if (startId.equals(graph.nodes().get(i).startId())) {
                return i;
            }
        }
        throw new AssertionError("no end of " + startId);
    }

    private static int bodyOfBranch(FlowGraph graph, String branch) {
        for (int i = 0; i < graph.size(); i++) {
            if (branch.equals(graph.nodes().get(i).branchName())) {
                return i;
            }
        }
        throw new AssertionError("no branch " + branch);
    }

    @Test
    public void aBranchThatFinishesFirstStopsAtItsEndAndTheLastOneLastsUntilTheJoin() {
        FlowGraphBuilder run = FlowGraphBuilder.startingAt(T0);
        run.root().parallel(Map.of("quick", b -> b.sh("quick", 100), "slow", b -> b.sh("slow", 500)));
        FlowGraph graph = run.finish();
        Segments segments = segments(run, graph);
        int quickEnd = endOf(graph, graph.nodes().get(bodyOfBranch(graph, "quick")).id());
        int slowEnd = endOf(graph, graph.nodes().get(bodyOfBranch(graph, "slow")).id());
        int join = endOf(graph, "3");
        long quickEndsAt = graph.nodes().get(quickEnd).startMillis();
        long slowEndsAt = graph.nodes().get(slowEnd).startMillis();

        assertThat(segments.segmentEnd(quickEnd, quickEndsAt)).isEqualTo(quickEndsAt);
        assertThat(segments.segmentEnd(slowEnd, slowEndsAt)).isEqualTo(graph.nodes().get(join).startMillis())
                .isGreaterThan(slowEndsAt);
    }

    @Test
    public void theLastNodeOfARunStillGoingLastsUntilNow() {
        FlowGraphBuilder run = FlowGraphBuilder.startingAt(T0);
        run.root().sh("make", 100);
        FlowGraph graph = run.running();
        RunInfo info = new RunInfo(1, null, null, T0, null);
        NodeTable table = new NodeTable(info, graph, T0 + 5_000);
        Segments segments = new Segments(info, table, new StepScopes(table));

        assertThat(segments.segmentEnd(graph.indexOf("3"), T0)).isEqualTo(T0 + 5_000);
    }

    @Test
    public void theTimeBetweenTwoEvaluationsOfAWaitUntilConditionIsSleepAndAfterOtherBlocksAGap() {
        FlowGraphBuilder run = FlowGraphBuilder.startingAt(T0);
        run.root().block(StepFunctions.WAIT_UNTIL, Map.of(), 0, null, null, body -> body.sh("test -f done", 10));
        run.stage("Build", s -> s.sh("make", 100));
        FlowGraph graph = run.finish();
        Segments segments = segments(run, graph);
        // 2 flow start, 3 waitUntil, 4 its body, 5 sh, 6 body end, 7 waitUntil end, 8 stage, 9 its body, ...
        int conditionEnd = endOf(graph, "4");
        int stageBodyEnd = endOf(graph, "9");

        assertThat(segments.causeOf(conditionEnd, NodeTable.BLOCK_END)).isEqualTo(WaitCause.SLEEP.ordinal());
        assertThat(segments.causeOf(stageBodyEnd, NodeTable.BLOCK_END)).isEqualTo(WaitCause.GAP.ordinal());
        assertThat(segments.causeOf(graph.indexOf("3"), NodeTable.BLOCK_START)).isEqualTo(WaitCause.SLEEP.ordinal());
        assertThat(segments.causeOf(graph.indexOf("4"), NodeTable.BLOCK_START)).as("the condition's body works")
                .isEqualTo(-1);
    }

    @Test
    public void workItemsComeInStartOrderTiesInTheirOrder() {
        List<WorkItem> work = new ArrayList<>(List.of(item("late", T0 + 300), item("first tie", T0 + 100),
                item("second tie", T0 + 100), item("early", T0)));

        assertThat(Segments.inStartOrder(work, T0, T0 + 1_000)).extracting(WorkItem::arguments)
                .containsExactly("early", "first tie", "second tie", "late");
    }

    @Test
    public void workItemsOutsideTheRunAreOrderedTheSameWay() {
        // An item starting before the run cannot be packed as an offset from its start: the other way of sorting.
        List<WorkItem> work = new ArrayList<>(List.of(item("late", T0 + 300), item("first tie", T0 + 100),
                item("second tie", T0 + 100), item("before", T0 - 50)));

        assertThat(Segments.inStartOrder(work, T0, T0 + 1_000)).extracting(WorkItem::arguments)
                .containsExactly("before", "first tie", "second tie", "late");
    }

    @Test
    public void theTimeBeforeTheFirstNodeIsAGapOfTheRun() {
        List<GraphNode> nodes = List.of(GraphNode.builder("2", NodeKind.FLOW_START).start(T0 + 400).build(),
                GraphNode.builder("3", NodeKind.FLOW_END).parents("2").start(T0 + 1_000).build());
        RunInfo info = new RunInfo(1, RunResult.SUCCESS, null, T0, T0 + 1_000);
        NodeTable table = new NodeTable(info, FlowGraph.of(nodes), T0 + 1_000);
        Segments segments = new Segments(info, table, new StepScopes(table));

        Timeline.Result splits = segments.timeline().sweep(new long[0], new long[0], new int[0], new long[0]);
        assertThat(splits.run().waits()[WaitCause.GAP.ordinal()]).isEqualTo(400);
        assertThat(splits.run().process()).isEqualTo(600);
    }

    private static WorkItem item(String arguments, long startedAt) {
        return new WorkItem(StepFunctions.SHELL, arguments, StepPath.OUTSIDE, "", startedAt, 10);
    }
}
