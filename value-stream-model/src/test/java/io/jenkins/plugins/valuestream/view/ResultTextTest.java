package io.jenkins.plugins.valuestream.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.valuestream.graph.RunResult;
import io.jenkins.plugins.valuestream.process.StepResult;
import org.junit.Test;

/** Results in words and colours, one rule for the charts and the pages. */
public class ResultTextTest {

    @Test
    public void aRunResultReadsAsASentenceCaseWord() {
        assertThat(ResultText.of(RunResult.NOT_BUILT)).isEqualTo("Not built");
        assertThat(ResultText.of(RunResult.SUCCESS)).isEqualTo("Success");
    }

    @Test
    public void aRunWithoutResultIsUnfinished() {
        assertThat(ResultText.of((RunResult) null)).isEqualTo("Unfinished");
        assertThat(ResultText.tone((RunResult) null)).isEqualTo("running");
    }

    @Test
    public void abortedAndNotBuiltRunsShareTheQuietTone() {
        assertThat(ResultText.tone(RunResult.ABORTED)).isEqualTo("aborted");
        assertThat(ResultText.tone(RunResult.NOT_BUILT)).isEqualTo("aborted");
    }

    @Test
    public void aStepAndARunWithTheSameResultTakeTheSameTone() {
        assertThat(ResultText.tone(StepResult.FAILURE)).isEqualTo(ResultText.tone(RunResult.FAILURE));
        assertThat(ResultText.tone(StepResult.UNSTABLE)).isEqualTo(ResultText.tone(RunResult.UNSTABLE));
        assertThat(ResultText.tone(StepResult.ABORTED)).isEqualTo(ResultText.tone(RunResult.ABORTED));
    }

    @Test
    public void aSkippedStepHasATextAndToneOfItsOwn() {
        assertThat(ResultText.of(StepResult.SKIPPED)).isEqualTo("Skipped");
        assertThat(ResultText.tone(StepResult.SKIPPED)).isEqualTo("skipped");
    }
}
