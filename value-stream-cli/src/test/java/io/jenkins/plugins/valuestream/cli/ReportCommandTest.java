package io.jenkins.plugins.valuestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.valuestream.cli.exit.ExitCode;
import io.jenkins.plugins.valuestream.cli.rest.FakeJenkins;
import io.jenkins.plugins.valuestream.cli.rest.FakeJenkins.Answer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The {@code report} command end to end: arguments in, exit code, standard output and error out. */
public class ReportCommandTest {
    private static final String TOKEN = "0b5e55ed-api-token-for-ci-bot";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    /** What one run of the command gave. */
    record Result(int exitCode, String out, String err) {
        JsonNode json() throws Exception {
            return MAPPER.readTree(out);
        }
    }

    /** Runs the command; the environment is the given one (the cache, unless told, in a folder of its own). */
    static Result run(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ValueStreamCommand.run(args, new PrintWriter(out), new PrintWriter(err), environment);
        return new Result(code, out.toString(), err.toString());
    }

    Result run(String... args) {
        return run(Map.of("XDG_CACHE_HOME", cacheHome()), args);
    }

    Result runWithToken(String... args) {
        return run(Map.of("XDG_CACHE_HOME", cacheHome(), "VS_TOKEN", TOKEN), args);
    }

    private String cacheHome() {
        return folder.getRoot().toPath().resolve("cache-home").toString();
    }

    @Test
    public void demoAsJsonOnStandardOutputWithProgressOnStandardError() throws Exception {
        Result result = run("report", "--demo");

        assertThat(result.exitCode()).isZero();
        JsonNode job = result.json().path("jobs").get(0);
        assertThat(job.path("name").asText()).isEqualTo("demo/web-shop");
        assertThat(job.path("runs")).hasSize(60);
        assertThat(job.path("valueStream").path("runs").asInt()).isEqualTo(59).as("the running run is left out");
        assertThat(result.err()).contains("Reported 60 runs of 1 job");
    }

    @Test
    public void flagsOfEachRunComeFromTheRunsBeforeIt() throws Exception {
        JsonNode runs = run("report", "--demo").json().path("jobs").get(0).path("runs");

        assertThat(runs.get(0).path("flags")).noneMatch(f -> f.path("kind").asText().startsWith("SLOW"))
                .as("the first run has no history to be slow against");
        assertThat(runs.get(45).path("flags")).anySatisfy(f -> {
            assertThat(f.path("kind").asText()).isEqualTo("SLOW_PROCESS");
            assertThat(f.path("step").asText()).isEqualTo("Build");
        });
        // npm ci in three parallel stages, each on its own agent: a choice (a dependency cache), not waste.
        assertThat(runs.get(10).path("flags")).anySatisfy(f -> {
            assertThat(f.path("kind").asText()).isEqualTo("SETUP_ON_EACH_AGENT");
            assertThat(f.path("remedy").asText()).contains("dependency cache");
        });
    }

    @Test
    public void runsLimitsTheReportToTheLastRuns() throws Exception {
        JsonNode runs = run("report", "--demo", "--runs", "5").json().path("jobs").get(0).path("runs");

        assertThat(runs).extracting(r -> r.path("number").asInt()).containsExactly(56, 57, 58, 59, 60);
    }

    @Test
    public void outWritesTheFileAndJsonIsTheDefaultForOtherNames() throws Exception {
        Path file = folder.getRoot().toPath().resolve("report.json");

        Result result = run("report", "--demo", "--out", file.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEmpty();
        assertThat(MAPPER.readTree(file.toFile()).path("jobs").get(0).path("runs")).hasSize(60);
        assertThat(result.err()).contains("Wrote " + file);
        assertThat(folder.getRoot().list()).containsExactly("report.json");
    }

    @Test
    public void anOutFileEndingInHtmlGetsTheSelfContainedPage() throws Exception {
        Path file = folder.getRoot().toPath().resolve("demo.html");

        Result result = run("report", "--demo", "--out", file.toString());

        assertThat(result.exitCode()).isZero();
        String html = Files.readString(file);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("demo/web-shop").contains("<svg")
                .doesNotContain("<script").doesNotContain("http://cdn").doesNotContain("<link rel=\"stylesheet\"");
    }

    @Test
    public void formatHtmlWritesThePageToStandardOutput() {
        Result result = run("report", "--demo", "--format", "html", "--theme", "dark");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("<!DOCTYPE html>")
                .contains("id=\"vs-theme-dark\" checked=\"checked\"")
                .doesNotContain("id=\"vs-theme-auto\" checked");
    }

    @Test
    public void anUnknownThemeIsAUsageError() {
        Result result = run("report", "--demo", "--format", "html", "--theme", "purple");

        assertThat(result.exitCode()).isEqualTo(ExitCode.NO_DATA);
        assertThat(result.err()).contains("Unknown theme 'purple'; accepted: auto, light, dark");
    }

    @Test
    public void anOutputFolderThatDoesNotExistIsExitCode5() {
        Path file = folder.getRoot().toPath().resolve("missing/report.json");

        Result result = run("report", "--demo", "--out", file.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCode.OUTPUT);
        assertThat(result.err().strip()).isEqualTo("value-stream: Cannot write " + file + ": the folder "
                + file.getParent() + " does not exist");
    }

    @Test
    public void aMistypedOptionIsOneLineWithTheNearestOptionAndWhereTheOptionsAre() {
        Result result = run("report", "--dem");

        assertThat(result.exitCode()).isEqualTo(ExitCode.NO_DATA);
        assertThat(result.err().lines()).containsExactly("value-stream: Unknown option: '--dem'",
                "Did you mean --demo or --deploy-stage?", "Try 'value-stream report --help' for the options.");
    }

    @Test
    public void optionValuesAreReadInAnyCase() {
        Result result = run("report", "--demo", "--format", "HTML");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("<!DOCTYPE html>");
    }

    @Test
    public void anOutThatIsAFolderFailsBeforeAnyRunIsRead() {
        Path out = folder.getRoot().toPath();

        Result result = run("report", "--demo", "--out", out.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCode.OUTPUT);
        assertThat(result.err().strip()).isEqualTo("value-stream: Cannot write " + out
                + ": it is a folder; name the file, e.g. " + out.resolve("report.json"));
    }

    @Test
    public void theJsonSaysWhenByWhichVersionFromWhatAndHowManyRuns() throws Exception {
        JsonNode json = run("report", "--demo", "--format", "json").json();

        assertThat(Instant.parse(json.path("generatedAt").asText())).isNotNull();
        assertThat(json.path("version").asText()).isNotBlank();
        assertThat(json.path("source").path("kind").asText()).isEqualTo("demo");
        assertThat(json.path("runs").path("listed").asInt()).isEqualTo(60);
        assertThat(json.path("runs").path("reported").asInt()).isEqualTo(60);
        assertThat(json.path("runs").path("completed").asInt()).isEqualTo(59);
        assertThat(json.path("runs").path("skipped").asInt()).isZero();
    }

    @Test
    public void theRunsAreCountedAlikeOnStandardErrorInTheJsonAndOnThePage() throws Exception {
        Result json = run("report", "--demo", "--format", "json");
        Result html = run("report", "--demo", "--format", "html");

        assertThat(json.err()).contains("Reported 60 runs of 1 job, 59 completed; 1 run without an end is left out"
                + " of the figures");
        assertThat(json.json().path("jobs").get(0).path("runs")).hasSize(60);
        assertThat(html.out()).contains("1 job \u00b7 60 runs, 59 completed");
    }

    @Test
    public void noSourceIsAUsageError() {
        Result result = run("report");

        assertThat(result.exitCode()).isEqualTo(ExitCode.NO_DATA);
        assertThat(result.err()).contains("Missing required argument").contains("--demo");
    }

    @Test
    public void twoSourcesAreAUsageError() {
        Result result = run("report", "--demo", "--url", "https://ci.example.com");

        assertThat(result.exitCode()).isEqualTo(ExitCode.NO_DATA);
        assertThat(result.err()).contains("mutually exclusive");
    }

    @Test
    public void urlWithoutJobIsAUsageError() {
        Result result = run("report", "--url", "https://ci.example.com");

        assertThat(result.exitCode()).isEqualTo(ExitCode.NO_DATA);
        assertThat(result.err()).contains("--url needs --job");
    }

    @Test
    public void aJobFromAServerEndToEnd() throws Exception {
        try (FakeJenkins jenkins = new FakeJenkins()) {
            Result result = runWithToken("report", "--url", jenkins.url().toString(), "--job",
                    "shop/checkout-service", "--user", "ci-bot", "--token-env", "VS_TOKEN", "--concurrency", "2");

            assertThat(result.exitCode()).as(result.err()).isZero();
            JsonNode job = result.json().path("jobs").get(0);
            assertThat(job.path("name").asText()).isEqualTo("shop/checkout-service");
            assertThat(job.path("runs")).extracting(r -> r.path("number").asInt()).containsExactly(41, 42, 44);
            JsonNode first = job.path("runs").get(0);
            assertThat(first.path("queuedAt").isNull()).isTrue();
            assertThat(first.path("waitByCause").path("AGENT").isNull()).isTrue();
            assertThat(first.path("unknownCauses")).extracting(JsonNode::asText)
                    .containsExactly("QUEUE", "AGENT", "LOCK");
            assertThat(job.path("warnings")).singleElement().satisfies(w -> assertThat(w.asText())
                    .startsWith("Run #43 skipped: malformed answer"));
            assertThat(result.err()).contains("warning: shop/checkout-service: Run #43 skipped");
            assertThat(result.out() + result.err()).doesNotContain(TOKEN);
        }
    }

    @Test
    public void unauthorizedIsExitCode3OnOneLineWithoutTheToken() {
        try (FakeJenkins jenkins = new FakeJenkins()) {
            jenkins.answer(FakeJenkins.JOB + "api/json", Answer.status(401));

            Result result = runWithToken("report", "--url", jenkins.url().toString(), "--job",
                    "shop/checkout-service", "--user", "ci-bot", "--token-env", "VS_TOKEN");

            assertThat(result.exitCode()).isEqualTo(ExitCode.ACCESS);
            assertThat(result.err()).startsWith("value-stream: Jenkins at " + jenkins.url() + " answered 401")
                    .doesNotContain(TOKEN);
            assertThat(result.err().strip().lines()).hasSize(1);
            assertThat(result.out()).isEmpty();
        }
    }

    @Test
    public void forbiddenIsExitCode3() {
        try (FakeJenkins jenkins = new FakeJenkins()) {
            jenkins.answer(FakeJenkins.JOB + "api/json", Answer.status(403));

            Result result = run("report", "--url", jenkins.url().toString(), "--job", "shop/checkout-service");

            assertThat(result.exitCode()).isEqualTo(ExitCode.ACCESS);
            assertThat(result.err()).contains("403 Forbidden");
        }
    }

    @Test
    public void aMissingJobIsExitCode2() {
        try (FakeJenkins jenkins = new FakeJenkins()) {
            Result result = run("report", "--url", jenkins.url().toString(), "--job", "shop/gone");

            assertThat(result.exitCode()).isEqualTo(ExitCode.NO_DATA);
            assertThat(result.err().strip()).startsWith("value-stream: No job 'shop/gone' on");
        }
    }

    @Test
    public void aJobThatIsNotAPipelineIsExitCode2() {
        try (FakeJenkins jenkins = new FakeJenkins()) {
            jenkins.answer(FakeJenkins.JOB + "api/json", Answer.ok("{\"_class\":\"hudson.model.FreeStyleProject\"}"));

            Result result = run("report", "--url", jenkins.url().toString(), "--job", "shop/checkout-service");

            assertThat(result.exitCode()).isEqualTo(ExitCode.NO_DATA);
            assertThat(result.err()).contains("is not a Pipeline job (hudson.model.FreeStyleProject)");
        }
    }

    @Test
    public void anUnreachableServerIsExitCode4() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        Result result = run("report", "--url", "http://127.0.0.1:" + port + "/", "--job", "app");

        assertThat(result.exitCode()).isEqualTo(ExitCode.REMOTE);
        assertThat(result.err()).contains("Cannot connect to http://127.0.0.1:" + port);
    }

    @Test
    public void aTokenVariableThatIsNotSetIsNamed() {
        Result result = run("report", "--url", "https://ci.example.com", "--job", "app", "--user", "me",
                "--token-env", "MY_JENKINS_TOKEN");

        assertThat(result.exitCode()).isEqualTo(ExitCode.NO_DATA);
        assertThat(result.err().strip()).isEqualTo("value-stream: The environment variable MY_JENKINS_TOKEN"
                + " (--token-env) is not set: put the API token of me in it");
    }

    @Test
    public void credentialsInTheUrlAreRefused() {
        Result result = run("report", "--url", "https://me:secret@ci.example.com", "--job", "app");

        assertThat(result.exitCode()).isEqualTo(ExitCode.NO_DATA);
        assertThat(result.err()).contains("Put no credentials in the URL").doesNotContain("secret");
    }

    @Test
    public void aUrlWithoutHttpIsRefused() {
        Result result = run("report", "--url", "ci.example.com", "--job", "app");

        assertThat(result.exitCode()).isEqualTo(ExitCode.NO_DATA);
        assertThat(result.err()).contains("must start with https:// or http://");
    }
}
