package io.jenkins.plugins.valuestream.process;

import java.util.Arrays;

/**
 * Splits a region of time into process time and wait by cause, from the segments of the branches that were active in
 * it (DESIGN.md §4): an instant is process if at least one segment is working there, otherwise it is wait, given to
 * the first waiting cause in {@link WaitCause#PRIORITY}; an instant that no segment covers is {@link WaitCause#GAP}.
 * So {@code elapsed = process + wait} holds exactly, also with parallel branches.
 */
final class Timeline {
    /** The state of a working segment; wait states are {@link WaitCause#ordinal()}. */
    static final int WORKING = WaitCause.values().length;
    private static final int EVENT_BITS = 6;
    private static final long STATE_MASK = (1 << (EVENT_BITS - 1)) - 1;
    private static final int[] PRIORITY_ORDINALS = WaitCause.PRIORITY.stream().mapToInt(Enum::ordinal).toArray();

    /** The split of a region: process, waits by cause (indexed by ordinal), effort. */
    record Split(long process, long[] waits, long effort) {
    }

    /**
     * What the branches were doing: segments {@code [start, end)} with a state. Appending a segment that continues
     * the last one in the same state extends it, which keeps long sequential runs of steps cheap to sweep.
     */
    static final class Segments {
        private long[] starts = new long[16];
        private long[] ends = new long[16];
        private byte[] states = new byte[16];
        private int size;

        void add(long start, long end, int state) {
            if (end <= start) {
                return;
            }
            if (size > 0 && states[size - 1] == state && ends[size - 1] == start) {
                ends[size - 1] = end;
                return;
            }
            if (size == starts.length) {
                starts = Arrays.copyOf(starts, size * 2);
                ends = Arrays.copyOf(ends, size * 2);
                states = Arrays.copyOf(states, size * 2);
            }
            starts[size] = start;
            ends[size] = end;
            states[size++] = (byte) state;
        }

        int size() {
            return size;
        }
    }

    private Timeline() {
    }

    /**
     * Splits the region made of the given disjoint, ascending intervals ({@code [from0, to0, from1, to1, ...]}).
     */
    static Split split(Segments segments, long[] region) {
        return split(segments, new long[][] {region})[0];
    }

    /**
     * Splits several regions that lie within the first one, sorting the segments' events only once.
     */
    static Split[] split(Segments segments, long[]... regions) {
        Split[] splits = new Split[regions.length];
        if (regions[0].length == 0) {
            for (int r = 0; r < regions.length; r++) {
                splits[r] = new Split(0, new long[WaitCause.values().length], 0);
            }
            return splits;
        }
        long regionFrom = regions[0][0];
        long regionTo = regions[0][regions[0].length - 1];
        // Events packed into one sortable long each: (offset from the region's start, state, start/end bit).
        long[] events = new long[segments.size * 2];
        int count = 0;
        for (int i = 0; i < segments.size; i++) {
            long start = Math.max(segments.starts[i], regionFrom);
            long end = Math.min(segments.ends[i], regionTo);
            if (end <= start) {
                continue;
            }
            long state = segments.states[i];
            events[count++] = ((start - regionFrom) << EVENT_BITS) | (state << 1) | 1;
            events[count++] = ((end - regionFrom) << EVENT_BITS) | (state << 1);
        }
        Arrays.sort(events, 0, count);
        for (int r = 0; r < regions.length; r++) {
            splits[r] = sweep(events, count, regionFrom, regions[r]);
        }
        return splits;
    }

    private static Split sweep(long[] events, int count, long base, long[] region) {
        long[] waits = new long[WaitCause.values().length];
        if (region.length == 0) {
            return new Split(0, waits, 0);
        }
        long regionTo = region[region.length - 1];
        int[] active = new int[WORKING + 1];
        long process = 0;
        long effort = 0;
        long cursor = region[0];
        int interval = 0;
        int e = 0;
        // Events before the region only set the state it starts in.
        while (e < count && base + (events[e] >>> EVENT_BITS) <= cursor) {
            long packed = events[e++];
            active[(int) ((packed >> 1) & STATE_MASK)] += (packed & 1) == 1 ? 1 : -1;
        }
        while (cursor < regionTo) {
            long next = e < count ? Math.min(base + (events[e] >>> EVENT_BITS), regionTo) : regionTo;
            if (next > cursor) {
                // The part of [cursor, next) inside the region's intervals; the intervals are walked once overall.
                while (interval < region.length && region[interval + 1] <= cursor) {
                    interval += 2;
                }
                long length = 0;
                for (int j = interval; j < region.length && region[j] < next; j += 2) {
                    length += Math.min(next, region[j + 1]) - Math.max(cursor, region[j]);
                }
                if (length > 0) {
                    int state = stateOf(active);
                    if (state == WORKING) {
                        process += length;
                    } else {
                        waits[state] += length;
                    }
                    effort += length * active[WORKING];
                }
                cursor = next;
            }
            while (e < count && base + (events[e] >>> EVENT_BITS) <= cursor) {
                long packed = events[e++];
                active[(int) ((packed >> 1) & STATE_MASK)] += (packed & 1) == 1 ? 1 : -1;
            }
        }
        return new Split(process, waits, effort);
    }

    private static int stateOf(int[] active) {
        if (active[WORKING] > 0) {
            return WORKING;
        }
        for (int ordinal : PRIORITY_ORDINALS) {
            if (active[ordinal] > 0) {
                return ordinal;
            }
        }
        return WaitCause.GAP.ordinal();
    }
}
