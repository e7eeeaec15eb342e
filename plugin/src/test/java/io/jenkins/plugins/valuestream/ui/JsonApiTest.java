package io.jenkins.plugins.valuestream.ui;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.ProcessStep;
import java.util.ArrayList;
import java.util.List;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;

/** {@code /job/X/value-stream/api/json} and {@code /job/X/N/process-map/api/json}, in the command line's JSON. */
public class JsonApiTest {
    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Test
    public void jobJsonHoldsTheRecordedRunsWithTheirNumbers() throws Exception {
        WorkflowJob job = Pipelines.job(j, "declarative", Pipelines.DECLARATIVE);
        j.buildAndAssertSuccess(job);
        j.buildAndAssertSuccess(job);
        List<ProcessMap> recorded = Pipelines.awaitRecorded(job, 2);

        JSONObject report = j.createWebClient().getJSON("job/declarative/value-stream/api/json").getJSONObject();

        JSONObject jobJson = report.getJSONArray("jobs").getJSONObject(0);
        assertThat(jobJson.getString("name"), is("declarative"));
        JSONArray runs = jobJson.getJSONArray("runs");
        assertThat(runs.size(), is(2));
        for (int i = 0; i < runs.size(); i++) {
            JSONObject run = runs.getJSONObject(i);
            ProcessMap map = recorded.get(i);
            assertThat(run.getInt("number"), is(map.number()));
            assertThat(run.getString("result"), is(map.result()));
            assertThat(run.getLong("leadTimeMillis"), is(map.leadTimeMillis()));
            assertThat(run.getLong("processMillis"), is(map.processMillis()));
            assertThat(run.getLong("waitMillis"), is(map.waitMillis()));
            assertThat(paths(run.getJSONArray("steps")), is(paths(map)));
        }
        assertThat(jobJson.getJSONObject("valueStream").getInt("runs"), is(2));
    }

    @Test
    public void jobJsonTakesTheWindowFromTheQuery() throws Exception {
        WorkflowJob job = Pipelines.job(j, "scripted", Pipelines.SCRIPTED);
        j.buildAndAssertSuccess(job);
        j.buildAndAssertSuccess(job);
        j.buildAndAssertSuccess(job);
        Pipelines.awaitRecorded(job, 3);

        JSONObject report = j.createWebClient().getJSON("job/scripted/value-stream/api/json?runs=1")
                .getJSONObject();

        JSONArray runs = report.getJSONArray("jobs").getJSONObject(0).getJSONArray("runs");
        assertThat(runs.size(), is(1));
        assertThat(runs.getJSONObject(0).getInt("number"), is(3));
    }

    @Test
    public void runJsonIsTheRunsProcessMap() throws Exception {
        WorkflowJob job = Pipelines.job(j, "scripted", Pipelines.SCRIPTED);
        WorkflowRun build = j.buildAndAssertSuccess(job);
        ProcessMap map = JobRecords.processMap(build);

        JSONObject run = j.createWebClient().getJSON("job/scripted/1/process-map/api/json").getJSONObject();

        assertThat(run.getInt("number"), is(1));
        assertThat(run.getString("result"), is("SUCCESS"));
        assertThat(run.getLong("startedAt"), is(map.startedAt()));
        assertThat(run.getLong("completedAt"), is(map.completedAt()));
        assertThat(run.getLong("leadTimeMillis"), is(map.leadTimeMillis()));
        assertThat(paths(run.getJSONArray("steps")), is(paths(map)));
        for (int i = 0; i < map.steps().size(); i++) {
            JSONObject step = run.getJSONArray("steps").getJSONObject(i);
            ProcessStep expected = map.steps().get(i);
            assertThat(step.getLong("elapsedMillis"), is(expected.elapsedMillis()));
            assertThat(step.getLong("processMillis") + step.getLong("waitMillis"), is(expected.elapsedMillis()));
        }
    }

    @Test
    public void jsonIsServedAsJson() throws Exception {
        WorkflowJob job = Pipelines.job(j, "scripted", Pipelines.SCRIPTED);
        j.buildAndAssertSuccess(job);

        JenkinsRule.JSONWebResponse response = j.createWebClient().getJSON("job/scripted/1/process-map/api/json");

        assertThat(response.getContentType(), is("application/json"));
        assertThat(response.getResponseHeaderValue("X-Content-Type-Options"), is("nosniff"));
    }

    private static List<String> paths(JSONArray steps) {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            paths.add(steps.getJSONObject(i).getString("path"));
        }
        return paths;
    }

    private static List<String> paths(ProcessMap map) {
        return map.steps().stream().map(step -> step.path().toString()).toList();
    }
}
