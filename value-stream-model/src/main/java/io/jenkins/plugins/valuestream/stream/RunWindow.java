package io.jenkins.plugins.valuestream.stream;

import io.jenkins.plugins.valuestream.graph.RunResult;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Which runs of a job a value stream is computed over: the newest {@code size} finished runs, all of them or only the
 * successful ones. Running runs are never in a window (their numbers are not final); a caller that wants to show one
 * adds it and uses {@link ValueStreamAggregator#aggregateIncludingRunning}.
 *
 * @param size how many runs at most, at least 1
 * @param successfulOnly whether only runs with result {@code SUCCESS} are taken
 */
public record RunWindow(int size, boolean successfulOnly) {
    public RunWindow {
        if (size < 1) {
            throw new IllegalArgumentException("A run window needs a size of at least 1, got " + size);
        }
    }

    /** Every finished run. */
    public static RunWindow all() {
        return new RunWindow(Integer.MAX_VALUE, false);
    }

    /** The newest {@code size} finished runs, whatever their result. */
    public static RunWindow last(int size) {
        return new RunWindow(size, false);
    }

    /** The newest {@code size} successful runs. */
    public static RunWindow lastSuccessful(int size) {
        return new RunWindow(size, true);
    }

    /** The runs in this window, oldest first (by build number). */
    public List<ProcessMap> select(Collection<ProcessMap> runs) {
        List<ProcessMap> eligible = new ArrayList<>();
        for (ProcessMap run : runs) {
            if (!run.running() && (!successfulOnly || isSuccessful(run))) {
                eligible.add(run);
            }
        }
        eligible.sort(Comparator.comparingInt(ProcessMap::number));
        int from = Math.max(0, eligible.size() - size);
        return List.copyOf(eligible.subList(from, eligible.size()));
    }

    /** Whether a run finished with result {@code SUCCESS}. */
    public static boolean isSuccessful(ProcessMap run) {
        return !run.running() && run.result() == RunResult.SUCCESS;
    }
}
