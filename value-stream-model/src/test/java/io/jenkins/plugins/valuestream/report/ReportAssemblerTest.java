package io.jenkins.plugins.valuestream.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.valuestream.flags.BaselineReset;
import io.jenkins.plugins.valuestream.flags.DetectorSettings;
import io.jenkins.plugins.valuestream.flags.FlagKind;
import io.jenkins.plugins.valuestream.graph.FlowGraphBuilder;
import io.jenkins.plugins.valuestream.graph.RunResult;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.ProcessMapExtractor;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

public class ReportAssemblerTest {
    private static final long T0 = 1_700_000_000_000L;

    /** Build {@code number}: a Build stage of {@code buildMillis}. */
    private static ProcessMap run(int number, long buildMillis) {
        FlowGraphBuilder run = FlowGraphBuilder.startingAt(T0 + number * 3_600_000L);
        run.stage("Build", s -> s.sh("make", buildMillis));
        return ProcessMapExtractor.extract(run.runInfo(number, RunResult.SUCCESS, 0L), run.finish(), 0);
    }

    /** Ten steady runs, then one that builds ten times longer. */
    private static List<ProcessMap> steadyThenSlow() {
        List<ProcessMap> runs = new ArrayList<>();
        for (int n = 1; n <= 10; n++) {
            runs.add(run(n, 60_000 + n * 100));
        }
        runs.add(run(11, 600_000));
        return runs;
    }

    @Test
    public void eachRunIsFlaggedAgainstTheRunsBeforeIt() {
        List<ProcessMap> runs = steadyThenSlow();
        JobReport job = ReportAssembler.of(DetectorSettings.defaults()).assemble("app", runs, runs, List.of());

        assertThat(job.runs()).hasSize(11);
        assertThat(job.runs().get(10).flags()).extracting(f -> f.kind()).contains(FlagKind.SLOW_PROCESS);
        assertThat(job.runs().get(0).flags()).isEmpty();
        assertThat(job.valueStream().runs()).isEqualTo(11);
    }

    @Test
    public void runsAreReportedInBuildNumberOrderWhateverTheInputOrder() {
        List<ProcessMap> runs = new ArrayList<>(steadyThenSlow());
        java.util.Collections.reverse(runs);
        JobReport job = ReportAssembler.of(DetectorSettings.defaults()).assemble("app", runs, runs, List.of());

        assertThat(job.runs()).extracting(r -> r.map().number()).isSorted();
    }

    @Test
    public void aBaselineResetAtTheSlowRunLeavesItWithoutHistoryAndUnflagged() {
        List<ProcessMap> runs = steadyThenSlow();
        JobReport job = new ReportAssembler(DetectorSettings.defaults(), new BaselineReset(11),
                Integer.MAX_VALUE).assemble("app", runs, runs, List.of());

        assertThat(job.runs().get(10).flags()).isEmpty();
    }

    @Test
    public void onlyTheNewestRunsGetFlagsWhenLimited() {
        List<ProcessMap> runs = steadyThenSlow();
        ReportAssembler assembler = new ReportAssembler(DetectorSettings.defaults(), BaselineReset.NONE, 1);
        JobReport job = assembler.assemble("app", runs.subList(9, 11), runs, List.of("window"));

        assertThat(assembler.leavesRunsUnflagged(2)).isTrue();
        assertThat(job.runs().get(0).flags()).isEmpty();
        assertThat(job.runs().get(1).flags()).isNotEmpty();
        assertThat(job.warnings()).containsExactly("window");
    }

    @Test
    public void aNegativeLimitIsRefused() {
        assertThatThrownBy(() -> new ReportAssembler(DetectorSettings.defaults(), BaselineReset.NONE, -1))
                .hasMessageContaining("maxFlaggedRuns");
    }
}
