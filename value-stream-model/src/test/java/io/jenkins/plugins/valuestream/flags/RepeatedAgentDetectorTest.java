package io.jenkins.plugins.valuestream.flags;

import static io.jenkins.plugins.valuestream.testing.RunFixture.CHECKOUT;
import static io.jenkins.plugins.valuestream.testing.RunFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.StepPath;
import io.jenkins.plugins.valuestream.process.StepResult;
import io.jenkins.plugins.valuestream.process.WaitCause;
import io.jenkins.plugins.valuestream.process.WorkContext;
import java.util.List;
import org.junit.Test;

public class RepeatedAgentDetectorTest {
    /** Build holds a linux agent 0..60s, Test asks for another at 61s and waits 20s for it. */
    private static ProcessMap buildThenTestOnLinux() {
        return run(3)
                .step("Build", s -> s.at(0).process(60_000))
                .step("Test", s -> s.at(60_500).process(40_000).waited(WaitCause.AGENT, 20_000))
                .agent("linux", "Build", 0, 0, 60_000)
                .agent("linux", "Test", 61_000, 20_000, 39_000)
                .build();
    }

    @Test
    public void flagsTheSameLabelAskedForInTheNextStep() {
        assertThat(RepeatedAgentDetector.detect(buildThenTestOnLinux())).singleElement().satisfies(flag -> {
            assertThat(flag.kind()).isEqualTo(FlagKind.REPEATED_AGENT);
            assertThat(flag.step()).isEqualTo(StepPath.of("Test"));
        });
    }

    @Test
    public void costIsTheSecondAllocationsWait() {
        assertThat(RepeatedAgentDetector.detect(buildThenTestOnLinux()).get(0).costMillis()).isEqualTo(20_000);
    }

    @Test
    public void messageAndEvidenceSayWhatWasAskedForAgain() {
        Flag flag = RepeatedAgentDetector.detect(buildThenTestOnLinux()).get(0);

        assertThat(flag.message())
                .isEqualTo("Test: asked for agent 'linux' again right after Build gave one back; waited 20s");
        assertThat(flag.evidence()).containsExactly(
                "Build: agent 'linux' held 1m after a wait of 0s",
                "Test: agent 'linux' asked for 1s after release, waited 20s");
    }

    @Test
    public void doesNotFlagADifferentLabel() {
        ProcessMap run = run(3)
                .step("Build", s -> s.at(0).process(60_000))
                .step("Test", s -> s.at(60_500).process(40_000))
                .agent("linux", "Build", 0, 0, 60_000)
                .agent("windows", "Test", 61_000, 0, 39_000)
                .build();

        assertThat(RepeatedAgentDetector.detect(run)).isEmpty();
    }

    @Test
    public void doesNotFlagParallelStepsOnTheSameLabel() {
        ProcessMap run = run(3)
                .step("unit", s -> s.at(0).process(60_000).parallel("5"))
                .step("integration", s -> s.at(0).process(90_000).parallel("5"))
                .agent("linux", "unit", 100, 0, 59_000)
                .agent("linux", "integration", 200, 0, 89_000)
                .build();

        assertThat(RepeatedAgentDetector.detect(run)).isEmpty();
    }

    @Test
    public void doesNotFlagParallelBranchesInsideOneStage() {
        ProcessMap run = run(3)
                .step("Test", s -> s.at(0).process(60_000))
                .step("Test/unit", s -> s.at(0).process(10_000).parallel("9"))
                .step("Test/integration", s -> s.at(0).process(60_000).parallel("9"))
                .agent("linux", "Test/unit", 100, 0, 10_000)
                .agent("linux", "Test/integration", 200, 0, 59_000)
                .build();

        assertThat(RepeatedAgentDetector.detect(run)).isEmpty();
    }

    @Test
    public void doesNotFlagWhenAStepInBetweenGaveTheAgentBack() {
        ProcessMap run = run(3)
                .step("Build", s -> s.at(0).process(60_000))
                .step("Approve", s -> s.at(60_000).waited(WaitCause.INPUT, 600_000))
                .step("Deploy", s -> s.at(660_000).process(30_000))
                .agent("linux", "Build", 0, 0, 60_000)
                .agent("linux", "Deploy", 660_000, 0, 30_000)
                .build();

        assertThat(RepeatedAgentDetector.detect(run)).isEmpty();
    }

    @Test
    public void aSkippedStepInBetweenDoesNotSeparateTheSteps() {
        ProcessMap run = run(3)
                .step("Build", s -> s.at(0).process(60_000))
                .step("Scan", s -> s.at(60_100).result(StepResult.SKIPPED))
                .step("Test", s -> s.at(60_500).process(40_000))
                .agent("linux", "Build", 0, 0, 60_000)
                .agent("linux", "Test", 61_000, 0, 39_000)
                .build();

        assertThat(RepeatedAgentDetector.detect(run)).hasSize(1);
    }

    @Test
    public void flagsAllocationsInNestedStagesOfConsecutiveTopLevelStages() {
        ProcessMap run = run(3)
                .step("Build", s -> s.at(0).process(60_000))
                .step("Build/compile", s -> s.at(0).process(60_000))
                .step("Test", s -> s.at(60_500).process(40_000))
                .step("Test/unit", s -> s.at(60_500).process(40_000))
                .agent("linux", "Build/compile", 0, 0, 60_000)
                .agent("linux", "Test/unit", 61_000, 0, 39_000)
                .build();

        assertThat(RepeatedAgentDetector.detect(run)).singleElement().extracting(Flag::step)
                .isEqualTo(StepPath.of("Test", "unit"));
    }

    @Test
    public void doesNotFlagTwoAllocationsInTheSameStep() {
        ProcessMap run = run(3)
                .step("Build", s -> s.at(0).process(120_000))
                .agent("linux", "Build", 0, 0, 60_000)
                .agent("linux", "Build", 61_000, 0, 59_000)
                .build();

        assertThat(RepeatedAgentDetector.detect(run)).isEmpty();
    }

    @Test
    public void doesNotFlagAnAgentAskedForWhileTheFirstIsStillHeld() {
        ProcessMap run = run(3)
                .step("Build", s -> s.at(0).process(60_000))
                .step("Test", s -> s.at(60_500).process(40_000))
                .agent("linux", "Build", 0, 0, 100_000)
                .agent("linux", "Test", 61_000, 0, 39_000)
                .build();

        assertThat(RepeatedAgentDetector.detect(run)).isEmpty();
    }

    @Test
    public void doesNotFlagAllocationsOutsideEveryStage() {
        ProcessMap run = run(3)
                .outside(s -> s.process(5_000))
                .step("Build", s -> s.at(5_000).process(60_000))
                .agent("linux", StepPath.OUTSIDE.toString(), 0, 0, 4_000)
                .agent("linux", "Build", 5_000, 0, 60_000)
                .build();

        assertThat(RepeatedAgentDetector.detect(run)).isEmpty();
    }

    @Test
    public void costAddsTheSetupTheFreshWorkspaceRepeated() {
        String scm = "scm=git https://github.com/example/app.git";
        ProcessMap run = run(3)
                .step("Build", s -> s.at(0).process(60_000))
                .step("Test", s -> s.at(60_500).process(40_000))
                .agent("linux", "Build", 0, 0, 60_000)
                .agent("linux", "Test", 61_000, 0, 39_000)
                .work(CHECKOUT, scm, "Build", "", 1_000, 8_000, new WorkContext("#1 linux", ""))
                .work(CHECKOUT, scm, "Test", "", 62_000, 7_000, new WorkContext("#2 linux", ""))
                .build();

        assertThat(RepeatedAgentDetector.detect(run)).singleElement().satisfies(flag -> {
            assertThat(flag.costMillis()).isEqualTo(7_000);
            assertThat(flag.message()).endsWith("waited 0s and repeated its setup for 7s");
            assertThat(flag.evidence()).contains("repeated in the new workspace: checkout(" + scm + "), 7s");
            assertThat(flag.remedy()).contains("one agent");
        });
    }

    @Test
    public void aPromptReallocationThatRepeatsNothingIsBelowTheFloor() {
        // Declarative parallel-free stages each with "agent { label 'linux' }": 50 ms to get the next agent.
        ProcessMap run = run(3)
                .step("Build", s -> s.at(0).process(60_000))
                .step("Test", s -> s.at(60_500).process(40_000))
                .agent("linux", "Build", 0, 0, 60_000)
                .agent("linux", "Test", 61_000, 50, 39_000)
                .build();

        assertThat(RepeatedAgentDetector.detect(run)).hasSize(1);
        assertThat(Detectors.flag(run, List.of(), DetectorSettings.defaults())).isEmpty();
    }
}
