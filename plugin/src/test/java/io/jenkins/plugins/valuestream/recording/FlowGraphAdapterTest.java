package io.jenkins.plugins.valuestream.recording;

import static io.jenkins.plugins.valuestream.Jenkinsfiles.job;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.valuestream.graph.FlowGraph;
import io.jenkins.plugins.valuestream.graph.GraphNode;
import io.jenkins.plugins.valuestream.graph.NodeKind;
import io.jenkins.plugins.valuestream.graph.StepFunctions;
import java.util.List;
import org.jenkinsci.plugins.workflow.flow.FlowExecution;
import org.jenkinsci.plugins.workflow.graphanalysis.DepthFirstScanner;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;

/** The live flow graph read through the API has the shapes the build-folder reader finds on disk. */
public class FlowGraphAdapterTest {
    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule r = new JenkinsRule();

    private FlowGraph graphOf(String jenkinsfile) throws Exception {
        WorkflowRun run = r.buildAndAssertSuccess(job(r, "adapted", jenkinsfile));
        FlowExecution execution = run.getExecution();
        assertThat(execution, notNullValue());
        FlowGraph graph = FlowGraphAdapter.adapt(execution);
        assertEquals("every node of the run", new DepthFirstScanner().allNodes(execution).size(), graph.size());
        return graph;
    }

    private static GraphNode outerBlockOf(FlowGraph graph, String function) {
        return graph.nodes().stream()
                .filter(n -> n.kind() == NodeKind.BLOCK_START && !n.body() && n.is(function))
                .findFirst().orElseThrow(() -> new AssertionError("no " + function + " block"));
    }

    @Test
    public void nodesComeInCreationOrderFromFlowStartToFlowEnd() throws Exception {
        List<GraphNode> nodes = graphOf("scripted-node.groovy").nodes();

        assertThat(nodes.get(0).kind(), is(NodeKind.FLOW_START));
        assertThat(nodes.get(nodes.size() - 1).kind(), is(NodeKind.FLOW_END));
        for (int i = 1; i < nodes.size(); i++) {
            assertTrue(Long.parseLong(nodes.get(i - 1).id()) < Long.parseLong(nodes.get(i).id()));
        }
    }

    @Test
    public void everyNodeHasItsStartTime() throws Exception {
        for (GraphNode node : graphOf("scripted-node.groovy").nodes()) {
            assertThat("start of node " + node.id(), node.startMillis(), notNullValue());
        }
    }

    @Test
    public void aStageIsAnOuterBlockWithItsNameAndABodyWithItsLabel() throws Exception {
        FlowGraph graph = graphOf("scripted-node.groovy");

        GraphNode stage = outerBlockOf(graph, StepFunctions.STAGE);
        assertEquals("Build", stage.arguments().get("name"));
        GraphNode body = graph.children(stage.id()).get(0);
        assertTrue(body.body());
        assertEquals("Build", body.label());
    }

    @Test
    public void blockEndsNameTheirStartAndCarryNoFunction() throws Exception {
        FlowGraph graph = graphOf("scripted-node.groovy");
        GraphNode stage = outerBlockOf(graph, StepFunctions.STAGE);

        GraphNode end = graph.nodes().stream()
                .filter(n -> n.kind() == NodeKind.BLOCK_END && stage.id().equals(n.startId()))
                .findFirst().orElseThrow();

        assertThat(end.function(), is((String) null));
        assertFalse(end.body());
    }

    @Test
    public void aNodeBlockIsAnAgentBlock() throws Exception {
        GraphNode node = outerBlockOf(graphOf("scripted-node.groovy"), StepFunctions.NODE);

        assertTrue(StepFunctions.AGENT_BLOCKS.contains(node.function()));
    }

    @Test
    public void aParallelBranchBodyCarriesItsBranchName() throws Exception {
        FlowGraph graph = graphOf("declarative-parallel.groovy");

        List<String> branches = graph.nodes().stream()
                .filter(n -> n.branchName() != null).map(GraphNode::branchName).toList();

        assertEquals(List.of("Unit", "Integration"), branches);
    }

    @Test
    public void anInputPauseIsReadWithItsCauseAndEnd() throws Exception {
        WorkflowRun run = job(r, "paused", "input-approval.groovy").scheduleBuild2(0).waitForStart();
        r.waitForMessage("Ship it?", run);
        org.jenkinsci.plugins.workflow.support.steps.input.InputAction input =
                run.getAction(org.jenkinsci.plugins.workflow.support.steps.input.InputAction.class);
        input.getExecution("Ship").proceed(null);
        r.assertBuildStatusSuccess(r.waitForCompletion(run));

        GraphNode inputNode = FlowGraphAdapter.adapt(run.getExecution()).nodes().stream()
                .filter(n -> n.is(StepFunctions.INPUT)).findFirst().orElseThrow();

        assertEquals(1, inputNode.pauses().size());
        assertEquals("Input", inputNode.pauses().get(0).cause());
        assertThat(inputNode.pauses().get(0).endMillis(), notNullValue());
    }
}
