package io.jenkins.plugins.valuestream.recording;

import static io.jenkins.plugins.valuestream.Jenkinsfiles.job;
import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(execution).isNotNull();
        FlowGraph graph = FlowGraphAdapter.adapt(execution);
        assertThat(graph.size()).as("every node of the run")
                .isEqualTo(new DepthFirstScanner().allNodes(execution).size());
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

        assertThat(nodes.get(0).kind()).isEqualTo(NodeKind.FLOW_START);
        assertThat(nodes.get(nodes.size() - 1).kind()).isEqualTo(NodeKind.FLOW_END);
        for (int i = 1; i < nodes.size(); i++) {
            assertThat(Long.parseLong(nodes.get(i).id())).isGreaterThan(Long.parseLong(nodes.get(i - 1).id()));
        }
    }

    @Test
    public void everyNodeHasItsStartTime() throws Exception {
        for (GraphNode node : graphOf("scripted-node.groovy").nodes()) {
            assertThat(node.startMillis()).as("start of node %s", node.id()).isNotNull();
        }
    }

    @Test
    public void aStageIsAnOuterBlockWithItsNameAndABodyWithItsLabel() throws Exception {
        FlowGraph graph = graphOf("scripted-node.groovy");

        GraphNode stage = outerBlockOf(graph, StepFunctions.STAGE);
        assertThat(stage.arguments().get("name")).isEqualTo("Build");
        GraphNode body = graph.children(stage.id()).get(0);
        assertThat(body.body()).isTrue();
        assertThat(body.label()).isEqualTo("Build");
    }

    @Test
    public void blockEndsNameTheirStartAndCarryNoFunction() throws Exception {
        FlowGraph graph = graphOf("scripted-node.groovy");
        GraphNode stage = outerBlockOf(graph, StepFunctions.STAGE);

        GraphNode end = graph.nodes().stream()
                .filter(n -> n.kind() == NodeKind.BLOCK_END && stage.id().equals(n.startId()))
                .findFirst().orElseThrow();

        assertThat(end.function()).isNull();
        assertThat(end.body()).isFalse();
    }

    @Test
    public void aNodeBlockIsAnAgentBlock() throws Exception {
        GraphNode node = outerBlockOf(graphOf("scripted-node.groovy"), StepFunctions.NODE);

        assertThat(StepFunctions.AGENT_BLOCKS).contains(node.function());
    }

    @Test
    public void aParallelBranchBodyCarriesItsBranchName() throws Exception {
        FlowGraph graph = graphOf("declarative-parallel.groovy");

        List<String> branches = graph.nodes().stream()
                .filter(n -> n.branchName() != null).map(GraphNode::branchName).toList();

        assertThat(branches).containsExactly("Unit", "Integration");
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

        assertThat(inputNode.pauses()).hasSize(1);
        assertThat(inputNode.pauses().get(0).cause()).isEqualTo("Input");
        assertThat(inputNode.pauses().get(0).endMillis()).isNotNull();
    }
}
