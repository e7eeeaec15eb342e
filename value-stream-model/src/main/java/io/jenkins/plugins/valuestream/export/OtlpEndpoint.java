package io.jenkins.plugins.valuestream.export;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Where OTLP/HTTP metrics go: the command line's {@code --otlp-endpoint} and the plugin's setting read it alike. */
public final class OtlpEndpoint {
    private OtlpEndpoint() {
    }

    /**
     * The metrics URL of an endpoint: an {@code http://} or {@code https://} URL; a base without a path (as {@code
     * OTEL_EXPORTER_OTLP_ENDPOINT} gives it) gets {@code /v1/metrics}, a URL with a path is used as it is.
     *
     * @throws IllegalArgumentException saying what was wrong and what is accepted
     */
    public static URI metricsUrl(String endpoint) {
        URI uri;
        try {
            uri = new URI(endpoint.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: '" + endpoint + "' (" + e.getReason() + ")", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("'" + endpoint + "' is not an http:// or https:// URL with a host,"
                    + " e.g. http://collector:4318");
        }
        String path = uri.getRawPath();
        return path == null || path.isEmpty() || path.equals("/") ? uri.resolve("/v1/metrics") : uri;
    }
}
