package io.jenkins.plugins.valuestream.process;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Splits a run, the part of it outside every step, and every process-map step into process time and wait by cause
 * (docs/definitions.md), from the segments of the branches that were active: an instant of a region is process if at
 * least one segment is working there, otherwise it is wait, given to the first waiting cause in {@link
 * WaitCause#PRIORITY}; an instant that no segment covers is {@link WaitCause#GAP}. So {@code elapsed = process + wait}
 * holds exactly, also with parallel branches.
 *
 * <p>Each segment belongs to the innermost step it ran in (its owner), and so to every step around that one. All
 * regions are split in one sweep over the segments' start and end events, sorted once: the run's counters change at
 * every event; a step's counters change only at the events of its own segments, and the time since its previous
 * event is attributed then, in the state its counters held. That costs {@code O(E log E + E·depth)} for {@code E}
 * segments nested {@code depth} steps deep, instead of sorting the events once per step.
 */
final class Timeline {
    /** The state of a working segment; wait states are {@link WaitCause#ordinal()}. */
    static final int WORKING = WaitCause.values().length;
    private static final int CAUSES = WaitCause.values().length;
    private static final int STATES = WORKING + 1;
    private static final int GAP = WaitCause.GAP.ordinal();
    private static final int[] PRIORITY_ORDINALS = WaitCause.PRIORITY.stream().mapToInt(Enum::ordinal).toArray();
    /** The state of an instant, by the set of states active in it (one bit per state). */
    private static final byte[] STATE_BY_ACTIVE = statesByActive();

    private static byte[] statesByActive() {
        byte[] table = new byte[1 << STATES];
        for (int active = 0; active < table.length; active++) {
            int state = GAP;
            if ((active & 1 << WORKING) != 0) {
                state = WORKING;
            } else {
                for (int ordinal : PRIORITY_ORDINALS) {
                    if ((active & 1 << ordinal) != 0) {
                        state = ordinal;
                        break;
                    }
                }
            }
            table[active] = (byte) state;
        }
        return table;
    }

    /** The split of a region: process, waits by cause (indexed by ordinal), effort. */
    record Split(long process, long[] waits, long effort) {
    }

    /** The splits of one sweep: the run's, the outside region's, and each owner's. */
    static final class Result {
        private final Split run;
        private final Split outside;
        private final long[] process;
        private final long[] waits;
        private final long[] effort;

        private Result(Split run, Split outside, long[] process, long[] waits, long[] effort) {
            this.run = run;
            this.outside = outside;
            this.process = process;
            this.waits = waits;
            this.effort = effort;
        }

        Split run() {
            return run;
        }

        Split outside() {
            return outside;
        }

        /** An owner's process time. */
        long process(int owner) {
            return process[owner];
        }

        /** An owner's effort. */
        long effort(int owner) {
            return effort[owner];
        }

        /** An owner's waits by cause, copied into {@code into} (indexed by ordinal), which is returned. */
        long[] waits(int owner, long[] into) {
            System.arraycopy(waits, owner * CAUSES, into, 0, CAUSES);
            return into;
        }
    }

    private final long from;
    private final long to;
    private long[] starts;
    private long[] ends;
    private byte[] states;
    private int[] owners;
    private int size;

    /**
     * A timeline of the region {@code [from, to)}: the run; segments are clipped to it.
     *
     * @param expected how many segments to make room for (a flow graph has about one per node)
     */
    Timeline(long from, long to, int expected) {
        this.from = from;
        this.to = Math.max(from, to);
        int capacity = Math.max(16, expected);
        starts = new long[capacity];
        ends = new long[capacity];
        states = new byte[capacity];
        owners = new int[capacity];
    }

    /**
     * Adds what a branch was doing in {@code [start, end)}, inside the step {@code owner} (or {@code -1}, in no
     * step). A segment that continues the last one of the same owner in the same state extends it, which keeps long
     * sequential runs of steps cheap to sweep.
     */
    void add(long start, long end, int state, int owner) {
        long clippedStart = Math.max(start, from);
        long clippedEnd = Math.min(end, to);
        if (clippedEnd <= clippedStart) {
            return;
        }
        int last = size - 1;
        if (last >= 0 && states[last] == state && owners[last] == owner && ends[last] == clippedStart) {
            ends[last] = clippedEnd;
            return;
        }
        if (size == starts.length) {
            int capacity = size * 2;
            starts = Arrays.copyOf(starts, capacity);
            ends = Arrays.copyOf(ends, capacity);
            states = Arrays.copyOf(states, capacity);
            owners = Arrays.copyOf(owners, capacity);
        }
        starts[size] = clippedStart;
        ends[size] = clippedEnd;
        states[size] = (byte) state;
        owners[size++] = owner;
    }

    /**
     * Splits the run, the outside region and the region of every owner.
     *
     * @param ownerFrom where each owner's region starts
     * @param ownerTo where it ends
     * @param ownerParent the owner around each one, or {@code -1}; a parent's index may be higher or lower
     * @param outside disjoint ascending intervals within the run ({@code [from0, to0, from1, to1, ...]})
     */
    Result sweep(long[] ownerFrom, long[] ownerTo, int[] ownerParent, long[] outside) {
        int ownerCount = ownerFrom.length;
        long[] process = new long[ownerCount];
        long[] waits = new long[ownerCount * CAUSES];
        long[] effort = new long[ownerCount];
        int[] active = new int[ownerCount * STATES];
        int[] activeStates = new int[ownerCount];
        long[] last = ownerFrom.clone();

        int[] runActive = new int[STATES];
        int runActiveStates = 0;
        long runProcess = 0;
        long runEffort = 0;
        long[] runWaits = new long[CAUSES];
        long outsideProcess = 0;
        long outsideEffort = 0;
        long[] outsideWaits = new long[CAUSES];
        int interval = 0;

        Events events = new Events();
        long cursor = from;
        for (int e = 0; e < events.count; e++) {
            long key = events.keys[e];
            long time = events.time(key);
            if (time > cursor) {
                long length = time - cursor;
                int state = STATE_BY_ACTIVE[runActiveStates];
                if (state == WORKING) {
                    runProcess += length;
                } else {
                    runWaits[state] += length;
                }
                runEffort += length * runActive[WORKING];
                // The part of [cursor, time) outside every step; the intervals are walked once overall.
                while (interval < outside.length && outside[interval + 1] <= cursor) {
                    interval += 2;
                }
                long outsideLength = 0;
                for (int j = interval; j < outside.length && outside[j] < time; j += 2) {
                    outsideLength += Math.min(time, outside[j + 1]) - Math.max(cursor, outside[j]);
                }
                if (outsideLength > 0) {
                    if (state == WORKING) {
                        outsideProcess += outsideLength;
                    } else {
                        outsideWaits[state] += outsideLength;
                    }
                    outsideEffort += outsideLength * runActive[WORKING];
                }
                cursor = time;
            }
            int segment = events.segment(key);
            int delta = events.isStart(key) ? 1 : -1;
            int state = states[segment];
            int bit = 1 << state;
            runActive[state] += delta;
            runActiveStates = runActive[state] > 0 ? runActiveStates | bit : runActiveStates & ~bit;
            for (int owner = owners[segment]; owner >= 0; owner = ownerParent[owner]) {
                // The owner's time since its previous event, in the state it has been in since then.
                attribute(owner, time, ownerFrom, ownerTo, active, activeStates, last, process, waits, effort);
                int counter = owner * STATES + state;
                active[counter] += delta;
                activeStates[owner] = active[counter] > 0 ? activeStates[owner] | bit : activeStates[owner] & ~bit;
            }
        }
        if (to > cursor) {
            // After the last event nothing is active: the rest of the run is a gap (and outside, where it is).
            long length = to - cursor;
            runWaits[GAP] += length;
            while (interval < outside.length && outside[interval + 1] <= cursor) {
                interval += 2;
            }
            for (int j = interval; j < outside.length && outside[j] < to; j += 2) {
                outsideWaits[GAP] += Math.min(to, outside[j + 1]) - Math.max(cursor, outside[j]);
            }
        }
        for (int owner = 0; owner < ownerCount; owner++) {
            attribute(owner, ownerTo[owner], ownerFrom, ownerTo, active, activeStates, last, process, waits, effort);
        }
        return new Result(new Split(runProcess, runWaits, runEffort),
                new Split(outsideProcess, outsideWaits, outsideEffort), process, waits, effort);
    }

    private static void attribute(int owner, long time, long[] ownerFrom, long[] ownerTo, int[] active,
            int[] activeStates, long[] last, long[] process, long[] waits, long[] effort) {
        long lo = Math.max(last[owner], ownerFrom[owner]);
        long hi = Math.min(time, ownerTo[owner]);
        if (hi > lo) {
            long length = hi - lo;
            int base = owner * STATES;
            int state = STATE_BY_ACTIVE[activeStates[owner]];
            if (state == WORKING) {
                process[owner] += length;
            } else {
                waits[owner * CAUSES + state] += length;
            }
            effort[owner] += length * active[base + WORKING];
        }
        if (time > last[owner]) {
            last[owner] = time;
        }
    }

    /**
     * The start and end events of all segments in time order, each packed into one long: (time, segment, start
     * bit). Times are offsets from the run's start; where offset and segment index do not fit 63 bits together,
     * times are replaced by their rank among all distinct times. Only the time bits are sorted, and by a radix sort:
     * the order of events at the same instant does not matter, since all of them apply before the next instant.
     */
    private final class Events {
        final long[] keys;
        final int count;
        private final int segmentShift;
        private final long segmentMask;
        private final long @Nullable [] ranked;

        Events() {
            count = size * 2;
            keys = new long[count];
            int segmentBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(size - 1, 1)));
            segmentShift = segmentBits + 1;
            segmentMask = (1L << segmentBits) - 1;
            int timeBits = 64 - Long.numberOfLeadingZeros(to - from);
            if (timeBits + segmentShift <= 63) {
                ranked = null;
                for (int i = 0; i < size; i++) {
                    keys[2 * i] = (starts[i] - from) << segmentShift | (long) i << 1 | 1;
                    keys[2 * i + 1] = (ends[i] - from) << segmentShift | (long) i << 1;
                }
            } else {
                long[] times = new long[count];
                for (int i = 0; i < size; i++) {
                    times[2 * i] = starts[i];
                    times[2 * i + 1] = ends[i];
                }
                Arrays.sort(times);
                int distinct = 0;
                for (int i = 0; i < count; i++) {
                    if (distinct == 0 || times[distinct - 1] != times[i]) {
                        times[distinct++] = times[i];
                    }
                }
                ranked = Arrays.copyOf(times, distinct);
                timeBits = 32 - Integer.numberOfLeadingZeros(distinct);
                for (int i = 0; i < size; i++) {
                    keys[2 * i] = (long) Arrays.binarySearch(ranked, starts[i]) << segmentShift | (long) i << 1 | 1;
                    keys[2 * i + 1] = (long) Arrays.binarySearch(ranked, ends[i]) << segmentShift | (long) i << 1;
                }
            }
            TimeOrder.sortByHighBits(keys, count, segmentShift, timeBits);
        }

        long time(long key) {
            long value = key >>> segmentShift;
            return ranked == null ? from + value : ranked[(int) value];
        }

        int segment(long key) {
            return (int) (key >>> 1 & segmentMask);
        }

        boolean isStart(long key) {
            return (key & 1) != 0;
        }
    }
}
