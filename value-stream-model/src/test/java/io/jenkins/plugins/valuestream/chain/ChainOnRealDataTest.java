package io.jenkins.plugins.valuestream.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.valuestream.graph.xml.BuildFolderReader;
import io.jenkins.plugins.valuestream.graph.xml.ReadReport;
import io.jenkins.plugins.valuestream.graph.xml.RunRecord;
import io.jenkins.plugins.valuestream.process.ProcessMapExtractor;
import io.jenkins.plugins.valuestream.testing.RealData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.Assume;
import org.junit.Test;

/**
 * Chains on a real JENKINS_HOME: the freestyle jobs {@code third} and {@code fourth} of {@code mskoushik007}
 * trigger each other in turn (third #5 → fourth #3 → third #6 → ...).
 */
public class ChainOnRealDataTest {

    private static List<RunRecord> records() {
        Path home = RealData.folderOrSkip().resolve("jenkins-home/mskoushik007");
        Assume.assumeTrue("mskoushik007 is not in the real data", Files.isDirectory(home.resolve("jobs/third")));
        ReadReport report = BuildFolderReader.everyBuild().readJenkinsHome(home);
        assertThat(report.skipped()).isEmpty();
        return report.runs();
    }

    private static List<JobRun> jobRuns(List<RunRecord> records) {
        List<JobRun> runs = new ArrayList<>();
        for (RunRecord record : records) {
            runs.add(new JobRun(record.job(), record.graph() == null
                    ? ProcessMapExtractor.wholeBuild(record.info(), record.job(), record.info().startedAt())
                    : ProcessMapExtractor.extract(record.info(), record.graph(), record.info().startedAt())));
        }
        return runs;
    }

    private static RunRecord record(List<RunRecord> records, String job, int number) {
        return records.stream().filter(run -> run.job().equals(job) && run.number() == number).findFirst()
                .orElseThrow();
    }

    @Test
    public void thirdAndFourthTriggerEachOtherInOneChainRootedAtThird5() {
        List<RunRecord> records = records();

        Chain chain = ChainLinker.link(jobRuns(records)).stream()
                .filter(linked -> linked.key().equals(new RunKey("third", 5))).findFirst().orElseThrow();

        assertThat(chain.runs()).extracting(run -> run.key().toString()).startsWith("third #5", "fourth #3",
                "third #6", "fourth #4");
        assertThat(chain.jobs()).containsOnly("third", "fourth");
        assertThat(chain.handoffs()).hasSize(chain.runs().size() - 1)
                .allSatisfy(handoff -> assertThat(handoff.byBuildStep()).isFalse());
    }

    @Test
    public void theChainsLeadTimeRunsFromTheRootsQueueEntryOrStartToTheLastCompletion() {
        List<RunRecord> records = records();
        Chain chain = ChainLinker.link(jobRuns(records)).stream()
                .filter(linked -> linked.key().equals(new RunKey("third", 5))).findFirst().orElseThrow();

        RunRecord root = record(records, "third", 5);
        long start = root.info().queuedAt() != null ? root.info().queuedAt() : root.info().startedAt();
        long last = chain.runs().stream().mapToLong(run -> Objects.requireNonNull(
                record(records, run.job(), run.map().number()).info().completedAt())).max().orElseThrow();

        assertThat(chain.leadTimeMillis()).isEqualTo(last - start).isPositive();
        assertThat(ChainAggregator.asProcessMap(chain).leadTimeMillis()).isEqualTo(last - start);
    }

    @Test
    public void aFreestyleRunsStepSpansItsWholeBuild() {
        List<RunRecord> records = records();
        RunRecord fourth3 = record(records, "fourth", 3);

        assertThat(fourth3.pipeline()).isFalse();
        assertThat(fourth3.info().upstream()).extracting(cause -> cause.job() + " #" + cause.build())
                .containsExactly("third #5");
        assertThat(ProcessMapExtractor.wholeBuild(fourth3.info(), "fourth", 0).steps())
                .singleElement().satisfies(step -> assertThat(step.elapsedMillis()).isEqualTo(880));
    }
}
