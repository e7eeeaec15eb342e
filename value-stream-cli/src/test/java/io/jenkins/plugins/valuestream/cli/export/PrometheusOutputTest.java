package io.jenkins.plugins.valuestream.cli.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.valuestream.cli.ValueStreamCommand;
import io.jenkins.plugins.valuestream.export.PrometheusExport;
import io.jenkins.plugins.valuestream.flags.DetectorSettings;
import io.jenkins.plugins.valuestream.graph.FlowGraphBuilder;
import io.jenkins.plugins.valuestream.graph.RunResult;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.ProcessMapExtractor;
import io.jenkins.plugins.valuestream.process.StepPath;
import io.jenkins.plugins.valuestream.report.JobReport;
import io.jenkins.plugins.valuestream.report.ReportAssembler;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** The Prometheus exposition as the Prometheus client's own parser reads it: from the command line and scraped. */
public class PrometheusOutputTest {
    /** What Prometheus 2.x/3.x sends when it scrapes. */
    private static final String PROMETHEUS_ACCEPT = "application/openmetrics-text;version=1.0.0,"
            + "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";
    private static final String STAGE = "Say \"hi\" \\ then\nbreak <img src=x onerror=alert(1)>";

    private static String demoAs(String format) {
        StringWriter out = new StringWriter();
        int code = ValueStreamCommand.run(new String[] {"report", "--demo", "--format", format},
                new PrintWriter(out), new PrintWriter(new StringWriter()), Map.of());
        assertThat(code).isZero();
        return out.toString();
    }

    private static double sum(JsonNode family, String sampleName) {
        double total = 0;
        for (JsonNode sample : family.path("samples")) {
            if (sample.path("name").asText().equals(sampleName)) {
                total += sample.path("value").asDouble();
            }
        }
        return total;
    }

    @Test
    public void theCommandLinesTextFormatParsesWithThePrometheusClient() throws Exception {
        JsonNode families = PrometheusClientParser.parse(demoAs("prometheus"), false);

        JsonNode lead = PrometheusClientParser.family(families, "value_stream_run_lead_time_seconds");
        assertThat(lead.path("type").asText()).isEqualTo("histogram");
        assertThat(sum(lead, "value_stream_run_lead_time_seconds_count")).isEqualTo(59.0)
                .as("the demo's 59 completed runs");
        JsonNode runs = PrometheusClientParser.family(families, "value_stream_runs");
        assertThat(runs.path("type").asText()).isEqualTo("counter");
        assertThat(sum(runs, "value_stream_runs_total")).isEqualTo(59.0);
        assertThat(PrometheusClientParser.family(families, "value_stream_flow_efficiency_ratio").path("type")
                .asText()).isEqualTo("gauge");
        assertThat(PrometheusClientParser.family(families, "value_stream_step_wait_seconds").path("samples"))
                .anySatisfy(sample -> assertThat(sample.path("labels").path("cause").asText()).isEqualTo("AGENT"));
    }

    @Test
    public void theCommandLinesOpenMetricsParsesWithThePrometheusClient() throws Exception {
        JsonNode families = PrometheusClientParser.parse(demoAs("openmetrics"), true);

        JsonNode lead = PrometheusClientParser.family(families, "value_stream_run_lead_time_seconds");
        assertThat(lead.path("unit").asText()).isEqualTo("seconds");
        assertThat(sum(lead, "value_stream_run_lead_time_seconds_count")).isEqualTo(59.0);
    }

    /** A job of two runs of one stage with every character the text formats must escape in its name. */
    private static List<JobReport> awkwardJob() {
        List<ProcessMap> maps = new ArrayList<>();
        for (int n = 1; n <= 2; n++) {
            FlowGraphBuilder run = FlowGraphBuilder.startingAt(1_700_000_000_000L + n * 3_600_000L);
            run.stage(STAGE, s -> s.sh("make", 90_000));
            maps.add(ProcessMapExtractor.extract(run.runInfo(n, RunResult.SUCCESS, 0L), run.finish(), 0));
        }
        return List.of(ReportAssembler.of(DetectorSettings.defaults()).assemble("team/<app>", maps, maps,
                List.of()));
    }

    @Test
    public void aScrapeAsPrometheusDoesGetsOpenMetricsWithTheStageNameIntact() throws Exception {
        List<JobReport> jobs = awkwardJob();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/prometheus", exchange -> {
            PrometheusExport.Format format = PrometheusExport.Format.accepted(
                    exchange.getRequestHeaders().getFirst("Accept"));
            exchange.getResponseHeaders().set("Content-Type", format.contentType());
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream body = exchange.getResponseBody()) {
                PrometheusExport.write(jobs, format, body);
            }
        });
        server.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/prometheus");
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url)
                    .header("Accept", PROMETHEUS_ACCEPT).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/openmetrics-text"));
            JsonNode process = PrometheusClientParser.family(PrometheusClientParser.parse(answer.body(), true),
                    "value_stream_step_process_seconds");
            String step = StepPath.of(STAGE).toString();
            assertThat(process.path("samples")).anySatisfy(sample -> {
                assertThat(sample.path("name").asText()).isEqualTo("value_stream_step_process_seconds_count");
                assertThat(sample.path("labels").path("step").asText()).isEqualTo(step);
                assertThat(sample.path("labels").path("job").asText()).isEqualTo("team/<app>");
                assertThat(sample.path("value").asDouble()).isEqualTo(2.0);
            });
        } finally {
            server.stop(0);
        }
    }
}
