package io.jenkins.plugins.valuestream.flags;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.valuestream.process.StepPath;
import java.util.List;
import org.junit.Test;

public class AvoidableWorkTest {
    private static Flag flag(FlagKind kind, String step, long cost, String remedy) {
        return new Flag(kind, StepPath.of(step), step + " flagged", cost, List.of(), remedy);
    }

    @Test
    public void addsUpTheFlagsOfTheWindowByKindAndStepCostliestFirst() {
        AvoidableWork ledger = AvoidableWork.of(List.of(
                List.of(flag(FlagKind.DUPLICATE_WORK, "Test", 20_000, "install once"),
                        flag(FlagKind.REPEATED_AGENT, "Deploy", 15_000, "one agent")),
                List.of(flag(FlagKind.DUPLICATE_WORK, "Test", 25_000, "install once")),
                List.of()));

        assertThat(ledger.runs()).isEqualTo(3);
        assertThat(ledger.totalMillis()).isEqualTo(60_000);
        assertThat(ledger.entries()).containsExactly(
                new AvoidableWork.Entry(FlagKind.DUPLICATE_WORK, StepPath.of("Test"), 45_000, 2, "install once"),
                new AvoidableWork.Entry(FlagKind.REPEATED_AGENT, StepPath.of("Deploy"), 15_000, 1, "one agent"));
    }

    @Test
    public void countsARunOnceWhereItHasTwoFlagsOfOneKindAndStep() {
        AvoidableWork ledger = AvoidableWork.of(List.of(List.of(
                flag(FlagKind.DUPLICATE_WORK, "Build", 5_000, "a"),
                flag(FlagKind.DUPLICATE_WORK, "Build", 7_000, "b"))));

        assertThat(ledger.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.flaggedRuns()).isEqualTo(1);
            assertThat(entry.totalMillis()).isEqualTo(12_000);
            assertThat(entry.remedy()).as("the remedy of its costliest flag").isEqualTo("b");
        });
    }

    @Test
    public void aWindowWithoutFlagsHasAnEmptyLedger() {
        assertThat(AvoidableWork.of(List.of(List.of(), List.of())).entries()).isEmpty();
    }
}
