package io.jenkins.plugins.valuestream.future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.valuestream.flags.FlagKind;
import io.jenkins.plugins.valuestream.process.WaitCause;
import org.junit.Test;

public class FutureAssumptionsTest {

    @Test
    public void byDefaultTheAgentAndQueueWaitsGo() {
        assertThat(FutureAssumptions.defaults().removedCauses()).containsExactlyInAnyOrder(WaitCause.AGENT,
                WaitCause.QUEUE);
    }

    @Test
    public void theCausesAreReadInAnyCase() {
        assertThat(FutureAssumptions.parse("lock, Input").removedCauses())
                .containsExactlyInAnyOrder(WaitCause.LOCK, WaitCause.INPUT);
    }

    @Test
    public void noneRemovesNoWait() {
        assertThat(FutureAssumptions.parse("none").removedCauses()).isEmpty();
    }

    @Test
    public void anUnknownCauseIsAnsweredWithTheAcceptedOnes() {
        assertThatThrownBy(() -> FutureAssumptions.parse("AGENT,QUEU"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown wait cause 'QUEU'; accepted: QUEUE, AGENT, INPUT, LOCK, SLEEP, GAP, REWORK"
                        + " (comma-separated), or none");
    }

    @Test
    public void whatIsNotRemovedStays() {
        assertThat(FutureAssumptions.defaults().keptCauses()).containsExactly(WaitCause.INPUT, WaitCause.LOCK,
                WaitCause.SLEEP, WaitCause.GAP, WaitCause.REWORK);
    }

    @Test
    public void theFlagsWhoseCostIsWaitingStay() {
        assertThat(FutureAssumptions.keptFlagKinds()).containsExactly(FlagKind.SLOW_WAIT, FlagKind.REPEATED_AGENT,
                FlagKind.NO_OP);
    }

    @Test
    public void writesTheRemovedCausesInTheirOrder() {
        assertThat(FutureAssumptions.parse("queue,agent")).hasToString("QUEUE,AGENT");
    }
}
