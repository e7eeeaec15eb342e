package io.jenkins.plugins.valuestream.chain;

import java.util.Objects;

/**
 * One run of one job, as upstream causes name it.
 *
 * @param job the job's full name
 * @param number the build number
 */
public record RunKey(String job, int number) implements Comparable<RunKey> {
    public RunKey {
        Objects.requireNonNull(job, "job");
    }

    @Override
    public int compareTo(RunKey other) {
        int byJob = job.compareTo(other.job);
        return byJob != 0 ? byJob : Integer.compare(number, other.number);
    }

    /** {@code job #number}, as messages and pages name a run. */
    @Override
    public String toString() {
        return job + " #" + number;
    }
}
