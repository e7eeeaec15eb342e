package io.jenkins.plugins.valuestream.chain;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Runs of several jobs linked by upstream causes, from a root run that no run of the data set started
 * (docs/definitions.md, "Chains of jobs").
 *
 * @param runs the runs in chain order: the root first, then depth first along the downstream links, the runs one
 *     run triggered by job name and build number; each run once
 * @param handoffs one per run but the root: the hand-off from its upstream run, in the order of {@code runs}
 */
public record Chain(List<JobRun> runs, List<Handoff> handoffs) {
    public Chain {
        runs = List.copyOf(runs);
        handoffs = List.copyOf(handoffs);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("A chain has at least its root run");
        }
        if (handoffs.size() != runs.size() - 1) {
            throw new IllegalArgumentException("A chain of " + runs.size() + " runs has " + (runs.size() - 1)
                    + " hand-offs, not " + handoffs.size());
        }
    }

    public JobRun root() {
        return runs.get(0);
    }

    /** The jobs of the runs in chain order, repeats included: chains of the same shape are aggregated together. */
    public List<String> jobs() {
        List<String> jobs = new ArrayList<>(runs.size());
        runs.forEach(run -> jobs.add(run.job()));
        return jobs;
    }

    /** Whether the chain has the given run. */
    public boolean contains(String job) {
        return runs.stream().anyMatch(run -> run.job().equals(job));
    }

    /** When the chain's lead time starts: the root run's queue entry, or its start where that is unknown. */
    public long leadStart() {
        return root().map().leadStart();
    }

    /** The last completion of a run of the chain, or {@code null} while one of its runs is going. */
    public @Nullable Long completedAt() {
        long last = Long.MIN_VALUE;
        for (JobRun run : runs) {
            Long completed = run.map().completedAt();
            if (completed == null) {
                return null;
            }
            last = Math.max(last, completed);
        }
        return last;
    }

    /** The latest {@code asOf} of its runs: the last completion once every run has ended. */
    public long asOf() {
        long last = Long.MIN_VALUE;
        for (JobRun run : runs) {
            last = Math.max(last, run.map().asOf());
        }
        return last;
    }

    public boolean running() {
        return completedAt() == null;
    }

    /** The last completion (or latest {@code asOf} while running) − {@link #leadStart()}. */
    public long leadTimeMillis() {
        return asOf() - leadStart();
    }

    /** The hand-off into the given run, or {@code null} for the root. */
    public @Nullable Handoff handoffTo(RunKey run) {
        for (Handoff handoff : handoffs) {
            if (handoff.to().equals(run)) {
                return handoff;
            }
        }
        return null;
    }

    /** The root's key, which names the chain: {@code build #12}. */
    public RunKey key() {
        return root().key();
    }
}
