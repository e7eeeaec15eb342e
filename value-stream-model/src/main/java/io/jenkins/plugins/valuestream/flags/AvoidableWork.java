package io.jenkins.plugins.valuestream.flags;

import io.jenkins.plugins.valuestream.process.StepPath;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A job's avoidable-work ledger: the time the flags of a window of runs would have saved, by kind and step, costliest
 * first. What a team takes into its next improvement: "the repeated checkout in Deploy cost 14 min over 20 runs".
 *
 * @param runs how many runs' flags it adds up
 * @param totalMillis the cost of all its entries
 * @param entries one per kind and step, costliest first (then by kind and step)
 */
public record AvoidableWork(int runs, long totalMillis, List<Entry> entries) {

    /**
     * One line of the ledger.
     *
     * @param kind the kind of flag
     * @param step the step flagged
     * @param totalMillis the cost of its flags, added up
     * @param flaggedRuns in how many runs it was flagged
     * @param remedy what to do about it: the remedy of its costliest flag
     */
    public record Entry(FlagKind kind, StepPath step, long totalMillis, int flaggedRuns, String remedy) {
        public Entry {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(remedy, "remedy");
        }
    }

    private static final Comparator<Entry> COSTLIEST_FIRST = Comparator.comparingLong(Entry::totalMillis).reversed()
            .thenComparing(Entry::kind)
            .thenComparing(Entry::step);

    public AvoidableWork {
        entries = List.copyOf(entries);
    }

    /** The ledger of the given runs' flags, one list per run. */
    public static AvoidableWork of(Collection<List<Flag>> flagsOfRuns) {
        Map<Key, Tally> tallies = new LinkedHashMap<>();
        for (List<Flag> flags : flagsOfRuns) {
            Set<Key> seenInRun = new HashSet<>();
            for (Flag flag : flags) {
                Key key = new Key(flag.kind(), flag.step());
                Tally tally = tallies.computeIfAbsent(key, k -> new Tally());
                tally.total += flag.costMillis();
                if (flag.costMillis() > tally.costliest) {
                    tally.costliest = flag.costMillis();
                    tally.remedy = flag.remedy();
                }
                if (seenInRun.add(key)) {
                    tally.runs++;
                }
            }
        }
        List<Entry> entries = new ArrayList<>(tallies.size());
        long total = 0;
        for (Map.Entry<Key, Tally> each : tallies.entrySet()) {
            Tally tally = each.getValue();
            entries.add(new Entry(each.getKey().kind(), each.getKey().step(), tally.total, tally.runs, tally.remedy));
            total += tally.total;
        }
        entries.sort(COSTLIEST_FIRST);
        return new AvoidableWork(flagsOfRuns.size(), total, entries);
    }

    private record Key(FlagKind kind, StepPath step) {
    }

    private static final class Tally {
        long total;
        long costliest = -1;
        int runs;
        String remedy = "";
    }
}
