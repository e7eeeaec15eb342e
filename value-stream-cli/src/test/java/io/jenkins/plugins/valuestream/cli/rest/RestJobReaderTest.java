package io.jenkins.plugins.valuestream.cli.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.valuestream.cli.rest.FakeJenkins.Answer;
import io.jenkins.plugins.valuestream.cli.source.JobRuns;
import io.jenkins.plugins.valuestream.cli.source.SourceRun;
import io.jenkins.plugins.valuestream.graph.Change;
import io.jenkins.plugins.valuestream.graph.UpstreamCause;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.After;
import org.junit.Test;

/** The REST reader end to end, against recorded answers served on 127.0.0.1. */
public class RestJobReaderTest {
    private static final JobPath JOB = JobPath.parse("shop/checkout-service");
    private static final String TOKEN = "11d3f2a9c0ffee5ecret0token";
    private static final JenkinsClient.Settings FAST = new JenkinsClient.Settings(2, Duration.ofMillis(10),
            Duration.ofSeconds(2), Duration.ofSeconds(2));

    private final FakeJenkins jenkins = new FakeJenkins();
    private final List<String> progress = new ArrayList<>();

    @After
    public void stop() {
        jenkins.close();
    }

    private RestJobReader reader(String user, String token, JenkinsClient.Settings settings, int concurrency) {
        return new RestJobReader(new JenkinsClient(jenkins.url(), user, token, settings), concurrency,
                progress::add);
    }

    private RestJobReader reader() {
        return reader("ci-bot", TOKEN, FAST, 4);
    }

    private JobRuns readAll(RestJobReader reader) throws Exception {
        return reader.read(JOB, reader.list(JOB, 50), Set.of());
    }

    @Test
    public void readsEveryRunButTheMalformedOneWhichIsSkippedWithAWarning() throws Exception {
        JobRuns runs = readAll(reader());

        assertThat(runs.name()).isEqualTo("shop/checkout-service");
        assertThat(runs.runs()).extracting(SourceRun::number).containsExactly(41, 42, 44);
        assertThat(runs.warnings()).singleElement().satisfies(w -> assertThat(w)
                .startsWith("Run #43 skipped: malformed answer")
                .contains("'startTimeMillis' is not a number"));
        assertThat(runs.runs().get(0).graph().nodes()).isNotEmpty();
        assertThat(progress).anySatisfy(line -> assertThat(line).contains("Reading 4 runs of shop/checkout-service"));
    }

    @Test
    public void asksForEachStageOfEachRunThroughTheJobsAddress() throws Exception {
        readAll(reader());

        assertThat(jenkins.requests()).contains(
                FakeJenkins.JOB + "41/wfapi/describe",
                FakeJenkins.JOB + "41/execution/node/15/wfapi/describe",
                FakeJenkins.JOB + "42/execution/node/36/wfapi/describe");
        assertThat(jenkins.requests()).noneMatch(r -> r.equals(FakeJenkins.JOB + "42/execution/node/60/wfapi/describe"))
                .as("skipped stages have no steps to ask for");
        assertThat(jenkins.requests().get(0)).startsWith(FakeJenkins.JOB + "api/json?tree=");
    }

    @Test
    public void sendsBasicCredentialsAndNeverShowsTheToken() throws Exception {
        RestJobReader reader = reader();
        JobRuns runs = readAll(reader);

        String expected = "Basic " + Base64.getEncoder().encodeToString(("ci-bot:" + TOKEN)
                .getBytes(StandardCharsets.UTF_8));
        assertThat(jenkins.authorizations()).isNotEmpty().containsOnly(expected);
        assertThat(String.join("\n", runs.warnings())).doesNotContain(TOKEN);
        assertThat(String.join("\n", progress)).doesNotContain(TOKEN);
        assertThat(new JenkinsClient(jenkins.url(), "ci-bot", TOKEN, FAST).toString()).doesNotContain(TOKEN);
    }

    @Test
    public void runsAlreadyKnownAreNotAskedFor() throws Exception {
        RestJobReader reader = reader();
        JobRuns runs = reader.read(JOB, reader.list(JOB, 50), Set.of(41, 42));

        assertThat(runs.runs()).extracting(SourceRun::number).containsExactly(44);
        assertThat(jenkins.requests()).noneMatch(r -> r.startsWith(FakeJenkins.JOB + "41/"))
                .noneMatch(r -> r.startsWith(FakeJenkins.JOB + "42/"));
    }

    @Test
    public void noMoreRequestsAtOnceThanTheConcurrencyAllows() throws Exception {
        jenkins.delayEveryAnswer(40);
        readAll(reader("ci-bot", TOKEN, FAST, 2));

        assertThat(jenkins.maxConcurrentRequests()).isBetween(1, 2);
    }

    @Test
    public void unauthorizedStopsTheReportWithAHint() {
        jenkins.answer(FakeJenkins.JOB + "api/json", Answer.status(401));

        assertThatThrownBy(() -> reader(null, null, FAST, 4).list(JOB, 50))
                .isInstanceOfSatisfying(RestFailure.class, e -> {
                    assertThat(e.kind()).isEqualTo(RestFailure.Kind.UNAUTHORIZED);
                    assertThat(e.getMessage()).contains("401 Unauthorized").contains("--token-env")
                            .doesNotContain("\n");
                });
    }

    @Test
    public void wrongTokenIsUnauthorizedWithoutShowingIt() {
        jenkins.answer(FakeJenkins.JOB + "api/json", Answer.status(401));

        assertThatThrownBy(() -> reader().list(JOB, 50)).isInstanceOfSatisfying(RestFailure.class, e -> {
            assertThat(e.getMessage()).contains("the user or the API token is wrong").doesNotContain(TOKEN);
        });
    }

    @Test
    public void forbiddenInTheMiddleOfReadingStopsEverything() {
        jenkins.answer(FakeJenkins.JOB + "42/wfapi/describe", Answer.status(403));

        assertThatThrownBy(() -> readAll(reader())).isInstanceOfSatisfying(RestFailure.class, e -> {
            assertThat(e.kind()).isEqualTo(RestFailure.Kind.FORBIDDEN);
            assertThat(e.getMessage()).contains("403 Forbidden").contains("Job/Read");
        });
    }

    @Test
    public void aJobThatDoesNotExistIsNamed() {
        JobPath missing = JobPath.parse("shop/no-such-job");

        assertThatThrownBy(() -> reader().list(missing, 50)).isInstanceOfSatisfying(RestFailure.class, e -> {
            assertThat(e.kind()).isEqualTo(RestFailure.Kind.NOT_FOUND);
            assertThat(e.getMessage()).startsWith("No job 'shop/no-such-job' on " + jenkins.url() + " (404)");
        });
    }

    @Test
    public void aFreestyleJobIsNotAPipeline() {
        jenkins.answer(FakeJenkins.JOB + "api/json", Answer.ok("{\"_class\":\"hudson.model.FreeStyleProject\","
                + "\"fullName\":\"shop/checkout-service\",\"builds\":[{\"number\":3}]}"));

        assertThatThrownBy(() -> reader().list(JOB, 50)).isInstanceOfSatisfying(RestFailure.class, e -> {
            assertThat(e.kind()).isEqualTo(RestFailure.Kind.NOT_A_PIPELINE);
            assertThat(e.getMessage()).isEqualTo("'shop/checkout-service' is not a Pipeline job"
                    + " (hudson.model.FreeStyleProject): the report reads Pipeline jobs only");
        });
    }

    @Test
    public void aMultibranchProjectAsksForABranch() {
        jenkins.answer(FakeJenkins.JOB + "api/json", Answer.ok("{\"_class\":"
                + "\"org.jenkinsci.plugins.workflow.multibranch.WorkflowMultiBranchProject\",\"fullName\":\"x\"}"));

        assertThatThrownBy(() -> reader().list(JOB, 50)).hasMessageContaining("give one of its branches, e.g."
                + " shop/checkout-service/main");
    }

    @Test
    public void aServerWithoutTheStageViewApiIsNamed() {
        jenkins.answer(FakeJenkins.JOB + "wfapi/describe", Answer.status(404));

        assertThatThrownBy(() -> reader().list(JOB, 50)).isInstanceOfSatisfying(RestFailure.class, e -> {
            assertThat(e.kind()).isEqualTo(RestFailure.Kind.NOT_FOUND);
            assertThat(e.getMessage()).contains("no Stage View REST API").contains("pipeline-stage-view");
        });
    }

    @Test
    public void serverErrorsAreRetriedUntilTheyPass() throws Exception {
        String describe = FakeJenkins.JOB + "41/wfapi/describe";
        jenkins.answer(describe, Answer.status(503), Answer.status(502),
                Answer.ok(FakeJenkins.resource("/wfapi/checkout-service/41.describe.json")));

        JobRuns runs = readAll(reader());

        assertThat(runs.runs()).extracting(SourceRun::number).contains(41);
        assertThat(jenkins.requests()).filteredOn(describe::equals).hasSize(3);
    }

    @Test
    public void aRunWhoseServerErrorPersistsIsSkippedAndTheRestReported() throws Exception {
        String describe = FakeJenkins.JOB + "42/wfapi/describe";
        jenkins.answer(describe, Answer.status(500));

        JobRuns runs = readAll(reader());

        assertThat(runs.runs()).extracting(SourceRun::number).containsExactly(41, 44);
        assertThat(runs.warnings()).anySatisfy(w -> assertThat(w).startsWith("Run #42 skipped: Jenkins answered 500")
                .contains("after 3 attempts"));
        assertThat(jenkins.requests()).filteredOn(describe::equals).hasSize(3);
    }

    @Test
    public void aTimeOutIsRetriedThenReported() throws Exception {
        JenkinsClient.Settings impatient = new JenkinsClient.Settings(1, Duration.ofMillis(10),
                Duration.ofSeconds(2), Duration.ofMillis(300));
        String describe = FakeJenkins.JOB + "41/wfapi/describe";
        jenkins.answer(describe, new Answer(200, "{}", 2_000));

        JobRuns runs = readAll(reader("ci-bot", TOKEN, impatient, 4));

        assertThat(runs.runs()).extracting(SourceRun::number).containsExactly(42, 44);
        assertThat(runs.warnings()).anySatisfy(w -> assertThat(w).startsWith("Run #41 skipped: No answer from"));
        assertThat(jenkins.requests()).filteredOn(describe::equals).hasSize(2);
    }

    @Test
    public void whenEveryRunFailsOnTheServerTheReportFails() {
        for (int n : new int[] {41, 42, 43, 44}) {
            jenkins.answer(FakeJenkins.JOB + n + "/wfapi/describe", Answer.status(500));
        }

        assertThatThrownBy(() -> readAll(reader())).isInstanceOfSatisfying(RestFailure.class,
                e -> assertThat(e.kind()).isEqualTo(RestFailure.Kind.SERVER));
    }

    @Test
    public void aMalformedStageDescribeSkipsOnlyThatRun() throws Exception {
        jenkins.answer(FakeJenkins.JOB + "42/execution/node/34/wfapi/describe",
                Answer.ok("{\"id\":\"34\",\"stageFlowNodes\":[{\"name\":\"Shell Script\"}]}"));

        JobRuns runs = readAll(reader());

        assertThat(runs.runs()).extracting(SourceRun::number).containsExactly(41, 44);
        assertThat(runs.warnings()).anySatisfy(w -> assertThat(w).startsWith("Run #42 skipped: malformed answer:"
                + " stage 'Unit', flow node 1 has no 'id'"));
    }

    @Test
    public void aRedirectIsNotFollowedSoTheCredentialsStayWithTheServerGiven() {
        jenkins.answer(FakeJenkins.JOB + "api/json", new Answer(302, "", 0));

        assertThatThrownBy(() -> reader().list(JOB, 50)).isInstanceOfSatisfying(RestFailure.class, e -> {
            assertThat(e.kind()).isEqualTo(RestFailure.Kind.REDIRECTED);
            assertThat(e.getMessage()).contains("redirected").contains("its root URL");
        });
        assertThat(jenkins.requests()).hasSize(1);
    }

    @Test
    public void jobPathsAreEncodedOnceWhateverFormTheyComeIn() {
        assertThat(JobPath.parse("shop/checkout service").relativeUrl()).isEqualTo(
                "job/shop/job/checkout%20service/");
        assertThat(JobPath.parse("job/shop/job/checkout-service/").fullName()).isEqualTo("shop/checkout-service");
        assertThat(JobPath.parse("app/feature%2Flogin").relativeUrl()).isEqualTo("job/app/job/feature%2Flogin/");
        assertThat(JobPath.parse("équipe/déploiement").relativeUrl())
                .isEqualTo("job/%C3%A9quipe/job/d%C3%A9ploiement/");
    }

    @Test
    public void aRunsUpstreamCausesComeFromTheBuildListWithoutAnotherRequest() throws Exception {
        String job = FakeJenkins.resource("/wfapi/checkout-service/job.json").replace("\"number\": 42",
                "\"actions\": [{\"_class\": \"hudson.model.CauseAction\", \"causes\": [{\"_class\":"
                        + " \"org.jenkinsci.plugins.workflow.support.steps.build.BuildUpstreamCause\","
                        + " \"upstreamBuild\": 17, \"upstreamProject\": \"shop/build\","
                        + " \"upstreamUrl\": \"job/shop/job/build/\"}]}, {\"_class\": \"hudson.plugins.git.util.BuildData\"}],"
                        + " \"number\": 42");
        assertThat(job).contains("shop/build");
        jenkins.answer(FakeJenkins.JOB + "api/json", Answer.ok(job));

        JobRuns runs = readAll(reader());

        assertThat(runs.runs()).filteredOn(run -> run.number() == 42).singleElement()
                .satisfies(run -> assertThat(run.info().upstream()).containsExactly(UpstreamCause.of("shop/build", 17)));
        assertThat(runs.runs()).filteredOn(run -> run.number() == 41).singleElement()
                .satisfies(run -> assertThat(run.info().upstream()).isEmpty());
        assertThat(jenkins.requests().get(0)).contains("upstreamProject");
    }

    @Test
    public void aRunsChangesComeFromTheBuildListWithoutAnotherRequest() throws Exception {
        String job = FakeJenkins.resource("/wfapi/checkout-service/job.json").replace("\"number\": 42",
                "\"changeSets\": [{\"_class\": \"hudson.plugins.git.GitChangeSetList\", \"kind\": \"git\","
                        + " \"items\": [{\"_class\": \"hudson.plugins.git.GitChangeSet\","
                        + " \"commitId\": \"9f4c2a1e7b3d5f60812c4e9a0b7d6c5e4f3a2b1c\", \"timestamp\": 1717398060000}]}],"
                        + " \"number\": 42");
        jenkins.answer(FakeJenkins.JOB + "api/json", Answer.ok(job));

        JobRuns runs = readAll(reader());

        assertThat(runs.runs()).filteredOn(run -> run.number() == 42).singleElement()
                .satisfies(run -> assertThat(run.info().changes()).containsExactly(
                        new Change("9f4c2a1e7b3d5f60812c4e9a0b7d6c5e4f3a2b1c", 1_717_398_060_000L)));
        assertThat(runs.runs()).filteredOn(run -> run.number() == 41).singleElement()
                .satisfies(run -> assertThat(run.info().changes()).as("its answer has no changeSets").isNull());
        assertThat(jenkins.requests().get(0)).contains("changeSets").contains("commitId").contains("timestamp");
        assertThat(jenkins.requests()).noneMatch(request -> request.contains("/42/api/json"));
    }
}
