package io.jenkins.plugins.valuestream.flags;

import static io.jenkins.plugins.valuestream.testing.RunFixture.CHECKOUT;
import static io.jenkins.plugins.valuestream.testing.RunFixture.ECHO;
import static io.jenkins.plugins.valuestream.testing.RunFixture.SH;
import static io.jenkins.plugins.valuestream.testing.RunFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.StepPath;
import io.jenkins.plugins.valuestream.process.WorkContext;
import java.util.List;
import org.junit.Test;

public class DuplicateWorkDetectorTest {
    private static final WorkContext LINUX = new WorkContext("#1 linux", "");
    private static final String SCM = "scm=git https://github.com/example/app.git";

    /** {@code sh 'npm ci'} in three parallel stages that share the top-level agent, the mac one started last. */
    private static ProcessMap npmCiInThreeBranchesOnOneAgent() {
        return run(42)
                .step("Test/unit", s -> s.at(10_000).process(100_000).parallel("21"))
                .step("Test/lint", s -> s.at(10_000).process(150_000).parallel("21"))
                .step("Test/e2e", s -> s.at(10_000).process(120_000).parallel("21"))
                .work(SH, "script=npm ci", "Test/unit", "unit", 11_000, 40_000, LINUX)
                .work(SH, "script=npm ci", "Test/lint", "lint", 11_500, 70_000, LINUX)
                .work(SH, "script=npm ci", "Test/e2e", "e2e", 12_000, 50_000, LINUX)
                .work(SH, "script=npm test", "Test/unit", "unit", 51_000, 60_000, LINUX)
                .build();
    }

    /** The same install in two sequential stages on the one agent of a Declarative Pipeline. */
    private static ProcessMap npmCiInTwoStagesOnOneAgent() {
        return run(7)
                .step("Install", s -> s.at(0).process(30_000))
                .step("Test", s -> s.at(30_000).process(60_000))
                .work(SH, "script=npm ci", "Install", "", 1_000, 25_000, LINUX)
                .work(SH, "script=npm ci", "Test", "", 31_000, 22_000, LINUX)
                .build();
    }

    @Test
    public void flagsAnInstallRepeatedOnTheSameAgentWithItsRemedy() {
        List<Flag> flags = DuplicateWorkDetector.detect(npmCiInTwoStagesOnOneAgent());

        assertThat(flags).singleElement().satisfies(flag -> {
            assertThat(flag.kind()).isEqualTo(FlagKind.DUPLICATE_WORK);
            assertThat(flag.step()).isEqualTo(StepPath.of("Test"));
            assertThat(flag.costMillis()).isEqualTo(22_000);
            assertThat(flag.message()).isEqualTo("sh 'npm ci' ran 2 times on the same agent, in the same workspace"
                    + " and environment: Install, Test; the repeats took 22s");
            assertThat(flag.remedy()).startsWith("The dependencies are already installed in this workspace");
        });
    }

    @Test
    public void flagsTheSameCommandInParallelBranchesOnOneAgentOnce() {
        List<Flag> flags = DuplicateWorkDetector.detect(npmCiInThreeBranchesOnOneAgent());

        assertThat(flags).singleElement().satisfies(flag -> {
            assertThat(flag.kind()).isEqualTo(FlagKind.DUPLICATE_WORK);
            assertThat(flag.step()).isEqualTo(StepPath.of("Test", "lint"));
            assertThat(flag.costMillis()).isEqualTo(70_000 + 50_000);
            assertThat(flag.remedy()).contains("before the parallel block");
        });
    }

    @Test
    public void evidenceListsWhereEachOccurrenceRanAndOnWhichAgent() {
        List<Flag> flags = DuplicateWorkDetector.detect(npmCiInThreeBranchesOnOneAgent());

        assertThat(flags.get(0).evidence()).containsExactly("Test/unit: 40s", "Test/lint: 1m 10s", "Test/e2e: 50s",
                "all on agent #1 linux");
    }

    @Test
    public void matrixCellsOnOneAgentDifferInTheirEnvironment() {
        // Declarative matrix over JDK 11/17/21 without an agent per cell: one workspace, three environments.
        ProcessMap run = run(9)
                .step("Build/Matrix - JDK = '11'", s -> s.at(0).process(60_000).parallel("12"))
                .step("Build/Matrix - JDK = '17'", s -> s.at(0).process(60_000).parallel("12"))
                .step("Build/Matrix - JDK = '21'", s -> s.at(0).process(60_000).parallel("12"))
                .work(SH, "script=mvn verify", "Build/Matrix - JDK = '11'", "Matrix - JDK = '11'", 1_000, 50_000,
                        new WorkContext("#1", "Matrix - JDK = '11'; withEnv(overrides=[JDK=11])"))
                .work(SH, "script=mvn verify", "Build/Matrix - JDK = '17'", "Matrix - JDK = '17'", 1_000, 50_000,
                        new WorkContext("#1", "Matrix - JDK = '17'; withEnv(overrides=[JDK=17])"))
                .work(SH, "script=mvn verify", "Build/Matrix - JDK = '21'", "Matrix - JDK = '21'", 1_000, 50_000,
                        new WorkContext("#1", "Matrix - JDK = '21'; withEnv(overrides=[JDK=21])"))
                .build();

        assertThat(DuplicateWorkDetector.detect(run)).isEmpty();
    }

    @Test
    public void parallelBranchesOnSeparateAgentsAreNotDuplicates() {
        ProcessMap run = run(9)
                .step("Test/linux", s -> s.at(0).process(60_000).parallel("12"))
                .step("Test/windows", s -> s.at(0).process(60_000).parallel("12"))
                .work(SH, "script=mvn verify", "Test/linux", "linux", 1_000, 50_000, new WorkContext("#1 linux", ""))
                .work(SH, "script=mvn verify", "Test/windows", "windows", 1_000, 55_000,
                        new WorkContext("#2 windows", ""))
                .build();

        assertThat(DuplicateWorkDetector.detect(run)).isEmpty();
    }

    @Test
    public void theSameCheckoutOnThreeAgentsIsAChoiceWithStashAsItsRemedy() {
        ProcessMap run = run(9)
                .step("Build", s -> s.at(0).process(60_000))
                .step("Test/linux", s -> s.at(60_000).process(60_000).parallel("30"))
                .step("Test/windows", s -> s.at(60_000).process(60_000).parallel("30"))
                .work(CHECKOUT, SCM, "Build", "", 1_000, 8_000, new WorkContext("#1 linux", ""))
                .work(CHECKOUT, SCM, "Test/linux", "linux", 61_000, 7_000,
                        new WorkContext("#2 linux", "withEnv(overrides=[JDK=17])"))
                .work(CHECKOUT, SCM, "Test/windows", "windows", 61_000, 12_000, new WorkContext("#3 windows", ""))
                .build();

        List<Flag> flags = DuplicateWorkDetector.detect(run);

        assertThat(flags).singleElement().satisfies(flag -> {
            assertThat(flag.kind()).isEqualTo(FlagKind.SETUP_ON_EACH_AGENT);
            assertThat(flag.costMillis()).isEqualTo(7_000 + 12_000);
            assertThat(flag.message()).isEqualTo("checkout(" + SCM + "): the same checkout on 3 agents; on all but"
                    + " the first it took 19s");
            assertThat(flag.remedy()).startsWith("A choice:").contains("stash").contains("skipDefaultCheckout");
        });
    }

    @Test
    public void anInstallOnSeveralAgentsIsAChoiceWithACacheAsItsRemedy() {
        ProcessMap run = run(9)
                .step("Test/unit", s -> s.at(0).process(60_000).parallel("12"))
                .step("Test/e2e", s -> s.at(0).process(60_000).parallel("12"))
                .work(SH, "script=npm ci", "Test/unit", "unit", 1_000, 30_000, new WorkContext("#1 linux", ""))
                .work(SH, "script=npm ci", "Test/e2e", "e2e", 1_000, 35_000, new WorkContext("#2 linux", ""))
                .build();

        assertThat(DuplicateWorkDetector.detect(run)).singleElement().satisfies(flag -> {
            assertThat(flag.kind()).isEqualTo(FlagKind.SETUP_ON_EACH_AGENT);
            assertThat(flag.remedy()).contains("dependency cache");
        });
    }

    @Test
    public void anExplicitCheckoutAfterDeclarativesOwnSaysSkipDefaultCheckout() {
        ProcessMap run = run(31)
                .step("Declarative: Checkout SCM", s -> s.at(0).process(5_000))
                .step("my deploy", s -> s.at(5_000).process(30_000))
                .work(CHECKOUT, SCM, "Declarative: Checkout SCM", "", 100, 4_700, LINUX)
                .work(CHECKOUT, SCM, "my deploy", "", 5_100, 3_700, LINUX)
                .build();

        assertThat(DuplicateWorkDetector.detect(run)).singleElement().satisfies(flag -> {
            assertThat(flag.kind()).isEqualTo(FlagKind.DUPLICATE_WORK);
            assertThat(flag.step()).isEqualTo(StepPath.of("my deploy"));
            assertThat(flag.remedy()).contains("skipDefaultCheckout");
        });
    }

    @Test
    public void workWhoseContextTheSourceDoesNotTellIsNeverTheSame() {
        // The Stage View REST API says neither agent nor environment: ci.jenkins.io's JDK matrix looks identical.
        ProcessMap run = run(5198)
                .step("Linux - JDK 11 - Build / Test", s -> s.at(0).process(6_000_000).parallel("1"))
                .step("Linux - JDK 17 - Build / Test", s -> s.at(0).process(6_000_000).parallel("1"))
                .work(SH, "script=mvn -B verify", "Linux - JDK 11 - Build / Test", "", 1_000, 5_000_000, null)
                .work(SH, "script=mvn -B verify", "Linux - JDK 17 - Build / Test", "", 1_000, 5_000_000, null)
                .build();

        assertThat(DuplicateWorkDetector.detect(run)).isEmpty();
    }

    @Test
    public void workWithoutRecordedArgumentsIsNeverTheSame() {
        String archive = "hudson.tasks.ArtifactArchiver";
        ProcessMap run = run(7)
                .step("Build", s -> s.process(60_000))
                .work(archive, "", "Build", "", 1_000, 20_000, LINUX)
                .work(archive, "", "Build", "", 22_000, 20_000, LINUX)
                .build();

        assertThat(DuplicateWorkDetector.detect(run)).isEmpty();
    }

    @Test
    public void namesTheBranchWhereItDiffersFromTheStep() {
        ProcessMap run = run(7)
                .step("Test", s -> s.at(0).process(60_000))
                .work(SH, "script=make", "Test", "unit", 1_000, 8_000, LINUX)
                .work(SH, "script=make", "Test", "integration", 1_000, 9_000, LINUX)
                .build();

        assertThat(DuplicateWorkDetector.detect(run).get(0).evidence())
                .startsWith("Test (branch unit): 8s", "Test (branch integration): 9s");
    }

    @Test
    public void ignoresStepsThatAreNotWork() {
        ProcessMap run = run(7)
                .step("Build", s -> s.process(60_000))
                .work(ECHO, "message=Building", "Build", "", 1_000, 2_000, LINUX)
                .work(ECHO, "message=Building", "Build", "", 5_000, 2_000, LINUX)
                .build();

        assertThat(DuplicateWorkDetector.detect(run)).isEmpty();
    }

    @Test
    public void differentArgumentsAreDifferentWork() {
        ProcessMap run = run(7)
                .step("Build", s -> s.process(60_000))
                .work(SH, "script=npm ci", "Build", "", 1_000, 20_000, LINUX)
                .work(SH, "script=npm test", "Build", "", 22_000, 20_000, LINUX)
                .build();

        assertThat(DuplicateWorkDetector.detect(run)).isEmpty();
    }

    @Test
    public void flagsEachRepeatedWorkSeparately() {
        ProcessMap run = run(7)
                .step("Build", s -> s.process(60_000))
                .work(SH, "script=npm ci", "Build", "", 1_000, 20_000, LINUX)
                .work(SH, "script=npm ci", "Build", "", 22_000, 20_000, LINUX)
                .work(SH, "script=make", "Build", "", 43_000, 5_000, LINUX)
                .work(SH, "script=make", "Build", "", 49_000, 5_000, LINUX)
                .build();

        assertThat(DuplicateWorkDetector.detect(run)).hasSize(2);
    }

    @Test
    public void cutsLongArgumentsInTheMessage() {
        String script = "script=" + "x".repeat(200);
        ProcessMap run = run(7)
                .step("Build", s -> s.process(60_000))
                .work(SH, script, "Build", "", 1_000, 20_000, LINUX)
                .work(SH, script, "Build", "", 22_000, 20_000, LINUX)
                .build();

        assertThat(DuplicateWorkDetector.detect(run).get(0).message())
                .startsWith("sh '" + "x".repeat(59) + "…' ran 2 times");
    }

    @Test
    public void namesEveryArgumentOfAStepWithSeveral() {
        ProcessMap run = run(7)
                .step("Build", s -> s.process(60_000))
                .work(SH, "returnStdout=true, script=make", "Build", "", 1_000, 20_000, LINUX)
                .work(SH, "returnStdout=true, script=make", "Build", "", 22_000, 20_000, LINUX)
                .build();

        assertThat(DuplicateWorkDetector.detect(run).get(0).message())
                .startsWith("sh(returnStdout=true, script=make) ran 2 times");
    }

    @Test
    public void recognisesTheUsualInstallCommands() {
        assertThat(Remedies.isInstall(SH, "script=npm ci")).isTrue();
        assertThat(Remedies.isInstall(SH, "script=set -e; pip install -r requirements.txt")).isTrue();
        assertThat(Remedies.isInstall(SH, "script=yarn")).isTrue();
        assertThat(Remedies.isInstall(SH, "script=yarn test")).isFalse();
        assertThat(Remedies.isInstall(SH, "script=npm init")).isFalse();
        assertThat(Remedies.isInstall(ECHO, "message=npm ci")).isFalse();
    }
}
