package io.jenkins.plugins.valuestream.cli.exit;

/** The command's exit codes, as the README lists them. */
public final class ExitCode {
    /** The report was written. */
    public static final int OK = 0;
    /** Something failed that should not have: a bug; the message says what. */
    public static final int INTERNAL = 1;
    /**
     * Nothing to report from what was given: a wrong option, a missing or empty folder, no Pipeline runs, no such job
     * (404), a job that is not a Pipeline.
     */
    public static final int NO_DATA = 2;
    /** The server refused access: 401 Unauthorized or 403 Forbidden. */
    public static final int ACCESS = 3;
    /** The server could not be read: unreachable, time-outs, 5xx after retries, a malformed listing. */
    public static final int REMOTE = 4;
    /** The report could not be written (the output file's folder is missing or not writable). */
    public static final int OUTPUT = 5;

    private ExitCode() {
    }
}
