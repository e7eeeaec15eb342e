package io.jenkins.plugins.valuestream.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.jenkins.plugins.valuestream.graph.FlowGraph;
import io.jenkins.plugins.valuestream.graph.FlowGraphBuilder;
import io.jenkins.plugins.valuestream.graph.GraphNode;
import io.jenkins.plugins.valuestream.graph.NodeKind;
import io.jenkins.plugins.valuestream.graph.RunInfo;
import io.jenkins.plugins.valuestream.graph.RunResult;
import io.jenkins.plugins.valuestream.graph.StepFunctions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.Test;

/** Which block, step, branch, rework and context each node ran in, and which blocks define steps. */
public class StepScopesTest {
    private static final long T0 = 1_700_000_000_000L;

    private static final class Scoped {
        final FlowGraph graph;
        final StepScopes scopes;

        Scoped(FlowGraphBuilder run) {
            this.graph = run.finish();
            this.scopes = new StepScopes(new NodeTable(run.runInfo(1, RunResult.SUCCESS, null), graph, run.now()));
        }

        /** The position of the first node of the function with the given arguments, in graph order. */
        int first(String function, Map<String, String> arguments) {
            for (int i = 0; i < graph.size(); i++) {
                GraphNode node = graph.nodes().get(i);
                if (node.is(function) && node.arguments().equals(arguments)) {
                    return i;
                }
            }
            throw new AssertionError("no " + function + " with " + arguments);
        }

        /** The id of the first parallel block. */
        String parallelId() {
            return graph.nodes().get(first(StepFunctions.PARALLEL, Map.of())).id();
        }

        int sh(String script) {
            return first(StepFunctions.SHELL, Map.of("script", script));
        }
    }

    /** A stage "Test" holding the parallel branches "unit" and "it", scripted or Declarative (a stage each). */
    private static Scoped parallelTest(boolean declarative) {
        FlowGraphBuilder run = FlowGraphBuilder.startingAt(T0);
        Map<String, Consumer<FlowGraphBuilder.Scope>> branches = branches("unit", "it");
        run.stage("Test", s -> {
            if (declarative) {
                s.parallelStages(branches);
            } else {
                s.parallel(branches);
            }
        });
        return new Scoped(run);
    }

    /** Two parallel branches (or stages) in this order, each running a script of its name; the second is slower. */
    private static Map<String, Consumer<FlowGraphBuilder.Scope>> branches(String first, String second) {
        Map<String, Consumer<FlowGraphBuilder.Scope>> branches = new LinkedHashMap<>();
        branches.put(first, b -> b.sh(first, 100));
        branches.put(second, b -> b.sh(second, 300));
        return branches;
    }

    @Test
    public void aBlockEndIsInsideWhatItsStartIsInside() {
        FlowGraphBuilder run = FlowGraphBuilder.startingAt(T0);
        run.stage("Build", s -> s.sh("make", 100));
        Scoped scoped = new Scoped(run);
        // 2 flow start, 3 stage, 4 its body, 5 sh, 6 body end, 7 stage end.
        int stage = scoped.graph.indexOf("3");
        int body = scoped.graph.indexOf("4");

        assertThat(scoped.scopes.enclosing(scoped.graph.indexOf("7"))).isEqualTo(scoped.scopes.enclosing(stage))
                .isEqualTo(-1);
        assertThat(scoped.scopes.enclosing(scoped.graph.indexOf("6"))).isEqualTo(stage);
        assertThat(scoped.scopes.enclosing(scoped.sh("make"))).isEqualTo(body);
        assertThat(scoped.scopes.stepOf(stage)).isSameAs(scoped.scopes.stepOf(scoped.sh("make")));
        assertThat(scoped.scopes.stepOf(scoped.graph.indexOf("7"))).isNull();
    }

    @Test
    public void aBlockNestedInOneOfTheSameFunctionIsItsBodyAlsoWhereTheNodeDoesNotSaySo() {
        // As a reader that does not see BodyInvocationAction gives a stage: the body start without its body mark.
        List<GraphNode> nodes = List.of(GraphNode.builder("2", NodeKind.FLOW_START).start(T0).build(),
                GraphNode.builder("3", NodeKind.BLOCK_START).function(StepFunctions.STAGE).parents("2").start(T0)
                        .arguments(Map.of("name", "Build")).build(),
                GraphNode.builder("4", NodeKind.BLOCK_START).function(StepFunctions.STAGE).parents("3")
                        .start(T0 + 1).label("Build").build(),
                GraphNode.builder("5", NodeKind.BLOCK_START).function(StepFunctions.STAGE).parents("4")
                        .start(T0 + 2).arguments(Map.of("name", "Inner")).build());
        StepScopes scopes = new StepScopes(new NodeTable(new RunInfo(1, null, null, T0, null), FlowGraph.of(nodes),
                T0 + 10));

        assertThat(scopes.isBody(2)).isTrue();
        assertThat(scopes.isBody(3)).as("a stage in the body of a stage is a stage of its own").isFalse();
        assertThat(scopes.steps()).extracting(step -> step.path).containsExactly(StepPath.of("Build"),
                StepPath.of("Build", "Inner"));
    }

    @Test
    public void everythingInAFailedRetryAttemptIsReworkAndNothingInThePassingOne() {
        FlowGraphBuilder run = FlowGraphBuilder.startingAt(T0);
        run.stage("Build", s -> s.retry("hudson.AbortException: flaky",
                a -> a.node("linux", 10, n -> n.sh("first", 100)),
                a -> a.node("linux", 10, n -> n.sh("second", 100))));
        Scoped scoped = new Scoped(run);
        int firstAgent = scoped.first(StepFunctions.NODE, Map.of("label", "linux"));

        assertThat(scoped.scopes.inRework(scoped.sh("first"))).isTrue();
        assertThat(scoped.scopes.inRework(firstAgent)).as("a block start inside the attempt").isTrue();
        assertThat(scoped.scopes.inRework(scoped.sh("second"))).isFalse();
        assertThat(scoped.scopes.inRework(scoped.first(StepFunctions.RETRY, Map.of("count", "2")))).isFalse();
    }

    @Test
    public void aScriptedBranchIsAStepInItsParallelGroup() {
        Scoped scoped = parallelTest(false);
        String parallel = scoped.parallelId();

        assertThat(scoped.scopes.branchOf(scoped.sh("unit"))).isEqualTo("unit");
        assertThat(scoped.scopes.branchOf(scoped.sh("it"))).isEqualTo("it");
        assertThat(scoped.scopes.steps()).extracting(step -> step.path, step -> step.kind, step -> step.parallelGroup)
                .containsExactly(tuple(StepPath.of("Test"), StepKind.STAGE, null),
                        tuple(StepPath.of("Test", "unit"), StepKind.BRANCH, parallel),
                        tuple(StepPath.of("Test", "it"), StepKind.BRANCH, parallel));
    }

    @Test
    public void aDeclarativeBranchIsNoStepButItsStageIsAndRunsInTheParallelGroup() {
        Scoped scoped = parallelTest(true);
        String parallel = scoped.parallelId();

        assertThat(scoped.scopes.steps()).extracting(step -> step.path, step -> step.kind, step -> step.parallelGroup)
                .containsExactly(tuple(StepPath.of("Test"), StepKind.STAGE, null),
                        tuple(StepPath.of("Test", "unit"), StepKind.STAGE, parallel),
                        tuple(StepPath.of("Test", "it"), StepKind.STAGE, parallel));
        assertThat(scoped.scopes.stepOf(scoped.sh("it")).path).isEqualTo(StepPath.of("Test", "it"));
    }

    @Test
    public void aMatrixCellIsTheEnvironmentOfItsWorkAndAnAgentBlockItsAgent() {
        FlowGraphBuilder run = FlowGraphBuilder.startingAt(T0);
        Map<String, Consumer<FlowGraphBuilder.Scope>> cells = new LinkedHashMap<>();
        cells.put("Matrix - JDK = '17'", b -> b.node("linux", 10, n -> n.sh("make", 100)));
        run.stage("Build", s -> s.parallel(cells));
        Scoped scoped = new Scoped(run);

        WorkContext context = scoped.scopes.contextOf(scoped.sh("make"));
        assertThat(context.environment()).isEqualTo("Matrix - JDK = '17'");
        assertThat(context.agent()).isEqualTo("#1 linux");
        assertThat(scoped.scopes.contextOf(scoped.first(StepFunctions.NODE, Map.of("label", "linux"))))
                .as("the agent block itself waits outside its agent")
                .isEqualTo(new WorkContext("", "Matrix - JDK = '17'"));
    }
}
