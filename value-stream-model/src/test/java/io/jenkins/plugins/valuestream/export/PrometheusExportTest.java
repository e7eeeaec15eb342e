package io.jenkins.plugins.valuestream.export;

import static io.jenkins.plugins.valuestream.testing.RunFixture.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.valuestream.budget.BudgetCheck;
import io.jenkins.plugins.valuestream.budget.BudgetKind;
import io.jenkins.plugins.valuestream.flags.Flag;
import io.jenkins.plugins.valuestream.flags.FlagKind;
import io.jenkins.plugins.valuestream.graph.RunResult;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.StepPath;
import io.jenkins.plugins.valuestream.process.WaitCause;
import io.jenkins.plugins.valuestream.report.JobReport;
import io.jenkins.plugins.valuestream.report.RunReport;
import java.util.List;
import java.util.Set;
import org.junit.Test;

public class PrometheusExportTest {
    private static final long SECOND = 1_000;
    private static final long MINUTE = 60 * SECOND;

    /**
     * Two runs of a job whose figures are known: queue 30s then Build (process 4m, agent wait 2m), lead time 6m30s;
     * and queue 10s then Build (process 20m, agent wait 0), lead time 20m10s.
     */
    private static List<ProcessMap> knownRuns() {
        ProcessMap first = run(1).queued(30 * SECOND)
                .step("Build", s -> s.process(4 * MINUTE).waited(WaitCause.AGENT, 2 * MINUTE)).build();
        ProcessMap second = run(2).queued(10 * SECOND).result(RunResult.FAILURE)
                .step("Build", s -> s.process(20 * MINUTE)).build();
        return List.of(first, second);
    }

    private static String knownText() {
        return Reports.text(List.of(Reports.jobOf("team/app", knownRuns())));
    }

    @Test
    public void leadTimeHistogramHasEachRunInItsBucketAndTheExactSum() {
        String text = knownText();

        assertThat(text).contains("value_stream_run_lead_time_seconds_bucket{job=\"team/app\",result=\"SUCCESS\","
                + "le=\"300.0\"} 0\n");
        assertThat(text).contains("value_stream_run_lead_time_seconds_bucket{job=\"team/app\",result=\"SUCCESS\","
                + "le=\"600.0\"} 1\n");
        assertThat(text).contains("value_stream_run_lead_time_seconds_count{job=\"team/app\",result=\"SUCCESS\"} 1\n");
        assertThat(text).contains("value_stream_run_lead_time_seconds_sum{job=\"team/app\",result=\"SUCCESS\"} 390.0\n");
        assertThat(text).contains("value_stream_run_lead_time_seconds_sum{job=\"team/app\",result=\"FAILURE\"} 1210.0\n");
    }

    @Test
    public void processAndWaitHistogramsSumTheRunsTimes() {
        String text = knownText();

        assertThat(text).contains("value_stream_run_process_time_seconds_count{job=\"team/app\"} 2\n");
        assertThat(text).contains("value_stream_run_process_time_seconds_sum{job=\"team/app\"} 1440.0\n");
        assertThat(text).contains("value_stream_run_wait_seconds_count{cause=\"AGENT\",job=\"team/app\"} 2\n");
        assertThat(text).contains("value_stream_run_wait_seconds_sum{cause=\"AGENT\",job=\"team/app\"} 120.0\n");
        assertThat(text).contains("value_stream_run_wait_seconds_sum{cause=\"QUEUE\",job=\"team/app\"} 40.0\n");
        assertThat(text).doesNotContain("cause=\"LOCK\"").as("a cause without time in any run is left out");
    }

    @Test
    public void stepHistogramsObserveEachPass() {
        String text = knownText();

        assertThat(text).contains("value_stream_step_process_seconds_bucket{job=\"team/app\",step=\"Build\","
                + "le=\"300.0\"} 1\n");
        assertThat(text).contains("value_stream_step_process_seconds_bucket{job=\"team/app\",step=\"Build\","
                + "le=\"1800.0\"} 2\n");
        assertThat(text).contains("value_stream_step_process_seconds_sum{job=\"team/app\",step=\"Build\"} 1440.0\n");
        assertThat(text).contains("value_stream_step_wait_seconds_sum{cause=\"AGENT\",job=\"team/app\","
                + "step=\"Build\"} 120.0\n");
        assertThat(text).contains("value_stream_step_flow_efficiency_ratio{job=\"team/app\",step=\"Build\"} "
                + (1440.0 / 1560.0) + "\n");
    }

    @Test
    public void runsAreCountedByResultAndFlowEfficiencyIsTheValueStreams() {
        JobReport job = Reports.jobOf("team/app", knownRuns());
        String text = Reports.text(List.of(job));

        assertThat(text).contains("value_stream_runs_total{job=\"team/app\",result=\"SUCCESS\"} 1.0\n");
        assertThat(text).contains("value_stream_runs_total{job=\"team/app\",result=\"FAILURE\"} 1.0\n");
        assertThat(text).contains("value_stream_flow_efficiency_ratio{job=\"team/app\"} "
                + job.valueStream().flowEfficiency() + "\n");
        assertThat(job.valueStream().flowEfficiency()).isEqualTo(1440.0 / (390 + 1210));
    }

    @Test
    public void aRunStillGoingIsLeftOut() {
        ProcessMap running = run(3).runningFor(5 * MINUTE).step("Build", s -> s.process(5 * MINUTE)).build();
        List<ProcessMap> maps = new java.util.ArrayList<>(knownRuns());
        maps.add(running);

        String text = Reports.text(List.of(Reports.jobOf("team/app", maps)));

        assertThat(text).contains("value_stream_run_process_time_seconds_count{job=\"team/app\"} 2\n");
    }

    @Test
    public void flagsAreCountedByKindAndBudgetChecksByVerdict() {
        ProcessMap map = knownRuns().get(0);
        Flag slow = new Flag(FlagKind.SLOW_PROCESS, StepPath.of("Build"), "Build: slow", MINUTE, List.of());
        BudgetCheck exceeded = new BudgetCheck(BudgetKind.WAIT, MINUTE, 2 * MINUTE + 30 * SECOND, null, 0, null,
                Set.of(), false);
        BudgetCheck kept = new BudgetCheck(BudgetKind.LEAD_TIME, 60 * MINUTE, 7 * MINUTE, null, 0, null, Set.of(),
                false);
        JobReport job = Reports.job("team/app", List.of(new RunReport(map, List.of(slow, slow),
                List.of(exceeded, kept))));

        String text = Reports.text(List.of(job));

        assertThat(text).contains("value_stream_flags_total{job=\"team/app\",kind=\"SLOW_PROCESS\"} 2.0\n");
        assertThat(text).contains("value_stream_budget_checks_total{job=\"team/app\",kind=\"WAIT\",verdict=\"exceeded\"}"
                + " 1.0\n");
        assertThat(text).contains("value_stream_budget_checks_total{job=\"team/app\",kind=\"WAIT\",verdict=\"kept\"}"
                + " 0.0\n");
        assertThat(text).contains("value_stream_budget_checks_total{job=\"team/app\",kind=\"LEAD_TIME\","
                + "verdict=\"kept\"} 1.0\n");
    }

    @Test
    public void lockWaitIsExportedByResourceAcrossJobs() {
        ProcessMap a = run(1).step("Deploy", s -> s.process(MINUTE).waited(WaitCause.LOCK, 40 * SECOND))
                .lock("db", "Deploy", 0, 40 * SECOND, MINUTE).build();
        ProcessMap b = run(1).step("Migrate", s -> s.process(MINUTE).waited(WaitCause.LOCK, 20 * SECOND))
                .lock("db", "Migrate", 0, 20 * SECOND, MINUTE).lock("", "Migrate", 0, 0, MINUTE).build();

        String text = Reports.text(List.of(Reports.jobOf("a", List.of(a)), Reports.jobOf("b", List.of(b))));

        assertThat(text).contains("value_stream_lock_wait_seconds_count{resource=\"db\"} 2\n");
        assertThat(text).contains("value_stream_lock_wait_seconds_sum{resource=\"db\"} 60.0\n");
        assertThat(text).contains("value_stream_lock_wait_seconds_bucket{resource=\"db\",le=\"30.0\"} 1\n");
        assertThat(text).contains("value_stream_lock_wait_seconds_count{resource=\"(unnamed)\"} 1\n");
    }

    @Test
    public void noLockAcquisitionsIsNoLockMetric() {
        ProcessMap recordedBefore = run(1).step("Deploy", s -> s.process(MINUTE).waited(WaitCause.LOCK, 40 * SECOND))
                .build();

        String text = Reports.text(List.of(Reports.jobOf("a", List.of(recordedBefore))));

        assertThat(text).doesNotContain("value_stream_lock_wait_seconds");
    }

    @Test
    public void agentWaitIsExportedByLabelAcrossJobs() {
        ProcessMap a = run(1).step("Build", s -> s.process(MINUTE).waited(WaitCause.AGENT, 40 * SECOND))
                .agent("linux && docker", "Build", 0, 40 * SECOND, MINUTE).build();
        ProcessMap b = run(1).step("Test", s -> s.process(MINUTE).waited(WaitCause.AGENT, 20 * SECOND))
                .agent("linux && docker", "Test", 0, 20 * SECOND, MINUTE).agent("", "Test", 0, 0, MINUTE).build();

        String text = Reports.text(List.of(Reports.jobOf("a", List.of(a)), Reports.jobOf("b", List.of(b))));

        assertThat(text).contains("value_stream_agent_wait_seconds_count{label=\"linux && docker\"} 2\n");
        assertThat(text).contains("value_stream_agent_wait_seconds_sum{label=\"linux && docker\"} 60.0\n");
        assertThat(text).contains("value_stream_agent_wait_seconds_count{label=\"(any)\"} 1\n");
    }

    @Test
    public void labelValuesAreEscapedByTheTextFormat() {
        String stage = "Say \"hi\" \\ then\nbreak <img src=x onerror=alert(1)>";
        ProcessMap map = run(1).step(StepPath.of(stage).toString(), s -> s.process(MINUTE)).build();

        String text = Reports.text(List.of(Reports.jobOf("team/app", List.of(map))));

        // The label is the step's path as the JSON writes it (a backslash in a name doubled), which the text format
        // escapes in turn: each backslash doubled again, the quotes and the newline escaped, <img> left as it is.
        assertThat(StepPath.of(stage).toString()).isEqualTo("Say \"hi\" \\\\ then\nbreak <img src=x onerror=alert(1)>");
        assertThat(text).contains("step=\"Say \\\"hi\\\" \\\\\\\\ then\\nbreak <img src=x onerror=alert(1)>\"");
        assertThat(Reports.samples(text)).allMatch(line -> line.startsWith("value_stream_"))
                .as("the newline did not break a sample line");
    }

    @Test
    public void openMetricsEndsWithEof() {
        String text = Reports.text(PrometheusExport.snapshots(List.of(Reports.jobOf("team/app", knownRuns()))),
                PrometheusExport.Format.OPENMETRICS);

        assertThat(text).endsWith("# EOF\n").contains("# TYPE value_stream_run_lead_time_seconds histogram")
                .contains("# UNIT value_stream_run_lead_time_seconds seconds");
    }

    @Test
    public void prometheusAcceptHeaderGetsOpenMetricsAndNoHeaderGetsText() {
        String prometheus = "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;"
                + "q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

        assertThat(PrometheusExport.Format.accepted(prometheus)).isEqualTo(PrometheusExport.Format.OPENMETRICS);
        assertThat(PrometheusExport.Format.accepted(null)).isEqualTo(PrometheusExport.Format.TEXT);
        assertThat(PrometheusExport.Format.TEXT.contentType()).startsWith("text/plain; version=0.0.4");
    }

    @Test
    public void aJobReportedTwiceIsRefusedNamingIt() {
        JobReport job = Reports.jobOf("team/app", knownRuns());

        assertThatThrownBy(() -> MetricFigures.of(List.of(job, job))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'team/app' is reported twice");
    }
}
