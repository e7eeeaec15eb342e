package io.jenkins.plugins.valuestream.cli.exit;

/** A report that cannot be made, with the one-line message for users and the exit code that goes with it. */
public final class ReportFailure extends Exception {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    public ReportFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public ReportFailure(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** A failure that says what {@code cause} says (its message, or what it is where it has none). */
    public ReportFailure(int exitCode, Throwable cause) {
        this(exitCode, messageOf(cause), cause);
    }

    private static String messageOf(Throwable cause) {
        String message = cause.getMessage();
        return message != null ? message : cause.toString();
    }

    public int exitCode() {
        return exitCode;
    }
}
