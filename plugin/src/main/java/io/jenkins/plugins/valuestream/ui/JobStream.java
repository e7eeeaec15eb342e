package io.jenkins.plugins.valuestream.ui;

import hudson.model.Job;
import io.jenkins.plugins.valuestream.chain.Chain;
import io.jenkins.plugins.valuestream.chain.ChainAggregator;
import io.jenkins.plugins.valuestream.chain.ChainLinker;
import io.jenkins.plugins.valuestream.chain.ChainStream;
import io.jenkins.plugins.valuestream.chain.JobRun;
import io.jenkins.plugins.valuestream.graph.UpstreamCause;
import io.jenkins.plugins.valuestream.history.DownstreamJobs;
import io.jenkins.plugins.valuestream.history.JobHistory;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.stream.RunWindow;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jspecify.annotations.Nullable;

/**
 * "This job in its stream": the end-to-end value stream of the chains of jobs a job's runs belong to
 * (docs/definitions.md, "Chains of jobs"). The jobs around it are found from its runs' upstream causes and the jobs
 * noted as its downstream ({@link DownstreamJobs}), then from theirs, at most {@link #MAX_JOBS} jobs; each is read
 * from its store, its newest {@link #RUNS_PER_JOB} runs. Only the Pipeline jobs the reader may read take part: a
 * chain through another job stops there.
 */
final class JobStream {
    /** How many jobs a chain is followed through. */
    static final int MAX_JOBS = 20;
    /** How many of each job's newest recorded runs are linked. */
    static final int RUNS_PER_JOB = 200;

    private static final Logger LOGGER = Logger.getLogger(JobStream.class.getName());

    private JobStream() {
    }

    /**
     * The value stream of the most frequent shape of chain that the job's runs are part of, or {@code null} where
     * none of its recent runs started or was started by another recorded run.
     *
     * @param job the job
     * @param runs its recorded runs
     */
    static @Nullable ChainStream of(WorkflowJob job, List<ProcessMap> runs) {
        List<JobRun> linked = new ArrayList<>();
        Set<String> visited = new LinkedHashSet<>();
        Deque<Job<?, ?>> toVisit = new ArrayDeque<>();
        visited.add(job.getFullName());
        add(linked, job, newest(runs), visited, toVisit);
        while (!toVisit.isEmpty() && visited.size() <= MAX_JOBS) {
            Job<?, ?> next = toVisit.poll();
            try {
                add(linked, next, newest(JobHistory.read(next).runs()), visited, toVisit);
            } catch (IOException e) {
                LOGGER.log(Level.WARNING, "Leaving " + next.getFullName() + " out of the chains of "
                        + job.getFullName() + ": its value-stream store cannot be read", e);
            }
        }
        if (visited.size() == 1) {
            return null;
        }
        List<Chain> chains = ChainLinker.link(linked).stream()
                .filter(chain -> chain.runs().size() > 1 && chain.contains(job.getFullName())).toList();
        return ChainAggregator.aggregate(chains).stream()
                .filter(stream -> stream.stream().runs() > 0)
                .max(Comparator.comparingInt((ChainStream stream) -> stream.stream().runs())).orElse(null);
    }

    private static List<ProcessMap> newest(List<ProcessMap> runs) {
        return RunWindow.last(RUNS_PER_JOB).select(runs);
    }

    /** Adds the job's runs and queues the jobs they link to that were not seen yet. */
    private static void add(List<JobRun> linked, Job<?, ?> job, List<ProcessMap> runs, Set<String> visited,
            Deque<Job<?, ?>> toVisit) {
        Set<String> neighbours = new LinkedHashSet<>();
        for (ProcessMap map : runs) {
            linked.add(new JobRun(job.getFullName(), map));
            for (UpstreamCause cause : map.upstream()) {
                neighbours.add(cause.job());
            }
        }
        neighbours.addAll(DownstreamJobs.of(job));
        for (String name : neighbours) {
            if (visited.contains(name)) {
                continue;
            }
            // As the reader: a job they may not read is not found, and its runs stay out.
            WorkflowJob neighbour = Jenkins.get().getItemByFullName(name, WorkflowJob.class);
            if (neighbour != null) {
                visited.add(name);
                toVisit.add(neighbour);
            }
        }
    }
}
