package io.jenkins.plugins.valuestream.ui;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.jenkins.plugins.valuestream.config.ValueStreamConfiguration;
import io.jenkins.plugins.valuestream.history.JobHistory;
import io.jenkins.plugins.valuestream.time.Durations;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;

/** The job's Value Stream tab, drawn from the runs the recording kept. */
public class ValueStreamTabTest {
    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Test
    public void tabShowsTheStagesAndParallelBranchesOfDeclarativeRuns() throws Exception {
        WorkflowJob job = Pipelines.job(j, "declarative", Pipelines.DECLARATIVE);
        j.buildAndAssertSuccess(job);
        j.buildAndAssertSuccess(job);
        Pipelines.awaitRecorded(job, 2);

        HtmlPage page = j.createWebClient().getPage(job, ValueStreamJobAction.URL_NAME + "/");

        List<String> steps = stepNames(page);
        assertThat(steps).contains("Build", "Test", "Test/Unit", "Test/Integration", "Deploy");
        assertThat(page.getElementById("vsp-totals").asNormalizedText()).contains("2 runs");
        assertThat(page.querySelectorAll(".vsp-picture--map svg")).hasSize(1);
        assertThat(page.querySelectorAll(".vsp-picture--trend svg")).hasSize(1);
    }

    @Test
    public void tabShowsTheFutureStateBesideTheCurrentOne() throws Exception {
        WorkflowJob job = Pipelines.job(j, "future", Pipelines.DECLARATIVE);
        j.buildAndAssertSuccess(job);
        Pipelines.awaitRecorded(job, 1);

        HtmlPage page = j.createWebClient().getPage(job, ValueStreamJobAction.URL_NAME + "/");

        assertThat(page.querySelectorAll(".vsp-future")).hasSize(1);
        assertThat(page.querySelectorAll(".vsp-future").get(0).asNormalizedText())
                .startsWith("Future state, without the agent and queue waits")
                .contains("lead time").contains("instead of");
    }

    @Test
    public void tabShowsEachStepsFutureStateInTheMapsOrder() throws Exception {
        WorkflowJob job = Pipelines.job(j, "future-steps", Pipelines.DECLARATIVE);
        j.buildAndAssertSuccess(job);
        Pipelines.awaitRecorded(job, 1);

        HtmlPage page = j.createWebClient().getPage(job, ValueStreamJobAction.URL_NAME + "/");

        List<String> steps = page.querySelectorAll(".vsp-future-steps .vsp-steps__name").stream()
                .map(node -> node.getTextContent().trim()).toList();
        assertThat(steps).containsSubsequence("Build", "Test/Unit", "Deploy");
        assertThat(steps).contains("Test/Integration");
        assertThat(page.querySelector(".vsp-future__assumptions").asNormalizedText())
                .startsWith("Each of the 1 completed runs");
    }

    @Test
    public void whatIfProjectsTheLeadTimeWithTheStepsTimeChanged() throws Exception {
        WorkflowJob job = Pipelines.job(j, "what-if", Pipelines.DECLARATIVE);
        j.buildAndAssertSuccess(job);
        Pipelines.awaitRecorded(job, 1);

        HtmlPage page = j.createWebClient().getPage(job,
                ValueStreamJobAction.URL_NAME + "/?runs=10&results=all&whatIf=Test%2FIntegration%3D-100%25");

        String answer = page.querySelector(".vsp-what-if__result").asNormalizedText();
        Matcher figures = Pattern.compile("If Test/Integration=-100%: lead time (.+?) instead of (.+?) \\(medians;"
                + " the step ran in 1 of 1 runs\\)").matcher(answer);
        assertThat(figures.matches()).as(answer).isTrue();
        // The Integration branch sleeps 1 s and is the longer of the two parallel branches: without it, the run
        // is about that much shorter.
        assertThat(Durations.parse(figures.group(2)) - Durations.parse(figures.group(1))).isGreaterThan(500L);
        assertThat(((HtmlInput) page.getElementById("vsp-what-if-input")).getValue())
                .isEqualTo("Test/Integration=-100%");
        assertThat(page.querySelectorAll(".vsp-what-if input[name=results]").get(0)
                .getAttributes().getNamedItem("value").getNodeValue()).isEqualTo("all");
    }

    @Test
    public void aMalformedWhatIfSaysWhatIsAccepted() throws Exception {
        WorkflowJob job = Pipelines.job(j, "what-if-malformed", Pipelines.SCRIPTED);
        j.buildAndAssertSuccess(job);
        Pipelines.awaitRecorded(job, 1);

        HtmlPage page = j.createWebClient().getPage(job, ValueStreamJobAction.URL_NAME + "/?whatIf=Build%3Dfaster");

        assertThat(page.querySelector(".vsp-what-if__error").asNormalizedText())
                .contains("'faster' is neither a signed percentage nor a duration").contains("accepted:");
        assertThat(page.querySelectorAll(".vsp-what-if__result")).isEmpty();
    }

    @Test
    public void aWhatIfOnAStepNoRunHasSaysSoAndShowsItsNameAsText() throws Exception {
        WorkflowJob job = Pipelines.job(j, "what-if-unknown", Pipelines.SCRIPTED);
        j.buildAndAssertSuccess(job);
        Pipelines.awaitRecorded(job, 1);
        String step = "<img src=x onerror=alert(1)>";

        HtmlPage page = j.createWebClient().getPage(job, ValueStreamJobAction.URL_NAME + "/?whatIf="
                + URLEncoder.encode(step + "=-50%", StandardCharsets.UTF_8));

        DomNode error = page.querySelector(".vsp-what-if__error");
        assertThat(error.asNormalizedText()).contains("No run of this window has a step " + step);
        assertThat(error.querySelectorAll("img")).isEmpty();
    }

    @Test
    public void tabSaysTheDeliveryFiguresAreUnknownWithoutADeployingStep() throws Exception {
        WorkflowJob job = Pipelines.job(j, "no-deploy", Pipelines.SCRIPTED);
        j.buildAndAssertSuccess(job);
        Pipelines.awaitRecorded(job, 1);

        HtmlPage page = j.createWebClient().getPage(job, ValueStreamJobAction.URL_NAME + "/");

        assertThat(page.querySelector("#vsp-dora-heading").asNormalizedText()).isEqualTo("Delivery (DORA)");
        assertThat(page.querySelector(".vsp-dora").asNormalizedText())
                .contains("Not known: no run of this window has a deploying step");
        assertThat(page.querySelectorAll(".vsp-dora-figures")).isEmpty();
    }

    @Test
    public void tabCountsTheDeploymentsOfAStepMarkedDeploys() throws Exception {
        WorkflowJob job = Pipelines.job(j, "deploying", "deploys.groovy");
        j.buildAndAssertSuccess(job);
        j.buildAndAssertSuccess(job);
        Pipelines.awaitRecorded(job, 2);

        HtmlPage page = j.createWebClient().getPage(job, ValueStreamJobAction.URL_NAME + "/");

        List<String> rows = page.querySelectorAll(".vsp-dora-figures tbody tr").stream()
                .map(row -> row.asNormalizedText()).toList();
        assertThat(rows).hasSize(4);
        assertThat(rows.get(1)).startsWith("Deployment frequency").contains("2 successful deployments");
        assertThat(rows.get(2)).contains("Change failure rate").contains("0 failed of 2 deployments");
        // No SCM checkout: what the runs built is not known, so neither is the lead time for changes.
        assertThat(rows.get(0)).contains("unknown").contains("not known (no changelog)");
    }

    @Test
    public void tabShowsTheStagesOfScriptedRuns() throws Exception {
        WorkflowJob job = Pipelines.job(j, "scripted", Pipelines.SCRIPTED);
        j.buildAndAssertSuccess(job);
        Pipelines.awaitRecorded(job, 1);

        HtmlPage page = j.createWebClient().getPage(job, ValueStreamJobAction.URL_NAME + "/");

        List<String> steps = stepNames(page);
        assertThat(steps).contains("Checkout", "Build", "Package");
        assertThat(page.querySelectorAll(".vsp-picture--map svg")).hasSize(1);
    }

    @Test
    public void tabIsListedInTheJobsSidePanel() throws Exception {
        WorkflowJob job = Pipelines.job(j, "scripted", Pipelines.SCRIPTED);

        HtmlPage page = j.createWebClient().getPage(job);

        assertThat(page.getAnchors().stream().map(HtmlAnchor::getHrefAttribute)
                .filter(href -> href.endsWith("/" + ValueStreamJobAction.URL_NAME)
                        || href.endsWith("/" + ValueStreamJobAction.URL_NAME + "/"))
                .toList()).isNotEmpty();
    }

    @Test
    public void tabSaysSoWhenNoRunIsRecordedYet() throws Exception {
        WorkflowJob job = Pipelines.job(j, "fresh", Pipelines.SCRIPTED);

        HtmlPage page = j.createWebClient().getPage(job, ValueStreamJobAction.URL_NAME + "/");

        assertThat(page.asNormalizedText()).contains(Messages.ValueStreamPage_NoRunsRecorded());
        assertThat(page.querySelectorAll(".vsp-picture svg")).isEmpty();
    }

    @Test
    public void tabRebuildsADeletedStoreInTheBackgroundAndSaysSo() throws Exception {
        WorkflowJob job = Pipelines.job(j, "scripted", Pipelines.SCRIPTED);
        j.buildAndAssertSuccess(job);
        Pipelines.awaitRecorded(job, 1);
        Files.delete(JobHistory.file(job));

        HtmlPage page = j.createWebClient().getPage(job, ValueStreamJobAction.URL_NAME + "/");

        assertThat(page.querySelectorAll(".vsp-notice").stream().map(DomNode::asNormalizedText).toList().toString())
                .contains(Messages.ValueStreamJobAction_Backfilling());
        assertThat(Pipelines.awaitRecorded(job, 1).get(0).number()).isEqualTo(1);
    }

    @Test
    public void firstViewOfTheTabBackFillsRunsFromBeforeRecording() throws Exception {
        ValueStreamConfiguration.get().setRecording(false);
        WorkflowJob job = Pipelines.job(j, "from-before-recording", Pipelines.SCRIPTED);
        j.buildAndAssertSuccess(job);
        ValueStreamConfiguration.get().setRecording(true);
        assertThat(JobRecords.read(job).runs()).isEmpty();

        j.createWebClient().getPage(job, ValueStreamJobAction.URL_NAME + "/");

        assertThat(Pipelines.awaitRecorded(job, 1).get(0).number()).isEqualTo(1);
    }

    @Test
    public void windowOfSuccessfulRunsLeavesFailedRunsOut() throws Exception {
        WorkflowJob job = Pipelines.job(j, "mixed", Pipelines.SCRIPTED);
        j.buildAndAssertSuccess(job);
        job.setDefinition(new CpsFlowDefinition("stage('Build') { error 'broken' }", true));
        j.buildAndAssertStatus(Result.FAILURE, job);
        Pipelines.awaitRecorded(job, 2);
        JenkinsRule.WebClient web = j.createWebClient();

        HtmlPage all = web.getPage(job, ValueStreamJobAction.URL_NAME + "/?runs=10&results=all");
        HtmlPage successful = web.getPage(job, ValueStreamJobAction.URL_NAME + "/?runs=10&results=successful");

        assertThat(all.getElementById("vsp-totals").asNormalizedText()).contains("2 runs");
        assertThat(successful.getElementById("vsp-totals").asNormalizedText()).contains("1 run");
        assertThat(stepNames(successful)).contains("Package");
    }

    @Test
    public void windowSelectorMarksTheWindowShownAndKeepsTheOtherChoice() throws Exception {
        WorkflowJob job = Pipelines.job(j, "scripted", Pipelines.SCRIPTED);
        j.buildAndAssertSuccess(job);
        Pipelines.awaitRecorded(job, 1);

        HtmlPage page = j.createWebClient().getPage(job, ValueStreamJobAction.URL_NAME + "/?runs=200&results=successful");

        List<String> selected = page.querySelectorAll(".vsp-window__link--selected").stream()
                .map(node -> ((DomElement) node).getAttribute("href")).toList();
        assertThat(selected).containsExactly("?runs=200&results=successful", "?runs=200&results=successful");
        List<String> sizeLinks = page.querySelectorAll(".vsp-window__group:first-child .vsp-window__link").stream()
                .map(node -> ((DomElement) node).getAttribute("href")).toList();
        assertThat(sizeLinks).containsExactly("?runs=10&results=successful", "?runs=50&results=successful",
                "?runs=200&results=successful");
    }

    @Test
    public void jobMainPageShowsTheSmallTrendOnceARunIsRecorded() throws Exception {
        WorkflowJob job = Pipelines.job(j, "scripted", Pipelines.SCRIPTED);
        JenkinsRule.WebClient web = j.createWebClient();
        assertThat(web.getPage(job).querySelectorAll(".vsp-floating-box")).isEmpty();

        j.buildAndAssertSuccess(job);
        Pipelines.awaitRecorded(job, 1);

        HtmlPage page = web.getPage(job);
        assertThat(page.querySelectorAll(".vsp-floating-box svg")).hasSize(1);
    }

    @Test
    public void tabListsTheAvoidableWorkWithWhatToDo() throws Exception {
        WorkflowJob job = Pipelines.job(j, "install-twice", Pipelines.DUPLICATE_INSTALL);
        j.buildAndAssertSuccess(job);
        Pipelines.awaitRecorded(job, 1);

        HtmlPage page = j.createWebClient().getPage(job, ValueStreamJobAction.URL_NAME + "/");

        List<String> rows = page.querySelectorAll(".vsp-ledger tbody tr").stream()
                .map(node -> node.getTextContent().replaceAll("\\s+", " ").trim()).toList();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).contains("Duplicate work");
        assertThat(rows.get(0)).contains("Test");
        assertThat(rows.get(0)).contains("install once");
        assertThat(page.querySelectorAll(".vsp-flag__remedy")).hasSize(1);
    }

    @Test
    public void jsonGivesTheLedgerAndEachFlagsRemedy() throws Exception {
        WorkflowJob job = Pipelines.job(j, "install-twice", Pipelines.DUPLICATE_INSTALL);
        j.buildAndAssertSuccess(job);
        Pipelines.awaitRecorded(job, 1);

        net.sf.json.JSONObject report = j.getJSON(job.getUrl() + ValueStreamJobAction.URL_NAME + "/api/json")
                .getJSONObject();
        net.sf.json.JSONObject only = report.getJSONArray("jobs").getJSONObject(0);
        net.sf.json.JSONObject entry = only.getJSONObject("avoidableWork").getJSONArray("entries").getJSONObject(0);
        assertThat(entry.getString("kind")).isEqualTo("DUPLICATE_WORK");
        assertThat(entry.getString("step")).isEqualTo("Test");
        assertThat(entry.getInt("runs")).isEqualTo(1);
        net.sf.json.JSONObject flag = only.getJSONArray("runs").getJSONObject(0).getJSONArray("flags")
                .getJSONObject(0);
        assertThat(flag.getString("remedy")).contains("install once");
    }

    /** The step names in the tab's steps table. */
    static List<String> stepNames(HtmlPage page) {
        return page.querySelectorAll(".vsp-steps .vsp-steps__name").stream()
                .map(node -> node.getTextContent().trim()).toList();
    }
}
