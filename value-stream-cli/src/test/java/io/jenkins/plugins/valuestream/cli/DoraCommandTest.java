package io.jenkins.plugins.valuestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.valuestream.cli.ReportCommandTest.Result;
import io.jenkins.plugins.valuestream.cli.exit.ExitCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code report --deploy-stage} end to end on a hand-made JENKINS_HOME: three runs of a job whose Deploy stage
 * deploys, each with the git changelog its checkout wrote in its run folder; the second run failed.
 */
public class DoraCommandTest {
    private static final long HOUR = 3_600_000L;
    /** The instants of the template run (build.xml and flow nodes): shifted by an hour per run. */
    private static final Pattern INSTANT = Pattern.compile("17180000\\d{5}");

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private Path home;

    private static String resource(String name) {
        try (InputStream in = DoraCommandTest.class.getResourceAsStream("dora/" + name)) {
            return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String shifted(String text, long millis) {
        Matcher instant = INSTANT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (instant.find()) {
            instant.appendReplacement(out, Long.toString(Long.parseLong(instant.group()) + millis));
        }
        instant.appendTail(out);
        return out.toString();
    }

    /** Run {@code number} of the template, an hour after the one before, its checkout's changelog beside it. */
    private void run(int number, String result, String changelog) throws IOException {
        Path run = home.resolve("jobs/shop/builds/" + number);
        Files.createDirectories(run.resolve("workflow"));
        long shift = (number - 1) * HOUR;
        String changelogName = "changelog" + (4483999990794536L + number) + ".xml";
        String checkouts = "<checkouts class=\"hudson.util.PersistedList\">\n"
                + "    <org.jenkinsci.plugins.workflow.job.WorkflowRun_-SCMCheckout>\n"
                + "      <scm class=\"hudson.plugins.git.GitSCM\" plugin=\"git@5.6.0\"/>\n"
                + "      <node></node>\n"
                + "      <workspace>/var/jenkins_home/workspace/shop</workspace>\n"
                + "      <changelogFile>/var/jenkins_home/jobs/shop/builds/" + number + "/" + changelogName
                + "</changelogFile>\n"
                + "    </org.jenkinsci.plugins.workflow.job.WorkflowRun_-SCMCheckout>\n"
                + "  </checkouts>";
        String buildXml = shifted(resource("run/build.xml"), shift)
                .replace("<checkouts class=\"hudson.util.PersistedList\"/>", checkouts)
                .replaceFirst("<result>SUCCESS</result>", "<result>" + result + "</result>");
        Files.writeString(run.resolve("build.xml"), buildXml);
        for (int node = 2; node <= 15; node++) {
            Files.writeString(run.resolve("workflow/" + node + ".xml"),
                    shifted(resource("run/workflow/" + node + ".xml"), shift));
        }
        Files.writeString(run.resolve(changelogName), resource(changelog));
    }

    @Before
    public void threeRuns() throws IOException {
        home = folder.newFolder("jenkins-home").toPath();
        run(1, "SUCCESS", "git-three-commits.txt");
        run(2, "FAILURE", "git-merge.txt");
        run(3, "SUCCESS", "git-one-commit.txt");
    }

    private Result report(String... options) {
        String[] args = Stream.concat(Stream.of("report", "--jenkins-home", home.toString(), "--no-cache"),
                Stream.of(options)).toArray(String[]::new);
        return ReportCommandTest.run(Map.of(), args);
    }

    private static JsonNode dora(Result result) throws IOException {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.OK);
        return new ObjectMapper().readTree(result.out()).path("jobs").get(0).path("dora");
    }

    @Test
    public void theDeployStageGivesTheFiguresOfTheRunsAndTheirChangelogs() throws IOException {
        JsonNode dora = dora(report("--format", "json", "--deploy-stage", "Deploy"));

        assertThat(dora.path("deployments").asInt()).isEqualTo(3);
        assertThat(dora.path("failedDeployments").asInt()).isEqualTo(1);
        assertThat(dora.path("changeFailureRate").asDouble()).isEqualTo(1.0 / 3);
        // Run 1 ships its 3 commits; run 2's 2 commits wait for run 3, which ships them with its own.
        assertThat(dora.path("leadTimeForChanges").path("changes").asInt()).isEqualTo(6);
        assertThat(dora.path("leadTimeForChanges").path("unknown").asInt()).isZero();
        assertThat(dora.path("failedDeploymentRecoveryMillis").path("recoveries").asInt()).isEqualTo(1);
        assertThat(dora.path("deployStages")).extracting(JsonNode::asText).containsExactly("Deploy");
    }

    @Test
    public void theChangeOfTheLastRunIsDeployedAtTheEndOfItsDeployStage() throws IOException {
        run(4, "SUCCESS", "git-one-commit.txt");
        Files.writeString(home.resolve("jobs/shop/builds/4/changelog4483999990794540.xml"),
                resource("git-one-commit.txt").replace("c0ffee0123456789abcdef0123456789abcdef01",
                        "beef00123456789abcdef0123456789abcdef012"));

        JsonNode dora = dora(report("--format", "json", "--deploy-stage", "Deploy", "--runs", "1"));

        // Committed at 1718000460 s; run 4's Deploy stage ends where the template's does (its end node at
        // 1718000045040) + 3 h.
        assertThat(dora.path("leadTimeForChanges").path("median").asLong())
                .isEqualTo(1_718_000_045_040L + 3 * HOUR - 1_718_000_460_000L);
    }

    @Test
    public void withoutTheDeployStageTheFiguresAreUnknownNotZero() throws IOException {
        Result result = report("--format", "json");
        JsonNode dora = dora(result);

        assertThat(dora.path("deployments").isNull()).isTrue();
        assertThat(dora.path("leadTimeForChanges").path("median").isNull()).isTrue();
        assertThat(result.err()).contains("shop: DORA not known");
    }

    @Test
    public void theSummarySaysTheFiguresInWords() {
        Result result = report("--format", "json", "--deploy-stage", "Deploy");

        assertThat(result.err()).contains("shop: DORA: 3 deployments (1 failed); lead time for changes median ")
                .contains("over 6 changes").contains("change failure rate 33%");
    }

    @Test
    public void theHtmlPageHasTheDeliverySection() {
        Result result = report("--format", "html", "--deploy-stage", "Deploy");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.OK);
        assertThat(result.out()).contains("Delivery (DORA)").contains("Change failure rate")
                .contains("1 failed of 3 deployments");
    }

    @Test
    public void aDeployStageThatNoJobHasIsWarnedAbout() {
        Result result = report("--format", "json", "--deploy-stage", "deploy");

        assertThat(result.err()).contains("warning: --deploy-stage deploy: no reported job has a step of that path");
    }

    @Test
    public void aBlankDeployStageIsRefused() {
        Result result = report("--deploy-stage", " ");

        assertThat(result.exitCode()).isEqualTo(ExitCode.NO_DATA);
        assertThat(result.err()).contains("--deploy-stage needs a stage's name");
    }

    @Test
    public void subversionChangelogsAreWarnedAboutOnceForTheJobAndTheRunsStillReported() throws IOException {
        for (int number = 1; number <= 3; number++) {
            Files.writeString(home.resolve("jobs/shop/builds/" + number + "/changelog"
                    + (4483999990794536L + number) + ".xml"), resource("svn.xml"));
        }

        Result result = report("--format", "json", "--deploy-stage", "Deploy");
        JsonNode json = new ObjectMapper().readTree(result.out()).path("jobs").get(0);

        assertThat(json.path("runs")).hasSize(3);
        assertThat(json.path("dora").path("leadTimeForChanges").path("changes").isNull()).isTrue();
        assertThat(json.path("dora").path("leadTimeForChanges").path("runsWithUnknownChanges").asInt()).isEqualTo(3);
        assertThat(json.path("warnings")).extracting(JsonNode::asText).filteredOn(w -> w.contains("Subversion"))
                .containsExactly("Run #1 and 2 more: changelog: XML changelogs <log> (Subversion) are not read, only"
                        + " the git plugin's; the run's changes are unknown");
    }

    @Test
    public void theDemoDeploysInItsDeployStageWithTheCommitsOfEachRun() throws IOException {
        Result result = ReportCommandTest.run(Map.of(), "report", "--demo", "--format", "json", "--deploy-stage",
                "Deploy");
        JsonNode dora = dora(result);

        assertThat(dora.path("successfulDeployments").asInt()).isPositive();
        assertThat(dora.path("leadTimeForChanges").path("changes").asInt()).isPositive();
        assertThat(dora.path("leadTimeForChanges").path("unknown").asInt()).isZero();
        assertThat(dora.path("leadTimeForChanges").path("runsWithUnknownChanges").asInt()).isZero();
        assertThat(dora.path("changeFailureRate").isNumber()).isTrue();
    }
}
