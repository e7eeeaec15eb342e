package io.jenkins.plugins.valuestream.flags;

import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.ProcessStep;
import io.jenkins.plugins.valuestream.process.StepPath;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The finished runs before a given run, newest first, and lookups of one step in them. */
final class RunHistory {
    private final List<ProcessMap> before;

    private RunHistory(List<ProcessMap> before) {
        this.before = before;
    }

    /**
     * The finished runs of {@code history} numbered below {@code run}, newest first, one per build number; the
     * history may be in any order and may contain the run itself or later runs.
     */
    static RunHistory before(ProcessMap run, Collection<ProcessMap> history) {
        Map<Integer, ProcessMap> byNumber = new HashMap<>();
        for (ProcessMap earlier : history) {
            if (!earlier.running() && earlier.number() < run.number()) {
                byNumber.merge(earlier.number(), earlier, (a, b) -> b.asOf() >= a.asOf() ? b : a);
            }
        }
        List<ProcessMap> sorted = new ArrayList<>(byNumber.values());
        sorted.sort(Comparator.comparingInt(ProcessMap::number).reversed());
        return new RunHistory(sorted);
    }

    List<ProcessMap> runs() {
        return before;
    }

    /** The counted step of the given path and occurrence in a run, or {@code null} where it did not run. */
    static @Nullable ProcessStep countedStep(ProcessMap run, StepPath path, int occurrence) {
        for (ProcessStep step : run.steps()) {
            if (step.occurrence() == occurrence && step.counted() && step.path().equals(path)) {
                return step;
            }
        }
        return null;
    }

    /** "#12" or "#3 to #12": the build numbers of runs listed newest first. */
    static String numberRange(List<ProcessMap> newestFirst) {
        int newest = newestFirst.get(0).number();
        int oldest = newestFirst.get(newestFirst.size() - 1).number();
        return newest == oldest ? "#" + newest : "#" + oldest + " to #" + newest;
    }
}
