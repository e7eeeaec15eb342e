package io.jenkins.plugins.valuestream.cli.otlp;

import io.jenkins.plugins.valuestream.cli.exit.ExitCode;
import io.jenkins.plugins.valuestream.cli.exit.ReportFailure;
import io.jenkins.plugins.valuestream.export.MetricFigures;
import io.jenkins.plugins.valuestream.export.OpenTelemetryExport;
import io.jenkins.plugins.valuestream.export.OtlpEndpoint;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.CollectionRegistration;
import io.opentelemetry.sdk.metrics.export.MetricReader;
import io.opentelemetry.sdk.resources.Resource;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Pushes a report's metrics once: recorded by the OpenTelemetry SDK ({@link OpenTelemetryExport}), collected once and
 * sent by the SDK's OTLP/HTTP exporter (protobuf, over the JDK's HTTP client), with {@code service.name=value-stream}.
 */
public final class OtlpPush {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** The exporter logs each failure itself; the command says it once, in its own words. */
    private static final Logger EXPORTER_LOG = Logger.getLogger("io.opentelemetry.exporter");

    private OtlpPush() {
    }

    /**
     * The metrics URL of an endpoint: an {@code http://} or {@code https://} URL; a base without a path (as {@code
     * OTEL_EXPORTER_OTLP_ENDPOINT} gives it) gets {@code /v1/metrics}, a URL with a path is used as it is.
     *
     * @throws IllegalArgumentException saying what was wrong and what is accepted
     */
    public static URI metricsUrl(String endpoint) {
        return OtlpEndpoint.metricsUrl(endpoint);
    }

    /**
     * Records the figures and sends them to the URL once.
     *
     * @throws ReportFailure with {@link ExitCode#REMOTE}, naming the URL, when the receiver cannot be reached or
     *     refuses the metrics
     */
    public static void push(MetricFigures figures, URI url) throws ReportFailure {
        Level level = EXPORTER_LOG.getLevel();
        EXPORTER_LOG.setLevel(Level.OFF);
        OnceReader reader = new OnceReader();
        Resource resource = Resource.getDefault()
                .merge(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "value-stream")));
        try (SdkMeterProvider provider = SdkMeterProvider.builder().setResource(resource).registerMetricReader(reader)
                .build();
                OtlpHttpMetricExporter exporter = OtlpHttpMetricExporter.builder().setEndpoint(url.toString())
                        .setTimeout(TIMEOUT).setRetryPolicy(null).build()) {
            OpenTelemetryExport.record(figures, provider.get(OpenTelemetryExport.SCOPE));
            CompletableResultCode result = exporter.export(reader.collect())
                    .join(TIMEOUT.toMillis() + 1_000, TimeUnit.MILLISECONDS);
            if (!result.isSuccess()) {
                Throwable failure = result.getFailureThrowable();
                String reason = !result.isDone() ? "no answer within " + TIMEOUT.toSeconds() + "s"
                        : failure == null ? "the receiver refused them"
                        : failure.getMessage() != null ? failure.getMessage() : failure.toString();
                throw new ReportFailure(ExitCode.REMOTE, "Cannot push the metrics to " + url + ": " + reason);
            }
        } finally {
            EXPORTER_LOG.setLevel(level);
        }
    }

    /** A reader that collects when told, once: the push is not periodic. */
    private static final class OnceReader implements MetricReader {
        private CollectionRegistration registration = CollectionRegistration.noop();

        @Override
        public void register(CollectionRegistration collection) {
            registration = collection;
        }

        Collection<MetricData> collect() {
            return registration.collectAllMetrics();
        }

        @Override
        public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
            return AggregationTemporality.CUMULATIVE;
        }

        @Override
        public CompletableResultCode forceFlush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
