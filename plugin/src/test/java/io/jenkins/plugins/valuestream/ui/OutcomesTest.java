package io.jenkins.plugins.valuestream.ui;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import io.jenkins.plugins.valuestream.Jenkinsfiles;
import io.jenkins.plugins.valuestream.process.InputDecision;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.StepPath;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.support.steps.input.InputAction;
import org.jenkinsci.plugins.workflow.support.steps.input.InputStepExecution;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;

/** Where a run failed and who decided its inputs, on the build page and the Process Map page. */
public class OutcomesTest {
    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Test
    public void theBuildPageSaysWhichStepFailedWithItsMessageEscaped() throws Exception {
        WorkflowJob job = Jenkinsfiles.job(j, "failing", "failing-stage.groovy");
        WorkflowRun run = Jenkinsfiles.awaitRecording(j.buildAndAssertStatus(Result.FAILURE, job));

        ProcessMap map = Jenkinsfiles.processMap(run);
        assertThat(map.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.step()).isEqualTo(StepPath.of("Test"));
            assertThat(failure.functionName()).isEqualTo("error");
            assertThat(failure.message()).isEqualTo("Unit tests failed: <b>3</b> of 120");
            assertThat(failure.endedRun()).isTrue();
        });
        HtmlPage page = j.createWebClient().getPage(run);
        DomNode line = page.querySelector(".vsp-summary .vsp-failure");
        assertThat(line).isNotNull();
        assertThat(line.asNormalizedText()).isEqualTo("Test (error): Unit tests failed: <b>3</b> of 120");
        assertThat(line.querySelectorAll("b")).isEmpty();
    }

    @Test
    public void theJsonApiGivesTheFailedScriptAndWhetherTheRunEndedWithItAsTheCommandLinesJsonDoes() throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "script");
        job.setDefinition(new org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition(
                "node { stage('Test') { sh 'echo testing; exit 3' } }", true));
        Jenkinsfiles.awaitRecording(j.buildAndAssertStatus(Result.FAILURE, job));

        net.sf.json.JSONObject failure = j.createWebClient().getJSON("job/script/value-stream/api/json")
                .getJSONObject().getJSONArray("jobs").getJSONObject(0).getJSONArray("runs").getJSONObject(0)
                .getJSONArray("failures").getJSONObject(0);

        assertThat(failure.getString("step")).isEqualTo("Test");
        assertThat(failure.getString("function")).isEqualTo("sh");
        assertThat(failure.getString("command")).isEqualTo("echo testing; exit 3");
        assertThat(failure.getString("message")).isEqualTo("script returned exit code 3");
        assertThat(failure.getBoolean("endedRun")).isTrue();
    }

    @Test
    public void anErrorThePipelineCaughtIsOnTheProcessMapPageButNotInTheBuildPagesBox() throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "caught");
        job.setDefinition(new org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition(
                "stage('Lint') { catchError(buildResult: 'SUCCESS', stageResult: 'UNSTABLE') { error 'style' } }\n"
                        + "stage('Build') { echo 'built' }", true));
        WorkflowRun run = Jenkinsfiles.awaitRecording(j.buildAndAssertSuccess(job));

        assertThat(Jenkinsfiles.processMap(run).failures()).singleElement()
                .satisfies(failure -> assertThat(failure.endedRun()).isFalse());
        assertThat(j.createWebClient().getPage(run).querySelectorAll(".vsp-summary .vsp-failure")).isEmpty();
        HtmlPage page = j.createWebClient().getPage(run, ProcessMapRunAction.URL_NAME + "/");
        assertThat(page.querySelector(".vsp-failure").asNormalizedText())
                .isEqualTo("Lint (error): style (caught; the run went on)");
    }

    @Test
    public void theProcessMapPageNamesWhoApprovedAnInput() throws Exception {
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        WorkflowJob job = Jenkinsfiles.job(j, "approved", "input-approval.groovy");
        WorkflowRun run = job.scheduleBuild2(0).waitForStart();
        decide(run, "alice", true);
        j.assertBuildStatusSuccess(j.waitForCompletion(run));

        InputDecision input = Jenkinsfiles.processMap(run).inputs().get(0);
        assertThat(input.decision()).isEqualTo(InputDecision.Decision.APPROVED);
        assertThat(input.user()).isEqualTo("alice");
        HtmlPage page = j.createWebClient().getPage(run, ProcessMapRunAction.URL_NAME + "/");
        assertThat(page.querySelector(".vsp-input").asNormalizedText())
                .startsWith("Approve: \u201cShip it?\u201d approved by alice after ");
    }

    @Test
    public void anAbortedInputIsTheInputsDecisionNotAnError() throws Exception {
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        WorkflowJob job = Jenkinsfiles.job(j, "aborted", "input-approval.groovy");
        WorkflowRun run = job.scheduleBuild2(0).waitForStart();
        decide(run, "bob", false);
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(run));

        ProcessMap map = Jenkinsfiles.processMap(run);
        assertThat(map.inputs()).singleElement().satisfies(input -> {
            assertThat(input.decision()).isEqualTo(InputDecision.Decision.ABORTED);
            assertThat(input.user()).isEqualTo("bob");
        });
        assertThat(map.failures()).isEmpty();
        HtmlPage page = j.createWebClient().getPage(run);
        assertThat(page.querySelector(".vsp-summary .vsp-input").asNormalizedText()).contains("aborted by bob");
        assertThat(page.querySelectorAll(".vsp-summary .vsp-failure")).isEmpty();
    }

    /** Approves or aborts the run's input as the given user, once it waits. */
    private void decide(WorkflowRun run, String user, boolean approve) throws Exception {
        j.waitForMessage("Ship it?", run);
        InputAction action = run.getAction(InputAction.class);
        InputStepExecution execution = action.getExecution("Ship");
        long deadline = System.currentTimeMillis() + 30_000;
        while (execution == null && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            execution = action.getExecution("Ship");
        }
        assertThat(execution).as("the input's execution").isNotNull();
        try (ACLContext as = ACL.as2(User.getById(user, true).impersonate2())) {
            if (approve) {
                execution.proceed(null);
            } else {
                execution.doAbort();
            }
        }
    }
}
