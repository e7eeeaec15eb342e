package io.jenkins.plugins.valuestream.export;

import io.jenkins.plugins.valuestream.export.MetricFigures.BudgetCounts;
import io.jenkins.plugins.valuestream.export.MetricFigures.JobFigures;
import io.jenkins.plugins.valuestream.export.MetricFigures.StepFigures;
import io.jenkins.plugins.valuestream.flags.FlagKind;
import io.jenkins.plugins.valuestream.budget.BudgetKind;
import io.jenkins.plugins.valuestream.graph.RunResult;
import io.jenkins.plugins.valuestream.process.WaitCause;
import io.jenkins.plugins.valuestream.report.JobReport;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The figures as Prometheus metrics: the client library's snapshots, written by its own text writers (the text format
 * 0.0.4 or OpenMetrics 1.0), which escape the label values. docs/export.md lists every metric.
 */
public final class PrometheusExport {
    /** The prefix of every metric name. */
    public static final String PREFIX = "value_stream_";

    /** The text formats a scrape can get. */
    public enum Format {
        /** The Prometheus text format 0.0.4. */
        TEXT(PrometheusTextFormatWriter.create()),
        /** OpenMetrics 1.0 text. */
        OPENMETRICS(OpenMetricsTextFormatWriter.create());

        private final ExpositionFormatWriter writer;

        Format(ExpositionFormatWriter writer) {
            this.writer = writer;
        }

        /** The {@code Content-Type} of an answer in this format. */
        public String contentType() {
            return writer.getContentType();
        }

        /**
         * The format a scraper asks for in its {@code Accept} header: OpenMetrics where it accepts it (as Prometheus
         * does), else the text format 0.0.4 (also without a header).
         */
        public static Format accepted(@Nullable String acceptHeader) {
            return acceptHeader != null && OPENMETRICS.writer.accepts(acceptHeader) ? OPENMETRICS : TEXT;
        }
    }

    private PrometheusExport() {
    }

    /** The snapshots of the given reports with the default limits. */
    public static MetricSnapshots snapshots(Collection<JobReport> reports) {
        return snapshots(MetricFigures.of(reports));
    }

    /** Writes the snapshots of the given reports (default limits) in the given format. */
    public static void write(Collection<JobReport> reports, Format format, OutputStream out) throws IOException {
        write(snapshots(reports), format, out);
    }

    /** Writes snapshots in the given format. */
    public static void write(MetricSnapshots snapshots, Format format, OutputStream out) throws IOException {
        format.writer.write(out, snapshots);
    }

    /** The snapshots of the figures; a metric without any data point (no flags, no budgets) is left out. */
    public static MetricSnapshots snapshots(MetricFigures figures) {
        Histograms leadTime = new Histograms("run_lead_time_seconds",
                "Lead time of completed runs: queue entry (or start) to completion.");
        Histograms processTime = new Histograms("run_process_time_seconds",
                "Process time of completed runs: the instants at which some branch was working.");
        Histograms runWait = new Histograms("run_wait_seconds",
                "Wait of completed runs by cause (causes a run does not know are not observed).");
        Histograms stepProcess = new Histograms("step_process_seconds",
                "Process time of each pass through a step, in completed runs.");
        Histograms stepWait = new Histograms("step_wait_seconds",
                "Wait of each pass through a step by cause, in completed runs.");
        Histograms agentWait = new Histograms("agent_wait_seconds",
                "Wait for an agent, per allocation, across all jobs, by label expression.");
        Histograms lockWait = new Histograms("lock_wait_seconds",
                "Wait for a lock, per acquisition, across all jobs, by resource.");
        CounterSnapshot.Builder runs = CounterSnapshot.builder().name(PREFIX + "runs")
                .help("Completed runs by result.");
        CounterSnapshot.Builder flags = CounterSnapshot.builder().name(PREFIX + "flags")
                .help("Flags raised on completed runs, by kind.");
        CounterSnapshot.Builder budgets = CounterSnapshot.builder().name(PREFIX + "budget_checks")
                .help("Budget checks of completed runs, by budget kind and verdict (kept, exceeded).");
        GaugeSnapshot.Builder flowEfficiency = GaugeSnapshot.builder().name(PREFIX + "flow_efficiency_ratio")
                .unit(Unit.RATIO).help("Summed process time / summed lead time of the job's completed runs.");
        GaugeSnapshot.Builder stepFlowEfficiency = GaugeSnapshot.builder()
                .name(PREFIX + "step_flow_efficiency_ratio").unit(Unit.RATIO)
                .help("Summed process time / summed elapsed time of a step over the job's completed runs.");
        int counters = 0;
        int budgetPoints = 0;
        for (JobFigures job : figures.jobs()) {
            String name = job.job();
            for (Map.Entry<RunResult, List<Long>> entry : job.leadTimes().entrySet()) {
                Labels labels = Labels.of("job", name, "result", entry.getKey().name());
                leadTime.add(labels, entry.getValue());
                runs.dataPoint(CounterDataPointSnapshot.builder().labels(labels).value(entry.getValue().size())
                        .build());
            }
            processTime.add(Labels.of("job", name), job.processTimes());
            job.waits().forEach((cause, values) -> runWait.add(Labels.of("cause", cause.name(), "job", name), values));
            for (Map.Entry<String, StepFigures> entry : job.steps().entrySet()) {
                StepFigures step = entry.getValue();
                stepProcess.add(Labels.of("job", name, "step", entry.getKey()), step.process());
                for (Map.Entry<WaitCause, List<Long>> wait : step.waits().entrySet()) {
                    stepWait.add(Labels.of("cause", wait.getKey().name(), "job", name, "step", entry.getKey()),
                            wait.getValue());
                }
                stepFlowEfficiency.dataPoint(GaugeDataPointSnapshot.builder()
                        .labels(Labels.of("job", name, "step", entry.getKey())).value(step.flowEfficiency()).build());
            }
            for (Map.Entry<FlagKind, Long> entry : job.flags().entrySet()) {
                flags.dataPoint(CounterDataPointSnapshot.builder()
                        .labels(Labels.of("job", name, "kind", entry.getKey().name())).value(entry.getValue())
                        .build());
                counters++;
            }
            for (Map.Entry<BudgetKind, BudgetCounts> entry : job.budgets().entrySet()) {
                for (boolean exceeded : new boolean[] {false, true}) {
                    budgets.dataPoint(CounterDataPointSnapshot.builder()
                            .labels(Labels.of("job", name, "kind", entry.getKey().name(), "verdict",
                                    exceeded ? "exceeded" : "kept"))
                            .value(exceeded ? entry.getValue().exceeded() : entry.getValue().kept()).build());
                    budgetPoints++;
                }
            }
            flowEfficiency.dataPoint(GaugeDataPointSnapshot.builder().labels(Labels.of("job", name))
                    .value(job.flowEfficiency()).build());
        }
        figures.agentWaits().forEach((label, values) -> agentWait.add(Labels.of("label", label), values));
        figures.lockWaits().forEach((resource, values) -> lockWait.add(Labels.of("resource", resource), values));
        List<MetricSnapshot> all = new ArrayList<>();
        if (!figures.jobs().isEmpty()) {
            all.add(leadTime.build());
            all.add(processTime.build());
            all.add(runs.build());
            all.add(flowEfficiency.build());
            all.add(stepProcess.build());
            all.add(stepFlowEfficiency.build());
        }
        if (!runWait.isEmpty()) {
            all.add(runWait.build());
        }
        if (!stepWait.isEmpty()) {
            all.add(stepWait.build());
        }
        if (counters > 0) {
            all.add(flags.build());
        }
        if (budgetPoints > 0) {
            all.add(budgets.build());
        }
        if (!agentWait.isEmpty()) {
            all.add(agentWait.build());
        }
        if (!lockWait.isEmpty()) {
            all.add(lockWait.build());
        }
        return new MetricSnapshots(all);
    }

    /** One histogram metric's data points, built from observations in milliseconds. */
    private static final class Histograms {
        private final HistogramSnapshot.Builder builder;
        private int points;

        Histograms(String name, String help) {
            builder = HistogramSnapshot.builder().name(PREFIX + name).unit(Unit.SECONDS).help(help);
        }

        void add(Labels labels, List<Long> millis) {
            builder.dataPoint(point(labels, millis));
            points++;
        }

        boolean isEmpty() {
            return points == 0;
        }

        HistogramSnapshot build() {
            return builder.build();
        }
    }

    /** A classic histogram of the observations (milliseconds) in {@link MetricFigures#BUCKETS_SECONDS}, in seconds. */
    static HistogramDataPointSnapshot point(Labels labels, List<Long> millis) {
        List<Double> bounds = MetricFigures.BUCKETS_SECONDS;
        double[] upperBounds = new double[bounds.size() + 1];
        long[] counts = new long[bounds.size() + 1];
        for (int i = 0; i < bounds.size(); i++) {
            upperBounds[i] = bounds.get(i);
        }
        upperBounds[bounds.size()] = Double.POSITIVE_INFINITY;
        long sumMillis = 0;
        for (long value : millis) {
            sumMillis += value;
            double seconds = value / 1000.0;
            int bucket = 0;
            while (bucket < bounds.size() && seconds > upperBounds[bucket]) {
                bucket++;
            }
            counts[bucket]++;
        }
        return HistogramDataPointSnapshot.builder().labels(labels)
                .classicHistogramBuckets(ClassicHistogramBuckets.of(upperBounds, counts))
                .sum(sumMillis / 1000.0).build();
    }
}
