package io.jenkins.plugins.valuestream.export;

import static io.jenkins.plugins.valuestream.testing.RunFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.valuestream.graph.RunResult;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.WaitCause;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.semconv.incubating.CicdIncubatingAttributes;
import io.opentelemetry.semconv.incubating.CicdIncubatingMetrics;
import java.util.Collection;
import java.util.List;
import org.junit.Test;

public class OpenTelemetryExportTest {
    private static final long SECOND = 1_000;
    private static final long MINUTE = 60 * SECOND;

    private static Collection<MetricData> recorded() {
        ProcessMap first = run(1).queued(30 * SECOND)
                .step("Build", s -> s.process(4 * MINUTE).waited(WaitCause.AGENT, 2 * MINUTE))
                .agent("linux", "Build", 0, 2 * MINUTE, 4 * MINUTE).build();
        ProcessMap second = run(2).queued(10 * SECOND).result(RunResult.UNSTABLE)
                .step("Build", s -> s.process(20 * MINUTE)).build();
        InMemoryMetricReader reader = InMemoryMetricReader.create();
        try (SdkMeterProvider provider = SdkMeterProvider.builder().registerMetricReader(reader).build()) {
            OpenTelemetryExport.record(MetricFigures.of(List.of(Reports.jobOf("team/app", List.of(first, second)))),
                    provider.get(OpenTelemetryExport.SCOPE));
            return reader.collectAllMetrics();
        }
    }

    private static MetricData metric(Collection<MetricData> metrics, String name) {
        return metrics.stream().filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
    }

    @Test
    public void namesFollowTheCicdSemanticConventions() {
        assertThat(OpenTelemetryExport.RUN_DURATION).isEqualTo(CicdIncubatingMetrics.CICD_PIPELINE_RUN_DURATION_NAME);
        assertThat(OpenTelemetryExport.PIPELINE_NAME).isEqualTo(CicdIncubatingAttributes.CICD_PIPELINE_NAME);
        assertThat(OpenTelemetryExport.PIPELINE_RESULT).isEqualTo(CicdIncubatingAttributes.CICD_PIPELINE_RESULT);
        assertThat(OpenTelemetryExport.TASK_NAME).isEqualTo(CicdIncubatingAttributes.CICD_PIPELINE_TASK_NAME);
        assertThat(OpenTelemetryExport.semconvResult(RunResult.ABORTED))
                .isEqualTo(CicdIncubatingAttributes.CicdPipelineResultIncubatingValues.CANCELLATION);
    }

    @Test
    public void runDurationIsTheLeadTimeInSecondsByPipelineAndResult() {
        MetricData duration = metric(recorded(), OpenTelemetryExport.RUN_DURATION);

        assertThat(duration.getUnit()).isEqualTo(CicdIncubatingMetrics.CICD_PIPELINE_RUN_DURATION_UNIT);
        HistogramPointData success = duration.getHistogramData().getPoints().stream()
                .filter(p -> "success".equals(p.getAttributes().get(OpenTelemetryExport.PIPELINE_RESULT)))
                .findFirst().orElseThrow();
        assertThat(success.getAttributes()).isEqualTo(Attributes.of(OpenTelemetryExport.PIPELINE_NAME, "team/app",
                OpenTelemetryExport.PIPELINE_RESULT, "success"));
        assertThat(success.getCount()).isEqualTo(1);
        assertThat(success.getSum()).isEqualTo(390.0);
        assertThat(success.getBoundaries()).isEqualTo(MetricFigures.BUCKETS_SECONDS);
    }

    @Test
    public void unstableIsAFailureForTheConventionsAndKeepsItsJenkinsName() {
        MetricData runs = metric(recorded(), OpenTelemetryExport.RUNS);

        assertThat(runs.getLongSumData().getPoints()).anySatisfy(point -> {
            assertThat(point.getAttributes().get(OpenTelemetryExport.PIPELINE_RESULT)).isEqualTo("failure");
            assertThat(point.getAttributes().get(OpenTelemetryExport.JENKINS_RESULT)).isEqualTo("UNSTABLE");
            assertThat(point.getValue()).isEqualTo(1);
        });
    }

    @Test
    public void stepWaitIsRecordedByTaskAndCause() {
        MetricData wait = metric(recorded(), OpenTelemetryExport.STEP_WAIT_TIME);

        assertThat(wait.getUnit()).isEqualTo("s");
        HistogramPointData point = wait.getHistogramData().getPoints().iterator().next();
        assertThat(point.getAttributes()).isEqualTo(Attributes.of(OpenTelemetryExport.PIPELINE_NAME, "team/app",
                OpenTelemetryExport.TASK_NAME, "Build", OpenTelemetryExport.WAIT_CAUSE, "AGENT"));
        assertThat(point.getCount()).isEqualTo(2);
        assertThat(point.getSum()).isEqualTo(120.0);
    }

    @Test
    public void lockWaitIsRecordedByResource() {
        ProcessMap locked = run(1).step("Deploy", s -> s.process(MINUTE).waited(WaitCause.LOCK, 90 * SECOND))
                .lock("label:phones", "Deploy", 0, 90 * SECOND, MINUTE).build();
        InMemoryMetricReader reader = InMemoryMetricReader.create();
        Collection<MetricData> metrics;
        try (SdkMeterProvider provider = SdkMeterProvider.builder().registerMetricReader(reader).build()) {
            OpenTelemetryExport.record(MetricFigures.of(List.of(Reports.jobOf("release", List.of(locked)))),
                    provider.get(OpenTelemetryExport.SCOPE));
            metrics = reader.collectAllMetrics();
        }

        MetricData lock = metric(metrics, OpenTelemetryExport.LOCK_WAIT_TIME);
        assertThat(lock.getUnit()).isEqualTo("s");
        HistogramPointData point = lock.getHistogramData().getPoints().iterator().next();
        assertThat(point.getAttributes().get(OpenTelemetryExport.LOCK_RESOURCE)).isEqualTo("label:phones");
        assertThat(point.getSum()).isEqualTo(90.0);
    }

    @Test
    public void agentWaitIsRecordedByLabelAndFlowEfficiencyAsAGauge() {
        Collection<MetricData> metrics = recorded();

        HistogramPointData agent = metric(metrics, OpenTelemetryExport.AGENT_WAIT_TIME).getHistogramData().getPoints()
                .iterator().next();
        assertThat(agent.getAttributes().get(OpenTelemetryExport.AGENT_LABEL)).isEqualTo("linux");
        assertThat(agent.getSum()).isEqualTo(120.0);
        MetricData efficiency = metric(metrics, OpenTelemetryExport.FLOW_EFFICIENCY);
        assertThat(efficiency.getUnit()).isEqualTo("1");
        assertThat(efficiency.getDoubleGaugeData().getPoints().iterator().next().getValue())
                .isEqualTo(1440.0 / 1600.0);
    }
}
