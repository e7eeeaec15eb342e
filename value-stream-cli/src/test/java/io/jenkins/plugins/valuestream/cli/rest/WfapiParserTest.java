package io.jenkins.plugins.valuestream.cli.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.valuestream.graph.Change;
import io.jenkins.plugins.valuestream.graph.UpstreamCause;

import org.junit.Test;

/** What the parser accepts from real servers and captures, and how it names what is wrong. */
public class WfapiParserTest {

    private static WfapiRun run(String json) throws Exception {
        return WfapiParser.run(WfapiParser.tree(json, "the answer"));
    }

    @Test
    public void numbersWrittenAsStringsAreRead() throws Exception {
        WfapiRun run = run("{\"id\":\"218\",\"name\":\"maskio\",\"status\":\"SUCCESS\",\"startTimeMillis\":"
                + "\"1491357931050\",\"endTimeMillis\":\"0\",\"durationMillis\":\"0\",\"queueDurationMillis\":"
                + "\"3615\",\"stages\":[{\"id\":\"6\",\"name\":\"Preparation\",\"status\":\"SUCCESS\","
                + "\"startTimeMillis\":\"1491357934665\",\"durationMillis\":\"4596\"}]}");

        assertThat(run.startTimeMillis()).isEqualTo(1491357931050L);
        assertThat(run.queueDurationMillis()).isEqualTo(3615L);
        assertThat(run.stages()).singleElement().satisfies(s -> {
            assertThat(s.startTimeMillis()).isEqualTo(1491357934665L);
            assertThat(s.durationMillis()).isEqualTo(4596);
        });
    }

    @Test
    public void fieldsAbsentInOldVersionsDefault() throws Exception {
        WfapiRun run = run("{\"name\":\"#3\",\"status\":\"SUCCESS\",\"startTimeMillis\":1411556423000,"
                + "\"durationMillis\":8584,\"stages\":[{\"id\":\"5\",\"name\":\"Build\",\"status\":\"SUCCESS\","
                + "\"startTimeMillis\":1411556423000,\"durationMillis\":3065}]}");

        assertThat(run.queueDurationMillis()).isNull();
        assertThat(run.endTimeMillis()).isZero();
        assertThat(run.stages().get(0).pauseDurationMillis()).isZero();
        assertThat(run.stages().get(0).flowNodes()).isNull();
    }

    @Test
    public void stageErrorsKeepTypeAndMessage() throws Exception {
        WfapiRun run = run("{\"status\":\"FAILED\",\"startTimeMillis\":1,\"stages\":[{\"id\":\"11\",\"name\":"
                + "\"Test\",\"status\":\"FAILED\",\"startTimeMillis\":2,\"durationMillis\":3,\"error\":{\"message\":"
                + "\"script returned exit code 1\",\"type\":\"hudson.AbortException\"}}]}");

        assertThat(run.stages().get(0).error()).isEqualTo("hudson.AbortException: script returned exit code 1");
    }

    @Test
    public void notJsonIsMalformed() {
        assertThatThrownBy(() -> WfapiParser.tree("<html>Please sign in</html>", "the describe of run #7"))
                .isInstanceOf(MalformedAnswerException.class)
                .hasMessageStartingWith("the describe of run #7 is not JSON");
    }

    @Test
    public void aStartTimeThatIsNotANumberIsNamed() {
        assertThatThrownBy(() -> run("{\"status\":\"SUCCESS\",\"startTimeMillis\":\"soon\"}"))
                .isInstanceOf(MalformedAnswerException.class)
                .hasMessage("the run: 'startTimeMillis' is not a number (\"soon\")");
    }

    @Test
    public void anUnknownStatusListsTheAcceptedOnes() {
        assertThatThrownBy(() -> run("{\"status\":\"EXPLODED\",\"startTimeMillis\":5}"))
                .isInstanceOf(MalformedAnswerException.class)
                .hasMessageContaining("unknown status 'EXPLODED'").hasMessageContaining("PAUSED_PENDING_INPUT");
    }

    @Test
    public void aStageWithoutNameIsMalformed() {
        assertThatThrownBy(() -> run("{\"status\":\"SUCCESS\",\"startTimeMillis\":5,\"stages\":[{\"id\":\"6\","
                + "\"status\":\"SUCCESS\"}]}"))
                .isInstanceOf(MalformedAnswerException.class).hasMessage("stage 1 has no 'name'");
    }

    @Test
    public void stagesThatAreNotAnArrayAreMalformed() {
        assertThatThrownBy(() -> run("{\"status\":\"SUCCESS\",\"startTimeMillis\":5,\"stages\":{}}"))
                .isInstanceOf(MalformedAnswerException.class).hasMessageContaining("'stages' is not an array");
    }

    @Test
    public void upstreamCausesAreTheCausesNamingAProjectAndABuild() throws Exception {
        JsonNode build = WfapiParser.tree("""
                {"number": 8, "actions": [
                  {},
                  {"_class": "hudson.model.CauseAction", "causes": [
                    {"_class": "hudson.model.Cause$UserIdCause", "userId": "maria"},
                    {"_class": "hudson.model.Cause$UpstreamCause", "upstreamBuild": 5, "upstreamProject": "third",
                     "upstreamUrl": "job/third/"},
                    {"_class": "hudson.model.Cause$UpstreamCause", "upstreamProject": "no-build"},
                    {"_class": "org.jenkinsci.plugins.workflow.support.steps.build.BuildUpstreamCause",
                     "upstreamBuild": 12, "upstreamProject": "team/app", "upstreamUrl": "job/team/job/app/"}]}]}
                """, "a build");

        assertThat(WfapiParser.upstreamCauses(build)).containsExactly(UpstreamCause.of("third", 5),
                UpstreamCause.of("team/app", 12));
    }

    @Test
    public void aBuildWithoutActionsHasNoUpstreamCause() throws Exception {
        assertThat(WfapiParser.upstreamCauses(WfapiParser.tree("{\"number\": 3}", "a build"))).isEmpty();
    }

    @Test
    public void changesAreTheItemsOfEveryChangeSetAtTheirTimestamps() throws Exception {
        JsonNode build = WfapiParser.tree("""
                {"number": 8, "changeSets": [
                  {"_class": "hudson.plugins.git.GitChangeSetList", "kind": "git", "items": [
                    {"_class": "hudson.plugins.git.GitChangeSet", "commitId": "9f4c2a1e7b3d5f60812c4e9a0b7d6c5e4f3a2b1c",
                     "timestamp": 1717398060000},
                    {"_class": "hudson.plugins.git.GitChangeSet", "commitId": "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d",
                     "timestamp": -1}]},
                  {"_class": "hudson.scm.SubversionChangeLogSet", "kind": "svn", "items": [
                    {"commitId": "1841", "timestamp": 1717398000000},
                    {"timestamp": 1717398000000}]}]}
                """, "a build");

        assertThat(WfapiParser.changes(build)).containsExactly(
                new Change("9f4c2a1e7b3d5f60812c4e9a0b7d6c5e4f3a2b1c", 1_717_398_060_000L),
                new Change("1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d", null),
                new Change("1841", 1_717_398_000_000L));
    }

    @Test
    public void aBuildWithEmptyChangeSetsBuiltNoChange() throws Exception {
        assertThat(WfapiParser.changes(WfapiParser.tree("{\"number\": 3, \"changeSets\": []}", "a build")))
                .isNotNull().isEmpty();
    }

    @Test
    public void aBuildWithoutChangeSetsHasChangesUnknown() throws Exception {
        assertThat(WfapiParser.changes(WfapiParser.tree("{\"number\": 3}", "a build"))).isNull();
    }
}
