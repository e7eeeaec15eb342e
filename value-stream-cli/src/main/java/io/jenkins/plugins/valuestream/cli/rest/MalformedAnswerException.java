package io.jenkins.plugins.valuestream.cli.rest;

/** An answer of the REST API that is not what the API documents: not JSON, or a required field missing or wrong. */
public final class MalformedAnswerException extends Exception {
    private static final long serialVersionUID = 1L;

    public MalformedAnswerException(String message) {
        super(message);
    }

    public MalformedAnswerException(String message, Throwable cause) {
        super(message, cause);
    }
}
