package io.jenkins.plugins.valuestream.flags;

import static io.jenkins.plugins.valuestream.testing.RunFixture.SH;
import static io.jenkins.plugins.valuestream.testing.RunFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.WorkContext;
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
                .work(SH, "script=npm ci", "Build", "", 1_000, 40_000, new WorkContext("#1 linux", ""))
                .work(SH, "script=npm ci", "Build", "", 200_000, 35_000, new WorkContext("#1 linux", ""))
                .work(SH, "script=npm ci", "Test", "", 316_000, 45_000, new WorkContext("#2 linux", ""))
                .agent("linux", "Build", 0, 0, 300_000)
                .agent("linux", "Test", 300_500, 15_000, 30_000)
                .build();

        List<Flag> flags = Detectors.flag(current, history, DetectorSettings.defaults());

        // The install on the second agent is part of the repeated agent's cost (wait 15s + install 45s), not a flag
        // of its own; the second install on the first agent is duplicate work.
        assertThat(flags).extracting(Flag::kind).containsExactly(FlagKind.SLOW_PROCESS, FlagKind.REPEATED_AGENT,
                FlagKind.DUPLICATE_WORK);
        assertThat(flags).extracting(Flag::costMillis).containsExactly(240_000L, 60_000L, 35_000L);
    }

    @Test
    public void dropsFlagsBelowTheirFloor() {
        // sh 'echo same' twice on one agent, 0.3 s each: duplicated, but not worth a line on the build page.
        ProcessMap current = run(3)
                .step("Compile", s -> s.at(0).process(400))
                .step("Package", s -> s.at(400).process(400))
                .work(SH, "script=echo same", "Compile", "", 50, 300, new WorkContext("#1", ""))
                .work(SH, "script=echo same", "Package", "", 450, 300, new WorkContext("#1", ""))
                .build();

        assertThat(Detectors.flag(current, List.of(), DetectorSettings.defaults())).isEmpty();
        assertThat(Detectors.flag(current, List.of(), DetectorSettings.builder().minDuplicateMillis(0)
                .leadTimeShare(0).build())).extracting(Flag::kind).containsExactly(FlagKind.DUPLICATE_WORK);
    }

    @Test
    public void aFlagNeverCostsMoreThanItsRunsLeadTime() {
        // Three parallel branches on one agent each spending 50 s on the same install, in a run of 60 s.
        ProcessMap current = run(3)
                .step("Test/a", s -> s.at(0).process(60_000).parallel("5"))
                .step("Test/b", s -> s.at(0).process(60_000).parallel("5"))
                .step("Test/c", s -> s.at(0).process(60_000).parallel("5"))
                .work(SH, "script=npm ci", "Test/a", "a", 100, 50_000, new WorkContext("#1", ""))
                .work(SH, "script=npm ci", "Test/b", "b", 100, 50_000, new WorkContext("#1", ""))
                .work(SH, "script=npm ci", "Test/c", "c", 100, 50_000, new WorkContext("#1", ""))
                .build();

        List<Flag> flags = Detectors.flag(current, List.of(), DetectorSettings.defaults());

        assertThat(flags).singleElement().extracting(Flag::costMillis).isEqualTo(current.leadTimeMillis());
    }
}
