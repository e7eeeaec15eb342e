package io.jenkins.plugins.valuestream.graph.xml;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A run folder that could not be read, and why: a missing, malformed or truncated file. Only this run is left out;
 * the others of its job are still read.
 *
 * @param job the job's full name
 * @param folder the run folder
 * @param reason what was wrong, naming the file relative to the run folder ({@code workflow/7.xml: line 9, column
 *     3: ...})
 */
public record SkippedRun(String job, Path folder, String reason) {

    public SkippedRun {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(reason, "reason");
    }

    /** One line for a report: {@code job #folder: reason}. */
    public String message() {
        return job + " " + folder.getFileName() + ": " + reason;
    }
}
