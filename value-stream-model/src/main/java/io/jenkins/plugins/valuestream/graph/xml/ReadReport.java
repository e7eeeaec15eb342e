package io.jenkins.plugins.valuestream.graph.xml;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The outcome of reading one or more run folders.
 *
 * @param runs the Pipeline runs read, by job (in the order read) and, within a job, by build number
 * @param skipped the run folders that could not be read, and why
 * @param otherBuilds how many builds were left out as not Pipeline runs (freestyle, Maven, ...)
 */
public record ReadReport(List<RunRecord> runs, List<SkippedRun> skipped, int otherBuilds) {

    public ReadReport {
        runs = List.copyOf(runs);
        skipped = List.copyOf(skipped);
    }

    /** The full names of the jobs with at least one run read, in the order read. */
    public List<String> jobs() {
        Set<String> jobs = new LinkedHashSet<>();
        for (RunRecord run : runs) {
            jobs.add(run.job());
        }
        return List.copyOf(jobs);
    }

    /** The runs of one job, by build number. */
    public List<RunRecord> runs(String job) {
        return runs.stream().filter(run -> run.job().equals(job)).toList();
    }

    /** Collects what a read reports into a {@link ReadReport}. */
    static final class Collector implements ReadListener {
        private final List<RunRecord> runs = new ArrayList<>();
        private final List<SkippedRun> skipped = new ArrayList<>();
        private int otherBuilds;

        @Override
        public void run(RunRecord run) {
            runs.add(run);
        }

        @Override
        public void skipped(SkippedRun run) {
            skipped.add(run);
        }

        @Override
        public void otherBuild(String job, Path folder, String root) {
            otherBuilds++;
        }

        ReadReport report() {
            // Within a job, by the number build.xml gives (folder names are only the first guess).
            Map<String, Integer> jobOrder = new HashMap<>();
            for (RunRecord run : runs) {
                jobOrder.putIfAbsent(run.job(), jobOrder.size());
            }
            List<RunRecord> ordered = new ArrayList<>(runs);
            ordered.sort(Comparator.comparingInt((RunRecord run) -> jobOrder.get(run.job()))
                    .thenComparingInt(RunRecord::number));
            return new ReadReport(ordered, skipped, otherBuilds);
        }
    }
}
