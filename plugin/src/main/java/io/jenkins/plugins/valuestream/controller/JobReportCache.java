package io.jenkins.plugins.valuestream.controller;

import hudson.model.Job;
import io.jenkins.plugins.valuestream.config.ValueStreamConfiguration;
import io.jenkins.plugins.valuestream.flags.BaselineReset;
import io.jenkins.plugins.valuestream.flags.DetectorSettings;
import io.jenkins.plugins.valuestream.history.JobHistory;
import io.jenkins.plugins.valuestream.report.JobReport;
import io.jenkins.plugins.valuestream.report.ReportAssembler;
import io.jenkins.plugins.valuestream.ui.BaselineStart;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/**
 * Each job's report over every run its store holds, kept until the store, the detector settings or the job's
 * baseline change: a scrape every few seconds then costs reading one file's attributes per job, and only a job with
 * a newly recorded run is assembled again.
 */
final class JobReportCache {
    /** How many of each job's newest runs are flagged (their flags are counted); older runs count without flags. */
    static final int FLAGGED_RUNS = 200;

    /** What a report was assembled from; a report whose key changed is assembled again. */
    private record Key(long size, long modified, DetectorSettings settings, BaselineReset baseline) {
    }

    private record Entry(Key key, JobReport report) {
    }

    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();

    /** The job's report, or {@code null} where it has no store yet (no run recorded). */
    @Nullable JobReport report(Job<?, ?> job) throws IOException {
        Path file = JobHistory.file(job);
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            entries.remove(job.getFullName());
            return null;
        }
        DetectorSettings settings = ValueStreamConfiguration.get().detectorSettings();
        BaselineReset baseline = BaselineStart.of(job);
        Key key = new Key(attributes.size(), attributes.lastModifiedTime().toMillis(), settings, baseline);
        Entry entry = entries.get(job.getFullName());
        if (entry != null && entry.key().equals(key)) {
            return entry.report();
        }
        JobHistory.Snapshot snapshot = JobHistory.read(job);
        JobReport report = new ReportAssembler(settings, baseline, FLAGGED_RUNS)
                .assemble(job.getFullName(), snapshot.runs(), snapshot.runs(), snapshot.warnings());
        entries.put(job.getFullName(), new Entry(key, report));
        return report;
    }

    /** Forgets the jobs not among those named (deleted, renamed, or no longer readable by anyone who asked). */
    void retainOnly(Set<String> fullNames) {
        entries.keySet().retainAll(fullNames);
    }
}
