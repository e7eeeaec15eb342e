package io.jenkins.plugins.valuestream.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.valuestream.flags.Flag;
import io.jenkins.plugins.valuestream.flags.FlagKind;
import io.jenkins.plugins.valuestream.process.StepPath;
import java.util.List;
import org.junit.Test;

public class FlagViewTest {
    @Test
    public void findingLeavesOutTheStepTheMessageStartsWith() {
        FlagView view = FlagView.of(new Flag(FlagKind.SLOW_WAIT, StepPath.of("Test", "Unit"),
                "Test/Unit: wait 8m 6s, baseline 2m 33s (median of 20 runs)", 333_000, List.of()));

        assertThat(view.finding()).isEqualTo("wait 8m 6s, baseline 2m 33s (median of 20 runs)");
        assertThat(view.message()).startsWith("Test/Unit: ");
    }

    @Test
    public void findingKeepsAMessageThatNamesAnotherStep() {
        FlagView view = FlagView.of(new Flag(FlagKind.REPEATED_AGENT, StepPath.of("Test", "Unit"),
                "Test: asked for agent 'linux' again right after Build gave one back; waited 2m 47s", 167_000,
                List.of()));

        assertThat(view.finding()).isEqualTo(view.message());
    }
}
