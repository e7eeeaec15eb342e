package io.jenkins.plugins.valuestream.ui;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.jenkins.plugins.valuestream.Jenkinsfiles;
import java.util.List;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;

/** A run's box on the build page and its Process Map page. */
public class ProcessMapPageTest {
    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Test
    public void buildPageSummarisesProcessAndWaitOfADeclarativeRun() throws Exception {
        WorkflowJob job = Pipelines.job(j, "declarative", Pipelines.DECLARATIVE);
        WorkflowRun run = Jenkinsfiles.awaitRecording(j.buildAndAssertSuccess(job));

        HtmlPage page = j.createWebClient().getPage(run);

        assertThat(page.querySelectorAll(".vsp-summary")).hasSize(1);
        String summary = page.querySelector(".vsp-summary").asNormalizedText();
        assertThat(summary).contains("Lead time");
        assertThat(summary).contains("Flow efficiency");
        assertThat(page.getAnchorByHref(ProcessMapRunAction.URL_NAME + "/")).isNotNull();
    }

    @Test
    public void processMapPageShowsTheStepsOfADeclarativeRun() throws Exception {
        WorkflowJob job = Pipelines.job(j, "declarative", Pipelines.DECLARATIVE);
        WorkflowRun run = Jenkinsfiles.awaitRecording(j.buildAndAssertSuccess(job));

        HtmlPage page = j.createWebClient().getPage(run, ProcessMapRunAction.URL_NAME + "/");

        List<String> steps = ValueStreamTabTest.stepNames(page);
        assertThat(steps).contains("Build", "Test/Unit", "Test/Integration", "Deploy");
        assertThat(page.querySelectorAll(".vsp-picture--process-map svg")).hasSize(1);
    }

    @Test
    public void processMapPageShowsTheStepsOfAScriptedRun() throws Exception {
        WorkflowJob job = Pipelines.job(j, "scripted", Pipelines.SCRIPTED);
        WorkflowRun run = Jenkinsfiles.awaitRecording(j.buildAndAssertSuccess(job));

        HtmlPage page = j.createWebClient().getPage(run, ProcessMapRunAction.URL_NAME + "/");

        List<String> steps = ValueStreamTabTest.stepNames(page);
        assertThat(steps).contains("Checkout", "Build", "Package");
        assertThat(page.querySelectorAll(".vsp-picture--process-map svg")).hasSize(1);
    }

    @Test
    public void buildPageShowsTheVerdictOfAWaitBudget() throws Exception {
        WorkflowJob job = Pipelines.job(j, "budgeted", "budgeted.groovy");
        WorkflowRun run = Jenkinsfiles.awaitRecording(j.buildAndAssertSuccess(job));

        HtmlPage page = j.createWebClient().getPage(run);

        String budget = page.querySelector(".vsp-summary .vsp-budget").asNormalizedText();
        assertThat(budget).contains("Budget kept");
        assertThat(budget).contains("Wait budget 15m kept");
    }

    @Test
    public void buildPageShowsTheVerdictOfABlockThatStoppedTheRun() throws Exception {
        WorkflowJob job = Jenkinsfiles.job(j, "stopped", "budget-exceeded-waiting-for-agent.groovy");
        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);

        HtmlPage page = j.createWebClient().getPage(run);

        String budget = page.querySelector(".vsp-summary .vsp-budget").asNormalizedText();
        assertThat(budget).contains("Budget exceeded");
        assertThat(budget).contains("Wait budget 3s exceeded by");
        assertThat(budget).contains("largest cause: agent");
    }
}
