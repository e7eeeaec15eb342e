package io.jenkins.plugins.valuestream.flags;

import static io.jenkins.plugins.valuestream.testing.RunFixture.SH;
import static io.jenkins.plugins.valuestream.testing.RunFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.WaitCause;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

public class DetectorsTest {
    @Test
    public void givesEveryDetectorsFlagsCostliestFirst() {
        List<ProcessMap> history = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            history.add(run(i)
                    .step("Build", s -> s.at(0).process(60_000))
                    .step("Test", s -> s.at(60_000).process(30_000))
                    .build());
        }
        ProcessMap current = run(11)
                .step("Build", s -> s.at(0).process(300_000))
                .step("Test", s -> s.at(300_500).process(30_000).waited(WaitCause.AGENT, 15_000))
                .work(SH, "script=npm ci", "Build", "", 1_000, 40_000)
                .work(SH, "script=npm ci", "Test", "", 316_000, 45_000)
                .agent("linux", "Build", 0, 0, 300_000)
                .agent("linux", "Test", 300_500, 15_000, 30_000)
                .build();

        List<Flag> flags = Detectors.flag(current, history, DetectorSettings.defaults());

        assertThat(flags).extracting(Flag::kind).containsExactly(FlagKind.SLOW_PROCESS, FlagKind.DUPLICATE_WORK,
                FlagKind.REPEATED_AGENT);
        assertThat(flags).extracting(Flag::costMillis).containsExactly(240_000L, 45_000L, 15_000L);
    }
}
