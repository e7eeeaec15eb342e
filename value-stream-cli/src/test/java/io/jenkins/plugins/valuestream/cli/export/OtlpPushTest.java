package io.jenkins.plugins.valuestream.cli.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.valuestream.cli.ValueStreamCommand;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * {@code --otlp-endpoint} against an OTLP/HTTP receiver that the test runs on 127.0.0.1 (a JDK HTTP server decoding
 * {@code ExportMetricsServiceRequest}s at {@code /v1/metrics}; not an OpenTelemetry Collector).
 */
public class OtlpPushTest {
    private HttpServer receiver;
    private final List<ExportMetricsServiceRequest> received = new CopyOnWriteArrayList<>();
    private final List<String> contentTypes = new CopyOnWriteArrayList<>();

    record Result(int exitCode, String out, String err) {
    }

    @Before
    public void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/v1/metrics", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                received.add(ExportMetricsServiceRequest.parseFrom(body));
            }
            contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
            byte[] answer = ExportMetricsServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        receiver.start();
    }

    @After
    public void stopReceiver() {
        receiver.stop(0);
    }

    private String base() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort();
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ValueStreamCommand.run(args, new PrintWriter(out), new PrintWriter(err), Map.of());
        return new Result(code, out.toString(), err.toString());
    }

    private List<Metric> metrics() {
        return received.stream().flatMap(r -> r.getResourceMetricsList().stream())
                .flatMap(r -> r.getScopeMetricsList().stream()).flatMap(s -> s.getMetricsList().stream()).toList();
    }

    private Metric metric(String name) {
        return metrics().stream().filter(m -> m.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("No metric " + name + " in "
                        + metrics().stream().map(Metric::getName).toList()));
    }

    private static Map<String, String> attributes(List<KeyValue> attributes) {
        return attributes.stream().collect(Collectors.toMap(KeyValue::getKey, kv -> kv.getValue().getStringValue()));
    }

    @Test
    public void theDemoIsPushedOnceAsProtobufAndNothingIsWritten() {
        Result result = run("report", "--demo", "--otlp-endpoint", base());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("Pushed the metrics to " + base() + "/v1/metrics");
        assertThat(received).hasSize(1);
        assertThat(contentTypes).containsExactly("application/x-protobuf");
        assertThat(attributes(received.get(0).getResourceMetrics(0).getResource().getAttributesList()))
                .containsEntry("service.name", "value-stream");
    }

    @Test
    public void runDurationHasTheSemanticConventionsNameUnitAndAttributes() {
        run("report", "--demo", "--otlp-endpoint", base());

        Metric duration = metric("cicd.pipeline.run.duration");
        assertThat(duration.getUnit()).isEqualTo("s");
        List<HistogramDataPoint> points = duration.getHistogram().getDataPointsList();
        assertThat(points).allSatisfy(point -> assertThat(attributes(point.getAttributesList()))
                .containsEntry("cicd.pipeline.name", "demo/web-shop").containsKey("cicd.pipeline.result"));
        assertThat(points.stream().mapToLong(HistogramDataPoint::getCount).sum()).isEqualTo(59)
                .as("the demo's completed runs");
        assertThat(points.get(0).getExplicitBoundsList()).startsWith(1.0, 5.0, 15.0).endsWith(14400.0);
    }

    @Test
    public void stepWaitIsPushedByTaskAndCause() {
        run("report", "--demo", "--otlp-endpoint", base());

        Metric wait = metric("jenkins.value_stream.step.wait_time");
        assertThat(wait.getUnit()).isEqualTo("s");
        assertThat(wait.getHistogram().getDataPointsList()).anySatisfy(point -> {
            assertThat(attributes(point.getAttributesList())).containsEntry("jenkins.value_stream.wait.cause", "AGENT")
                    .containsKey("cicd.pipeline.task.name");
            assertThat(point.getSum()).isPositive();
        });
        assertThat(metric("jenkins.value_stream.flow_efficiency").getGauge().getDataPoints(0).getAsDouble())
                .isBetween(0.0, 1.0);
    }

    @Test
    public void withFormatTheReportIsWrittenTooAfterThePush() {
        Result result = run("report", "--demo", "--otlp-endpoint", base() + "/v1/metrics", "--format", "prometheus");

        assertThat(result.exitCode()).isZero();
        assertThat(received).hasSize(1);
        assertThat(result.out()).contains("value_stream_run_lead_time_seconds_bucket");
    }

    @Test
    public void aReceiverThatIsNotThereFailsNamingTheUrl() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closed + "/v1/metrics";

        Result result = run("report", "--demo", "--otlp-endpoint", url);

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.err()).contains("value-stream: Cannot push the metrics to " + url + ": ");
    }

    @Test
    public void anEndpointThatIsNotAnHttpUrlIsAUsageError() {
        Result result = run("report", "--demo", "--otlp-endpoint", "collector:4317");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("value-stream: --otlp-endpoint: 'collector:4317' is not an http:// or"
                + " https:// URL with a host, e.g. http://collector:4318").contains("Try 'value-stream report --help'");
        assertThat(received).isEmpty();
    }
}
