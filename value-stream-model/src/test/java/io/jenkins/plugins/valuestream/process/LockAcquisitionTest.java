package io.jenkins.plugins.valuestream.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.valuestream.graph.FlowGraph;
import io.jenkins.plugins.valuestream.graph.FlowGraphBuilder;
import io.jenkins.plugins.valuestream.graph.RunResult;
import io.jenkins.plugins.valuestream.graph.StepFunctions;
import java.util.Map;
import org.junit.Test;

/** Which resource each {@code lock} step waited for, as the extraction reads it from the step's arguments. */
public class LockAcquisitionTest {
    private static final long T0 = 1_700_000_000_000L;

    private static ProcessMap finished(FlowGraphBuilder run) {
        FlowGraph graph = run.finish();
        return ProcessMapExtractor.extract(run.runInfo(3, RunResult.SUCCESS, 0L), graph, Long.MAX_VALUE);
    }

    @Test
    public void aLockThatWaitedIsAnAcquisitionOfItsResourceWithTheWaitOfItsStep() {
        FlowGraphBuilder run = FlowGraphBuilder.startingAt(T0);
        run.stage("Deploy", s -> s.lock("db", 30_000, l -> l.sh("./migrate.sh", 10_000)));
        ProcessMap map = finished(run);

        ProcessStep deploy = map.step(StepPath.of("Deploy")).orElseThrow();
        assertThat(map.locks()).singleElement().satisfies(lock -> {
            assertThat(lock.resource()).isEqualTo("db");
            assertThat(lock.step()).isEqualTo(StepPath.of("Deploy"));
            assertThat(lock.waitMillis()).isEqualTo(deploy.waits().millis(WaitCause.LOCK)).isEqualTo(30_001);
            assertThat(lock.holdMillis()).isBetween(10_000L, 10_010L);
            assertThat(lock.startedAt()).isBetween(deploy.startedAt(), deploy.startedAt() + 10);
        });
    }

    @Test
    public void aLockByLabelIsRecordedAsTheLabel() {
        FlowGraphBuilder run = FlowGraphBuilder.startingAt(T0);
        run.stage("Test on device", s -> s.block(StepFunctions.LOCK, Map.of("label", "phones", "quantity", "1"),
                5_000, null, null, l -> l.sh("./run-on-device.sh", 1_000)));
        ProcessMap map = finished(run);

        assertThat(map.locks()).extracting(LockAcquisition::resource).containsExactly("label:phones");
    }

    @Test
    public void aLockWithNeitherResourceNorLabelIsUnnamed() {
        FlowGraphBuilder run = FlowGraphBuilder.startingAt(T0);
        run.stage("Release", s -> s.block(StepFunctions.LOCK, Map.of("inversePrecedence", "true"), 2_000, null, null,
                l -> l.sh("./release.sh", 1_000)));
        ProcessMap map = finished(run);

        assertThat(map.locks()).singleElement().satisfies(lock -> {
            assertThat(lock.resource()).isEmpty();
            assertThat(lock.unnamed()).isTrue();
            assertThat(lock.waitMillis()).isEqualTo(2_001);
        });
    }

    @Test
    public void aResourceJenkinsDidNotKeepIsUnnamed() {
        assertThat(Segments.lockResource(Map.of("resource",
                "org.jenkinsci.plugins.workflow.actions.ArgumentsAction_-NotStoredReason(MASKED_VALUE)")))
                .isEmpty();
        assertThat(Segments.lockResource(Map.of("resource", "OVERSIZE_VALUE"))).as("as the live graph writes it")
                .isEmpty();
        assertThat(Segments.lockResource(Map.of("resource", "null"))).isEmpty();
    }

    @Test
    public void theResourceWinsOverTheLabelWhereBothAreGiven() {
        assertThat(Segments.lockResource(Map.of("resource", "db", "label", "databases"))).isEqualTo("db");
    }

    @Test
    public void aLockNestedInAStageAndAnAgentBelongsToTheInnermostStep() {
        FlowGraphBuilder run = FlowGraphBuilder.startingAt(T0);
        run.stage("Deploy", s -> s.stage("Staging", st -> st.node("linux", 1_000,
                n -> n.lock("staging-environment", 40_000, l -> l.sh("./deploy.sh staging", 5_000)))));
        ProcessMap map = finished(run);

        assertThat(map.locks()).singleElement().satisfies(lock -> {
            assertThat(lock.resource()).isEqualTo("staging-environment");
            assertThat(lock.step()).isEqualTo(StepPath.of("Deploy", "Staging"));
            assertThat(lock.waitMillis()).isEqualTo(40_001);
        });
        assertThat(map.agents()).as("the agent block is no lock").singleElement()
                .extracting(AgentAllocation::label).isEqualTo("linux");
    }

    @Test
    public void locksAreInStartOrderAndEachIsItsOwnAcquisition() {
        FlowGraphBuilder run = FlowGraphBuilder.startingAt(T0);
        run.stage("Migrate", s -> s.lock("db", 1_000, l -> l.sh("./migrate.sh", 1_000)));
        run.stage("Seed", s -> s.lock("db", 3_000, l -> l.sh("./seed.sh", 1_000)));
        ProcessMap map = finished(run);

        assertThat(map.locks()).extracting(LockAcquisition::step, LockAcquisition::waitMillis).containsExactly(
                org.assertj.core.groups.Tuple.tuple(StepPath.of("Migrate"), 1_001L),
                org.assertj.core.groups.Tuple.tuple(StepPath.of("Seed"), 3_001L));
    }

    @Test
    public void aRunWithoutLocksHasNoAcquisitions() {
        FlowGraphBuilder run = FlowGraphBuilder.startingAt(T0);
        run.stage("Build", s -> s.node("linux", 1_000, n -> n.sh("make", 1_000)));

        assertThat(finished(run).locks()).isEmpty();
    }
}
