package io.jenkins.plugins.valuestream.flags;

import static io.jenkins.plugins.valuestream.testing.RunFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.StepPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.Test;

/** The runs before a run, however the history is given. */
public class RunHistoryTest {
    private static List<ProcessMap> runs(int count) {
        List<ProcessMap> runs = new ArrayList<>();
        for (int number = 1; number <= count; number++) {
            long process = 1_000L * number;
            runs.add(run(number).step("Build", s -> s.process(process)).build());
        }
        return runs;
    }

    @Test
    public void aHistoryInBuildOrderGivesTheRunsBeforeNewestFirst() {
        List<ProcessMap> history = runs(6);

        assertThat(RunHistory.before(history.get(3), history).runs()).extracting(ProcessMap::number)
                .containsExactly(3, 2, 1);
    }

    @Test
    public void theRunsBeforeAreTheSameWhateverTheOrderOfTheHistory() {
        List<ProcessMap> inOrder = runs(9);
        List<ProcessMap> shuffled = new ArrayList<>(new HashSet<>(inOrder));
        ProcessMap run = inOrder.get(6);

        assertThat(RunHistory.before(run, shuffled).runs())
                .containsExactlyElementsOf(RunHistory.before(run, inOrder).runs());
    }

    @Test
    public void aRunStillGoingInTheHistoryIsLeftOut() {
        List<ProcessMap> history = runs(3);
        history.add(1, run(2).runningFor(5_000).build());

        List<ProcessMap> before = RunHistory.before(run(4).build(), history).runs();

        assertThat(before).extracting(ProcessMap::number).containsExactly(3, 2, 1);
        assertThat(before).noneMatch(ProcessMap::running);
    }

    @Test
    public void aStepIsFoundWhereverItIsInTheOtherRun() {
        ProcessMap other = run(1).step("Lint", s -> s.process(1)).step("Build", s -> s.process(2)).build();

        assertThat(RunHistory.countedStep(other, StepPath.of("Build"), 0, 0)).isNotNull()
                .satisfies(step -> assertThat(step.processMillis()).isEqualTo(2));
        assertThat(RunHistory.countedStep(other, StepPath.of("Build"), 0, 7)).isNotNull();
        assertThat(RunHistory.countedStep(other, StepPath.of("Deploy"), 0, 1)).isNull();
    }
}
