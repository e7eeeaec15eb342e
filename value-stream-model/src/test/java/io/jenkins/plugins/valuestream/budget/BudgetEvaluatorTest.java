package io.jenkins.plugins.valuestream.budget;

import static io.jenkins.plugins.valuestream.testing.RunFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.StepPath;
import io.jenkins.plugins.valuestream.process.StepResult;
import io.jenkins.plugins.valuestream.process.WaitCause;
import java.util.EnumSet;
import org.junit.Test;

public class BudgetEvaluatorTest {
    private static final long MINUTE = 60_000;
    private static final BudgetSpec WAIT_15M = BudgetSpec.none().withWaitBudget(15 * MINUTE);

    /** Queued 2m, Build waits 5m for an agent, Approve 30m for a person, Deploy waits 10m for a lock. */
    private static ProcessMap releaseRun() {
        return run(8).queued(2 * MINUTE)
                .step("Build", s -> s.at(0).process(4 * MINUTE).waited(WaitCause.AGENT, 5 * MINUTE))
                .step("Approve", s -> s.at(9 * MINUTE).waited(WaitCause.INPUT, 30 * MINUTE))
                .step("Deploy", s -> s.at(39 * MINUTE).process(3 * MINUTE).waited(WaitCause.LOCK, 10 * MINUTE))
                .build();
    }

    @Test
    public void aRunWithinItsWaitBudgetPasses() {
        ProcessMap run = run(1).queued(MINUTE).step("Build", s -> s.process(4 * MINUTE)
                .waited(WaitCause.AGENT, 5 * MINUTE)).build();

        assertThat(BudgetEvaluator.evaluate(WAIT_15M, run).within()).isTrue();
    }

    @Test
    public void inputWaitDoesNotCountByDefault() {
        // 2m queue + 5m agent + 10m lock = 17m counted; the 30m approval is left out
        BudgetCheck check = BudgetEvaluator.evaluate(WAIT_15M, releaseRun()).checks().get(0);

        assertThat(check.actualMillis()).isEqualTo(17 * MINUTE);
    }

    @Test
    public void anExceededWaitBudgetSaysByHowMuch() {
        BudgetVerdict verdict = BudgetEvaluator.evaluate(WAIT_15M, releaseRun());

        assertThat(verdict.within()).isFalse();
        assertThat(verdict.exceeded()).singleElement().satisfies(check -> {
            assertThat(check.kind()).isEqualTo(BudgetKind.WAIT);
            assertThat(check.limitMillis()).isEqualTo(15 * MINUTE);
            assertThat(check.overrunMillis()).isEqualTo(2 * MINUTE);
        });
    }

    @Test
    public void anExceededWaitBudgetSaysWhereAndWhyMostOfTheWaitWas() {
        BudgetCheck check = BudgetEvaluator.evaluate(WAIT_15M, releaseRun()).exceeded().get(0);

        assertThat(check.step()).isEqualTo(StepPath.of("Deploy"));
        assertThat(check.mainCause()).isEqualTo(WaitCause.LOCK);
        assertThat(check.message()).isEqualTo(
                "Wait budget 15m exceeded by 2m: 17m of counted wait; largest cause: lock; longest wait in Deploy");
    }

    @Test
    public void countedCausesAreConfigurable() {
        BudgetSpec spec = WAIT_15M.withCountedWaits(EnumSet.of(WaitCause.AGENT, WaitCause.INPUT));

        BudgetCheck check = BudgetEvaluator.evaluate(spec, releaseRun()).checks().get(0);

        assertThat(check.actualMillis()).isEqualTo(35 * MINUTE);
        assertThat(check.step()).isEqualTo(StepPath.of("Approve"));
        assertThat(check.mainCause()).isEqualTo(WaitCause.INPUT);
    }

    @Test
    public void exactlyTheBudgetIsWithinIt() {
        BudgetSpec spec = BudgetSpec.none().withWaitBudget(17 * MINUTE);

        assertThat(BudgetEvaluator.evaluate(spec, releaseRun()).within()).isTrue();
    }

    @Test
    public void leadTimeBudgetCountsTheQueueWait() {
        BudgetSpec spec = BudgetSpec.none().withLeadTimeBudget(54 * MINUTE);

        BudgetCheck check = BudgetEvaluator.evaluate(spec, releaseRun()).checks().get(0);

        assertThat(check.kind()).isEqualTo(BudgetKind.LEAD_TIME);
        assertThat(check.actualMillis()).isEqualTo(54 * MINUTE);
        assertThat(check.exceeded()).isFalse();
    }

    @Test
    public void anExceededLeadTimeBudgetNamesTheLongestStep() {
        BudgetSpec spec = BudgetSpec.none().withLeadTimeBudget(45 * MINUTE);

        BudgetCheck check = BudgetEvaluator.evaluate(spec, releaseRun()).exceeded().get(0);

        assertThat(check.message()).isEqualTo("Lead-time budget 45m exceeded by 9m: 54m lead time; largest wait "
                + "cause: input; longest step: Approve");
    }

    @Test
    public void leadTimeWithAnUnknownQueueWaitSaysSo() {
        ProcessMap run = run(9).queueUnknown().step("Build", s -> s.process(50 * MINUTE)).build();

        BudgetCheck check = BudgetEvaluator.evaluate(BudgetSpec.none().withLeadTimeBudget(45 * MINUTE), run)
                .checks().get(0);

        assertThat(check.unknown()).containsExactly(WaitCause.QUEUE);
        assertThat(check.message()).endsWith("(unknown: queue wait)");
    }

    @Test
    public void anUnknownCountedCauseIsReportedWithTheWaitBudget() {
        ProcessMap run = run(9).queueUnknown().step("Build", s -> s.process(5 * MINUTE)).build();

        assertThat(BudgetEvaluator.evaluate(WAIT_15M, run).checks().get(0).unknown())
                .containsExactly(WaitCause.QUEUE);
    }

    @Test
    public void aStepBudgetHoldsTheStepsOwnWait() {
        BudgetSpec spec = BudgetSpec.none().withStepWaitBudget(StepPath.of("Deploy"), 5 * MINUTE);

        BudgetVerdict verdict = BudgetEvaluator.evaluate(spec, releaseRun());

        assertThat(verdict.exceeded()).singleElement().satisfies(check -> {
            assertThat(check.kind()).isEqualTo(BudgetKind.STEP_WAIT);
            assertThat(check.step()).isEqualTo(StepPath.of("Deploy"));
            assertThat(check.overrunMillis()).isEqualTo(5 * MINUTE);
            assertThat(check.message())
                    .isEqualTo("Wait budget 5m of Deploy exceeded by 5m: 10m of counted wait; largest cause: lock");
        });
    }

    @Test
    public void aStepBudgetIgnoresCausesThatDoNotCount() {
        BudgetSpec spec = BudgetSpec.none().withStepWaitBudget(StepPath.of("Approve"), 5 * MINUTE);

        assertThat(BudgetEvaluator.evaluate(spec, releaseRun()).within()).isTrue();
    }

    @Test
    public void aStepBudgetHoldsEachOccurrenceOnItsOwn() {
        ProcessMap run = run(3)
                .step("Deploy", s -> s.at(0).process(MINUTE).waited(WaitCause.LOCK, 4 * MINUTE))
                .step("Deploy", s -> s.at(5 * MINUTE).process(MINUTE).waited(WaitCause.LOCK, 4 * MINUTE)
                        .occurrence(1))
                .build();
        BudgetSpec spec = BudgetSpec.none().withStepWaitBudget(StepPath.of("Deploy"), 5 * MINUTE);

        BudgetVerdict verdict = BudgetEvaluator.evaluate(spec, run);

        assertThat(verdict.checks()).hasSize(2);
        assertThat(verdict.within()).isTrue();
    }

    @Test
    public void aVerdictNarrowedToOnePassKeepsOnlyThatPassesStepBudget() {
        ProcessMap run = run(3)
                .step("Deploy", s -> s.at(0).process(MINUTE).waited(WaitCause.LOCK, 7 * MINUTE))
                .step("Deploy", s -> s.at(8 * MINUTE).process(MINUTE).waited(WaitCause.LOCK, 2 * MINUTE)
                        .occurrence(1))
                .build();
        BudgetSpec spec = WAIT_15M.withStepWaitBudget(StepPath.of("Deploy"), 5 * MINUTE)
                .withResult(BudgetResult.UNSTABLE);
        BudgetVerdict verdict = BudgetEvaluator.evaluate(spec, run);

        BudgetVerdict second = verdict.ofStep(StepPath.of("Deploy"), 1);

        assertThat(verdict.checks()).hasSize(3);
        assertThat(second.checks()).singleElement().satisfies(check -> {
            assertThat(check.kind()).isEqualTo(BudgetKind.STEP_WAIT);
            assertThat(check.occurrence()).isEqualTo(1);
            assertThat(check.actualMillis()).isEqualTo(2 * MINUTE);
        });
        assertThat(second.within()).isTrue();
        assertThat(verdict.ofStep(StepPath.of("Deploy"), 0).within()).isFalse();
        assertThat(second.result()).isEqualTo(BudgetResult.UNSTABLE);
        assertThat(second.asOf()).isEqualTo(verdict.asOf());
    }

    @Test
    public void aVerdictNarrowedToAStepWithoutABudgetHasNoChecks() {
        BudgetVerdict verdict = BudgetEvaluator.evaluate(WAIT_15M, releaseRun());

        assertThat(verdict.ofStep(StepPath.of("Deploy"), 0).checks()).isEmpty();
    }

    @Test
    public void aSkippedStepIsNotHeldToItsBudget() {
        ProcessMap run = run(3).step("Deploy", s -> s.result(StepResult.SKIPPED)).build();
        BudgetSpec spec = BudgetSpec.none().withStepWaitBudget(StepPath.of("Deploy"), 5 * MINUTE);

        assertThat(BudgetEvaluator.evaluate(spec, run).checks()).isEmpty();
    }

    @Test
    public void aRunningRunIsHeldToItsBudgetAsOfNow() {
        // 20 minutes in, the Build stage has waited 16 minutes for an agent and is still waiting
        ProcessMap running = run(4).queued(MINUTE).runningFor(20 * MINUTE)
                .step("Build", s -> s.at(4 * MINUTE).waited(WaitCause.AGENT, 16 * MINUTE).result(StepResult.RUNNING))
                .build();

        BudgetVerdict verdict = BudgetEvaluator.evaluate(WAIT_15M, running);

        assertThat(verdict.within()).isFalse();
        assertThat(verdict.asOf()).isEqualTo(running.asOf());
        assertThat(verdict.exceeded().get(0).actualMillis()).isEqualTo(17 * MINUTE);
        assertThat(verdict.exceeded().get(0).open()).isTrue();
    }

    @Test
    public void aRunningRunWithinBudgetSaysHowSoonItCouldBeExceeded() {
        ProcessMap running = run(4).queued(MINUTE).runningFor(10 * MINUTE)
                .step("Build", s -> s.at(4 * MINUTE).waited(WaitCause.AGENT, 6 * MINUTE).result(StepResult.RUNNING))
                .build();

        BudgetVerdict verdict = BudgetEvaluator.evaluate(WAIT_15M, running);

        assertThat(verdict.within()).isTrue();
        assertThat(verdict.remainingMillis()).isEqualTo(8 * MINUTE);
    }

    @Test
    public void remainingTimeIsTheTightestOpenBudget() {
        ProcessMap running = run(4).queued(MINUTE).runningFor(10 * MINUTE)
                .step("Build", s -> s.at(4 * MINUTE).waited(WaitCause.AGENT, 6 * MINUTE).result(StepResult.RUNNING))
                .build();
        BudgetSpec spec = WAIT_15M.withLeadTimeBudget(13 * MINUTE);

        assertThat(BudgetEvaluator.evaluate(spec, running).remainingMillis()).isEqualTo(2 * MINUTE);
    }

    @Test
    public void remainingTimeCountsAStepBudgetWhoseStepHasNotStarted() {
        ProcessMap running = run(4).runningFor(10 * MINUTE)
                .step("Build", s -> s.at(0).process(10 * MINUTE).result(StepResult.RUNNING))
                .build();
        BudgetSpec spec = WAIT_15M.withStepWaitBudget(StepPath.of("Manual QA"), 4 * MINUTE);

        assertThat(BudgetEvaluator.evaluate(spec, running).remainingMillis()).isEqualTo(4 * MINUTE);
    }

    @Test
    public void aFinishedRunHasNoRemainingTime() {
        assertThat(BudgetEvaluator.evaluate(WAIT_15M.withLeadTimeBudget(2 * 60 * MINUTE), releaseRun())
                .remainingMillis()).isNull();
    }

    @Test
    public void carriesTheResultToMarkTheRunWith() {
        BudgetSpec spec = WAIT_15M.withResult(BudgetResult.ABORTED);

        assertThat(BudgetEvaluator.evaluate(spec, releaseRun()).result()).isEqualTo(BudgetResult.ABORTED);
    }

    @Test
    public void noBudgetsNoChecks() {
        BudgetVerdict verdict = BudgetEvaluator.evaluate(BudgetSpec.none(), releaseRun());

        assertThat(verdict.checks()).isEmpty();
        assertThat(verdict.within()).isTrue();
    }
}
