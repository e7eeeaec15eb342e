package io.jenkins.plugins.valuestream.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.valuestream.graph.FlowGraph;
import io.jenkins.plugins.valuestream.graph.FlowGraphBuilder;
import io.jenkins.plugins.valuestream.graph.RunInfo;
import io.jenkins.plugins.valuestream.graph.RunResult;
import io.jenkins.plugins.valuestream.graph.xml.BuildFolderReader;
import io.jenkins.plugins.valuestream.graph.xml.ReadReport;
import io.jenkins.plugins.valuestream.graph.xml.RunRecord;
import io.jenkins.plugins.valuestream.process.ProcessMapExtractor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The build folders the re-derive benchmark reads are the runs it was given, as Jenkins would have stored them. */
public class BuildFolderWriterTest {
    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private RunRecord writeAndRead(RunInfo info, FlowGraph graph) throws IOException {
        Path builds = temp.newFolder("builds").toPath();
        BuildFolderWriter.write(builds.resolve(Integer.toString(info.number())), info, graph, "node { sh 'make' }");
        ReadReport report = new BuildFolderReader().readBuilds("shop/main", builds);
        assertThat(report.skipped()).isEmpty();
        assertThat(report.runs()).hasSize(1);
        return report.runs().get(0);
    }

    @Test
    public void aRunOfTheBenchmarkReadsBackToTheSameProcessMap() throws IOException {
        SyntheticRuns.Recorded run = SyntheticRuns.thirtyStepRuns(3, 3).get(2);

        RunRecord read = writeAndRead(run.info(), run.graph());

        // The folder's build.xml lists no checkout: a run known to have built no change.
        assertThat(read.info()).isEqualTo(run.info().withChanges(List.of()));
        assertThat(read.warnings()).isEmpty();
        assertThat(ProcessMapExtractor.extract(read.info(), read.graph(), Long.MAX_VALUE))
                .isEqualTo(run.extract().withChanges(List.of()));
    }

    @Test
    public void failuresWarningsAndOpenPausesReadBack() throws IOException {
        FlowGraphBuilder builder = FlowGraphBuilder.startingAt(SyntheticRuns.T0);
        builder.stage("Build & <test>", s -> s.node("linux", 3_000, n -> n
                .retry("hudson.AbortException: script returned exit code 1", a -> a.sh("make 'flaky'", 500),
                        a -> a.sh("make 'flaky'", 700))
                .parallel(Map.of("unit", b -> b.sh("make test", 900).unstable()))));
        builder.stage("Approve", s -> s.input("Ship it?", 60_000));
        FlowGraph graph = builder.finish();
        RunInfo info = builder.runInfo(12, RunResult.UNSTABLE, 4_000L);

        RunRecord read = writeAndRead(info, graph);

        assertThat(read.graph().size()).isEqualTo(graph.size());
        assertThat(read.graph().nodes()).extracting("error").containsExactlyElementsOf(
                graph.nodes().stream().map(node -> node.error()).toList());
        assertThat(ProcessMapExtractor.extract(read.info(), read.graph(), Long.MAX_VALUE))
                .isEqualTo(ProcessMapExtractor.extract(info.withChanges(List.of()), graph, Long.MAX_VALUE));
    }

    @Test
    public void theFlowNodesAreInTheBulkStoreOfACompletedRun() throws IOException {
        SyntheticRuns.Recorded run = SyntheticRuns.thirtyStepRuns(1, 1).get(0);
        Path folder = temp.newFolder("1").toPath();

        BuildFolderWriter.write(folder, run.info(), run.graph(), SyntheticRuns.THIRTY_STEP_JENKINSFILE);

        assertThat(folder.resolve("workflow")).doesNotExist();
        assertThat(Files.readString(folder.resolve("workflow-completed/flowNodeStore.xml")))
                .startsWith("<?xml version='1.1' encoding='UTF-8'?>\n<map>\n  <entry>\n    <string>")
                .contains("<wf.a.TimingAction plugin=\"workflow-api@");
        assertThat(Files.readString(folder.resolve("build.xml"))).contains("<storageDir>workflow-completed</storageDir>");
    }
}
