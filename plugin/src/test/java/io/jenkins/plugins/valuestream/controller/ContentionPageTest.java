package io.jenkins.plugins.valuestream.controller;

import static io.jenkins.plugins.valuestream.Jenkinsfiles.awaitRecording;
import static io.jenkins.plugins.valuestream.Jenkinsfiles.job;
import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Item;
import hudson.model.Label;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import jenkins.model.Jenkins;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

/** Value Stream across jobs: what the controller's jobs wait for together. */
public class ContentionPageTest {
    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule r = new JenkinsRule();

    private static List<String> cells(DomNode row) {
        return row.querySelectorAll("td").stream().map(cell -> cell.getTextContent().trim()).toList();
    }

    @Test
    public void agentWaitIsListedByLabelOverTheJobs() throws Exception {
        awaitRecording(r.buildAndAssertSuccess(job(r, "shop", "scripted-node.groovy")));
        awaitRecording(r.buildAndAssertSuccess(job(r, "app", "scripted-node.groovy")));
        WorkflowJob late = job(r, "late", "agent-added-later.groovy");
        WorkflowRun waiting = late.scheduleBuild2(0).waitForStart();
        while (r.jenkins.getQueue().getItems().length == 0) {
            Thread.sleep(100); // the node step's task is in the queue: the run waits for an agent
        }
        Thread.sleep(2_000);
        r.createOnlineSlave(Label.get("added-later"));
        awaitRecording(r.assertBuildStatusSuccess(r.waitForCompletion(waiting)));

        HtmlPage page = r.createWebClient().goTo(ControllerAction.URL_NAME + "/");

        List<DomNode> rows = page.querySelectorAll(".vsp-labels tbody tr");
        assertThat(rows).hasSize(2);
        // The label that waited 2 s and more comes first: it has the most total wait.
        assertThat(cells(rows.get(0)).subList(0, 3)).containsExactly("added-later", "1", "1");
        assertThat(cells(rows.get(1)).subList(0, 3)).containsExactly("(any agent)", "2", "2");
        assertThat(page.querySelector(".vsp-page").asNormalizedText())
                .contains("of each of 3 Pipeline jobs you may read (3 completed runs)");
        assertThat(page.querySelectorAll(".vsp-locks")).isEmpty();
        assertThat(page.querySelector(".vsp-contention-resources").asNormalizedText()).contains("No run took a lock.");
    }

    /** Jenkins 2.541 lists root actions in the page header's menu, its entries in the page's markup. */
    @Test
    public void thePageHeadersMenuLinksThePage() throws Exception {
        HtmlPage dashboard = r.createWebClient().goTo("");

        assertThat(dashboard.getWebResponse().getContentAsString())
                .contains("href=\"" + r.contextPath + "/" + ControllerAction.URL_NAME + "\"");
    }

    @Test
    public void jobsTheReaderMayNotReadAreNotCounted() throws Exception {
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        WorkflowJob visible = job(r, "visible", "scripted-node.groovy");
        WorkflowJob hidden = job(r, "hidden", "scripted-node.groovy");
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ).everywhere().to("reader")
                .grant(Item.READ).onItems(visible).to("reader"));
        awaitRecording(r.buildAndAssertSuccess(visible));
        awaitRecording(r.buildAndAssertSuccess(hidden));

        HtmlPage page = r.createWebClient().login("reader").goTo(ControllerAction.URL_NAME + "/");

        assertThat(page.querySelector(".vsp-page").asNormalizedText()).contains("of each of 1 Pipeline jobs");
        assertThat(cells(page.querySelectorAll(".vsp-labels tbody tr").get(0)).get(1)).isEqualTo("1");
    }

    @Test
    public void anonymousWithoutOverallReadGetsNothing() throws Exception {
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("admin"));

        HttpResponse<String> response = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(HttpRequest.newBuilder(new URL(r.getURL(), ControllerAction.URL_NAME + "/").toURI()).build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(HttpServletResponse.SC_FORBIDDEN);
        assertThat(response.body()).doesNotContain("vsp-labels");
    }
}
