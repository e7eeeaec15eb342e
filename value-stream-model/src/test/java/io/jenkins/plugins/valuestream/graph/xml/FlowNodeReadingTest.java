package io.jenkins.plugins.valuestream.graph.xml;

import static io.jenkins.plugins.valuestream.graph.xml.FixtureHome.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.jenkins.plugins.valuestream.graph.GraphNode;
import io.jenkins.plugins.valuestream.graph.NodeKind;
import io.jenkins.plugins.valuestream.graph.Pause;
import io.jenkins.plugins.valuestream.graph.StepFunctions;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** What a flow node's XML becomes: shape, timing and each action the value stream reads. */
public class FlowNodeReadingTest {
    private static final String SHELL = StepFunctions.SHELL;

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private final BuildFolderReader reader = new BuildFolderReader();
    private Path home;

    @Before
    public void copyHome() throws IOException {
        home = FixtureHome.copy(temp);
    }

    @Test
    public void nodesKeepTheirShapeParentsAndStepFunction() {
        RunRecord run = read("shop", "1");

        assertThat(node(run, "2").kind()).isEqualTo(NodeKind.FLOW_START);
        assertThat(node(run, "2").function()).isNull();
        assertThat(node(run, "3").kind()).isEqualTo(NodeKind.BLOCK_START);
        assertThat(node(run, "3").function()).isEqualTo(StepFunctions.STAGE);
        assertThat(node(run, "3").parentIds()).containsExactly("2");
        assertThat(node(run, "8").kind()).isEqualTo(NodeKind.ATOM);
        assertThat(node(run, "8").function()).isEqualTo(SHELL);
        assertThat(node(run, "10").kind()).isEqualTo(NodeKind.BLOCK_END);
        assertThat(node(run, "10").startId()).isEqualTo("6");
        assertThat(node(run, "15").kind()).isEqualTo(NodeKind.FLOW_END);
        assertThat(node(run, "15").startId()).isNull();
    }

    @Test
    public void nodesAreOrderedByNumericId() {
        RunRecord run = read("shop", "1");

        assertThat(run.graph().nodes()).extracting(GraphNode::id)
                .containsExactly("2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15");
    }

    @Test
    public void theStartOfANodeIsItsTimingAction() {
        RunRecord run = read("shop", "1");

        assertThat(node(run, "5").startMillis()).isEqualTo(1718000001050L);
        assertThat(node(run, "6").startMillis()).isEqualTo(1718000004050L);
    }

    @Test
    public void actionsOfUnknownClassesAreIgnoredEvenWithFamiliarFields() {
        // Node 7 also carries a DeployMarkerAction with its own <startTime> and <displayName>.
        GraphNode git = node(read("shop", "1"), "7");

        assertThat(git.startMillis()).isEqualTo(1718000004100L);
        assertThat(git.label()).isNull();
    }

    @Test
    public void theQueueItemOfANodeBlockLeavesTheNodeAsItIs() {
        // Node 5 also carries ExecutorStepExecution$QueueItemActionImpl with an <id> of its own (the queue item).
        GraphNode agent = node(read("shop", "1"), "5");

        assertThat(agent.function()).isEqualTo(StepFunctions.NODE);
        assertThat(agent.parentIds()).containsExactly("4");
        assertThat(agent.arguments()).containsExactly(entry("label", "linux"));
        assertThat(agent.startMillis()).isEqualTo(1718000001050L);
    }

    @Test
    public void theBodyOfABlockIsMarkedByItsBodyInvocationAction() {
        RunRecord run = read("shop", "1");

        assertThat(node(run, "3").body()).isFalse();
        assertThat(node(run, "4").body()).isTrue();
        assertThat(node(run, "5").body()).isFalse();
        assertThat(node(run, "6").body()).isTrue();
    }

    @Test
    public void aStageBodyIsLabelledByItsLabelAction() {
        RunRecord run = read("shop", "1");

        assertThat(node(run, "4").label()).isEqualTo("Build");
        assertThat(node(run, "3").label()).isNull();
    }

    @Test
    public void scalarArgumentsAreKeptAsText() {
        RunRecord run = read("shop", "1");

        assertThat(node(run, "3").arguments()).containsExactly(entry("name", "Build"));
        assertThat(node(run, "7").arguments()).containsOnly(entry("url", "https://git.example.com/shop.git"),
                entry("branch", "main"), entry("changelog", "true"));
        assertThat(node(run, "9").arguments()).containsOnly(entry("time", "30"),
                entry("unit", "java.util.concurrent.TimeUnit(SECONDS)"));
    }

    @Test
    public void xml11CharacterReferencesAndNullArgumentsAreRead() {
        GraphNode sh = node(read("shop", "1"), "8");

        assertThat(sh.arguments()).containsOnly(
                entry("script", "./gradlew test | sed \"s/PASSED/\u001b[32mPASSED\u001b[0m/\""),
                entry("returnStatus", "true"),
                entry("encoding", "null"));
    }

    @Test
    public void aClosedPauseHasItsStartAndEnd() {
        GraphNode input = node(read("shop", "1"), "14");

        assertThat(input.pauses()).containsExactly(new Pause("Input", 1718000045150L, 1718000094000L));
    }

    @Test
    public void aPauseWithEndTimeZeroIsStillOpen() {
        GraphNode input = node(read("shop", "2"), "3");

        assertThat(input.pauses()).containsExactly(new Pause("Input", 1718100000520L, null));
    }

    @Test
    public void anErrorIsItsClassAndMessage() {
        GraphNode sh = node(read("shop", "3"), "4");

        assertThat(sh.error()).isEqualTo("hudson.AbortException: script returned exit code 2");
    }

    @Test
    public void aSecondErrorActionReferringToTheFirstInTheSameFileKeepsItsText() {
        GraphNode end = node(read("shop", "3"), "5");

        assertThat(end.error()).isEqualTo("hudson.AbortException: script returned exit code 2");
    }

    @Test
    public void anErrorReferenceLeadsToTheErrorItNamesNotTheLatest() throws IOException {
        // Two branches fail differently; the end node points back to the first entry's error.
        FixtureHome.write(home.resolve("jobs/mobile/branches/main/builds/4/workflow-completed/flowNodeStore.xml"), """
                <?xml version='1.1' encoding='UTF-8'?>
                <map>
                  <entry>
                    <string>5</string>
                    <Tag>
                      <node class="cps.n.StepAtomNode"><parentIds/><id>5</id></node>
                      <actions>
                        <wf.a.ErrorAction><error class="hudson.AbortException">
                          <detailMessage>script returned exit code 1</detailMessage></error></wf.a.ErrorAction>
                      </actions>
                    </Tag>
                  </entry>
                  <entry>
                    <string>6</string>
                    <Tag>
                      <node class="cps.n.StepAtomNode"><parentIds/><id>6</id></node>
                      <actions>
                        <wf.a.ErrorAction><error class="java.io.IOException">
                          <detailMessage>disk full</detailMessage></error></wf.a.ErrorAction>
                      </actions>
                    </Tag>
                  </entry>
                  <entry>
                    <string>7</string>
                    <Tag>
                      <node class="cps.n.StepEndNode"><parentIds><string>5</string><string>6</string></parentIds>
                        <id>7</id><startId>4</startId></node>
                      <actions>
                        <wf.a.ErrorAction><error class="hudson.AbortException"
                            reference="../../../../../entry/Tag/actions/wf.a.ErrorAction/error"/></wf.a.ErrorAction>
                      </actions>
                    </Tag>
                  </entry>
                </map>
                """);

        RunRecord run = read("mobile/main", "4");

        assertThat(node(run, "6").error()).isEqualTo("java.io.IOException: disk full");
        assertThat(node(run, "7").error()).isEqualTo("hudson.AbortException: script returned exit code 1");
    }

    @Test
    public void aWarningActionGivesItsResult() {
        RunRecord run = read("shop", "3");

        assertThat(node(run, "3").warning()).isEqualTo("UNSTABLE");
        assertThat(node(run, "4").warning()).isNull();
    }

    @Test
    public void theBulkStoreIsReadLikeSingleFiles() {
        RunRecord run = read("team/api", "7");

        assertThat(run.graph().nodes()).extracting(GraphNode::id).containsExactly("2", "3", "4", "5", "6", "7", "8",
                "9", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20", "21", "22");
        assertThat(node(run, "10").function()).isEqualTo(SHELL);
        assertThat(node(run, "10").startMillis()).isEqualTo(1718300001100L);
        assertThat(run.warnings()).isEmpty();
    }

    @Test
    public void aParallelBranchHasItsNameAndTheLabelJenkinsGivesIt() {
        RunRecord run = read("team/api", "7");

        assertThat(node(run, "6").branchName()).isEqualTo("unit");
        assertThat(node(run, "6").label()).isEqualTo("Branch: unit");
        assertThat(node(run, "7").branchName()).isEqualTo("lint");
        assertThat(node(run, "9").branchName()).isNull();
    }

    @Test
    public void theEndOfAParallelHasOneParentPerBranch() {
        assertThat(node(read("team/api", "7"), "19").parentIds()).containsExactly("17", "18");
    }

    @Test
    public void tagsAreKept() {
        RunRecord run = read("team/api", "7");

        assertThat(node(run, "14").tags()).containsExactly(entry(GraphNode.STAGE_STATUS, "SKIPPED_FOR_CONDITIONAL"));
        assertThat(node(run, "9").tags()).isEmpty();
    }

    @Test
    public void anErrorReferencedFromLaterNodesOfTheBulkStoreIsLookedUp() {
        RunRecord run = read("team/api", "7");

        for (String id : new String[] {"11", "12", "17", "19", "20", "21", "22"}) {
            assertThat(node(run, id).error()).as("node %s", id)
                    .isEqualTo("hudson.AbortException: script returned exit code 2");
        }
        assertThat(node(run, "16").error()).isNull();
    }

    @Test
    public void theSameNodesReadTheSameFromEitherStorage() throws IOException {
        Path run = home.resolve("jobs/shop/builds/1");
        RunRecord fromFiles = read("shop", "1");
        BulkStore.convert(run);

        RunRecord fromBulk = read("shop", "1");

        assertThat(run.resolve("workflow")).doesNotExist();
        assertThat(fromBulk.graph().nodes()).isEqualTo(fromFiles.graph().nodes());
    }

    @Test
    public void oldClassNamesAndParentListsAreRead() {
        RunRecord run = read("legacy", "2017-01-09_09-19-54");

        assertThat(run.graph().nodes()).extracting(GraphNode::kind).containsExactly(NodeKind.FLOW_START,
                NodeKind.BLOCK_START, NodeKind.BLOCK_START, NodeKind.ATOM);
        assertThat(node(run, "5").parentIds()).containsExactly("4");
        assertThat(node(run, "4").body()).isTrue();
        assertThat(node(run, "4").label()).isEqualTo("Approve");
        assertThat(node(run, "5").startMillis()).isEqualTo(1483971595355L);
        assertThat(node(run, "5").pauses()).containsExactly(new Pause("Input", 1483971595400L, null));
        assertThat(node(run, "2").startMillis()).isNull();
    }

    @Test
    public void aNodeOfAnUnknownClassIsLeftOutWithAWarning() throws IOException {
        FixtureHome.replace(home.resolve("jobs/shop/builds/1/workflow/9.xml"), "class=\"cps.n.StepAtomNode\"",
                "class=\"com.example.workflow.CustomNode\"");

        RunRecord run = read("shop", "1");

        assertThat(run.graph().node("9")).isNull();
        assertThat(run.graph().size()).isEqualTo(13);
        assertThat(run.warnings()).containsExactly("flow node 9 in workflow/9.xml is of an unknown class"
                + " (com.example.workflow.CustomNode); left out");
    }

    @Test
    public void aThreadNameActionNamesTheBranch() throws IOException {
        FixtureHome.replace(home.resolve("jobs/shop/builds/1/workflow/6.xml"), "<wf.a.BodyInvocationAction",
                "<wf.a.ThreadNameAction>\n      <threadName>deploy</threadName>\n    </wf.a.ThreadNameAction>\n"
                        + "    <wf.a.BodyInvocationAction");

        GraphNode body = node(read("shop", "1"), "6");

        assertThat(body.branchName()).isEqualTo("deploy");
        assertThat(body.label()).isNull();
    }

    @Test
    public void aRunWhoseFlowNodesAreGoneHasNoGraphAndSaysSo() {
        RunRecord run = read("mobile/main", "4");

        assertThat(run.graph()).isNull();
        assertThat(run.warnings()).singleElement().asString().startsWith("no flow graph");
    }

    @Test
    public void aFlowNodeFolderNamedOutsideTheRunFolderIsNotFollowed() throws IOException {
        Path run = home.resolve("jobs/team/jobs/api/builds/7");
        FixtureHome.replace(run.resolve("build.xml"), "<storageDir>workflow-completed</storageDir>",
                "<storageDir>../../../../../shop/builds/1/workflow</storageDir>");

        RunRecord record = read("team/api", "7");

        assertThat(record.graph().size()).isEqualTo(21);
        assertThat(record.warnings()).singleElement().asString().contains("is not a folder name");
    }

    private RunRecord read(String job, String folder) {
        Path builds = BuildFolderReader.findJobs(home).get(job);
        ReadReport report = reader.readRun(job, builds.resolve(folder));
        assertThat(report.skipped()).isEmpty();
        assertThat(report.runs()).hasSize(1);
        return report.runs().get(0);
    }
}
