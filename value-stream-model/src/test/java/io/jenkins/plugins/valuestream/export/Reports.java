package io.jenkins.plugins.valuestream.export;

import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.report.JobReport;
import io.jenkins.plugins.valuestream.report.RunReport;
import io.jenkins.plugins.valuestream.stream.ValueStreamAggregator;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reports of hand-built runs, and the export's text of them. */
final class Reports {
    private Reports() {
    }

    static JobReport job(String name, List<RunReport> runs) {
        return new JobReport(name, ValueStreamAggregator.aggregate(name, runs.stream().map(RunReport::map).toList()),
                runs, List.of());
    }

    static JobReport jobOf(String name, List<ProcessMap> maps) {
        return job(name, maps.stream().map(RunReport::of).toList());
    }

    static String text(MetricSnapshots snapshots, PrometheusExport.Format format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PrometheusExport.write(snapshots, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    static String text(List<JobReport> jobs) {
        return text(PrometheusExport.snapshots(jobs), PrometheusExport.Format.TEXT);
    }

    /** The sample lines (one per series) of a text exposition. */
    static List<String> samples(String text) {
        return text.lines().filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }
}
