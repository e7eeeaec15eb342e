package io.jenkins.plugins.valuestream.cli.source;

import io.jenkins.plugins.valuestream.cli.exit.ReportFailure;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Where a report's runs come from. Listing is cheap (run numbers only); reading can skip the runs a cache already
 * holds, so a second report reads only what is new.
 */
public interface RunSource {

    /** The jobs and their runs, oldest first; a source with nothing in it throws with exit code 2. */
    List<JobListing> list() throws ReportFailure, InterruptedException;

    /** Reads one listed job's runs but those in {@code skip}; unreadable runs become warnings. */
    JobRuns read(JobListing job, Set<Integer> skip) throws ReportFailure, InterruptedException;

    /**
     * Reads one listed job's runs but those in {@code skip} as process maps, measured against {@link #now()}. A
     * source that reads much (build folders) does it on every core and keeps no flow graph longer than it needs.
     */
    default JobMaps readMaps(JobListing job, Set<Integer> skip) throws ReportFailure, InterruptedException {
        JobRuns read = read(job, skip);
        List<ProcessMap> maps = new ArrayList<>(read.runs().size());
        for (SourceRun run : read.runs()) {
            maps.add(RunExtraction.processMap(run, now()));
        }
        return new JobMaps(read.name(), maps, read.warnings());
    }

    /**
     * What the source left out of the report and why, one line each (e.g. a job that is not a Pipeline), known once
     * its jobs have been read; empty where nothing was left out.
     */
    default List<String> leftOut() {
        return List.of();
    }

    /** The Jenkins root URL the runs can be opened at, for links back from the page, or {@code null}. */
    default @Nullable String jenkinsUrl() {
        return null;
    }

    /** The instant running runs are measured against. */
    long now();

    /** A name for messages: the folder, the server, "the demo data set". */
    String describe();

    /**
     * What identifies this source's runs in a cache ({@code rest:https://ci.example.com/},
     * {@code home:/var/lib/jenkins}), or {@code null} for a source not worth caching.
     */
    @Nullable String cacheKey();
}
