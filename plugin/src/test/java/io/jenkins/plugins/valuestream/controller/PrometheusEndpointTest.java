package io.jenkins.plugins.valuestream.controller;

import static io.jenkins.plugins.valuestream.Jenkinsfiles.awaitRecording;
import static io.jenkins.plugins.valuestream.Jenkinsfiles.job;
import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Item;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

/** {@code /value-stream/prometheus}: every readable job's figures as a scraper reads them. */
public class PrometheusEndpointTest {
    private static final String PATH = ControllerAction.URL_NAME + "/prometheus";

    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule r = new JenkinsRule();

    private WebResponse scrape(JenkinsRule.WebClient web, String accept) throws Exception {
        WebRequest request = new WebRequest(new URL(r.getURL(), PATH));
        if (accept != null) {
            request.setAdditionalHeader("Accept", accept);
        }
        return web.getPage(request).getWebResponse();
    }

    @Test
    public void servesTheRecordedRunsOfEachJobInTheTextFormat() throws Exception {
        WorkflowJob job = job(r, "app", "scripted-node.groovy");
        awaitRecording(r.buildAndAssertSuccess(job));
        awaitRecording(r.buildAndAssertSuccess(job));

        WebResponse response = scrape(r.createWebClient(), null);

        assertThat(response.getStatusCode()).isEqualTo(HttpServletResponse.SC_OK);
        assertThat(response.getContentType()).isEqualTo("text/plain");
        String text = response.getContentAsString();
        assertThat(text).contains("# TYPE value_stream_runs_total counter");
        assertThat(text).contains("value_stream_runs_total{job=\"app\",result=\"SUCCESS\"} 2.0\n");
        assertThat(text).contains("value_stream_run_lead_time_seconds_count{job=\"app\",result=\"SUCCESS\"} 2\n");
        assertThat(text).contains("value_stream_step_process_seconds_count{job=\"app\",step=\"Build\"} 2\n");
    }

    @Test
    public void countsARunRecordedAfterTheLastScrape() throws Exception {
        WorkflowJob job = job(r, "growing", "scripted-node.groovy");
        awaitRecording(r.buildAndAssertSuccess(job));
        JenkinsRule.WebClient web = r.createWebClient();
        assertThat(scrape(web, null).getContentAsString())
                .contains("value_stream_runs_total{job=\"growing\",result=\"SUCCESS\"} 1.0\n");

        awaitRecording(r.buildAndAssertSuccess(job));

        assertThat(scrape(web, null).getContentAsString())
                .contains("value_stream_runs_total{job=\"growing\",result=\"SUCCESS\"} 2.0\n");
    }

    @Test
    public void answersInOpenMetricsWhenTheScraperAsksForIt() throws Exception {
        awaitRecording(r.buildAndAssertSuccess(job(r, "app", "scripted-node.groovy")));

        WebResponse response = scrape(r.createWebClient(),
                "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5");

        assertThat(response.getContentType()).isEqualTo("application/openmetrics-text");
        assertThat(response.getContentAsString()).contains("value_stream_runs_total{job=\"app\",result=\"SUCCESS\"} 1")
                .endsWith("# EOF\n");
    }

    @Test
    public void leavesOutTheJobsTheCallerMayNotRead() throws Exception {
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        WorkflowJob visible = job(r, "visible", "scripted-node.groovy");
        WorkflowJob hidden = job(r, "hidden", "scripted-node.groovy");
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("admin")
                .grant(Jenkins.READ).everywhere().to("scraper")
                .grant(Item.READ).onItems(visible).to("scraper"));
        awaitRecording(r.buildAndAssertSuccess(visible));
        awaitRecording(r.buildAndAssertSuccess(hidden));

        String text = scrape(r.createWebClient().login("scraper"), null).getContentAsString();

        assertThat(text).contains("job=\"visible\"").doesNotContain("job=\"hidden\"");
        assertThat(scrape(r.createWebClient().login("admin"), null).getContentAsString())
                .contains("job=\"hidden\"");
    }

    @Test
    public void refusesAnonymousCallersWithoutOverallRead() throws Exception {
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("admin"));
        awaitRecording(r.buildAndAssertSuccess(job(r, "app", "scripted-node.groovy")));

        // As a scraper asks: no browser to follow the login page's refresh.
        HttpResponse<String> response = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(HttpRequest.newBuilder(new URL(r.getURL(), PATH).toURI()).build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(HttpServletResponse.SC_FORBIDDEN);
        assertThat(response.body()).doesNotContain("value_stream_");
    }

    /** Stapler routes a request to a {@code @GET} method only when it is a GET: a POST finds nothing there. */
    @Test
    public void aPostIsNotServed() throws Exception {
        JenkinsRule.WebClient web = r.createWebClient();
        web.setThrowExceptionOnFailingStatusCode(false);

        WebResponse response = web.getPage(web.addCrumb(new WebRequest(new URL(r.getURL(), PATH), HttpMethod.POST)))
                .getWebResponse();

        assertThat(response.getStatusCode()).isEqualTo(HttpServletResponse.SC_NOT_FOUND);
        assertThat(response.getContentAsString()).doesNotContain("value_stream_");
    }
}
