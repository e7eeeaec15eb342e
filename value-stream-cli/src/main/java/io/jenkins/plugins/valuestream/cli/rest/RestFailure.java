package io.jenkins.plugins.valuestream.cli.rest;

import java.util.Objects;

/**
 * A request to Jenkins that did not give an answer to read. The message is one line for users: what was asked, what
 * came back, and what to do; it never holds credentials.
 */
public final class RestFailure extends Exception {
    private static final long serialVersionUID = 1L;

    /** What went wrong, which decides whether the report can go on without that answer. */
    public enum Kind {
        /** 401: no or wrong credentials. */
        UNAUTHORIZED,
        /** 403: the user may not read this. */
        FORBIDDEN,
        /** 404: no such job, run or API. */
        NOT_FOUND,
        /** The job exists but is not a Pipeline job. */
        NOT_A_PIPELINE,
        /** 3xx: the server sent us elsewhere (http to https, another host); never followed with credentials. */
        REDIRECTED,
        /** 5xx after all retries, or another status the API does not answer with. */
        SERVER,
        /** No answer: connection refused, time-out, TLS failure, after all retries. */
        NETWORK,
        /** An answer that is not what the API documents. */
        MALFORMED
    }

    private final Kind kind;

    public RestFailure(Kind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public RestFailure(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }

    /** Whether the whole report must stop: the server refuses us, or the thing asked for does not exist. */
    public boolean fatal() {
        return kind == Kind.UNAUTHORIZED || kind == Kind.FORBIDDEN || kind == Kind.NOT_A_PIPELINE
                || kind == Kind.REDIRECTED;
    }
}
