package io.jenkins.plugins.valuestream.controller;

import static io.jenkins.plugins.valuestream.Jenkinsfiles.awaitRecording;
import static io.jenkins.plugins.valuestream.Jenkinsfiles.job;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.valuestream.config.ValueStreamConfiguration;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.After;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * Each recorded run's figures reach an OTLP/HTTP receiver: here one of the test's own on 127.0.0.1 that keeps what
 * the SDK's exporter posts to {@code /v1/metrics} (protobuf; the test reads the strings in it, the names of the
 * metrics and attributes and their values, not the whole message).
 */
public class OtlpMetricsTest {
    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule r = new JenkinsRule();

    private HttpServer receiver;
    private final List<String> contentTypes = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();

    @Before
    public void startTheReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/v1/metrics", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
                // Protobuf keeps strings as UTF-8 bytes: Latin-1 maps every byte to one char, so they can be found.
                bodies.add(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
    }

    @After
    public void stopTheReceiver() {
        OtlpMetrics.shutDown();
        receiver.stop(0);
    }

    private String endpoint() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort();
    }

    @Test
    public void aRecordedRunsFiguresArriveAtTheReceiver() throws Exception {
        ValueStreamConfiguration.get().setOtlpEndpoint(endpoint());

        awaitRecording(r.buildAndAssertSuccess(job(r, "shop", "scripted-node.groovy")));
        assertThat(OtlpMetrics.flush()).isTrue();

        assertThat(bodies).isNotEmpty();
        assertThat(contentTypes).allMatch(type -> type.startsWith("application/x-protobuf"));
        String body = String.join("", bodies);
        assertThat(body).contains("cicd.pipeline.run.duration", "cicd.pipeline.name", "shop",
                "cicd.pipeline.result", "success", "jenkins.value_stream.run.process_time",
                "jenkins.value_stream.step.process_time", "Build", "service.name", "jenkins");
    }

    @Test
    public void nothingIsSentWithoutAnEndpoint() throws Exception {
        awaitRecording(r.buildAndAssertSuccess(job(r, "quiet", "scripted-node.groovy")));

        assertThat(OtlpMetrics.flush()).isTrue();
        assertThat(bodies).isEmpty();
    }

    @Test
    public void theSettingIsOnTheSystemConfigurationPage() throws Exception {
        String page = r.createWebClient().goTo("manage/configure").getWebResponse().getContentAsString();

        assertThat(page).contains("OpenTelemetry metrics endpoint (OTLP/HTTP)").contains("_.otlpEndpoint");
    }

    @Test
    public void anEndpointThatIsNoUrlIsRefusedWhenTyped() {
        assertThat(ValueStreamConfiguration.get().doCheckOtlpEndpoint("collector:4318").kind)
                .isEqualTo(hudson.util.FormValidation.Kind.ERROR);
        assertThat(ValueStreamConfiguration.get().doCheckOtlpEndpoint("http://collector:4318").getMessage())
                .contains("http://collector:4318/v1/metrics");
    }
}
