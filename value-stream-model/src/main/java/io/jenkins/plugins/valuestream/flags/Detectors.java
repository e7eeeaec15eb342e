package io.jenkins.plugins.valuestream.flags;

import io.jenkins.plugins.valuestream.process.ProcessMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Runs every detector on a run: what the build page shows. */
public final class Detectors {
    /** Costliest first; equal costs by kind, then step, so that the order never depends on the detectors' order. */
    static final Comparator<Flag> BY_COST = Comparator.comparingLong(Flag::costMillis).reversed()
            .thenComparing(Flag::kind)
            .thenComparing(Flag::step)
            .thenComparing(Flag::message);

    private Detectors() {
    }

    /**
     * All flags of a run, costliest first.
     *
     * @param run the run to look at (finished or running)
     * @param history the job's other runs, in any order; runs that are running or not older than {@code run} are
     *     ignored
     */
    public static List<Flag> flag(ProcessMap run, Collection<ProcessMap> history, DetectorSettings settings) {
        List<Flag> flags = new ArrayList<>();
        flags.addAll(SlowStepDetector.detect(run, history, settings));
        flags.addAll(DuplicateWorkDetector.detect(run, settings));
        flags.addAll(RepeatedAgentDetector.detect(run));
        flags.addAll(NoOpDetector.detect(run, history, settings));
        flags.sort(BY_COST);
        return List.copyOf(flags);
    }
}
