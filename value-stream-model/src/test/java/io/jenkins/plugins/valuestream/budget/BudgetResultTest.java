package io.jenkins.plugins.valuestream.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.Test;

public class BudgetResultTest {
    @Test
    public void defaultsToFailureWhenNotGiven() {
        assertThat(BudgetResult.parse(null)).isEqualTo(BudgetResult.FAILURE);
        assertThat(BudgetResult.parse(" ")).isEqualTo(BudgetResult.FAILURE);
    }

    @Test
    public void readsANameInAnyCase() {
        assertThat(BudgetResult.parse("unstable")).isEqualTo(BudgetResult.UNSTABLE);
    }

    @Test
    public void rejectsAnUnknownNameNamingTheParameterAndTheAcceptedValues() {
        assertThatThrownBy(() -> BudgetResult.parse("SUCCESS"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid budgetResult 'SUCCESS'; accepted: FAILURE, UNSTABLE, ABORTED (default FAILURE)");
    }
}
