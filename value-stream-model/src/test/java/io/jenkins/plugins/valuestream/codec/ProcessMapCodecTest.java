package io.jenkins.plugins.valuestream.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.valuestream.graph.Change;
import io.jenkins.plugins.valuestream.graph.FlowGraph;
import io.jenkins.plugins.valuestream.graph.FlowGraphBuilder;
import io.jenkins.plugins.valuestream.graph.RunResult;
import io.jenkins.plugins.valuestream.graph.UpstreamCause;
import io.jenkins.plugins.valuestream.process.AgentAllocation;
import io.jenkins.plugins.valuestream.process.InputDecision;
import io.jenkins.plugins.valuestream.process.LockAcquisition;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.ProcessMapExtractor;
import io.jenkins.plugins.valuestream.process.ProcessStep;
import io.jenkins.plugins.valuestream.process.StepFailure;
import io.jenkins.plugins.valuestream.process.StepKind;
import io.jenkins.plugins.valuestream.process.StepPath;
import io.jenkins.plugins.valuestream.process.StepResult;
import io.jenkins.plugins.valuestream.process.WaitBreakdown;
import io.jenkins.plugins.valuestream.process.WaitCause;
import io.jenkins.plugins.valuestream.process.WorkItem;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.Test;

public class ProcessMapCodecTest {
    private static final long T0 = 1_700_000_000_000L;

    /** A map with every field set to something other than its default. */
    private static ProcessMap everyField() {
        WaitBreakdown stepWaits = WaitBreakdown.of(Map.of(WaitCause.AGENT, 45_000L, WaitCause.GAP, 12L));
        ProcessStep deploy = new ProcessStep(StepPath.of("Deploy", "Staging/EU"), 1, StepKind.STAGE,
                StepResult.FAILURE, T0 + 1_000, 120_000, 75_000, stepWaits, 150_000, false, "42", "17");
        ProcessStep qa = new ProcessStep(StepPath.of("Manual \"QA\" <b>"), 0, StepKind.PROCESS_STEP,
                StepResult.RUNNING, T0 + 130_000, 5_000, 0, WaitBreakdown.of(Map.of(WaitCause.INPUT, 5_000L)), 0, true,
                "88", null);
        return new ProcessMap(31, null, T0 - 9_000, T0, null, T0 + 135_000, 75_000,
                WaitBreakdown.of(Map.of(WaitCause.QUEUE, 9_000L, WaitCause.AGENT, 45_000L, WaitCause.INPUT, 5_000L,
                        WaitCause.GAP, 12L)),
                List.of(deploy, qa),
                List.of(new WorkItem("org.jenkinsci.plugins.workflow.steps.durable_task.ShellStep", "script=npm ci",
                        StepPath.of("Deploy", "Staging/EU"), "eu", T0 + 50_000, 30_000)),
                List.of(new AgentAllocation("linux && docker", StepPath.of("Deploy", "Staging/EU"), T0 + 1_000,
                        45_000, 70_000)),
                List.of("The build-queue wait is unknown."));
    }

    @Test
    public void aMapWithEveryFieldReadsBackEqual() {
        ProcessMap map = everyField();

        assertThat(ProcessMapCodec.read(ProcessMapCodec.write(map))).isEqualTo(map);
    }

    @Test
    public void unknownWaitsStayUnknownRatherThanZero() {
        ProcessMap map = new ProcessMap(2, RunResult.SUCCESS, null, T0, T0 + 10_000, T0 + 10_000, 10_000,
                WaitBreakdown.none().withUnknown(Set.of(WaitCause.QUEUE)), List.of(), List.of(), List.of(), List.of());

        ProcessMap back = ProcessMapCodec.read(ProcessMapCodec.write(map));

        assertThat(back.waits().known(WaitCause.QUEUE)).isFalse();
        assertThat(back.waits().known(WaitCause.AGENT)).isTrue();
    }

    @Test
    public void anExtractedMapReadsBackEqual() {
        FlowGraphBuilder run = FlowGraphBuilder.startingAt(T0);
        run.stage("Build", s -> s.node("linux", 45_000, n -> n.sh("make", 60_000)));
        FlowGraph graph = run.finish();
        ProcessMap map = ProcessMapExtractor.extract(run.runInfo(7, RunResult.SUCCESS, 3_000L), graph, Long.MAX_VALUE);

        assertThat(ProcessMapCodec.read(ProcessMapCodec.write(map))).isEqualTo(map);
    }

    @Test
    public void aFormWrittenBeforeContextsWereKeptReadsAsUnknownContext() {
        FlowGraphBuilder run = FlowGraphBuilder.startingAt(T0);
        run.stage("Build", s -> s.node("linux", 45_000, n -> n.sh("make", 60_000)));
        ProcessMap map = ProcessMapExtractor.extract(run.runInfo(7, RunResult.SUCCESS, 3_000L), run.finish(), Long.MAX_VALUE);
        String json = ProcessMapCodec.write(map);
        assertThat(json).contains("\"context\":{\"agent\":\"#1 linux\"");

        ProcessMap old = ProcessMapCodec.read(json.replaceAll(",\"context\":\\{[^}]*}", ""));

        assertThat(old.work()).singleElement().satisfies(item -> {
            assertThat(item.context()).isNull();
            assertThat(item.comparable()).isFalse();
        });
    }

    @Test
    public void zerosEmptyListsAndNullsAreLeftOut() {
        ProcessMap map = new ProcessMap(1, RunResult.SUCCESS, T0, T0, T0 + 5, T0 + 5, 5, WaitBreakdown.none(), List.of(),
                List.of(), List.of(), List.of());

        String json = ProcessMapCodec.write(map);

        assertThat(json).doesNotContain("waits", "steps", "work", "agents", "notes", "unknownWaits");
    }

    @Test
    public void upstreamCausesReadBackEqual() {
        ProcessMap map = everyField().withUpstream(List.of(new UpstreamCause("team/build", 12, "37"),
                UpstreamCause.of("nightly", 3)));

        ProcessMap back = ProcessMapCodec.read(ProcessMapCodec.write(map));

        assertThat(back).isEqualTo(map);
        assertThat(back.upstream()).containsExactly(new UpstreamCause("team/build", 12, "37"),
                UpstreamCause.of("nightly", 3));
    }

    @Test
    public void aFormWrittenBeforeCausesWereKeptReadsAsARunNoOtherStarted() {
        String json = ProcessMapCodec.write(everyField());
        assertThat(json).doesNotContain("upstream");

        assertThat(ProcessMapCodec.read(json).upstream()).isEmpty();
    }

    @Test
    public void changesAndADeployingStepReadBackEqual() {
        ProcessMap base = everyField();
        List<ProcessStep> steps = List.of(base.steps().get(0).withDeploys(true), base.steps().get(1));
        ProcessMap map = base.withSteps(steps).withChanges(List.of(new Change("9f4c2a1e", T0 - 3_600_000),
                new Change("1a2b3c4d", null)));

        ProcessMap back = ProcessMapCodec.read(ProcessMapCodec.write(map));

        assertThat(back).isEqualTo(map);
        assertThat(back.steps().get(0).deploys()).isTrue();
        assertThat(back.changes()).containsExactly(new Change("9f4c2a1e", T0 - 3_600_000),
                new Change("1a2b3c4d", null));
    }

    @Test
    public void aRunKnownToHaveBuiltNoChangeIsNotOneWhoseChangesAreUnknown() {
        ProcessMap none = ProcessMapCodec.read(ProcessMapCodec.write(everyField().withChanges(List.of())));

        assertThat(none.changes()).isNotNull().isEmpty();
    }

    @Test
    public void aFormWrittenBeforeChangesWereKeptReadsAsChangesUnknownAndStepsThatDoNotDeploy() {
        String json = ProcessMapCodec.write(everyField());
        assertThat(json).doesNotContain("changes", "deploys");

        ProcessMap back = ProcessMapCodec.read(json);

        assertThat(back.changes()).isNull();
        assertThat(back.steps()).noneMatch(ProcessStep::deploys);
    }

    @Test
    public void lockAcquisitionsReadBackEqual() {
        ProcessMap map = everyField().withLocks(List.of(
                new LockAcquisition("db", StepPath.of("Deploy", "Staging/EU"), T0 + 2_000, 40_000, 9_000),
                new LockAcquisition("label:phones", StepPath.OUTSIDE, T0 + 60_000, 0, 1_000),
                new LockAcquisition("", StepPath.of("Manual \"QA\" <b>"), T0 + 130_000, 12, 0)));

        assertThat(ProcessMapCodec.read(ProcessMapCodec.write(map))).isEqualTo(map);
    }

    @Test
    public void aFormWrittenBeforeLocksWereKeptReadsAsARunWithoutAcquisitions() {
        String json = ProcessMapCodec.write(everyField());
        assertThat(json).doesNotContain("locks");

        assertThat(ProcessMapCodec.read(json).locks()).isEmpty();
    }

    @Test
    public void errorsAndInputDecisionsReadBackEqual() {
        ProcessMap map = everyField().withOutcomes(
                List.of(new StepFailure(StepPath.of("Build"), "org.jenkinsci.plugins.workflow.steps.durable_task.ShellStep",
                                "make test", "hudson.AbortException: script returned exit code 1", T0 + 50_000, true),
                        new StepFailure(StepPath.OUTSIDE, "", "", "java.lang.Error: \"<b>\"\nsecond line", T0 + 90_000,
                                false)),
                List.of(new InputDecision(StepPath.of("Deploy"), "Ship <it>?", InputDecision.Decision.APPROVED, "alice",
                                T0 + 70_000, 6_000),
                        new InputDecision(StepPath.of("Deploy"), "", InputDecision.Decision.WAITING, null, T0 + 80_000,
                                0)));

        assertThat(ProcessMapCodec.read(ProcessMapCodec.write(map))).isEqualTo(map);
    }

    @Test
    public void anInputDecisionOfAnUnknownKindIsRefusedNamingIt() {
        String json = "{\"format\":1,\"number\":3,\"startedAt\":1,\"asOf\":2,"
                + "\"inputs\":[{\"step\":[\"Deploy\"],\"decision\":\"POSTPONED\",\"at\":1}]}";

        assertThatThrownBy(() -> ProcessMapCodec.read(json)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("decision 'POSTPONED'");
    }

    @Test
    public void anAcquisitionWithoutItsStepIsRefusedNamingIt() {
        String json = "{\"format\":1,\"number\":3,\"startedAt\":1,\"asOf\":2,"
                + "\"locks\":[{\"resource\":\"db\",\"startedAt\":1}]}";

        assertThatThrownBy(() -> ProcessMapCodec.read(json)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a lock acquisition");
    }

    @Test
    public void anUpstreamCauseWithoutItsJobIsRefusedByName() {
        String json = ProcessMapCodec.write(everyField().withUpstream(List.of(UpstreamCause.of("build", 1))))
                .replace("\"job\":\"build\",", "");

        assertThatThrownBy(() -> ProcessMapCodec.read(json)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("an upstream cause lacks 'job'");
    }

    @Test
    public void theFormStartsWithItsFormatVersion() {
        assertThat(ProcessMapCodec.write(everyField())).startsWith("{\"format\":" + ProcessMapCodec.FORMAT + ",");
    }

    @Test
    public void aNewerFormatIsRefusedNotMisread() {
        String newer = ProcessMapCodec.write(everyField()).replace("\"format\":1", "\"format\":2");

        assertThatThrownBy(() -> ProcessMapCodec.read(newer))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("format 2").hasMessageContaining("format 1 only");
    }

    @Test
    public void textThatIsNotJsonIsRefusedWithAReason() {
        assertThatThrownBy(() -> ProcessMapCodec.read("<processMap/>"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Not a stored process map");
    }

    @Test
    public void aStepWithoutItsPathIsRefusedNamingTheField() {
        String broken = "{\"format\":1,\"number\":3,\"startedAt\":1,\"asOf\":2,"
                + "\"steps\":[{\"kind\":\"STAGE\",\"result\":\"SUCCESS\",\"startedAt\":1,\"elapsed\":1}]}";

        assertThatThrownBy(() -> ProcessMapCodec.read(broken))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Stored process map: a step lacks 'path'");
    }

    @Test
    public void anUnknownWaitCauseIsRefusedNamingIt() {
        String broken = "{\"format\":1,\"number\":3,\"startedAt\":1,\"asOf\":2,\"waits\":{\"COFFEE\":5}}";

        assertThatThrownBy(() -> ProcessMapCodec.read(broken))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown waits 'COFFEE'");
    }
}
