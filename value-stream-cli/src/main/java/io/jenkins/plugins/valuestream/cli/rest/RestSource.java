package io.jenkins.plugins.valuestream.cli.rest;

import io.jenkins.plugins.valuestream.cli.exit.ExitCode;
import io.jenkins.plugins.valuestream.cli.exit.ReportFailure;
import io.jenkins.plugins.valuestream.cli.source.JobListing;
import io.jenkins.plugins.valuestream.cli.source.JobRuns;
import io.jenkins.plugins.valuestream.cli.source.RunSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** One Pipeline job on a Jenkins server, read through the Stage View REST API. */
public final class RestSource implements RunSource {
    private final RestJobReader reader;
    private final JobPath job;
    private final int maxRuns;
    private final String server;
    private final long now = System.currentTimeMillis();
    private RestJobReader.@Nullable Listing listing;

    public RestSource(RestJobReader reader, JobPath job, int maxRuns, String server) {
        this.reader = reader;
        this.job = job;
        this.maxRuns = maxRuns;
        this.server = server;
    }

    @Override
    public List<JobListing> list() throws ReportFailure, InterruptedException {
        try {
            listing = reader.list(job, maxRuns);
        } catch (RestFailure e) {
            throw failure(e);
        }
        if (listing.builds().isEmpty()) {
            throw new ReportFailure(ExitCode.NO_DATA, "Job '" + listing.fullName() + "' on " + server
                    + " has no runs");
        }
        List<Integer> runs = new ArrayList<>();
        List<Integer> running = new ArrayList<>();
        for (RestJobReader.Build build : listing.builds()) {
            runs.add(build.number());
            if (build.building()) {
                running.add(build.number());
            }
        }
        return List.of(new JobListing(listing.fullName(), runs, running));
    }

    @Override
    public JobRuns read(JobListing listed, Set<Integer> skip) throws ReportFailure, InterruptedException {
        RestJobReader.Listing builds = listing;
        if (builds == null) {
            list();
            builds = Objects.requireNonNull(listing, "list() sets the listing");
        }
        try {
            return reader.read(job, builds, skip);
        } catch (RestFailure e) {
            throw failure(e);
        }
    }

    @Override
    public long now() {
        return now;
    }

    @Override
    public String cacheKey() {
        return "rest:" + server;
    }

    @Override
    public String jenkinsUrl() {
        return server;
    }

    @Override
    public String describe() {
        return server;
    }

    /** The exit code of a failed request: access refused, nothing there, or a server that cannot be read. */
    static ReportFailure failure(RestFailure e) {
        switch (e.kind()) {
            case UNAUTHORIZED:
            case FORBIDDEN:
                return new ReportFailure(ExitCode.ACCESS, e);
            case NOT_FOUND:
            case NOT_A_PIPELINE:
            case REDIRECTED:
                return new ReportFailure(ExitCode.NO_DATA, e);
            default:
                return new ReportFailure(ExitCode.REMOTE, e);
        }
    }
}
