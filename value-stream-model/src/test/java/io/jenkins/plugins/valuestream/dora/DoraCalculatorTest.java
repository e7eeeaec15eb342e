package io.jenkins.plugins.valuestream.dora;

import static io.jenkins.plugins.valuestream.testing.RunFixture.HOUR;
import static io.jenkins.plugins.valuestream.testing.RunFixture.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.jenkins.plugins.valuestream.graph.Change;
import io.jenkins.plugins.valuestream.graph.RunResult;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.StepResult;
import io.jenkins.plugins.valuestream.testing.RunFixture;
import java.util.List;
import java.util.Set;
import org.junit.Test;

/** DORA's figures over hand-built runs: what deploys, what a deployment ships, and what stays unknown. */
public class DoraCalculatorTest {
    private static final long MINUTE = 60_000L;

    /** Build for 10 minutes, then a deploying processStep for 5: deployed 15 minutes after the run's start. */
    private static RunFixture deploying(int number) {
        return run(number).step("Build", s -> s.at(0).process(10 * MINUTE))
                .step("Deploy", s -> s.at(10 * MINUTE).process(5 * MINUTE).deploys());
    }

    private static RunFixture building(int number) {
        return run(number).step("Build", s -> s.at(0).process(10 * MINUTE));
    }

    /** A change committed {@code before} the start of run {@code number}. */
    private static Change commit(String id, int number, long before) {
        return new Change(id, run(number).startedAt() - before);
    }

    private static DoraFigures of(ProcessMap... runs) {
        return DoraCalculator.compute(List.of(runs), DeploymentRule.PROCESS_STEPS);
    }

    @Test
    public void aJobNoneOfWhoseRunsDeploysHasEveryFigureUnknown() {
        DoraFigures dora = of(building(1).build().withChanges(List.of(commit("a1", 1, HOUR))), building(2).build());

        assertThat(dora.deploys()).isFalse();
        assertThat(dora.deployments()).isNull();
        assertThat(dora.deploymentFrequency()).isNull();
        assertThat(dora.changeFailureRate()).isNull();
        assertThat(dora.leadTimeForChanges().changes()).isNull();
        assertThat(dora.leadTimeForChanges().median()).isNull();
    }

    @Test
    public void aChangeLeadTimeRunsFromItsCommitToTheEndOfTheDeployingStep() {
        DoraFigures dora = of(deploying(1).build().withChanges(List.of(commit("a1", 1, HOUR))));

        assertThat(dora.leadTimeForChanges().median()).isEqualTo(HOUR + 15 * MINUTE);
        assertThat(dora.leadTimeForChanges().changes()).isEqualTo(1);
        assertThat(dora.successfulDeployments()).isEqualTo(1);
    }

    @Test
    public void aChangeOfARunThatDidNotDeployIsCarriedToTheNextDeployment() {
        ProcessMap built = building(1).build().withChanges(List.of(commit("a1", 1, HOUR)));
        ProcessMap deployed = deploying(2).build().withChanges(List.of(commit("b2", 2, 10 * MINUTE)));

        DoraFigures dora = of(built, deployed);

        long deployedAt = run(2).startedAt() + 15 * MINUTE;
        assertThat(dora.leadTimeForChanges().changes()).isEqualTo(2);
        assertThat(dora.leadTimeForChanges().p90()).as("a1, committed an hour before run 1 began")
                .isGreaterThan(deployedAt - run(1).startedAt());
        assertThat(dora.leadTimeForChanges().median())
                .isEqualTo(((deployedAt - (run(1).startedAt() - HOUR)) + 25 * MINUTE) / 2);
    }

    @Test
    public void aFailedDeploymentCountsInTheFailureRateAndItsChangesShipWithTheNextSuccess() {
        ProcessMap failed = deploying(1).result(RunResult.FAILURE).build()
                .withChanges(List.of(commit("a1", 1, 0)));
        ProcessMap fixed = deploying(2).build().withChanges(List.of(commit("b2", 2, 0)));

        DoraFigures dora = of(failed, fixed);

        assertThat(dora.deployments()).isEqualTo(2);
        assertThat(dora.failedDeployments()).isEqualTo(1);
        assertThat(dora.changeFailureRate()).isEqualTo(0.5);
        assertThat(dora.leadTimeForChanges().changes()).isEqualTo(2);
        assertThat(dora.leadTimeForChanges().p90()).isGreaterThan(HOUR);
    }

    @Test
    public void aDeployingStepThatFailedFailsTheDeploymentEvenInARunThatSucceeded() {
        ProcessMap caught = run(1).step("Deploy", s -> s.process(5 * MINUTE).deploys().result(StepResult.FAILURE))
                .build();

        assertThat(of(caught).failedDeployments()).isEqualTo(1);
    }

    @Test
    public void recoveryRunsFromTheFirstFailedDeploymentToTheNextSuccess() {
        ProcessMap first = deploying(1).result(RunResult.FAILURE).build();
        ProcessMap second = deploying(2).result(RunResult.UNSTABLE).build();
        ProcessMap fixed = deploying(3).build();

        DoraFigures dora = of(first, second, fixed);

        long failedAt = first.completedAt();
        assertThat(dora.recoveries()).isEqualTo(1);
        assertThat(dora.recovery().median()).isEqualTo(run(3).startedAt() + 15 * MINUTE - failedAt);
    }

    @Test
    public void anAbortedDeployingRunIsNoDeployment() {
        DoraFigures dora = of(deploying(1).result(RunResult.ABORTED).build(), deploying(2).build());

        assertThat(dora.deployments()).isEqualTo(1);
        assertThat(dora.changeFailureRate()).isEqualTo(0.0);
    }

    @Test
    public void aStageNamedByTheRuleDeploysAndWithoutTheRuleNothingDoes() {
        ProcessMap stage = building(1).step("Deploy", s -> s.at(10 * MINUTE).process(5 * MINUTE)).build()
                .withChanges(List.of(commit("a1", 1, HOUR)));

        assertThat(of(stage).deploys()).isFalse();
        DoraFigures named = DoraCalculator.compute(List.of(stage), new DeploymentRule(Set.of("Deploy")));
        assertThat(named.successfulDeployments()).isEqualTo(1);
        assertThat(named.leadTimeForChanges().median()).isEqualTo(HOUR + 15 * MINUTE);
    }

    @Test
    public void aNestedStageIsNamedByItsPath() {
        ProcessMap nested = run(1).step("Release", s -> s.process(5 * MINUTE))
                .step("Release/Production", s -> s.process(5 * MINUTE)).build();

        assertThat(DoraCalculator.compute(List.of(nested), new DeploymentRule(Set.of("Production"))).deploys())
                .isFalse();
        assertThat(DoraCalculator.compute(List.of(nested), new DeploymentRule(Set.of("Release/Production")))
                .successfulDeployments()).isEqualTo(1);
    }

    @Test
    public void aRunWithSeveralDeployingStepsDeploysOnceAtTheEndOfTheLast() {
        ProcessMap twice = run(1).step("Deploy EU", s -> s.at(0).process(5 * MINUTE).deploys())
                .step("Deploy US", s -> s.at(5 * MINUTE).process(7 * MINUTE).deploys()).build()
                .withChanges(List.of(commit("a1", 1, 0)));

        DoraFigures dora = of(twice);

        assertThat(dora.deployments()).isEqualTo(1);
        assertThat(dora.leadTimeForChanges().median()).isEqualTo(12 * MINUTE);
    }

    @Test
    public void aSkippedDeployingStageIsNoDeploymentButTheJobIsKnownToDeploy() {
        ProcessMap skipped = building(1).step("Deploy", s -> s.at(10 * MINUTE).deploys()
                .result(StepResult.SKIPPED)).build().withChanges(List.of(commit("a1", 1, 0)));

        DoraFigures dora = of(skipped);

        assertThat(dora.deployments()).isZero();
        assertThat(dora.deploymentFrequency().perDay()).isZero();
        assertThat(dora.changeFailureRate()).as("no deployment: no rate").isNull();
        assertThat(dora.leadTimeForChanges().changes()).as("nothing shipped yet").isZero();
        assertThat(dora.leadTimeForChanges().median()).isNull();
    }

    @Test
    public void aChangeWithoutACommitTimeIsCountedAsUnknown() {
        ProcessMap map = deploying(1).build().withChanges(List.of(commit("a1", 1, 0), new Change("b2", null)));

        LeadTimeForChanges lead = of(map).leadTimeForChanges();

        assertThat(lead.changes()).isEqualTo(1);
        assertThat(lead.unknown()).isEqualTo(1);
    }

    @Test
    public void aCommitDatedAfterItsDeploymentIsUnknownRatherThanANegativeLeadTime() {
        ProcessMap map = deploying(1).build().withChanges(List.of(new Change("a1", run(1).startedAt() + HOUR)));

        assertThat(of(map).leadTimeForChanges().unknown()).isEqualTo(1);
        assertThat(of(map).leadTimeForChanges().median()).isNull();
    }

    @Test
    public void deploymentsOfRunsWhoseChangesAreUnknownLeaveTheLeadTimeUnknownNotZero() {
        DoraFigures dora = of(deploying(1).build(), deploying(2).build());

        assertThat(dora.successfulDeployments()).isEqualTo(2);
        assertThat(dora.leadTimeForChanges().changes()).isNull();
        assertThat(dora.leadTimeForChanges().unknown()).isNull();
        assertThat(dora.leadTimeForChanges().runsWithUnknownChanges()).isEqualTo(2);
    }

    @Test
    public void aCommitListedAgainAfterItShippedIsNotCountedTwice() {
        Change a1 = commit("a1", 1, 0);
        DoraFigures dora = of(deploying(1).build().withChanges(List.of(a1)),
                deploying(2).build().withChanges(List.of(a1)));

        assertThat(dora.leadTimeForChanges().changes()).isEqualTo(1);
    }

    @Test
    public void theFrequencyIsTheSuccessfulDeploymentsOverTheWindowsDays() {
        // Runs start an hour apart: run 1 starts at 1 h, run 3 ends at 3 h 15 min, with no queue: 2.25 hours.
        DoraFigures dora = of(deploying(1).build(), building(2).build(), deploying(3).build());

        assertThat(dora.deploymentFrequency().days()).isCloseTo(2.25 / 24, within(1e-9));
        assertThat(dora.deploymentFrequency().perDay()).isCloseTo(2 / (2.25 / 24), within(1e-9));
        assertThat(dora.deploymentFrequency().perWeek()).isCloseTo(7 * 2 / (2.25 / 24), within(1e-9));
    }

    @Test
    public void aRunningRunIsLeftOut() {
        DoraFigures dora = of(deploying(1).build(), deploying(2).runningFor(20 * MINUTE).build());

        assertThat(dora.deployments()).isEqualTo(1);
    }
}
