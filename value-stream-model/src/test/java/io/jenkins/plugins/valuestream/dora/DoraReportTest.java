package io.jenkins.plugins.valuestream.dora;

import static io.jenkins.plugins.valuestream.testing.RunFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.valuestream.flags.DetectorSettings;
import io.jenkins.plugins.valuestream.future.FutureAssumptions;
import io.jenkins.plugins.valuestream.graph.Change;
import io.jenkins.plugins.valuestream.graph.RunResult;
import io.jenkins.plugins.valuestream.json.ReportJson;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.report.JobReport;
import io.jenkins.plugins.valuestream.report.ReportAssembler;
import io.jenkins.plugins.valuestream.view.ParsedXml;
import io.jenkins.plugins.valuestream.view.html.HtmlReport;
import io.jenkins.plugins.valuestream.view.theme.Theme;
import java.util.List;
import java.util.Set;
import org.junit.Test;

/** DORA's figures as the report assembles them and as its JSON and HTML page show them. */
public class DoraReportTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static List<ProcessMap> runs() {
        ProcessMap failed = run(1).step("Build", s -> s.at(0).process(600_000))
                .step("Deploy", s -> s.at(600_000).process(300_000)).result(RunResult.FAILURE).build()
                .withChanges(List.of(new Change("a1", run(1).startedAt() - 3_600_000)));
        ProcessMap fixed = run(2).step("Build", s -> s.at(0).process(600_000))
                .step("Deploy", s -> s.at(600_000).process(300_000)).build()
                .withChanges(List.of(new Change("b2", run(2).startedAt())));
        return List.of(failed, fixed);
    }

    private static JobReport report(DeploymentRule rule) {
        return ReportAssembler.of(DetectorSettings.defaults()).assemble("<shop>", runs(), runs(), List.of(),
                FutureAssumptions.defaults(), List.of(), rule);
    }

    private static JsonNode json(JobReport report) throws Exception {
        return MAPPER.readTree(ReportJson.toJson(List.of(report))).path("jobs").get(0).path("dora");
    }

    @Test
    public void theAssemblerTellsDeployingStagesByTheRule() {
        assertThat(report(new DeploymentRule(Set.of("Deploy"))).dora().deployments()).isEqualTo(2);
        assertThat(report(DeploymentRule.PROCESS_STEPS).dora().deploys()).isFalse();
    }

    @Test
    public void theJsonHoldsTheFiguresBesideTheValueStream() throws Exception {
        JsonNode dora = json(report(new DeploymentRule(Set.of("Deploy"))));

        assertThat(dora.path("deployments").asInt()).isEqualTo(2);
        assertThat(dora.path("failedDeployments").asInt()).isEqualTo(1);
        assertThat(dora.path("changeFailureRate").asDouble()).isEqualTo(0.5);
        assertThat(dora.path("leadTimeForChanges").path("changes").asInt()).isEqualTo(2);
        assertThat(dora.path("deploymentFrequency").path("perDay").isNumber()).isTrue();
        assertThat(dora.path("failedDeploymentRecoveryMillis").path("recoveries").asInt()).isEqualTo(1);
        assertThat(dora.path("deployStages")).extracting(JsonNode::asText).containsExactly("Deploy");
    }

    @Test
    public void theJsonOfAJobThatDoesNotDeployHoldsNullsNotZeros() throws Exception {
        JsonNode dora = json(report(DeploymentRule.PROCESS_STEPS));

        assertThat(dora.path("deployments").isNull()).isTrue();
        assertThat(dora.path("changeFailureRate").isNull()).isTrue();
        assertThat(dora.path("leadTimeForChanges").path("changes").isNull()).isTrue();
        assertThat(dora.path("leadTimeForChanges").path("runsWithUnknownChanges").isNull()).isTrue();
        assertThat(dora.path("deploymentFrequency").path("perDay").isNull()).isTrue();
        assertThat(dora.path("failedDeploymentRecoveryMillis").path("recoveries").isNull()).isTrue();
    }

    @Test
    public void thePageShowsTheFourFiguresInWordsAndWhatTheyRestOn() {
        String page = new HtmlReport("Report", null, Theme.AUTO).render(List.of(report(
                new DeploymentRule(Set.of("Deploy")))));
        ParsedXml parsed = ParsedXml.parse(page);

        String base = "//div[@id='vs-job-1-dora']";
        assertThat(parsed.text(base + "/h3")).isEqualTo("Delivery (DORA)");
        assertThat(parsed.texts(base + "/table/tbody/tr/th")).containsExactly("Lead time for changes",
                "Deployment frequency", "Change failure rate", "Failed deployment recovery time");
        assertThat(parsed.texts(base + "/table/tbody/tr[3]/td")).containsExactly("50%",
                "1 failed of 2 deployments");
        assertThat(parsed.text(base + "/table/tbody/tr[1]/td[2]")).isEqualTo("2 changes deployed");
        assertThat(parsed.text(base + "/p")).contains("the stages Deploy");
    }

    @Test
    public void thePageOfAJobThatDoesNotDeploySaysHowToMarkItsDeployments() {
        String page = new HtmlReport("Report", null, Theme.AUTO).render(List.of(report(DeploymentRule.PROCESS_STEPS)));

        assertThat(ParsedXml.parse(page).text("//div[@id='vs-job-1-dora']/p")).startsWith("Not known")
                .contains("deploys: true").contains("--deploy-stage");
    }

    @Test
    public void aDeployingStageNameIsEscapedOnThePage() {
        ProcessMap hostile = run(1).step("<img src=x>", s -> s.process(1_000)).build();
        JobReport report = ReportAssembler.of(DetectorSettings.defaults()).assemble("shop", List.of(hostile),
                List.of(hostile), List.of(), FutureAssumptions.defaults(), List.of(),
                new DeploymentRule(Set.of("<img src=x>")));

        String page = new HtmlReport("Report", null, Theme.AUTO).render(List.of(report));

        assertThat(page).doesNotContain("<img src=x>");
        assertThat(ParsedXml.parse(page).text("//div[@id='vs-job-1-dora']/p")).contains("<img src=x>");
    }
}
