package io.jenkins.plugins.valuestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.valuestream.cli.ReportCommandTest.Result;
import io.jenkins.plugins.valuestream.cli.exit.ExitCode;
import io.jenkins.plugins.valuestream.cli.rest.FakeJenkins;
import io.jenkins.plugins.valuestream.cli.rest.FakeJenkins.Answer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** {@code report --chain} on a JENKINS_HOME made here: freestyle jobs that trigger each other. */
public class ChainReportTest {
    private static final long T0 = 1_718_000_000_000L;

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private Path home;

    @Before
    public void makeHome() throws IOException {
        home = folder.newFolder("jenkins-home").toPath();
        // build #1 (queued 2 s, 0-60 s) → deploy #1 (70-100 s); build #2 (1000-1050 s) → deploy #2 (1080-1100 s)
        build("build", 1, 2, 0, 60);
        build("deploy", 1, null, 70, 100, "build", 1);
        build("build", 2, null, 1_000, 1_050);
        build("deploy", 2, null, 1_080, 1_100, "build", 2);
    }

    /** A freestyle build.xml of {@code job}, started at {@code start} s and ended at {@code end} s after T0. */
    private void build(String job, int number, Integer queuedFor, int start, int end, Object... upstream)
            throws IOException {
        StringBuilder actions = new StringBuilder("  <actions>\n    <hudson.model.CauseAction>\n"
                + "      <causeBag class=\"linked-hash-map\">\n");
        for (int i = 0; i < upstream.length; i += 2) {
            actions.append("        <entry>\n          <hudson.model.Cause_-UpstreamCause>\n")
                    .append("            <upstreamProject>").append(upstream[i]).append("</upstreamProject>\n")
                    .append("            <upstreamUrl>job/").append(upstream[i]).append("/</upstreamUrl>\n")
                    .append("            <upstreamBuild>").append(upstream[i + 1]).append("</upstreamBuild>\n")
                    .append("          </hudson.model.Cause_-UpstreamCause>\n          <int>1</int>\n")
                    .append("        </entry>\n");
        }
        actions.append("      </causeBag>\n    </hudson.model.CauseAction>\n");
        if (queuedFor != null) {
            actions.append("    <jenkins.metrics.impl.TimeInQueueAction plugin=\"metrics@4.2\">\n")
                    .append("      <queuingDurationMillis>").append(queuedFor * 1000L)
                    .append("</queuingDurationMillis>\n    </jenkins.metrics.impl.TimeInQueueAction>\n");
        }
        actions.append("  </actions>\n");
        Path run = Files.createDirectories(home.resolve("jobs/" + job + "/builds/" + number));
        Files.writeString(run.resolve("build.xml"), "<?xml version='1.1' encoding='UTF-8'?>\n<build>\n" + actions
                + "  <timestamp>" + (T0 + start * 1000L) + "</timestamp>\n"
                + "  <startTime>" + (T0 + start * 1000L) + "</startTime>\n"
                + "  <result>SUCCESS</result>\n"
                + "  <duration>" + (end - start) * 1000L + "</duration>\n</build>\n");
    }

    private Result run(String... args) {
        List<String> all = new ArrayList<>(List.of("report", "--jenkins-home", home.toString(), "--chain",
                "--no-cache"));
        all.addAll(List.of(args));
        return ReportCommandTest.run(Map.of(), all.toArray(String[]::new));
    }

    @Test
    public void theJsonHoldsEachShapeWithItsChainsRunsHandoffsAndLeadTime() throws Exception {
        Result result = run("--format", "json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode shapes = result.json().path("chains");
        assertThat(shapes).hasSize(1);
        JsonNode shape = shapes.get(0);
        assertThat(shape.path("jobs")).extracting(JsonNode::asText).containsExactly("build", "deploy");
        JsonNode first = shape.path("chains").get(0);
        assertThat(first.path("root").path("job").asText()).isEqualTo("build");
        assertThat(first.path("leadStartedAt").asLong()).isEqualTo(T0 - 2_000);
        assertThat(first.path("leadTimeMillis").asLong()).isEqualTo(102_000);
        assertThat(first.path("runs")).extracting(run -> run.path("job").asText() + " #" + run.path("number"))
                .containsExactly("build #1", "deploy #1");
        assertThat(first.path("handoffs").get(0).path("waitMillis").asLong()).isEqualTo(10_000);
        // lead times 102 s and 100 s
        assertThat(shape.path("valueStream").path("leadTimeMillis").path("median").asLong()).isEqualTo(101_000);
        assertThat(shape.path("valueStream").path("steps")).extracting(step -> step.path("path").asText())
                .containsExactly("build", "deploy » (hand-off)", "deploy");
    }

    @Test
    public void withJobOnlyTheChainsThatJobIsInAreReported() throws Exception {
        build("lint", 1, null, 5_000, 5_010);
        build("publish", 1, null, 5_020, 5_030, "lint", 1);

        Result result = run("--job", "publish", "--format", "json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.json().path("chains")).extracting(shape -> shape.path("name").asText())
                .containsExactly("lint → publish");
    }

    @Test
    public void aJobThatIsInNoChainIsNamed() throws Exception {
        build("alone", 1, null, 5_000, 5_010);

        Result result = run("--job", "alone");

        assertThat(result.exitCode()).isEqualTo(ExitCode.NO_DATA);
        assertThat(result.err()).contains("value-stream: No chain of jobs in " + home + " through alone");
    }

    @Test
    public void aMalformedBuildIsSkippedWithAWarningAndTheOtherChainsAreReported() throws Exception {
        Files.writeString(home.resolve("jobs/deploy/builds/2/build.xml"), "<build><startTime>soon");

        Result result = run("--format", "json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.json().path("chains").get(0).path("chains")).hasSize(1);
        assertThat(result.json().path("warnings")).extracting(JsonNode::asText)
                .anySatisfy(warning -> assertThat(warning).startsWith("deploy: Run #2 skipped"));
    }

    @Test
    public void thePageShowsEachShapesMapWithTheJobNamesEscaped() throws Exception {
        build("ship<it>", 1, null, 5_000, 5_010, "build", 2);

        Result result = run("--format", "html");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("<svg", "build → deploy", "ship&lt;it&gt;")
                .doesNotContain("ship<it>");
    }

    @Test
    public void chainsNeedAHomeOrAServer() {
        Result result = ReportCommandTest.run(Map.of(), "report", "--demo", "--chain");

        assertThat(result.exitCode()).isEqualTo(ExitCode.NO_DATA);
        assertThat(result.err()).contains("--chain needs --jenkins-home or --url");
    }

    @Test
    public void chainsAreNotMetrics() {
        Result result = ReportCommandTest.run(Map.of(), "report", "--jenkins-home", "home", "--chain", "--format",
                "prometheus");

        assertThat(result.exitCode()).isEqualTo(ExitCode.NO_DATA);
        assertThat(result.err()).contains("--chain writes json or html");
    }

    @Test
    public void fromAServerTheChainsOfTheJobRunThroughTheJobsUpstreamOfIt() throws Exception {
        String fixtures = "/wfapi/checkout-service/";
        String upstreamJob = "/jenkins/job/shop/job/build/";
        try (FakeJenkins jenkins = new FakeJenkins()) {
            // checkout-service #42 was started by shop/build #17, whose answers are those of checkout-service #41.
            jenkins.answer(FakeJenkins.JOB + "api/json", Answer.ok(FakeJenkins.resource(fixtures + "job.json")
                    .replace("\"number\": 42", "\"actions\": [{\"causes\": [{\"upstreamBuild\": 17,"
                            + " \"upstreamProject\": \"shop/build\"}]}], \"number\": 42")));
            jenkins.answer(upstreamJob + "api/json", Answer.ok("{\"_class\":"
                    + " \"org.jenkinsci.plugins.workflow.job.WorkflowJob\", \"fullName\": \"shop/build\","
                    + " \"builds\": [{\"number\": 17, \"building\": false}]}"));
            jenkins.answer(upstreamJob + "wfapi/describe", Answer.ok(FakeJenkins.resource(fixtures
                    + "job.wfapi.json")));
            jenkins.answer(upstreamJob + "17/wfapi/describe", Answer.ok(FakeJenkins.resource(fixtures
                    + "41.describe.json")));
            for (String node : List.of("6", "15", "30", "34", "36", "60", "66")) {
                jenkins.answer(upstreamJob + "17/execution/node/" + node + "/wfapi/describe",
                        Answer.ok(FakeJenkins.resource(fixtures + "41.node." + node + ".json")));
            }

            Result result = ReportCommandTest.run(Map.of(), "report", "--url", jenkins.url().toString(), "--job",
                    "shop/checkout-service", "--chain", "--no-cache", "--format", "json");

            assertThat(result.exitCode()).as(result.err()).isZero();
            JsonNode chain = result.json().path("chains").get(0).path("chains").get(0);
            assertThat(chain.path("runs")).extracting(run -> run.path("job").asText() + " #" + run.path("number"))
                    .containsExactly("shop/build #17", "shop/checkout-service #42");
            // #41's answers end at 1731400487320, #42 starts at 1731410009450
            assertThat(chain.path("handoffs").get(0).path("waitMillis").asLong())
                    .isEqualTo(1731410009450L - 1731400487320L);
        }
    }

    @Test
    public void aCauseNamingAMultibranchBranchLinksToItsNameMangledFolder() throws Exception {
        Path branch = Files.createDirectories(home.resolve("jobs/app/branches/feature-x.k2h5b1"));
        Files.writeString(branch.resolve("config.xml"), "<flow-definition><properties>"
                + "<org.jenkinsci.plugins.workflow.multibranch.BranchJobProperty><branch><head>"
                + "<name>feature/x</name></head></branch>"
                + "</org.jenkinsci.plugins.workflow.multibranch.BranchJobProperty></properties></flow-definition>");
        build("app/branches/feature-x.k2h5b1", 1, null, 5_000, 5_010);
        build("release", 1, null, 5_020, 5_030, "app/feature%2Fx", 1);

        Result result = run("--job", "release", "--format", "json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.json().path("chains").get(0).path("jobs")).extracting(JsonNode::asText)
                .containsExactly("app/feature-x.k2h5b1", "release");
    }
}
