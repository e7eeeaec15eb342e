package io.jenkins.plugins.valuestream.ui;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Item;
import io.jenkins.plugins.valuestream.history.JobHistory;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URL;
import java.nio.file.Files;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

/**
 * Viewing needs {@code Item.READ}; the two actions that change state need {@code Item.CONFIGURE}, POST and the
 * crumb.
 */
public class PermissionTest {
    private static final String TAB = "job/p/" + ValueStreamJobAction.URL_NAME + "/";

    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule j = new JenkinsRule();

    private WorkflowJob job;

    @Before
    public void jobWithOneRecordedRunAndFourUsers() throws Exception {
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ).everywhere().to("stranger", "discoverer", "reader", "maintainer")
                .grant(Item.DISCOVER).everywhere().to("discoverer")
                .grant(Item.READ).everywhere().to("reader", "maintainer")
                .grant(Item.CONFIGURE).everywhere().to("maintainer"));
        job = Pipelines.job(j, "p", Pipelines.SCRIPTED);
        j.buildAndAssertSuccess(job);
        Pipelines.awaitRecorded(job, 1);
    }

    @Test
    public void userWithoutReadDoesNotFindTheTabOrItsJson() throws Exception {
        JenkinsRule.WebClient web = j.createWebClient().login("stranger");

        web.assertFails(TAB, HttpServletResponse.SC_NOT_FOUND);
        web.assertFails(TAB + "api/json", HttpServletResponse.SC_NOT_FOUND);
        web.assertFails("job/p/1/" + ProcessMapRunAction.URL_NAME + "/", HttpServletResponse.SC_NOT_FOUND);
        web.assertFails("job/p/1/" + ProcessMapRunAction.URL_NAME + "/api/json", HttpServletResponse.SC_NOT_FOUND);
    }

    @Test
    public void userWhoMayOnlyDiscoverTheJobIsRefused() throws Exception {
        JenkinsRule.WebClient web = j.createWebClient().login("discoverer");

        web.assertFails(TAB, HttpServletResponse.SC_FORBIDDEN);
        web.assertFails(TAB + "api/json", HttpServletResponse.SC_FORBIDDEN);
        web.assertFails("job/p/1/" + ProcessMapRunAction.URL_NAME + "/api/json", HttpServletResponse.SC_FORBIDDEN);
    }

    @Test
    public void readerSeesTheTabAndItsJson() throws Exception {
        JenkinsRule.WebClient web = j.createWebClient().login("reader");

        assertThat(web.goTo(TAB).getWebResponse().getStatusCode()).isEqualTo(HttpServletResponse.SC_OK);
        assertThat(web.getJSON(TAB + "api/json").getStatusCode()).isEqualTo(HttpServletResponse.SC_OK);
    }

    @Test
    public void resetBaselineRefusesGet() throws Exception {
        JenkinsRule.WebClient web = j.createWebClient().login("maintainer");

        web.assertFails(TAB + "resetBaseline", HttpServletResponse.SC_METHOD_NOT_ALLOWED);
        assertThat(BaselineStart.of(job).firstBuild()).isZero();
    }

    @Test
    public void rebuildStoreRefusesGet() throws Exception {
        JenkinsRule.WebClient web = j.createWebClient().login("maintainer");

        web.assertFails(TAB + "rebuildStore", HttpServletResponse.SC_METHOD_NOT_ALLOWED);
    }

    @Test
    public void resetBaselineRefusesAPostWithoutCrumb() throws Exception {
        JenkinsRule.WebClient web = j.createWebClient().login("maintainer");

        WebResponse response = post(web, TAB + "resetBaseline", false);

        assertThat(response.getStatusCode()).isEqualTo(HttpServletResponse.SC_FORBIDDEN);
        assertThat(BaselineStart.of(job).firstBuild()).isZero();
    }

    @Test
    public void rebuildStoreRefusesAPostWithoutCrumb() throws Exception {
        JenkinsRule.WebClient web = j.createWebClient().login("maintainer");

        WebResponse response = post(web, TAB + "rebuildStore", false);

        assertThat(response.getStatusCode()).isEqualTo(HttpServletResponse.SC_FORBIDDEN);
    }

    @Test
    public void readerMayNotResetTheBaseline() throws Exception {
        JenkinsRule.WebClient web = j.createWebClient().login("reader");

        WebResponse response = post(web, TAB + "resetBaseline", true);

        assertThat(response.getStatusCode()).isEqualTo(HttpServletResponse.SC_FORBIDDEN);
        assertThat(BaselineStart.of(job).firstBuild()).isZero();
    }

    @Test
    public void readerMayNotRebuildTheStore() throws Exception {
        JenkinsRule.WebClient web = j.createWebClient().login("reader");

        WebResponse response = post(web, TAB + "rebuildStore", true);

        assertThat(response.getStatusCode()).isEqualTo(HttpServletResponse.SC_FORBIDDEN);
    }

    @Test
    public void maintainerResetsTheBaselineToTheNextBuild() throws Exception {
        JenkinsRule.WebClient web = j.createWebClient().login("maintainer");

        WebResponse response = post(web, TAB + "resetBaseline", true);

        assertThat(response.getStatusCode()).isEqualTo(HttpServletResponse.SC_OK);
        assertThat(BaselineStart.of(job).firstBuild()).isEqualTo(2);
    }

    @Test
    public void maintainerRebuildsTheStoreFromTheRuns() throws Exception {
        Files.delete(JobHistory.file(job));
        assertThat(JobRecords.read(job).runs()).isEmpty();
        JenkinsRule.WebClient web = j.createWebClient().login("maintainer");

        WebResponse response = post(web, TAB + "rebuildStore", true);

        assertThat(response.getStatusCode()).isEqualTo(HttpServletResponse.SC_OK);
        assertThat(Pipelines.awaitRecorded(job, 1).get(0).number()).isEqualTo(1);
    }

    /** A POST as a form would send it, with or without the crumb; redirects followed, failures returned. */
    private static WebResponse post(JenkinsRule.WebClient web, String path, boolean crumb) throws Exception {
        web.setThrowExceptionOnFailingStatusCode(false);
        WebRequest request = new WebRequest(new URL(web.getContextPath() + path), HttpMethod.POST);
        if (crumb) {
            web.addCrumb(request);
        }
        return web.getPage(request).getWebResponse();
    }
}
