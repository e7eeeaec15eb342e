package io.jenkins.plugins.valuestream.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.valuestream.graph.FlowGraph;
import io.jenkins.plugins.valuestream.graph.FlowGraphBuilder;
import io.jenkins.plugins.valuestream.graph.GraphNode;
import io.jenkins.plugins.valuestream.graph.NodeKind;
import io.jenkins.plugins.valuestream.graph.RunInfo;
import io.jenkins.plugins.valuestream.graph.RunResult;
import io.jenkins.plugins.valuestream.graph.StepFunctions;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** How the extraction reads the nodes of a graph: order, starts, block ends and bodies. */
public class NodeTableTest {
    private static final long T0 = 1_700_000_000_000L;
    private static final RunInfo RUN = new RunInfo(1, RunResult.SUCCESS, null, T0, T0 + 1_000);

    private static GraphNode atom(String id, Long start, String... parents) {
        return GraphNode.builder(id, NodeKind.ATOM).function(StepFunctions.SHELL).start(start).parents(parents)
                .build();
    }

    private static NodeTable table(List<GraphNode> nodes) {
        return new NodeTable(RUN, FlowGraph.of(nodes), T0 + 1_000);
    }

    @Test
    public void nodesListedChildrenFirstAreReadParentsFirst() {
        FlowGraph graph = FlowGraph.of(List.of(atom("4", T0 + 20, "3"), atom("3", T0 + 10, "2"),
                GraphNode.builder("2", NodeKind.FLOW_START).start(T0).build()));
        NodeTable table = new NodeTable(RUN, graph, T0 + 1_000);

        assertThat(table.order()).containsExactly(graph.indexOf("2"), graph.indexOf("3"), graph.indexOf("4"));
        assertThat(table.notes()).isEmpty();
    }

    @Test
    public void theNodesOfACycleAreLeftOutAndNoted() {
        NodeTable table = table(List.of(GraphNode.builder("2", NodeKind.FLOW_START).start(T0).build(),
                atom("3", T0 + 10, "4"), atom("4", T0 + 20, "3")));

        assertThat(table.order()).containsExactly(0);
        assertThat(table.isPlaced(1)).isFalse();
        assertThat(table.isPlaced(2)).isFalse();
        assertThat(table.atoms()).isZero();
        assertThat(table.notes()).containsExactly(
                "2 flow nodes form a cycle and were left out (the flow graph is corrupt)");
    }

    @Test
    public void aNodeWithoutATimeStartsWithItsLatestParent() {
        NodeTable table = table(List.of(GraphNode.builder("2", NodeKind.FLOW_START).start(T0).build(),
                atom("3", T0 + 300, "2"), atom("4", T0 + 100, "2"), atom("5", null, "3", "4")));

        assertThat(table.start(3)).isEqualTo(T0 + 300);
    }

    @Test
    public void startsAreClampedIntoTheRun() {
        NodeTable table = table(List.of(GraphNode.builder("2", NodeKind.FLOW_START).start(T0 - 50).build(),
                atom("3", T0 + 5_000, "2")));

        assertThat(table.start(0)).isEqualTo(T0);
        assertThat(table.start(1)).isEqualTo(T0 + 1_000);
        assertThat(table.firstStart()).isEqualTo(T0);
    }

    @Test
    public void aBlockStartKnowsItsEndItsBodyAndWhetherItFailed() {
        FlowGraphBuilder run = FlowGraphBuilder.startingAt(T0);
        run.stage("Build", s -> s.sh("make", 100).fail("hudson.AbortException: script returned exit code 2"));
        run.stage("Deploy", s -> s.sh("ship", 100));
        FlowGraph graph = run.finish();
        NodeTable table = new NodeTable(run.runInfo(1, RunResult.FAILURE, null), graph, run.now());
        // Ids as FlowGraphBuilder writes them: 2 flow start, 3 stage, 4 its body, 5 sh, 6 body end, 7 stage end.
        int stage = graph.indexOf("3");
        int body = graph.indexOf("4");

        assertThat(table.endOf(stage)).isEqualTo(graph.indexOf("7"));
        assertThat(table.endOf(body)).isEqualTo(graph.indexOf("6"));
        assertThat(table.bodyOf(stage)).isEqualTo(body);
        assertThat(table.endedInError(stage)).isTrue();
        assertThat(table.endedInError(graph.indexOf("8"))).isFalse();
        assertThat(table.marked(body, NodeTable.BODY)).isTrue();
        assertThat(table.marked(stage, NodeTable.BODY)).isFalse();
        assertThat(table.has(stage, FunctionRoles.STAGE)).isTrue();
        assertThat(table.atoms()).isEqualTo(2);
    }

    @Test
    public void aBlockThatHasNotEndedHasNoEnd() {
        NodeTable table = table(List.of(GraphNode.builder("2", NodeKind.FLOW_START).start(T0).build(),
                GraphNode.builder("3", NodeKind.BLOCK_START).function(StepFunctions.STAGE).parents("2").start(T0)
                        .build(),
                GraphNode.builder("4", NodeKind.BLOCK_START).function(StepFunctions.STAGE).body(true).parents("3")
                        .start(T0 + 1).build(),
                atom("5", T0 + 2, "4")));

        assertThat(table.endOf(1)).isEqualTo(-1);
        assertThat(table.endedInError(1)).isFalse();
        assertThat(table.bodyOf(1)).isEqualTo(2);
    }

    @Test
    public void argumentsAreReadNormalizedAndNoArgumentsAreTheEmptyString() {
        NodeTable table = table(List.of(GraphNode.builder("2", NodeKind.FLOW_START).start(T0).build(),
                GraphNode.builder("3", NodeKind.ATOM).parents("2").start(T0).arguments(Map.of("script", " make  all"))
                        .build(),
                GraphNode.builder("4", NodeKind.ATOM).parents("3").start(T0).arguments(Map.of("script", "make all"))
                        .build()));

        assertThat(table.normalizedArguments(1)).isEqualTo("script=make all")
                .isEqualTo(table.normalizedArguments(2));
        assertThat(table.normalizedArguments(0)).isEmpty();
    }
}
