package io.jenkins.plugins.valuestream.future;

import static io.jenkins.plugins.valuestream.testing.RunFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.valuestream.flags.Flag;
import io.jenkins.plugins.valuestream.flags.FlagKind;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.StepPath;
import io.jenkins.plugins.valuestream.process.WaitCause;
import io.jenkins.plugins.valuestream.stream.ValueStreamAggregator;
import io.jenkins.plugins.valuestream.testing.RunFixture;
import java.util.List;
import java.util.Set;
import org.junit.Test;

/** The future state of hand-built runs, as docs/definitions.md ("Future state") defines it. */
public class FutureStateProjectorTest {

    /**
     * docs/definitions.md's example: Build 60 s of which 20 s AGENT, then Test with linux 100 s (30 s AGENT) and
     * windows 70 s.
     */
    private static RunFixture example(int number) {
        return run(number)
                .step("Build", s -> s.at(0).process(40_000).waited(WaitCause.AGENT, 20_000))
                .step("Test", s -> s.at(60_000).process(100_000))
                .step("Test/linux", s -> s.at(60_000).process(70_000).waited(WaitCause.AGENT, 30_000)
                        .parallel("9"))
                .step("Test/windows", s -> s.at(60_000).process(70_000).parallel("9"));
    }

    private static FutureState project(List<ProcessMap> runs, List<List<Flag>> flags, FutureAssumptions assumptions) {
        List<FlaggedRun> flagged = new java.util.ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            flagged.add(new FlaggedRun(runs.get(i), i < flags.size() ? flags.get(i) : List.of()));
        }
        return FutureStateProjector.project(ValueStreamAggregator.aggregate("app", runs), flagged, assumptions);
    }

    private static FutureState project(ProcessMap run, List<Flag> flags) {
        return project(List.of(run), List.of(flags), FutureAssumptions.defaults());
    }

    private static FutureStep step(FutureState future, String name) {
        return future.steps().stream().filter(s -> s.displayName().equals(name)).findFirst().orElseThrow();
    }

    private static Flag flag(FlagKind kind, String step, long cost) {
        return new Flag(kind, StepPath.parse(step), step + " flagged", cost, List.of());
    }

    @Test
    public void theWaitsForAnAgentGoAlongTheCriticalPath() {
        FutureState future = project(example(1).build(), List.of());

        assertThat(future.leadTime().median()).isEqualTo(160_000);
        assertThat(future.projectedLeadTime().median()).isEqualTo(110_000);
    }

    @Test
    public void aStepThatNoLongerWaitsIsShorterByItsWait() {
        FutureState future = project(example(1).build(), List.of());

        assertThat(step(future, "Build").projectedElapsed().median()).isEqualTo(40_000);
        assertThat(step(future, "Test/linux").projectedElapsed().median()).isEqualTo(70_000);
        assertThat(step(future, "Test").projectedElapsed().median()).isEqualTo(70_000);
    }

    @Test
    public void aStepWithoutItsWaitsWorksAllOfItsTime() {
        FutureStep build = step(project(example(1).build(), List.of()), "Build");

        assertThat(build.flowEfficiency()).isEqualTo(40.0 / 60);
        assertThat(build.projectedFlowEfficiency()).isEqualTo(1.0);
    }

    @Test
    public void aWaitInABranchBesideALongerOneShortensNothing() {
        ProcessMap run = run(1)
                .step("Test", s -> s.at(0).process(100_000))
                .step("Test/linux", s -> s.at(0).process(100_000).parallel("9"))
                .step("Test/windows", s -> s.at(0).process(40_000).waited(WaitCause.AGENT, 30_000).parallel("9"))
                .build();

        FutureState future = project(run, List.of());

        assertThat(future.projectedLeadTime().median()).isEqualTo(100_000);
        assertThat(step(future, "Test/windows").projectedElapsed().median()).isEqualTo(40_000);
    }

    @Test
    public void theWaitsOfTheCausesNotChosenStay() {
        ProcessMap run = run(1).step("Approve", s -> s.at(0).waited(WaitCause.INPUT, 600_000))
                .step("Deploy", s -> s.at(600_000).process(60_000)).build();

        assertThat(project(run, List.of()).projectedLeadTime().median()).isEqualTo(660_000);
    }

    @Test
    public void theChosenCausesAreTheOnesRemoved() {
        ProcessMap run = run(1).step("Approve", s -> s.at(0).waited(WaitCause.INPUT, 600_000))
                .step("Deploy", s -> s.at(600_000).process(60_000)).build();

        FutureState future = project(List.of(run), List.of(),
                new FutureAssumptions(Set.of(WaitCause.INPUT)));

        assertThat(future.projectedLeadTime().median()).isEqualTo(60_000);
        assertThat(future.removedWaitMillis()).isEqualTo(600_000);
    }

    @Test
    public void theQueueWaitGoesWhenQueueIsRemoved() {
        ProcessMap run = run(1).queued(30_000).step("Build", s -> s.at(0).process(60_000)).build();

        assertThat(project(run, List.of()).projectedLeadTime().median()).isEqualTo(60_000);
    }

    @Test
    public void theQueueWaitStaysWhenQueueIsKept() {
        ProcessMap run = run(1).queued(30_000).step("Build", s -> s.at(0).process(60_000)).build();

        FutureState future = project(List.of(run), List.of(), new FutureAssumptions(Set.of(WaitCause.AGENT)));

        assertThat(future.projectedLeadTime().median()).isEqualTo(90_000);
    }

    @Test
    public void theWorkOfAWorkFlagGoes() {
        ProcessMap run = run(1).step("Build", s -> s.at(0).process(60_000))
                .step("Deploy", s -> s.at(60_000).process(30_000)).build();

        FutureState future = project(run, List.of(flag(FlagKind.DUPLICATE_WORK, "Build", 10_000)));

        assertThat(future.projectedLeadTime().median()).isEqualTo(80_000);
        assertThat(future.removedWorkMillis()).isEqualTo(10_000);
        assertThat(step(future, "Build").projectedFlowEfficiency()).isEqualTo(1.0);
    }

    @Test
    public void removedWorkOnTheCriticalPathIsNoLongerProcessTime() {
        ProcessMap run = run(1).step("Build", s -> s.at(0).process(60_000).waited(WaitCause.SLEEP, 40_000))
                .build();

        FutureState future = project(run, List.of(flag(FlagKind.SLOW_PROCESS, "Build", 20_000)));

        assertThat(future.flowEfficiency()).isEqualTo(0.6);
        assertThat(future.projectedFlowEfficiency()).isEqualTo(40.0 / 80);
    }

    @Test
    public void theCostOfASlowWaitStaysWithItsCause() {
        ProcessMap run = run(1).step("Approve", s -> s.at(0).waited(WaitCause.INPUT, 600_000)).build();

        FutureState future = project(run, List.of(flag(FlagKind.SLOW_WAIT, "Approve", 500_000)));

        assertThat(future.projectedLeadTime().median()).isEqualTo(600_000);
        assertThat(future.removedWorkMillis()).isZero();
    }

    @Test
    public void runsStillGoingAreNotProjected() {
        List<ProcessMap> runs = List.of(example(1).build(), example(2).runningFor(10_000).build());

        assertThat(project(runs, List.of(), FutureAssumptions.defaults()).runs()).isEqualTo(1);
    }

    @Test
    public void theStepsComeInTheValueStreamsOrder() {
        FutureState future = project(example(1).build(), List.of());

        assertThat(future.steps()).extracting(FutureStep::displayName)
                .containsExactly("Build", "Test", "Test/linux", "Test/windows");
    }

    @Test
    public void nothingRemovedProjectsTheRunsAsTheyWere() {
        FutureState future = project(List.of(example(1).build(), example(2).build()), List.of(),
                new FutureAssumptions(Set.of()));

        assertThat(future.projectedLeadTime()).isEqualTo(future.leadTime());
        assertThat(future.projectedFlowEfficiency()).isEqualTo(future.flowEfficiency());
    }
}
