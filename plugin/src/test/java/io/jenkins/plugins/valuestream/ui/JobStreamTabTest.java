package io.jenkins.plugins.valuestream.ui;

import static io.jenkins.plugins.valuestream.Jenkinsfiles.awaitRecording;
import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Cause;
import hudson.model.CauseAction;
import hudson.model.Item;
import io.jenkins.plugins.valuestream.history.DownstreamJobs;
import jenkins.model.Jenkins;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

/** "This job in its stream": the chain of build → test → deploy on the tab of each of its jobs. */
public class JobStreamTabTest {
    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule j = new JenkinsRule();

    private WorkflowJob build;
    private WorkflowJob test;
    private WorkflowJob deploy;

    /** Three jobs, each run started by the one before it, as a trigger or the build step starts them. */
    private void threeJobsInAChain() throws Exception {
        build = Pipelines.job(j, "build", Pipelines.SCRIPTED);
        test = Pipelines.job(j, "test", Pipelines.SCRIPTED);
        deploy = Pipelines.job(j, "deploy", Pipelines.SCRIPTED);
        WorkflowRun built = awaitRecording(j.buildAndAssertSuccess(build));
        WorkflowRun tested = awaitRecording(j.assertBuildStatusSuccess(
                test.scheduleBuild2(0, new CauseAction(new Cause.UpstreamCause(built)))));
        awaitRecording(j.assertBuildStatusSuccess(
                deploy.scheduleBuild2(0, new CauseAction(new Cause.UpstreamCause(tested)))));
    }

    private static String streamText(HtmlPage page) {
        return page.querySelector(".vsp-stream__text").asNormalizedText();
    }

    @Test
    public void theLastJobShowsTheChainFromItsFirst() throws Exception {
        threeJobsInAChain();

        HtmlPage page = j.createWebClient().getPage(deploy, ValueStreamJobAction.URL_NAME + "/");

        assertThat(streamText(page)).startsWith("build → test → deploy: 1 chains, end-to-end lead time");
        assertThat(page.querySelectorAll(".vsp-picture--chain svg")).hasSize(1);
        assertThat(page.querySelector(".vsp-picture--chain svg").getTextContent()).contains("(hand-off)");
        assertThat(page.querySelectorAll(".vsp-picture--chain svg .vs-seg-handoff")).as("hand-off waits drawn as such")
                .isNotEmpty();
    }

    @Test
    public void theFirstJobFindsTheJobsAfterItThroughTheRunsItStarted() throws Exception {
        threeJobsInAChain();

        assertThat(DownstreamJobs.of(build)).containsExactly("test");
        assertThat(DownstreamJobs.of(test)).containsExactly("deploy");
        HtmlPage page = j.createWebClient().getPage(build, ValueStreamJobAction.URL_NAME + "/");

        assertThat(streamText(page)).startsWith("build → test → deploy: 1 chains");
    }

    @Test
    public void aJobInNoChainShowsNoStream() throws Exception {
        WorkflowJob alone = Pipelines.job(j, "alone", Pipelines.SCRIPTED);
        awaitRecording(j.buildAndAssertSuccess(alone));

        HtmlPage page = j.createWebClient().getPage(alone, ValueStreamJobAction.URL_NAME + "/");

        assertThat(page.querySelectorAll(".vsp-stream")).isEmpty();
    }

    @Test
    public void aJobTheReaderMayNotReadStaysOutOfTheChain() throws Exception {
        threeJobsInAChain();
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ).everywhere().to("tester")
                .grant(Item.READ).onItems(test, deploy).to("tester"));

        HtmlPage page = j.createWebClient().login("tester").getPage(deploy, ValueStreamJobAction.URL_NAME + "/");

        assertThat(streamText(page)).startsWith("test → deploy: 1 chains");
    }
}
