package io.jenkins.plugins.valuestream.cli.source;

import java.util.List;
import java.util.Objects;

/**
 * One job of a source and its runs, oldest first.
 *
 * @param name the job's full name
 * @param runs the run numbers
 * @param running the numbers of the runs still going (never cached: their numbers are not final)
 */
public record JobListing(String name, List<Integer> runs, List<Integer> running) {
    public JobListing {
        Objects.requireNonNull(name, "name");
        runs = List.copyOf(runs);
        running = List.copyOf(running);
    }
}
