package io.jenkins.plugins.valuestream.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.valuestream.process.StepPath;
import io.jenkins.plugins.valuestream.process.WaitCause;
import io.jenkins.plugins.valuestream.time.Durations;
import java.util.EnumSet;
import java.util.Set;
import org.junit.Test;

public class BudgetSpecTest {
    @Test
    public void parsesEveryParameter() {
        BudgetSpec spec = BudgetSpec.parse("15m", "1h30m", "AGENT, QUEUE", "UNSTABLE");

        assertThat(spec.waitBudgetMillis()).isEqualTo(15 * 60_000L);
        assertThat(spec.leadTimeBudgetMillis()).isEqualTo(90 * 60_000L);
        assertThat(spec.countedWaits()).containsExactly(WaitCause.QUEUE, WaitCause.AGENT);
        assertThat(spec.result()).isEqualTo(BudgetResult.UNSTABLE);
    }

    @Test
    public void parametersNotGivenMeanNoBudgetDefaultCausesAndFailure() {
        assertThat(BudgetSpec.parse(null, "", null, null)).isEqualTo(BudgetSpec.none());
    }

    @Test
    public void countsEveryCauseOfARunButInputByDefault() {
        assertThat(BudgetSpec.none().countedWaits()).isEqualTo(EnumSet.of(WaitCause.QUEUE, WaitCause.AGENT,
                WaitCause.LOCK, WaitCause.SLEEP, WaitCause.GAP, WaitCause.REWORK));
    }

    @Test
    public void aBadWaitBudgetNamesTheParameterAndTheAcceptedForms() {
        assertThatThrownBy(() -> BudgetSpec.parse("15x", null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid waitBudget '15x'")
                .hasMessageEndingWith("accepted: " + Durations.ACCEPTED_FORMS);
    }

    @Test
    public void aBareNumberAsLeadTimeBudgetIsRejectedNamingTheParameter() {
        assertThatThrownBy(() -> BudgetSpec.parse(null, "90", null, null))
                .hasMessageStartingWith("Invalid leadTimeBudget '90': a number needs a unit");
    }

    @Test
    public void aZeroBudgetIsRejected() {
        assertThatThrownBy(() -> BudgetSpec.parse("0s", null, null, null))
                .hasMessageStartingWith("Invalid waitBudget '0s': a duration must be more than zero");
    }

    @Test
    public void countedWaitsAreReadInAnyCaseSeparatedByCommasOrSpaces() {
        assertThat(BudgetSpec.parseCountedWaits("agent lock,  sleep"))
                .containsExactly(WaitCause.AGENT, WaitCause.LOCK, WaitCause.SLEEP);
    }

    @Test
    public void anUnknownCountedCauseNamesTheParameterAndTheAcceptedCauses() {
        assertThatThrownBy(() -> BudgetSpec.parse(null, null, "AGENT, COFFEE", null))
                .hasMessage("Invalid countedWaits 'AGENT, COFFEE': unknown wait cause 'COFFEE'; accepted: "
                        + "QUEUE, AGENT, INPUT, LOCK, SLEEP, GAP, REWORK, separated by commas");
    }

    @Test
    public void countedWaitsOfOnlySeparatorsAreRejected() {
        assertThatThrownBy(() -> BudgetSpec.parseCountedWaits(" , ")).hasMessageContaining("name at least one");
    }

    @Test
    public void anEmptySetOfCountedCausesIsRejected() {
        assertThatThrownBy(() -> BudgetSpec.none().withCountedWaits(Set.of()))
                .hasMessageContaining("countedWaits must name at least one wait cause");
    }

    @Test
    public void aBadBudgetResultNamesTheParameter() {
        assertThatThrownBy(() -> BudgetSpec.parse("15m", null, null, "fail"))
                .hasMessageStartingWith("Invalid budgetResult 'fail'");
    }

    @Test
    public void holdsAWaitBudgetPerStep() {
        BudgetSpec spec = BudgetSpec.none().withStepWaitBudget(StepPath.of("Manual QA"), 3_600_000);

        assertThat(spec.stepWaitBudgets()).containsEntry(StepPath.of("Manual QA"), 3_600_000L);
        assertThat(spec.isEmpty()).isFalse();
    }

    @Test
    public void aStepBudgetOfZeroIsRejectedNamingTheStep() {
        assertThatThrownBy(() -> BudgetSpec.none().withStepWaitBudget(StepPath.of("Manual QA"), 0))
                .hasMessageStartingWith("Invalid waitBudget of step Manual QA: a budget must be more than zero");
    }

    @Test
    public void theDefaultWaitBudgetHoldsASpecThatNamesNoBudget() {
        BudgetSpec spec = BudgetSpec.parse(null, null, "AGENT", "UNSTABLE").withDefaultWaitBudget(20 * 60_000L);

        assertThat(spec.waitBudgetMillis()).isEqualTo(20 * 60_000L);
        assertThat(spec.countedWaits()).containsExactly(WaitCause.AGENT);
        assertThat(spec.result()).isEqualTo(BudgetResult.UNSTABLE);
    }

    @Test
    public void theDefaultWaitBudgetLeavesAnOwnWaitBudgetAlone() {
        BudgetSpec spec = BudgetSpec.parse("5m", null, null, null);

        assertThat(spec.withDefaultWaitBudget(20 * 60_000L)).isEqualTo(spec);
    }

    @Test
    public void anOwnLeadTimeBudgetAloneKeepsTheDefaultWaitBudgetOut() {
        BudgetSpec spec = BudgetSpec.parse(null, "1h", null, null);

        assertThat(spec.withDefaultWaitBudget(20 * 60_000L).waitBudgetMillis()).isNull();
    }

    @Test
    public void withoutADefaultTheSpecStaysAsItIs() {
        assertThat(BudgetSpec.none().withDefaultWaitBudget(null)).isEqualTo(BudgetSpec.none());
    }

    @Test
    public void aSpecWithoutBudgetsIsEmpty() {
        assertThat(BudgetSpec.none().withResult(BudgetResult.ABORTED).isEmpty()).isTrue();
    }
}
