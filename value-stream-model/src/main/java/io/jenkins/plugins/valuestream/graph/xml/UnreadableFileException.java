package io.jenkins.plugins.valuestream.graph.xml;

/**
 * A file of a run folder that cannot be read: malformed or truncated XML, a value of the wrong form. The run it
 * belongs to is skipped with this reason; the other runs are still read.
 */
final class UnreadableFileException extends Exception {
    private final String file;
    private final String reason;

    UnreadableFileException(String file, String reason) {
        super(file + ": " + reason);
        this.file = file;
        this.reason = reason;
    }

    UnreadableFileException(String file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
        this.file = file;
        this.reason = reason;
    }

    /** The file, relative to its run folder ({@code build.xml}, {@code workflow/12.xml}, ...). */
    String file() {
        return file;
    }

    String reason() {
        return reason;
    }
}
