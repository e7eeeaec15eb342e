package io.jenkins.plugins.valuestream.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.Assume.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.valuestream.cli.ReportCommandTest.Result;
import io.jenkins.plugins.valuestream.cli.exit.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code report --jenkins-home} and {@code --builds-dir}: folders that give nothing to report end with one line and
 * exit code 2; real {@code JENKINS_HOME} folders ({@code ../shared/realdata}, skipped when absent) give reports.
 */
public class BuildFolderReportTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private Path home;

    @Before
    public void emptyHome() throws IOException {
        home = folder.newFolder("jenkins-home").toPath();
    }

    private Result run(String... args) {
        return ReportCommandTest.run(Map.of("XDG_CACHE_HOME", folder.getRoot().toPath().resolve("cache").toString()),
                args);
    }

    private static Path realHome(String name) {
        String root = System.getProperty("valuestream.realdata");
        Path path = root == null ? null : Path.of(root, "jenkins-home", name);
        boolean present = path != null && Files.isDirectory(path);
        if (!present) {
            System.out.println("SKIPPED: no real JENKINS_HOME " + name + " under " + root);
        }
        assumeTrue("real data present", present);
        return path;
    }

    private static void oneLineError(Result result, String message) {
        assertThat(result.exitCode()).isEqualTo(ExitCode.NO_DATA);
        assertThat(result.err().strip().lines().reduce((a, b) -> b).orElse("")).isEqualTo("value-stream: "
                + message);
        assertThat(result.out()).isEmpty();
    }

    @Test
    public void aMissingFolderIsNamed() {
        Path missing = home.resolve("nowhere");

        oneLineError(run("report", "--jenkins-home", missing.toString()), "No such folder: " + missing);
    }

    @Test
    public void aFolderWithoutJobsIsNotAJenkinsHome() {
        Result result = run("report", "--jenkins-home", home.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCode.NO_DATA);
        assertThat(result.err()).startsWith("value-stream: No jobs folder in " + home);
        assertThat(result.err().strip().lines()).hasSize(1);
    }

    @Test
    public void anEmptyJobsFolderHasNoRuns() throws IOException {
        Files.createDirectories(home.resolve("jobs/app/builds"));

        oneLineError(run("report", "--jenkins-home", home.toString()), "No runs in " + home
                + ": no job there has a builds folder with numbered run folders");
    }

    @Test
    public void anEmptyBuildsFolderHasNoRuns() throws IOException {
        Path builds = Files.createDirectories(home.resolve("jobs/app/builds"));

        oneLineError(run("report", "--builds-dir", builds.toString()), "No runs in " + builds
                + ": expected <number>/build.xml in it");
    }

    @Test
    public void freestyleBuildsAreNoPipelineRuns() throws IOException {
        for (int n = 1; n <= 2; n++) {
            Path run = Files.createDirectories(home.resolve("jobs/legacy/builds/" + n));
            Files.writeString(run.resolve("build.xml"), "<?xml version='1.1' encoding='UTF-8'?>\n<build>\n  <number>"
                    + n + "</number>\n  <result>SUCCESS</result>\n</build>\n");
        }

        oneLineError(run("report", "--jenkins-home", home.toString()), "No Pipeline run could be read from " + home
                + " (it holds 2 builds of other job types, which the report leaves out)");
    }

    private void freestyleJob(String name, int builds) throws IOException {
        for (int n = 1; n <= builds; n++) {
            Path run = Files.createDirectories(home.resolve("jobs/" + name + "/builds/" + n));
            Files.writeString(run.resolve("build.xml"), "<?xml version='1.1' encoding='UTF-8'?>\n<build>\n  <number>"
                    + n + "</number>\n  <result>SUCCESS</result>\n</build>\n");
        }
    }

    @Test
    public void aFreestyleJobGivenAsTheJobIsNamedAsNotAPipeline() throws IOException {
        freestyleJob("legacy", 3);

        oneLineError(run("report", "--jenkins-home", home.toString(), "--job", "legacy"), "'legacy' in " + home
                + " is not a Pipeline job: its 3 builds are of another job type (freestyle, Maven, ...); the report"
                + " reads Pipeline runs only");
    }

    @Test
    public void jobsThatAreNotPipelinesAreNamedOnceBesideTheReport() throws Exception {
        Path real = realHome("saikirangude-backup");
        Path mixed = folder.newFolder("mixed").toPath();
        copy(real.resolve("jobs/Shared-Library-Pipelines/jobs/Sample-Pipeline-1"), mixed.resolve("jobs/pipeline"));
        home = mixed;
        freestyleJob("legacy", 2);

        Result result = run("report", "--jenkins-home", mixed.toString(), "--no-cache");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err().lines().filter(line -> line.contains("legacy")))
                .containsExactly("Left out: legacy (2 builds, not a Pipeline job)");
        assertThat(result.json().path("leftOut")).extracting(JsonNode::asText)
                .containsExactly("legacy (2 builds, not a Pipeline job)");
        assertThat(result.json().path("jobs")).extracting(job -> job.path("name").asText())
                .containsExactly("pipeline");
    }

    private static void copy(Path from, Path to) throws IOException {
        assumeTrue("the real job " + from, Files.isDirectory(from));
        try (var paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }

    @Test
    public void anUnknownJobListsTheJobsThere() throws IOException {
        Files.createDirectories(home.resolve("jobs/app/builds"));
        Files.createDirectories(home.resolve("jobs/team/jobs/api/builds"));

        oneLineError(run("report", "--jenkins-home", home.toString(), "--job", "team/web"),
                "No job 'team/web' in " + home + " (jobs there: app, team/api)");
    }

    @Test
    public void aRealJenkinsHomeGivesOneReportPerPipelineJob() throws Exception {
        Path real = realHome("saikirangude-backup");

        Result result = run("report", "--jenkins-home", real.toString(), "--no-cache");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode jobs = result.json().path("jobs");
        assertThat(jobs.size()).isGreaterThan(1);
        int runs = 0;
        for (JsonNode job : jobs) {
            runs += job.path("runs").size();
            assertThat(job.path("valueStream").path("steps").size()).isPositive();
        }
        assertThat(result.err()).contains("Reported " + runs + " runs of " + jobs.size() + " jobs");
    }

    @Test
    public void jobPicksOneJobOfAHome() throws Exception {
        Path real = realHome("saikirangude-backup");

        Result result = run("report", "--jenkins-home", real.toString(), "--job",
                "Shared-Library-Pipelines/Realtime/Project2/develop", "--no-cache");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode jobs = result.json().path("jobs");
        assertThat(jobs).hasSize(1);
        assertThat(jobs.get(0).path("name").asText()).isEqualTo("Shared-Library-Pipelines/Realtime/Project2/develop");
        assertThat(jobs.get(0).path("runs").size()).isGreaterThan(40);
        assertThat(jobs.get(0).path("warnings")).allSatisfy(w -> assertThat(w.asText()).startsWith("Run #"));
    }

    @Test
    public void aBuildsFolderIsOneJobNamedAfterItsFolder() throws Exception {
        Path builds = realHome("galsh5-parallel").resolve("jenkins/jobs/parallel/builds");
        assumeTrue("the parallel job's builds", Files.isDirectory(builds));

        Result result = run("report", "--builds-dir", builds.toString(), "--no-cache");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode job = result.json().path("jobs").get(0);
        assertThat(job.path("name").asText()).isEqualTo("parallel");
        assertThat(job.path("runs").size()).isPositive();
        for (JsonNode run : job.path("runs")) {
            for (JsonNode step : run.path("steps")) {
                assertThat(step.path("processMillis").asLong() + step.path("waitMillis").asLong())
                        .isEqualTo(step.path("elapsedMillis").asLong());
            }
        }
    }
}
