package io.jenkins.plugins.valuestream.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.valuestream.graph.FlowGraphBuilder;
import io.jenkins.plugins.valuestream.graph.RunResult;
import io.jenkins.plugins.valuestream.graph.StepFunctions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.Test;

/** Where each piece of work ran, as the extraction reads it from the blocks around it. */
public class WorkContextExtractionTest {
    private static final long T0 = 1_700_000_000_000L;
    private static final String WITH_ENV = "org.jenkinsci.plugins.workflow.steps.EnvStep";
    private static final String DIR = "org.jenkinsci.plugins.workflow.steps.PushdStep";

    private static List<WorkItem> work(FlowGraphBuilder run) {
        return ProcessMapExtractor.extract(run.runInfo(3, RunResult.SUCCESS, null), run.finish(), Long.MAX_VALUE).work();
    }

    private static WorkContext contextOf(List<WorkItem> work, String script, int occurrence) {
        return work.stream().filter(w -> w.arguments().equals("script=" + script)).skip(occurrence).findFirst()
                .orElseThrow().context();
    }

    @Test
    public void workOutsideEveryAgentRunsOnTheController() {
        FlowGraphBuilder run = FlowGraphBuilder.startingAt(T0);
        run.stage("Build", s -> s.sh("make", 1_000));

        assertThat(contextOf(work(run), "make", 0)).isEqualTo(WorkContext.NONE);
    }

    @Test
    public void eachAgentBlockIsItsOwnAllocationEvenWithTheSameLabel() {
        FlowGraphBuilder run = FlowGraphBuilder.startingAt(T0);
        run.stage("Build", s -> s.node("linux", 500, n -> n.sh("npm ci", 1_000)));
        run.stage("Test", s -> s.node("linux", 500, n -> n.sh("npm ci", 1_000)));
        List<WorkItem> work = work(run);

        assertThat(contextOf(work, "npm ci", 0).agent()).isEqualTo("#1 linux");
        assertThat(contextOf(work, "npm ci", 1).agent()).isEqualTo("#2 linux");
    }

    @Test
    public void withEnvAndDirAreTheEnvironmentOutermostFirst() {
        FlowGraphBuilder run = FlowGraphBuilder.startingAt(T0);
        run.stage("Build", s -> s.node("linux", 0, n -> n
                .block(WITH_ENV, Map.of("overrides", "[JDK=17]"), 0, null, null, e -> e
                        .block(DIR, Map.of("path", "ui"), 0, null, null, d -> d.sh("npm ci", 1_000)))));

        assertThat(contextOf(work(run), "npm ci", 0)).isEqualTo(
                new WorkContext("#1 linux", "withEnv(overrides=[JDK=17]); dir(path=ui)"));
    }

    @Test
    public void aDeclarativeMatrixCellIsAnEnvironmentOfItsOwn() {
        Map<String, Consumer<FlowGraphBuilder.Scope>> cells = new LinkedHashMap<>();
        for (String jdk : List.of("11", "17")) {
            cells.put("Matrix - JDK = '" + jdk + "'", b -> b.stage("Verify", v -> v.sh("mvn verify", 1_000)));
        }
        FlowGraphBuilder run = FlowGraphBuilder.startingAt(T0);
        run.stage("Build", s -> s.node("", 0, n -> n.parallel(cells)));
        List<WorkItem> work = work(run);

        assertThat(contextOf(work, "mvn verify", 0)).isEqualTo(new WorkContext("#1", "Matrix - JDK = '11'"));
        assertThat(contextOf(work, "mvn verify", 1)).isEqualTo(new WorkContext("#1", "Matrix - JDK = '17'"));
    }

    @Test
    public void ordinaryParallelBranchesShareTheirAgentsContext() {
        Map<String, Consumer<FlowGraphBuilder.Scope>> branches = new LinkedHashMap<>();
        branches.put("unit", b -> b.sh("npm ci", 1_000));
        branches.put("lint", b -> b.sh("npm ci", 1_000));
        FlowGraphBuilder run = FlowGraphBuilder.startingAt(T0);
        run.stage("Test", s -> s.node("linux", 0, n -> n.parallel(branches)));
        List<WorkItem> work = work(run);

        assertThat(contextOf(work, "npm ci", 0)).isEqualTo(contextOf(work, "npm ci", 1));
    }

    @Test
    public void contextBlocksAreKnownStepFunctions() {
        assertThat(StepFunctions.CONTEXT_BLOCKS).contains(WITH_ENV, DIR);
        assertThat(StepFunctions.displayName(WITH_ENV)).isEqualTo("withEnv");
    }
}
