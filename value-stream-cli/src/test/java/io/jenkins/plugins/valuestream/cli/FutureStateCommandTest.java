package io.jenkins.plugins.valuestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.valuestream.cli.exit.ExitCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The future-state map and the what-ifs of the {@code report} command, end to end on the demo. */
public class FutureStateCommandTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private ReportCommandTest.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of("report", "--demo"));
        all.addAll(List.of(args));
        return ReportCommandTest.run(Map.of("XDG_CACHE_HOME", folder.getRoot().toString()),
                all.toArray(String[]::new));
    }

    private static JsonNode job(ReportCommandTest.Result result) throws Exception {
        assertThat(result.exitCode()).as(result.err()).isZero();
        return result.json().path("jobs").get(0);
    }

    private static JsonNode step(JsonNode future, String path) {
        for (JsonNode step : future.path("steps")) {
            if (step.path("path").asText().equals(path)) {
                return step;
            }
        }
        throw new AssertionError("No step " + path);
    }

    private static long median(JsonNode node, String figure) {
        return node.path(figure).path("median").asLong();
    }

    @Test
    public void byDefaultTheFutureStateRemovesTheAgentAndQueueWaits() throws Exception {
        JsonNode future = job(run()).path("futureState");

        assertThat(future.path("removedCauses")).extracting(JsonNode::asText).containsExactly("QUEUE", "AGENT");
        assertThat(future.path("runs").asInt()).isEqualTo(59);
        assertThat(median(future, "projectedLeadTimeMillis")).isLessThan(median(future, "leadTimeMillis"));
    }

    @Test
    public void onTheDemoTheAgentWaitsGoButTheApprovalStays() throws Exception {
        JsonNode future = job(run()).path("futureState");

        assertThat(median(step(future, "Checkout"), "projectedElapsedMillis"))
                .isLessThan(median(step(future, "Checkout"), "elapsedMillis"));
        assertThat(step(future, "Checkout").path("projectedFlowEfficiency").asDouble()).isGreaterThan(0.99);
        assertThat(median(step(future, "Approve"), "projectedElapsedMillis"))
                .isEqualTo(median(step(future, "Approve"), "elapsedMillis"));
    }

    @Test
    public void onTheDemoNoStepIsLongerInTheFuture() throws Exception {
        JsonNode future = job(run()).path("futureState");

        assertThat(future.path("steps")).isNotEmpty().allSatisfy(step -> assertThat(
                median(step, "projectedElapsedMillis")).isLessThanOrEqualTo(median(step, "elapsedMillis")));
    }

    @Test
    public void theCausesToRemoveAreChosenInAnyCase() throws Exception {
        JsonNode future = job(run("--future-without", "input")).path("futureState");

        assertThat(future.path("removedCauses")).extracting(JsonNode::asText).containsExactly("INPUT");
        assertThat(median(step(future, "Approve"), "elapsedMillis")).isGreaterThan(60_000);
        assertThat(median(step(future, "Approve"), "projectedElapsedMillis")).isLessThan(1_000);
    }

    @Test
    public void anUnknownCauseFailsNamingTheAcceptedOnes() {
        ReportCommandTest.Result result = run("--future-without", "AGENT,QUEU");

        assertThat(result.exitCode()).isEqualTo(ExitCode.NO_DATA);
        assertThat(result.err()).contains("--future-without: Unknown wait cause 'QUEU'; accepted: QUEUE, AGENT,"
                + " INPUT, LOCK, SLEEP, GAP, REWORK (comma-separated), or none");
        assertThat(result.err()).doesNotContain("Reported");
    }

    @Test
    public void eachWhatIfGivesTheProjectedLeadTimeBesideTheCurrentOne() throws Exception {
        JsonNode whatIfs = job(run("--what-if", "Test/Integration=-50%", "--what-if", "Build=+1m")).path("whatIf");

        assertThat(whatIfs).extracting(w -> w.path("path").asText() + "=" + w.path("change").asText())
                .containsExactly("Test/Integration=-50%", "Build=+1m");
        assertThat(median(whatIfs.get(0), "projectedLeadTimeMillis"))
                .isLessThan(median(whatIfs.get(0), "leadTimeMillis"));
        assertThat(median(whatIfs.get(1), "projectedLeadTimeMillis"))
                .isEqualTo(median(whatIfs.get(1), "leadTimeMillis") + 60_000);
    }

    @Test
    public void aWhatIfIsPrintedOnStandardError() {
        ReportCommandTest.Result result = run("--what-if", "Build=-1m");

        assertThat(result.err()).containsPattern("demo/web-shop: what if Build -1m: lead time [0-9hms ]+ now,"
                + " [0-9hms ]+ projected \\(medians of 59 completed runs\\)");
    }

    @Test
    public void aMalformedWhatIfFailsBeforeAnythingIsRead() {
        ReportCommandTest.Result result = run("--what-if", "Build=half");

        assertThat(result.exitCode()).isEqualTo(ExitCode.NO_DATA);
        assertThat(result.err()).contains("--what-if: Invalid what-if 'Build=half'").contains("accepted: STEP=-50%")
                .doesNotContain("Reported");
    }

    @Test
    public void aWhatIfOfAStepNoJobHasFailsNamingTheStepsThereAre() {
        ReportCommandTest.Result result = run("--what-if", "Test/Integr=-50%");

        assertThat(result.exitCode()).isEqualTo(ExitCode.NO_DATA);
        assertThat(result.err()).contains("value-stream: --what-if: no step 'Test/Integr' in the runs reported"
                + " (steps there: (outside stages), Approve, Build, Checkout, Deploy, Smoke test, Test,"
                + " Test/Integration, Test/Lint, Test/Unit)");
        assertThat(result.out()).isEmpty();
    }

    @Test
    public void theHtmlReportShowsTheFutureStateAndTheWhatIfs() {
        ReportCommandTest.Result result = run("--format", "html", "--what-if", "Test/Integration=-50%");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("id=\"vs-job-1-future\"", ">Future state</h3>", "id=\"vs-job-1-what-if\"",
                "Test/Integration -50%", "Removed: the waits for queue, agent");
    }
}
