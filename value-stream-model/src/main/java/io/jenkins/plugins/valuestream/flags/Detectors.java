package io.jenkins.plugins.valuestream.flags;

import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.StepPath;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs every detector on a run: what the build page shows. A flag costs at most its run's lead time, and a flag that
 * costs less than its kind's {@linkplain DetectorSettings#floorMillis floor} is dropped: nobody acts on it.
 */
public final class Detectors {
    /** Costliest first; equal costs by kind, then step, so that the order never depends on the detectors' order. */
    static final Comparator<Flag> BY_COST = Comparator.comparingLong(Flag::costMillis).reversed()
            .thenComparing(Flag::kind)
            .thenComparing(Flag::step)
            .thenComparing(Flag::message);

    private Detectors() {
    }

    /**
     * A history to flag many runs against ({@link #flag}), such as all runs of a job: the same flags as the history
     * itself gives, but each run's earlier runs are found by a search instead of a pass over the whole history.
     */
    public static Collection<ProcessMap> history(Collection<ProcessMap> runs) {
        return RunHistory.prepare(runs);
    }

    /**
     * All flags of a run, costliest first.
     *
     * @param run the run to look at (finished or unfinished: an unfinished run gets no slow flags)
     * @param history the job's other runs, in any order; runs that are unfinished or not older than {@code run} are
     *     ignored
     */
    public static List<Flag> flag(ProcessMap run, Collection<ProcessMap> history, DetectorSettings settings) {
        List<Flag> raised = new ArrayList<>();
        // Both detectors that compare with the history look at the same runs before this one: found once.
        List<ProcessMap> before = RunHistory.before(run, history).runs();
        raised.addAll(SlowStepDetector.detectAfter(run, before, settings));
        raised.addAll(DuplicateWorkDetector.detect(run));
        raised.addAll(RepeatedAgentDetector.detect(run));
        raised.addAll(NoOpDetector.detectAfter(run, before, settings));
        long lead = Math.max(0, run.leadTimeMillis());
        List<Flag> kept = new ArrayList<>(raised.size());
        for (Flag flag : raised) {
            Flag capped = flag.costingAtMost(lead);
            if (capped.costMillis() >= settings.floorMillis(capped.kind(), lead)) {
                kept.add(capped);
            }
        }
        // A repeated agent's cost includes the setup its fresh workspace repeated, and staying on the agent is the
        // better remedy: the setup-on-each-agent flag of that step would count the same time twice.
        Set<StepPath> reallocated = new HashSet<>();
        for (Flag flag : kept) {
            if (flag.kind() == FlagKind.REPEATED_AGENT) {
                reallocated.add(flag.step());
            }
        }
        List<Flag> flags = new ArrayList<>(kept.size());
        for (Flag flag : kept) {
            if (flag.kind() != FlagKind.SETUP_ON_EACH_AGENT || !reallocated.contains(flag.step())) {
                flags.add(flag);
            }
        }
        flags.sort(BY_COST);
        return List.copyOf(flags);
    }
}
