package io.jenkins.plugins.valuestream.flags;

import io.jenkins.plugins.valuestream.process.ProcessMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * A reset of a job's baseline: after a deliberate change made the job slower or faster, runs from {@code firstBuild}
 * on are compared only with each other, so the old history raises no flags on them. Runs before the reset keep the
 * history they had, so their flags do not change.
 *
 * @param firstBuild the first build of the new baseline; 0 where the baseline was never reset
 */
public record BaselineReset(int firstBuild) {
    /** No reset: every run is compared with all runs before it. */
    public static final BaselineReset NONE = new BaselineReset(0);

    public BaselineReset {
        if (firstBuild < 0) {
            throw new IllegalArgumentException("A baseline starts at a build number of 1 or more (0: never reset), got "
                    + firstBuild);
        }
    }

    /**
     * The runs of the same baseline as {@code run}, to give {@link Detectors#flag} as its history: from
     * {@code firstBuild} on for a run from {@code firstBuild} on, the runs before {@code firstBuild} for an older run.
     *
     * @param run the run to flag
     * @param runs the job's runs, in any order
     */
    public List<ProcessMap> sameBaseline(ProcessMap run, Collection<ProcessMap> runs) {
        if (firstBuild == 0) {
            // No copy: a report asks this once per run, of the same thousands of runs.
            return runs instanceof List<ProcessMap> list ? Collections.unmodifiableList(list) : List.copyOf(runs);
        }
        boolean newBaseline = run.number() >= firstBuild;
        List<ProcessMap> kept = new ArrayList<>();
        for (ProcessMap other : runs) {
            if ((other.number() >= firstBuild) == newBaseline) {
                kept.add(other);
            }
        }
        return kept;
    }
}
