package io.jenkins.plugins.valuestream.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;

/** A stage named {@code <img src=x onerror=alert(1)>} shows as text on every page and never runs. */
public class EscapingTest {
    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule j = new JenkinsRule();

    private WorkflowJob job;
    private WorkflowRun run;
    private JenkinsRule.WebClient web;
    private final List<String> alerts = new ArrayList<>();

    @Before
    public void runWithMarkupInItsStageNames() throws Exception {
        job = Pipelines.job(j, "xss", Pipelines.XSS);
        run = j.buildAndAssertSuccess(job);
        Pipelines.awaitRecorded(job, 1);
        web = j.createWebClient();
        web.setAlertHandler((page, message) -> alerts.add(message));
    }

    @Test
    public void valueStreamTabShowsTheStageNameAsText() throws Exception {
        assertShownAsText(web.getPage(job, ValueStreamJobAction.URL_NAME + "/"));
    }

    @Test
    public void processMapPageShowsTheStageNameAsText() throws Exception {
        assertShownAsText(web.getPage(run, ProcessMapRunAction.URL_NAME + "/"));
    }

    @Test
    public void buildPageShowsNoMarkupFromTheStageName() throws Exception {
        assertNoInjectedMarkup(web.getPage(run));
    }

    @Test
    public void jobPageShowsNoMarkupFromTheStageName() throws Exception {
        assertNoInjectedMarkup(web.getPage(job));
    }

    @Test
    public void jsonCarriesTheStageNameEscaped() throws Exception {
        String jobJson = web.getJSON("job/xss/value-stream/api/json").getContentAsString();
        String runJson = web.getJSON("job/xss/1/process-map/api/json").getContentAsString();

        // Served as application/json with X-Content-Type-Options: nosniff, as every Jenkins API: a browser never
        // reads it as markup. The name arrives as the user wrote it, as one JSON string.
        for (String json : List.of(jobJson, runJson)) {
            assertThat(net.sf.json.JSONSerializer.toJSON(json).toString()).contains(Pipelines.XSS_STAGE);
        }
    }

    private void assertShownAsText(HtmlPage page) {
        assertNoInjectedMarkup(page);
        assertThat(ValueStreamTabTest.stepNames(page)).contains(Pipelines.XSS_STAGE);
        assertThat(page.asNormalizedText()).contains(Pipelines.XSS_STAGE);
    }

    private void assertNoInjectedMarkup(HtmlPage page) {
        assertThat(page.getByXPath("//img[@src='x']")).isEmpty();
        assertThat(page.getByXPath("//b[text()='bold']")).isEmpty();
        assertThat(alerts).isEmpty();
        assertThat(page.getWebResponse().getContentAsString()).doesNotContain("<img src=x");
    }
}
