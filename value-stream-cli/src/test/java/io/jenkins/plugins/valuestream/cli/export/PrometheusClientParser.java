package io.jenkins.plugins.valuestream.cli.export;

import static org.junit.Assume.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The official Prometheus Python client's parsers ({@code prometheus_client.parser} for the text format 0.0.4, {@code
 * prometheus_client.openmetrics.parser} for OpenMetrics), run in {@code python3}: Debian's package {@code
 * python3-prometheus-client}, which {@code .ci/run} installs. Tests that need it skip, saying why, where no python3
 * has the module.
 */
final class PrometheusClientParser {
    private static final String SCRIPT = String.join("\n",
            "import json, sys",
            "from prometheus_client.parser import text_string_to_metric_families as text",
            "from prometheus_client.openmetrics.parser import text_string_to_metric_families as openmetrics",
            "parse = openmetrics if sys.argv[1] == 'openmetrics' else text",
            "families = [{'name': f.name, 'type': f.type, 'unit': getattr(f, 'unit', ''),",
            "             'samples': [{'name': s.name, 'labels': s.labels, 'value': s.value} for s in f.samples]}",
            "            for f in parse(sys.stdin.read())]",
            "json.dump(families, sys.stdout)");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PrometheusClientParser() {
    }

    /** A python3 that has the module, Debian's first; skips the test where there is none. */
    static String python() {
        for (String candidate : List.of("/usr/bin/python3", "python3")) {
            try {
                Process probe = new ProcessBuilder(candidate, "-c", "import prometheus_client")
                        .redirectErrorStream(true).start();
                probe.getInputStream().readAllBytes();
                if (probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0) {
                    return candidate;
                }
            } catch (IOException e) {
                // not there: try the next one
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        String reason = "No python3 with the prometheus_client module (Debian: apt-get install"
                + " python3-prometheus-client): the Prometheus parser test is skipped";
        System.out.println(reason);
        assumeTrue(reason, false);
        throw new AssertionError("unreachable");
    }

    /** The families the parser reads, as JSON: name, type, unit, samples (name, labels, value). */
    static JsonNode parse(String exposition, boolean openMetrics) throws Exception {
        Process process = new ProcessBuilder(python(), "-c", SCRIPT, openMetrics ? "openmetrics" : "text").start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(exposition.getBytes(StandardCharsets.UTF_8));
        }
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError("The Prometheus client's parser refused the exposition: " + err);
        }
        return MAPPER.readTree(out);
    }

    /** The family of that name. */
    static JsonNode family(JsonNode families, String name) {
        for (JsonNode family : families) {
            if (family.path("name").asText().equals(name)) {
                return family;
            }
        }
        throw new AssertionError("No family " + name + " in " + families);
    }
}
