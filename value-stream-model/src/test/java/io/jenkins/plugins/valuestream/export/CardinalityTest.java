package io.jenkins.plugins.valuestream.export;

import static io.jenkins.plugins.valuestream.testing.RunFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.valuestream.graph.RunResult;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.WaitCause;
import io.jenkins.plugins.valuestream.report.JobReport;
import io.jenkins.plugins.valuestream.testing.RunFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.Test;

public class CardinalityTest {
    private static final long SECOND = 1_000;
    private static final int JOBS = 1_000;
    /** Lines of one histogram data point: 13 buckets, +Inf, count, sum. */
    private static final int HISTOGRAM = MetricFigures.BUCKETS_SECONDS.size() + 3;

    /** A run of three stages, one waiting for an agent; every third run fails. */
    private static ProcessMap run3(int number) {
        RunFixture fixture = run(number).queued(5 * SECOND)
                .result(number % 3 == 0 ? RunResult.FAILURE : RunResult.SUCCESS)
                .step("Checkout", s -> s.process(10 * SECOND + number))
                .step("Build", s -> s.at(20 * SECOND).process(60 * SECOND).waited(WaitCause.AGENT, number * SECOND))
                .step("Test", s -> s.at(200 * SECOND).process(90 * SECOND))
                .agent("linux", "Build", 20 * SECOND, number * SECOND, 60 * SECOND);
        return fixture.build();
    }

    private static List<JobReport> jobs(int runsEach) {
        List<JobReport> jobs = new ArrayList<>();
        for (int j = 0; j < JOBS; j++) {
            List<ProcessMap> maps = new ArrayList<>();
            for (int n = 1; n <= runsEach; n++) {
                maps.add(run3(n));
            }
            jobs.add(Reports.jobOf("folder/job-" + j, maps));
        }
        return jobs;
    }

    @Test
    public void seriesOfAThousandJobsDoNotGrowWithTheirRuns() {
        int withThreeRuns = Reports.samples(Reports.text(jobs(3))).size();
        int withNineRuns = Reports.samples(Reports.text(jobs(9))).size();

        assertThat(withNineRuns).isEqualTo(withThreeRuns);
    }

    @Test
    public void seriesOfAThousandJobsStayWithinTheStatedBound() {
        int series = Reports.samples(Reports.text(jobs(3))).size();

        // Per job (docs/export.md): lead time by result (2 here) + process + run wait by cause (QUEUE, AGENT), 3 steps'
        // process + one step's AGENT wait = 9 histograms; runs by result (2), flow efficiency, 3 step flow efficiencies.
        int perJob = 9 * HISTOGRAM + 2 + 1 + 3;
        // Across jobs: the one agent label.
        assertThat(series).isEqualTo(JOBS * perJob + HISTOGRAM);
        // The documented bound for a job that uses every result and cause with the default cap of 50 steps.
        int bound = (5 + 1 + 7 + 51 * (1 + 7)) * HISTOGRAM + 5 + 1 + 51 + 6 + 3 * 2;
        assertThat(series).isLessThanOrEqualTo(JOBS * bound + 51 * HISTOGRAM);
    }

    @Test
    public void aJobWithFiveHundredGeneratedStageNamesGetsTheCapPlusOneStepValues() {
        List<ProcessMap> maps = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            RunFixture fixture = run(n);
            for (int s = 0; s < 500; s++) {
                long millis = (s + 1) * SECOND;
                fixture.step("shard-" + n + "-" + s, step -> step.process(millis));
            }
            maps.add(fixture.build());
        }

        MetricFigures figures = MetricFigures.of(List.of(Reports.jobOf("generated", maps)));
        String text = Reports.text(PrometheusExport.snapshots(figures), PrometheusExport.Format.TEXT);

        Set<String> steps = Reports.samples(text).stream().filter(line -> line.contains("step=\""))
                .map(line -> line.replaceAll(".*step=\"([^\"]*)\".*", "$1")).collect(Collectors.toSet());
        assertThat(steps).hasSize(ExportLimits.DEFAULT.stepsPerJob() + 1).contains(MetricFigures.OTHER);
        assertThat(steps).contains("shard-3-499").as("the steps with most time keep their name");
        assertThat(figures.jobs().get(0).steps().get(MetricFigures.OTHER).process())
                .hasSize(1500 - ExportLimits.DEFAULT.stepsPerJob()).as("the other passes are merged, not dropped");
    }

    @Test
    public void agentLabelsAreCappedAcrossJobs() {
        List<JobReport> jobs = new ArrayList<>();
        for (int j = 0; j < 80; j++) {
            long wait = (j + 1) * SECOND;
            ProcessMap map = run(1).step("Build", s -> s.process(SECOND).waited(WaitCause.AGENT, wait))
                    .agent("pool-" + j, "Build", 0, wait, SECOND).build();
            jobs.add(Reports.jobOf("job-" + j, List.of(map)));
        }

        MetricFigures figures = MetricFigures.of(jobs, new ExportLimits(50, 10));

        assertThat(figures.agentWaits().keySet()).hasSize(11).startsWith("pool-79").endsWith(MetricFigures.OTHER);
    }

    @Test
    public void lockResourcesAreCappedAcrossJobs() {
        List<JobReport> jobs = new ArrayList<>();
        for (int j = 0; j < 80; j++) {
            long wait = (j + 1) * SECOND;
            ProcessMap map = run(1).step("Deploy", s -> s.process(SECOND).waited(WaitCause.LOCK, wait))
                    .lock("env-" + j, "Deploy", 0, wait, SECOND).build();
            jobs.add(Reports.jobOf("job-" + j, List.of(map)));
        }

        MetricFigures figures = MetricFigures.of(jobs, new ExportLimits(50, 50, 10));

        assertThat(figures.lockWaits().keySet()).hasSize(11).startsWith("env-79").endsWith(MetricFigures.OTHER);
        assertThat(figures.lockWaits().get(MetricFigures.OTHER)).as("the others merged, not dropped").hasSize(70);
    }

    @Test
    public void lockResourcesAreCappedAsAgentLabelsUnlessSaidOtherwise() {
        assertThat(new ExportLimits(50, 10).lockResources()).isEqualTo(10);
    }
}
