package io.jenkins.plugins.valuestream.cli.source;

import java.util.List;
import java.util.Objects;

/**
 * The runs of one job as read from a source, oldest first, with the warnings about runs that could not be read
 * (each names the run and the reason; the other runs are still reported).
 *
 * @param name the job's full name ({@code folder/job})
 * @param runs the runs read
 * @param warnings one line per run skipped or read only in part
 */
public record JobRuns(String name, List<SourceRun> runs, List<String> warnings) {
    public JobRuns {
        Objects.requireNonNull(name, "name");
        runs = List.copyOf(runs);
        warnings = List.copyOf(warnings);
    }
}
