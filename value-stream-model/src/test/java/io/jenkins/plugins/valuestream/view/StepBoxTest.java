package io.jenkins.plugins.valuestream.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.valuestream.process.StepKind;
import io.jenkins.plugins.valuestream.process.WaitCause;
import java.util.List;
import org.junit.Test;

public class StepBoxTest {
    private static final List<WaitPart> AGENT = List.of(WaitPart.known(WaitCause.AGENT, 12_000));

    @Test
    public void theBuilderPutsEachFigureWhereTheBoxReadsIt() {
        // Every value differs from the others, so a figure put in the wrong place shows.
        StepBox built = StepBox.builder("s3", "Unit", "Test/Unit", StepKind.BRANCH)
                .nestedIn("Test", 1).runs(9)
                .process(65_000, "1m 5s", "1m 40s")
                .waitTime(12_000, "12s", "30s", AGENT)
                .elapsed(77_000, "1m 17s")
                .successRate(0.9, "90%")
                .flowEfficiency(0.84, "84%")
                .bottleneck(true).waitBottleneck(false)
                .parallelGroup("17")
                .criticalPath(true, "80%", "20s")
                .build();

        assertThat(built).isEqualTo(new StepBox("s3", "Unit", "Test/Unit", "Test", 1, StepKind.BRANCH, 9, 65_000,
                "1m 5s", "1m 40s", 12_000, "12s", "30s", 77_000, "1m 17s", AGENT, 0.9, "90%", 0.84, "84%", true,
                false, "17", true, "80%", "20s"));
    }

    @Test
    public void aBoxLeftAtTheDefaultsIsATopStepInNoGroupAndNoBottleneck() {
        StepBox box = figures(StepBox.builder("s0", "Build", "Build", StepKind.STAGE)).build();

        assertThat(box.parent()).isNull();
        assertThat(box.indent()).isZero();
        assertThat(box.waits()).isEmpty();
        assertThat(box.bottleneck()).isFalse();
        assertThat(box.waitBottleneck()).isFalse();
        assertThat(box.parallelGroup()).isNull();
    }

    @Test
    public void aBoxLeftAtTheDefaultsIsOffTheCriticalPath() {
        StepBox box = figures(StepBox.builder("s0", "Build", "Build", StepKind.STAGE)).build();

        assertThat(box.critical()).isFalse();
        assertThat(box.criticalShareText()).isEqualTo("0%");
        assertThat(box.exclusiveText()).isEqualTo("0s");
    }

    @Test
    public void aBoxWithoutAFigureEveryBoxHasIsNotBuilt() {
        StepBox.Builder noWait = StepBox.builder("s0", "Build", "Build", StepKind.STAGE)
                .process(1_000, "1s", "2s").elapsed(1_000, "1s").successRate(1, "100%").flowEfficiency(1, "100%");

        assertThatThrownBy(noWait::build).isInstanceOf(NullPointerException.class)
                .hasMessage("The box of Build needs its wait time");
    }

    private static StepBox.Builder figures(StepBox.Builder builder) {
        return builder.process(1_000, "1s", "2s").waitTime(0, "0s", "0s", List.of()).elapsed(1_000, "1s")
                .successRate(1, "100%").flowEfficiency(1, "100%");
    }
}
