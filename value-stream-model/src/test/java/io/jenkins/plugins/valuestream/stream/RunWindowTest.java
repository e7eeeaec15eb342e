package io.jenkins.plugins.valuestream.stream;

import static io.jenkins.plugins.valuestream.testing.RunFixture.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.valuestream.graph.RunResult;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import java.util.List;
import org.junit.Test;

public class RunWindowTest {
    private static final List<ProcessMap> RUNS = List.of(
            run(5).result(RunResult.SUCCESS).build(),
            run(1).result(RunResult.SUCCESS).build(),
            run(4).result(RunResult.FAILURE).build(),
            run(3).result(RunResult.UNSTABLE).build(),
            run(2).result(RunResult.SUCCESS).build(),
            run(6).runningFor(1_000).build());

    @Test
    public void takesTheNewestFinishedRunsOldestFirst() {
        assertThat(RunWindow.last(3).select(RUNS)).extracting(ProcessMap::number).containsExactly(3, 4, 5);
    }

    @Test
    public void successfulOnlyLeavesOutUnstableAndFailedRuns() {
        assertThat(RunWindow.lastSuccessful(10).select(RUNS)).extracting(ProcessMap::number).containsExactly(1, 2, 5);
    }

    @Test
    public void neverTakesARunningRun() {
        assertThat(RunWindow.all().select(RUNS)).extracting(ProcessMap::number).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    public void rejectsAnEmptyWindow() {
        assertThatThrownBy(() -> RunWindow.last(0)).hasMessageContaining("at least 1");
    }
}
