package io.jenkins.plugins.valuestream.controller;

import hudson.Extension;
import hudson.init.Terminator;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.valuestream.config.ValueStreamConfiguration;
import io.jenkins.plugins.valuestream.export.MetricFigures;
import io.jenkins.plugins.valuestream.export.OpenTelemetryExport;
import io.jenkins.plugins.valuestream.history.JobHistory;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.recording.ProcessMapListener;
import io.jenkins.plugins.valuestream.report.JobReport;
import io.jenkins.plugins.valuestream.report.ReportAssembler;
import io.jenkins.plugins.valuestream.ui.BaselineStart;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.resources.Resource;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import org.jspecify.annotations.Nullable;

/**
 * Sends each recorded run's figures to an OpenTelemetry receiver over OTLP/HTTP, where the global configuration names
 * one (docs/export.md). One meter provider for the controller's lifetime: each run, when it is recorded, adds its lead
 * time, process time, waits, steps, flags (against its job's history) and budget checks to the instruments, and the
 * SDK sends the cumulative sums every minute, so the counters grow as runs are recorded, as OpenTelemetry counters
 * do, and start again with the controller. The SDK and its OTLP exporter are bundled: no Jenkins plugin this one
 * depends on offers them.
 */
@Extension
public final class OtlpMetrics extends ProcessMapListener {
    private static final Logger LOGGER = Logger.getLogger(OtlpMetrics.class.getName());
    private static final Duration INTERVAL = Duration.ofMinutes(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static @Nullable URI sendingTo;
    private static @Nullable SdkMeterProvider provider;

    @Override
    public void onRecorded(Run<?, ?> run, ProcessMap map) {
        if (map.running()) {
            return;
        }
        SdkMeterProvider meters = provider(ValueStreamConfiguration.get().otlpMetricsUrl());
        if (meters == null) {
            return;
        }
        try {
            OpenTelemetryExport.record(MetricFigures.of(List.of(report(run.getParent(), map))),
                    meters.get(OpenTelemetryExport.SCOPE));
        } catch (IOException | RuntimeException e) {
            LOGGER.log(Level.WARNING, "Could not add " + run + " to the OpenTelemetry metrics", e);
        }
    }

    /** The run's report, flagged against its job's recorded history, as one job of one run. */
    private static JobReport report(Job<?, ?> job, ProcessMap map) throws IOException {
        List<ProcessMap> history = JobHistory.read(job).runs();
        return new ReportAssembler(ValueStreamConfiguration.get().detectorSettings(), BaselineStart.of(job), 1)
                .assemble(job.getFullName(), List.of(map), history, List.of());
    }

    /** The provider sending to the URL, made (or made again when the URL changed); none without a URL. */
    private static synchronized @Nullable SdkMeterProvider provider(@Nullable URI url) {
        if (url == null ? sendingTo == null : url.equals(sendingTo)) {
            return provider;
        }
        shutDown();
        if (url == null) {
            return null;
        }
        OtlpHttpMetricExporter exporter = OtlpHttpMetricExporter.builder().setEndpoint(url.toString())
                .setTimeout(TIMEOUT).build();
        String root = Jenkins.get().getRootUrl();
        Resource resource = Resource.getDefault().merge(Resource.create(Attributes.of(
                AttributeKey.stringKey("service.name"), "jenkins",
                AttributeKey.stringKey("service.namespace"), "value-stream",
                AttributeKey.stringKey("jenkins.url"), root == null ? "" : root)));
        provider = SdkMeterProvider.builder().setResource(resource)
                .registerMetricReader(PeriodicMetricReader.builder(exporter).setInterval(INTERVAL).build()).build();
        sendingTo = url;
        LOGGER.log(Level.INFO, "Sending the value-stream metrics of each recorded run to {0}", url);
        return provider;
    }

    /** Sends what is recorded now, without waiting for the next minute (for tests, and before the controller stops). */
    static synchronized boolean flush() {
        return provider == null
                || provider.forceFlush().join(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).isSuccess();
    }

    /** Sends what is left and stops the provider when the controller stops. */
    @Terminator
    public static synchronized void shutDown() {
        if (provider != null) {
            provider.shutdown().join(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            provider = null;
            sendingTo = null;
        }
    }
}
