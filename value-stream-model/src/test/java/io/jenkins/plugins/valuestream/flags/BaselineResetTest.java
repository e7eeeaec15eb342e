package io.jenkins.plugins.valuestream.flags;

import static io.jenkins.plugins.valuestream.testing.RunFixture.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.valuestream.process.ProcessMap;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

public class BaselineResetTest {
    private static final long MINUTE = 60_000;

    /** Runs 1 to 8; the job was made slower at build 5. */
    private static List<ProcessMap> runs() {
        List<ProcessMap> runs = new ArrayList<>();
        for (int number = 1; number <= 8; number++) {
            long process = number < 5 ? MINUTE : 3 * MINUTE;
            runs.add(run(number).step("Build", s -> s.process(process)).build());
        }
        return runs;
    }

    private static List<Integer> numbers(List<ProcessMap> runs) {
        return runs.stream().map(ProcessMap::number).toList();
    }

    @Test
    public void withoutAResetEveryRunIsInTheBaseline() {
        List<ProcessMap> runs = runs();

        assertThat(numbers(BaselineReset.NONE.sameBaseline(runs.get(7), runs)))
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    }

    @Test
    public void aRunAfterTheResetIsComparedOnlyWithRunsFromTheReset() {
        List<ProcessMap> runs = runs();

        assertThat(numbers(new BaselineReset(5).sameBaseline(runs.get(7), runs))).containsExactly(5, 6, 7, 8);
    }

    @Test
    public void aRunBeforeTheResetKeepsTheHistoryItHad() {
        List<ProcessMap> runs = runs();

        assertThat(numbers(new BaselineReset(5).sameBaseline(runs.get(3), runs))).containsExactly(1, 2, 3, 4);
    }

    @Test
    public void theFirstRunOfTheNewBaselineStartsItsOwnHistory() {
        List<ProcessMap> runs = runs();

        assertThat(numbers(new BaselineReset(5).sameBaseline(runs.get(4), runs))).containsExactly(5, 6, 7, 8);
    }

    @Test
    public void aSlowerJobIsNotFlaggedAgainstTheHistoryBeforeItsReset() {
        List<ProcessMap> runs = new ArrayList<>();
        for (int number = 1; number <= 30; number++) {
            long process = number < 25 ? MINUTE : 3 * MINUTE;
            runs.add(run(number).step("Build", s -> s.process(process)).build());
        }
        ProcessMap newest = runs.get(29);
        DetectorSettings settings = DetectorSettings.defaults();

        assertThat(Detectors.flag(newest, BaselineReset.NONE.sameBaseline(newest, runs), settings))
                .anyMatch(flag -> flag.kind() == FlagKind.SLOW_PROCESS);
        assertThat(Detectors.flag(newest, new BaselineReset(25).sameBaseline(newest, runs), settings))
                .noneMatch(flag -> flag.kind() == FlagKind.SLOW_PROCESS);
    }

    @Test
    public void aBaselineCannotStartBeforeBuildOne() {
        assertThatThrownBy(() -> new BaselineReset(-1)).hasMessageContaining("got -1");
    }
}
