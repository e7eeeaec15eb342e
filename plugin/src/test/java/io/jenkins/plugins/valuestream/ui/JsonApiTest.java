package io.jenkins.plugins.valuestream.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.valuestream.json.ReportJson;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.ProcessStep;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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
        assertThat(jobJson.getString("name")).isEqualTo("declarative");
        JSONArray runs = jobJson.getJSONArray("runs");
        assertThat(runs.size()).isEqualTo(2);
        for (int i = 0; i < runs.size(); i++) {
            JSONObject run = runs.getJSONObject(i);
            ProcessMap map = recorded.get(i);
            assertThat(run.getInt("number")).isEqualTo(map.number());
            assertThat(run.getString("result")).isEqualTo(map.result().name());
            assertThat(run.getLong("leadTimeMillis")).isEqualTo(map.leadTimeMillis());
            assertThat(run.getLong("processMillis")).isEqualTo(map.processMillis());
            assertThat(run.getLong("waitMillis")).isEqualTo(map.waitMillis());
            assertThat(paths(run.getJSONArray("steps"))).isEqualTo(paths(map));
        }
        assertThat(jobJson.getJSONObject("valueStream").getInt("runs")).isEqualTo(2);
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
        assertThat(runs.size()).isEqualTo(1);
        assertThat(runs.getJSONObject(0).getInt("number")).isEqualTo(3);
    }

    @Test
    public void runJsonIsTheRunsProcessMap() throws Exception {
        WorkflowJob job = Pipelines.job(j, "scripted", Pipelines.SCRIPTED);
        WorkflowRun build = j.buildAndAssertSuccess(job);
        ProcessMap map = JobRecords.processMap(build);

        JSONObject run = j.createWebClient().getJSON("job/scripted/1/process-map/api/json").getJSONObject();

        assertThat(run.getInt("number")).isEqualTo(1);
        assertThat(run.getString("result")).isEqualTo("SUCCESS");
        assertThat(run.getLong("startedAt")).isEqualTo(map.startedAt());
        assertThat(run.getLong("completedAt")).isEqualTo(map.completedAt());
        assertThat(run.getLong("leadTimeMillis")).isEqualTo(map.leadTimeMillis());
        assertThat(paths(run.getJSONArray("steps"))).isEqualTo(paths(map));
        for (int i = 0; i < map.steps().size(); i++) {
            JSONObject step = run.getJSONArray("steps").getJSONObject(i);
            ProcessStep expected = map.steps().get(i);
            assertThat(step.getLong("elapsedMillis")).isEqualTo(expected.elapsedMillis());
            assertThat(step.getLong("processMillis") + step.getLong("waitMillis")).isEqualTo(expected.elapsedMillis());
        }
    }

    @Test
    public void jsonIsServedAsJson() throws Exception {
        WorkflowJob job = Pipelines.job(j, "scripted", Pipelines.SCRIPTED);
        j.buildAndAssertSuccess(job);

        JenkinsRule.JSONWebResponse response = j.createWebClient().getJSON("job/scripted/1/process-map/api/json");

        assertThat(response.getContentType()).isEqualTo("application/json");
        assertThat(response.getResponseHeaderValue("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    public void jobJsonHasTheFieldNamesOfTheCommandLinesJson() throws Exception {
        WorkflowJob job = Pipelines.job(j, "names", Pipelines.DECLARATIVE);
        j.buildAndAssertSuccess(job);
        Pipelines.awaitRecorded(job, 1);
        JenkinsRule.WebClient web = j.createWebClient();

        JsonNode served = new ObjectMapper().readTree(
                web.getJSON("job/names/value-stream/api/json").getContentAsString());
        ValueStreamJobAction action = job.getAction(ValueStreamJobAction.class);
        JsonNode commandLine = ReportJson.toTree(List.of(action.report(
                WindowChoice.parse(null, "all", 50))));

        assertThat(fieldNames(served, ""))
                .containsAll(fieldNames(commandLine, ""));
    }

    @Test
    public void jobJsonAnswersTreeQueriesAsJenkinsDoes() throws Exception {
        WorkflowJob job = Pipelines.job(j, "tree", Pipelines.SCRIPTED);
        j.buildAndAssertSuccess(job);
        j.buildAndAssertSuccess(job);
        Pipelines.awaitRecorded(job, 2);

        JSONObject report = j.createWebClient().getJSON("job/tree/value-stream/api/json?tree=jobs[runs[number]]")
                .getJSONObject();

        // Objects inlined into the report carry no _class of their own.
        assertThat(report.keySet()).containsOnly("_class", "jobs");
        JSONObject only = report.getJSONArray("jobs").getJSONObject(0);
        assertThat(only.keySet()).containsOnly("runs");
        JSONArray runs = only.getJSONArray("runs");
        assertThat(runs.getJSONObject(0).keySet()).containsOnly("number");
        assertThat(runs.getJSONObject(1).getInt("number")).isEqualTo(2);
    }

    @Test
    public void runIsServedAsXmlToo() throws Exception {
        WorkflowJob job = Pipelines.job(j, "xml", Pipelines.SCRIPTED);
        j.buildAndAssertSuccess(job);

        String xml = j.createWebClient().goToXml("job/xml/1/process-map/api/xml").getWebResponse()
                .getContentAsString();

        assertThat(xml).startsWith("<run ").contains("<number>1</number>").contains("<step>")
                .contains("<name>Checkout</name>");
    }

    @Test
    public void readingTheJsonStartsNoBackFill() throws Exception {
        io.jenkins.plugins.valuestream.config.ValueStreamConfiguration.get().setRecording(false);
        WorkflowJob job = Pipelines.job(j, "quiet", Pipelines.SCRIPTED);
        io.jenkins.plugins.valuestream.Jenkinsfiles.awaitRecording(j.buildAndAssertSuccess(job));
        io.jenkins.plugins.valuestream.config.ValueStreamConfiguration.get().setRecording(true);

        j.createWebClient().getJSON("job/quiet/value-stream/api/json");
        Thread.sleep(1_000); // time enough for a back-fill of one run, had the request started one

        assertThat(
                io.jenkins.plugins.valuestream.recording.BackFill.isRunning(job)).isFalse();
        assertThat(JobRecords.read(job).runs()).isEmpty();
        assertThat(job.getBuildByNumber(1).getAction(
                io.jenkins.plugins.valuestream.recording.ProcessMapAction.class)).isNull();
    }

    /** The paths of every field name in a JSON tree, array items merged: {@code runs[].steps[].path}. */
    private static Set<String> fieldNames(JsonNode node, String prefix) {
        Set<String> names = new TreeSet<>();
        if (node.isArray()) {
            for (JsonNode item : node) {
                names.addAll(fieldNames(item, prefix + "[]"));
            }
        } else if (node.isObject() && !prefix.endsWith("waitByCause")) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
                String name = it.next();
                String path = prefix.isEmpty() ? name : prefix + "." + name;
                names.add(path);
                names.addAll(fieldNames(node.get(name), path));
            }
        }
        return names;
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
