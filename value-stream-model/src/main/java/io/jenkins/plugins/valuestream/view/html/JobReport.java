package io.jenkins.plugins.valuestream.view.html;

import io.jenkins.plugins.valuestream.stream.ValueStream;
import java.util.List;
import java.util.Objects;

/**
 * One job in the report: its value stream and the runs to drill down into (any order; shown newest first).
 *
 * @param name the job's name as shown
 * @param stream its value stream
 * @param runs its runs
 */
public record JobReport(String name, ValueStream stream, List<RunReport> runs) {
    public JobReport {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(stream, "stream");
        runs = List.copyOf(runs);
    }
}
