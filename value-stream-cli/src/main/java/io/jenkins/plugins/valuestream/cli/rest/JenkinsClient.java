package io.jenkins.plugins.valuestream.cli.rest;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;

/**
 * GETs JSON from one Jenkins server. Thread-safe. TLS certificates are always verified (the JDK's trust store; there
 * is no option to turn that off). Server errors (5xx, 429) and time-outs are retried with exponential backoff; 401,
 * 403 and 404 are not. Credentials go only into the {@code Authorization} header: they are in no message, no
 * exception and no {@link #toString()}. Redirects are not followed, so the header never goes to another address than
 * the one given; a redirect is reported with where it pointed.
 */
public final class JenkinsClient {

    /**
     * How the client talks to the server.
     *
     * @param retries how many times a failed request is retried (so {@code retries + 1} attempts at most)
     * @param backoff the wait before the first retry; doubled for each further one
     * @param connectTimeout how long to wait for a connection
     * @param requestTimeout how long to wait for an answer
     */
    public record Settings(int retries, Duration backoff, Duration connectTimeout, Duration requestTimeout) {
        public static final Settings DEFAULT = new Settings(3, Duration.ofMillis(500), Duration.ofSeconds(10),
                Duration.ofSeconds(60));

        public Settings {
            if (retries < 0) {
                throw new IllegalArgumentException("retries must be 0 or more, not " + retries);
            }
            Objects.requireNonNull(backoff, "backoff");
            Objects.requireNonNull(connectTimeout, "connectTimeout");
            Objects.requireNonNull(requestTimeout, "requestTimeout");
        }
    }

    private static final long MAX_RETRY_AFTER_MILLIS = 30_000;

    private final URI base;
    private final @Nullable String authorization;
    private final Settings settings;
    private final HttpClient http;

    /**
     * A client for the Jenkins at {@code base} ({@code https://ci.example.com/} or with a context path).
     *
     * @param user the user name, or {@code null} for anonymous access
     * @param token the user's API token (or password), or {@code null}
     */
    public JenkinsClient(URI base, @Nullable String user, @Nullable String token, Settings settings) {
        this.base = withSlash(Objects.requireNonNull(base, "base"));
        if (user != null && token == null || user == null && token != null) {
            throw new IllegalArgumentException("Give both a user and a token, or neither");
        }
        this.authorization = user == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + token).getBytes(StandardCharsets.UTF_8));
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The server's base address, ending with {@code /}. */
    public URI base() {
        return base;
    }

    /**
     * GETs a path relative to the base address and returns the body of a 200 answer.
     *
     * @param path an already encoded relative path with its query, e.g. {@code job/a/job/b/api/json?tree=...}
     */
    public String get(String path) throws RestFailure, InterruptedException {
        URI uri = base.resolve(path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET()
                .timeout(settings.requestTimeout())
                .header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpRequest built = request.build();
        RestFailure last = null;
        Optional<String> retryAfter = Optional.empty();
        for (int attempt = 0; attempt <= settings.retries(); attempt++) {
            if (attempt > 0) {
                Thread.sleep(delay(attempt, retryAfter));
                retryAfter = Optional.empty();
            }
            HttpResponse<String> response;
            try {
                response = http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (HttpTimeoutException e) {
                last = new RestFailure(RestFailure.Kind.NETWORK, "No answer from " + uri + " within "
                        + seconds(e instanceof java.net.http.HttpConnectTimeoutException
                                ? settings.connectTimeout() : settings.requestTimeout()) + " s", e);
                continue;
            } catch (SSLException e) {
                throw new RestFailure(RestFailure.Kind.NETWORK, "TLS failure talking to " + uri + ": "
                        + e.getMessage() + " (the server's certificate must be trusted by this Java installation)",
                        e);
            } catch (ConnectException e) {
                last = new RestFailure(RestFailure.Kind.NETWORK, "Cannot connect to " + hostOf(uri)
                        + " (connection refused or unreachable)", e);
                continue;
            } catch (IOException e) {
                last = new RestFailure(RestFailure.Kind.NETWORK, "Connection to " + hostOf(uri) + " failed: "
                        + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
                continue;
            }
            int status = response.statusCode();
            if (status == 200) {
                return response.body();
            }
            if (status >= 300 && status < 400) {
                throw new RestFailure(RestFailure.Kind.REDIRECTED, "Jenkins at " + base + " redirected " + uri
                        + " to " + response.headers().firstValue("Location").orElse("another address")
                        + ": give --url as the address Jenkins itself uses (its root URL, often https://)");
            }
            RestFailure failure = failure(status, uri);
            if (!retryable(status)) {
                throw failure;
            }
            last = failure;
            retryAfter = response.headers().firstValue("Retry-After");
        }
        throw Objects.requireNonNull(last);
    }

    /** The wait before a retry: exponential, or the server's {@code Retry-After} seconds where longer (capped). */
    private long delay(int attempt, Optional<String> header) {
        long exponential = settings.backoff().toMillis() << (attempt - 1);
        if (header.isPresent()) {
            try {
                long seconds = Long.parseLong(header.get().trim());
                return Math.min(MAX_RETRY_AFTER_MILLIS, Math.max(exponential, seconds * 1000));
            } catch (NumberFormatException e) {
                // an HTTP date: keep the exponential delay
            }
        }
        return exponential;
    }

    private static boolean retryable(int status) {
        return status >= 500 || status == 429;
    }

    private RestFailure failure(int status, URI uri) {
        switch (status) {
            case 401:
                return new RestFailure(RestFailure.Kind.UNAUTHORIZED, "Jenkins at " + base + " answered 401"
                        + " Unauthorized: " + (authorization == null
                                ? "give --user and --token-env (the name of an environment variable holding an API"
                                        + " token)"
                                : "the user or the API token is wrong"));
            case 403:
                return new RestFailure(RestFailure.Kind.FORBIDDEN, "Jenkins at " + base + " answered 403 Forbidden"
                        + " for " + uri.getRawPath() + ": " + (authorization == null
                                ? "anonymous users may not read it; give --user and --token-env"
                                : "this user lacks Overall/Read or Job/Read there"));
            case 404:
                return new RestFailure(RestFailure.Kind.NOT_FOUND, "Not found (404): " + uri);
            default:
                return new RestFailure(RestFailure.Kind.SERVER, "Jenkins answered " + status + " for " + uri
                        + (retryable(status) ? " (after " + (settings.retries() + 1) + " attempts)" : ""));
        }
    }

    private static String seconds(Duration duration) {
        return Long.toString(Math.max(1, duration.toSeconds()));
    }

    private static String hostOf(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    private static URI withSlash(URI uri) {
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("Put no credentials in the URL: give --user and --token-env");
        }
        String scheme = uri.getScheme();
        if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("The Jenkins URL must start with https:// or http://, not '" + uri
                    + "'");
        }
        String text = uri.toString();
        return text.endsWith("/") ? uri : URI.create(text + "/");
    }

    @Override
    public String toString() {
        return "JenkinsClient[" + base + (authorization == null ? ", anonymous" : ", with credentials") + "]";
    }
}
