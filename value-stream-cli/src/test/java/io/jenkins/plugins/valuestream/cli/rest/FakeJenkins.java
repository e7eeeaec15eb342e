package io.jenkins.plugins.valuestream.cli.rest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Jenkins that answers the Stage View REST API from recorded answers, on 127.0.0.1 under the context path
 * {@code /jenkins/}. The job {@code shop/checkout-service} serves the fixtures of {@code wfapi/checkout-service}; tests
 * can put other answers (status codes, bodies, delays) on any path, and read which requests came in.
 */
public final class FakeJenkins implements AutoCloseable {
    public static final String JOB = "/jenkins/job/shop/job/checkout-service/";
    private static final String FIXTURES = "/wfapi/checkout-service/";

    /** One answer: a status, a body, and how long to think before sending it. */
    public record Answer(int status, String body, long delayMillis) {
        public static Answer ok(String body) {
            return new Answer(200, body, 0);
        }

        public static Answer status(int status) {
            return new Answer(status, "<html><body>Error " + status + "</body></html>", 0);
        }
    }

    private final HttpServer server;
    private final Map<String, Deque<Answer>> scripted = new ConcurrentHashMap<>();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile long delayMillis;

    public FakeJenkins() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/", this::handle);
        server.start();
    }

    /** The server's base address, with its context path. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jenkins/");
    }

    /** Answers the given path (with its query) with these answers in turn; the last one stays. */
    public FakeJenkins answer(String pathAndQuery, Answer... answers) {
        scripted.put(pathAndQuery, new ArrayDeque<>(List.of(answers)));
        return this;
    }

    /** Makes every fixture answer take this long (to see concurrent requests overlap). */
    FakeJenkins delayEveryAnswer(long millis) {
        this.delayMillis = millis;
        return this;
    }

    public List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    List<String> authorizations() {
        synchronized (authorizations) {
            return List.copyOf(authorizations);
        }
    }

    int maxConcurrentRequests() {
        return maxInFlight.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            String full = query == null ? path : path + "?" + query;
            requests.add(full);
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(authorization == null ? "" : authorization);
            Answer answer = scriptedAnswer(full);
            if (answer == null) {
                answer = scriptedAnswer(path);
            }
            if (answer == null) {
                answer = fixture(path);
            }
            long delay = answer.delayMillis() + delayMillis;
            if (delay > 0) {
                Thread.sleep(delay);
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type",
                    answer.body().startsWith("<") ? "text/html" : "application/json;charset=utf-8");
            exchange.sendResponseHeaders(answer.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client went away (a time-out test): nothing to answer
        } finally {
            inFlight.decrementAndGet();
            exchange.close();
        }
    }

    private Answer scriptedAnswer(String key) {
        Deque<Answer> answers = scripted.get(key);
        if (answers == null) {
            return null;
        }
        synchronized (answers) {
            return answers.size() > 1 ? answers.poll() : answers.peek();
        }
    }

    /** The recorded answers of {@code shop/checkout-service}; 404 for anything else. */
    private static Answer fixture(String path) {
        if (!path.startsWith(JOB)) {
            return Answer.status(404);
        }
        String rest = path.substring(JOB.length());
        String file;
        if (rest.equals("api/json")) {
            file = "job.json";
        } else if (rest.equals("wfapi/describe")) {
            file = "job.wfapi.json";
        } else if (rest.matches("\\d+/wfapi/describe")) {
            file = rest.substring(0, rest.indexOf('/')) + ".describe.json";
        } else if (rest.matches("\\d+/execution/node/\\d+/wfapi/describe")) {
            String[] parts = rest.split("/");
            file = parts[0] + ".node." + parts[3] + ".json";
        } else {
            return Answer.status(404);
        }
        String text = resource(FIXTURES + file);
        return text == null ? Answer.status(404) : Answer.ok(text);
    }

    public static String resource(String name) {
        try (InputStream in = FakeJenkins.class.getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
