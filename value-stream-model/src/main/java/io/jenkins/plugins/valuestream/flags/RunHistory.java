package io.jenkins.plugins.valuestream.flags;

import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.ProcessStep;
import io.jenkins.plugins.valuestream.process.StepPath;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
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
        if (history instanceof Prepared prepared) {
            return new RunHistory(newestFirst(prepared.ascending.subList(0,
                    countBelow(prepared.ascending, run.number()))));
        }
        if (history instanceof List<ProcessMap> list && finishedInOrder(list)) {
            // A job's runs as a report holds them: then the runs before this one are a prefix, read backwards.
            return new RunHistory(newestFirst(list.subList(0, countBelow(list, run.number()))));
        }
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

    /**
     * What {@link #before} keeps of a history for any run, worked out once: its finished runs, one per build number
     * (of two, the one known as of later), in ascending order. Flagging each of a job's thousands of runs against the
     * same history then takes a search for its prefix, not a pass over the whole history per run.
     */
    static Collection<ProcessMap> prepare(Collection<ProcessMap> history) {
        if (history instanceof Prepared) {
            return history;
        }
        List<ProcessMap> ascending;
        if (history instanceof List<ProcessMap> list && finishedInOrder(list)) {
            ascending = list;
        } else {
            Map<Integer, ProcessMap> byNumber = new HashMap<>();
            for (ProcessMap each : history) {
                if (!each.running()) {
                    byNumber.merge(each.number(), each, (a, b) -> b.asOf() >= a.asOf() ? b : a);
                }
            }
            ascending = new ArrayList<>(byNumber.values());
            ascending.sort(Comparator.comparingInt(ProcessMap::number));
        }
        return new Prepared(List.copyOf(ascending));
    }

    /** A history as {@link #prepare} leaves it: finished runs, one per build number, ascending. */
    private static final class Prepared extends AbstractList<ProcessMap> implements RandomAccess {
        private final List<ProcessMap> ascending;

        Prepared(List<ProcessMap> ascending) {
            this.ascending = ascending;
        }

        @Override
        public ProcessMap get(int index) {
            return ascending.get(index);
        }

        @Override
        public int size() {
            return ascending.size();
        }
    }

    /** Whether the runs are finished, one per build number, in ascending order (a cheap pass, no allocation). */
    private static boolean finishedInOrder(List<ProcessMap> runs) {
        int previous = Integer.MIN_VALUE;
        for (ProcessMap each : runs) {
            if (each.running() || each.number() <= previous) {
                return false;
            }
            previous = each.number();
        }
        return true;
    }

    /** How many runs of an ascending list are numbered below {@code number}. */
    private static int countBelow(List<ProcessMap> ascending, int number) {
        int low = 0;
        int high = ascending.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (ascending.get(middle).number() < number) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private static List<ProcessMap> newestFirst(List<ProcessMap> ascending) {
        return new AbstractList<>() {
            @Override
            public ProcessMap get(int index) {
                return ascending.get(ascending.size() - 1 - index);
            }

            @Override
            public int size() {
                return ascending.size();
            }
        };
    }

    List<ProcessMap> runs() {
        return before;
    }

    /**
     * The counted step of the given path and occurrence in a run, or {@code null} where it did not run. The runs of a
     * job mostly have the same steps in the same order, so the step at {@code position} (where the step is in the run
     * being flagged) is tried first.
     */
    static @Nullable ProcessStep countedStep(ProcessMap run, StepPath path, int occurrence, int position) {
        List<ProcessStep> steps = run.steps();
        if (position < steps.size()) {
            ProcessStep there = steps.get(position);
            if (there.occurrence() == occurrence && there.counted() && there.path().equals(path)) {
                return there;
            }
        }
        for (ProcessStep step : steps) {
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
