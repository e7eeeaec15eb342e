package io.jenkins.plugins.valuestream.chain;

import io.jenkins.plugins.valuestream.process.ProcessMap;
import java.util.Objects;

/**
 * The process map of one run of a named job: what chains are linked from.
 *
 * @param job the job's full name, as the upstream causes of its downstream runs name it
 * @param map the run's process map, with its {@link ProcessMap#upstream() upstream causes}
 */
public record JobRun(String job, ProcessMap map) {
    public JobRun {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(map, "map");
    }

    public RunKey key() {
        return new RunKey(job, map.number());
    }
}
