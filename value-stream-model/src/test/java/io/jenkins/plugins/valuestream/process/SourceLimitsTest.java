package io.jenkins.plugins.valuestream.process;

import static io.jenkins.plugins.valuestream.testing.RunFixture.SH;
import static io.jenkins.plugins.valuestream.testing.RunFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.Test;

/** What a source cannot tell, marked on the process maps it yields. */
public class SourceLimitsTest {
    private final ProcessMap map = run(4)
            .waits(Map.of(WaitCause.QUEUE, 2_000L))
            .step("Build", s -> s.process(60_000).waited(WaitCause.AGENT, 0))
            .work(SH, "script=make", "Build", "", 1_000, 50_000, WorkContext.NONE)
            .build();

    @Test
    public void aSourceWithoutLimitsLeavesTheMapAsItIs() {
        assertThat(SourceLimits.NONE.applyTo(map)).isSameAs(map);
    }

    @Test
    public void aCauseTheSourceCannotSeeReadsAsUnknownOnTheRunAndEveryStep() {
        ProcessMap marked = new SourceLimits(Set.of(WaitCause.AGENT), List.of(), true).applyTo(map);

        assertThat(marked.waits().millisOrNull(WaitCause.AGENT)).isNull();
        assertThat(marked.steps()).allSatisfy(step -> assertThat(step.waits().known(WaitCause.AGENT)).isFalse());
        assertThat(marked.waits().millis(WaitCause.QUEUE)).isEqualTo(2_000);
    }

    @Test
    public void workWhoseContextTheSourceDoesNotShowHasNoContext() {
        ProcessMap marked = new SourceLimits(Set.of(), List.of(), false).applyTo(map);

        assertThat(marked.work()).singleElement().satisfies(item -> assertThat(item.context()).isNull());
    }

    @Test
    public void theSourcesNotesAreAddedOnce() {
        ProcessMap marked = new SourceLimits(Set.of(), List.of("No agent waits inside stages."), true).applyTo(map);
        ProcessMap twice = new SourceLimits(Set.of(), List.of("No agent waits inside stages."), true).applyTo(marked);

        assertThat(twice.notes()).containsExactly("No agent waits inside stages.");
    }
}
