package io.jenkins.plugins.valuestream.flags;

import static io.jenkins.plugins.valuestream.testing.RunFixture.CHECKOUT;
import static io.jenkins.plugins.valuestream.testing.RunFixture.ECHO;
import static io.jenkins.plugins.valuestream.testing.RunFixture.SH;
import static io.jenkins.plugins.valuestream.testing.RunFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.StepPath;
import java.util.List;
import org.junit.Test;

public class DuplicateWorkDetectorTest {
    private static final DetectorSettings DEFAULTS = DetectorSettings.defaults();

    /** {@code sh 'npm ci'} in each of three Declarative parallel stages, the mac one started last. */
    private static ProcessMap npmCiInThreeBranches() {
        return run(42)
                .step("Test/linux", s -> s.at(10_000).process(100_000).parallel("21"))
                .step("Test/windows", s -> s.at(10_000).process(150_000).parallel("21"))
                .step("Test/mac", s -> s.at(10_000).process(120_000).parallel("21"))
                .work(SH, "script=npm ci", "Test/linux", "linux", 11_000, 40_000)
                .work(SH, "script=npm ci", "Test/windows", "windows", 11_500, 70_000)
                .work(SH, "script=npm ci", "Test/mac", "mac", 12_000, 50_000)
                .work(SH, "script=npm test", "Test/linux", "linux", 51_000, 60_000)
                .build();
    }

    @Test
    public void flagsTheSameCommandInThreeParallelBranchesOnce() {
        List<Flag> flags = DuplicateWorkDetector.detect(npmCiInThreeBranches(), DEFAULTS);

        assertThat(flags).singleElement().extracting(Flag::kind).isEqualTo(FlagKind.DUPLICATE_WORK);
    }

    @Test
    public void flagIsOnTheStepOfTheSecondOccurrence() {
        List<Flag> flags = DuplicateWorkDetector.detect(npmCiInThreeBranches(), DEFAULTS);

        assertThat(flags.get(0).step()).isEqualTo(StepPath.of("Test", "windows"));
    }

    @Test
    public void costIsEveryOccurrenceButTheFirst() {
        List<Flag> flags = DuplicateWorkDetector.detect(npmCiInThreeBranches(), DEFAULTS);

        assertThat(flags.get(0).costMillis()).isEqualTo(70_000 + 50_000);
    }

    @Test
    public void evidenceListsWhereEachOccurrenceRanAndHowLong() {
        List<Flag> flags = DuplicateWorkDetector.detect(npmCiInThreeBranches(), DEFAULTS);

        assertThat(flags.get(0).evidence()).containsExactly("Test/linux: 40s", "Test/windows: 1m 10s",
                "Test/mac: 50s");
    }

    @Test
    public void messageNamesTheStepFunctionAsUsersWriteIt() {
        List<Flag> flags = DuplicateWorkDetector.detect(npmCiInThreeBranches(), DEFAULTS);

        assertThat(flags.get(0).message()).isEqualTo("sh 'npm ci' ran 3 times in this run, in Test/linux, "
                + "Test/windows, Test/mac; the repeats took 2m");
    }

    @Test
    public void flagsTwoCheckoutsInSequentialStages() {
        ProcessMap run = run(7)
                .step("Build", s -> s.at(0).process(60_000))
                .step("Deploy", s -> s.at(60_000).process(30_000))
                .work(CHECKOUT, "scm=git https://github.com/example/app.git", "Build", "", 1_000, 8_000)
                .work(CHECKOUT, "scm=git https://github.com/example/app.git", "Deploy", "", 61_000, 6_000)
                .build();

        List<Flag> flags = DuplicateWorkDetector.detect(run, DEFAULTS);

        assertThat(flags).singleElement().satisfies(flag -> {
            assertThat(flag.step()).isEqualTo(StepPath.of("Deploy"));
            assertThat(flag.costMillis()).isEqualTo(6_000);
            assertThat(flag.message()).startsWith("checkout(scm=git https://github.com/example/app.git) ran 2 times");
        });
    }

    @Test
    public void namesTheBranchWhereItDiffersFromTheStep() {
        ProcessMap run = run(7)
                .step("Test", s -> s.at(0).process(60_000))
                .work(SH, "script=make", "Test", "unit", 1_000, 8_000)
                .work(SH, "script=make", "Test", "integration", 1_000, 9_000)
                .build();

        assertThat(DuplicateWorkDetector.detect(run, DEFAULTS).get(0).evidence())
                .containsExactly("Test (branch unit): 8s", "Test (branch integration): 9s");
    }

    @Test
    public void ignoresOccurrencesShorterThanTheMinimum() {
        ProcessMap run = run(7)
                .step("Build", s -> s.process(60_000))
                .work(SH, "script=git rev-parse HEAD", "Build", "", 1_000, 200)
                .work(SH, "script=git rev-parse HEAD", "Build", "", 2_000, 5_000)
                .work(SH, "script=git rev-parse HEAD", "Build", "", 8_000, 999)
                .build();

        assertThat(DuplicateWorkDetector.detect(run, DEFAULTS)).isEmpty();
    }

    @Test
    public void leavesShortOccurrencesOutOfTheCost() {
        ProcessMap run = run(7)
                .step("Build", s -> s.process(60_000))
                .work(SH, "script=npm ci", "Build", "", 1_000, 20_000)
                .work(SH, "script=npm ci", "Build", "", 22_000, 500)
                .work(SH, "script=npm ci", "Build", "", 23_000, 15_000)
                .build();

        assertThat(DuplicateWorkDetector.detect(run, DEFAULTS).get(0).costMillis()).isEqualTo(15_000);
    }

    @Test
    public void ignoresStepsThatAreNotWork() {
        ProcessMap run = run(7)
                .step("Build", s -> s.process(60_000))
                .work(ECHO, "message=Building", "Build", "", 1_000, 2_000)
                .work(ECHO, "message=Building", "Build", "", 5_000, 2_000)
                .build();

        assertThat(DuplicateWorkDetector.detect(run, DEFAULTS)).isEmpty();
    }

    @Test
    public void differentArgumentsAreDifferentWork() {
        ProcessMap run = run(7)
                .step("Build", s -> s.process(60_000))
                .work(SH, "script=npm ci", "Build", "", 1_000, 20_000)
                .work(SH, "script=npm test", "Build", "", 22_000, 20_000)
                .build();

        assertThat(DuplicateWorkDetector.detect(run, DEFAULTS)).isEmpty();
    }

    @Test
    public void flagsEachRepeatedWorkSeparately() {
        ProcessMap run = run(7)
                .step("Build", s -> s.process(60_000))
                .work(SH, "script=npm ci", "Build", "", 1_000, 20_000)
                .work(SH, "script=npm ci", "Build", "", 22_000, 20_000)
                .work(SH, "script=make", "Build", "", 43_000, 5_000)
                .work(SH, "script=make", "Build", "", 49_000, 5_000)
                .build();

        assertThat(DuplicateWorkDetector.detect(run, DEFAULTS)).hasSize(2);
    }

    @Test
    public void cutsLongArgumentsInTheMessage() {
        String script = "script=" + "x".repeat(200);
        ProcessMap run = run(7)
                .step("Build", s -> s.process(60_000))
                .work(SH, script, "Build", "", 1_000, 20_000)
                .work(SH, script, "Build", "", 22_000, 20_000)
                .build();

        assertThat(DuplicateWorkDetector.detect(run, DEFAULTS).get(0).message())
                .startsWith("sh '" + "x".repeat(59) + "…' ran 2 times");
    }

    @Test
    public void namesEveryArgumentOfAStepWithSeveral() {
        ProcessMap run = run(7)
                .step("Build", s -> s.process(60_000))
                .work(SH, "returnStdout=true, script=make", "Build", "", 1_000, 20_000)
                .work(SH, "returnStdout=true, script=make", "Build", "", 22_000, 20_000)
                .build();

        assertThat(DuplicateWorkDetector.detect(run, DEFAULTS).get(0).message())
                .startsWith("sh(returnStdout=true, script=make) ran 2 times");
    }
}
