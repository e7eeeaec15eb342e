package io.jenkins.plugins.valuestream.process;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Splits a region of time into process time and wait by cause, from the segments of the branches that were active in
 * it (DESIGN.md §4): an instant is process if at least one segment is working there, otherwise it is wait, given to
 * the first waiting cause in {@link WaitCause#PRIORITY}; an instant that no segment covers is {@link WaitCause#GAP}.
 * So {@code elapsed = process + wait} holds exactly, also with parallel branches.
 */
final class Timeline {

    /** What one branch was doing from {@code start} to {@code end}; {@code cause == null} means working. */
    record Segment(long start, long end, @Nullable WaitCause cause) {
    }

    /** The split of a region: process, waits by cause (indexed by ordinal), effort. */
    record Split(long process, long[] waits, long effort) {
        long elapsed() {
            long sum = process;
            for (long w : waits) {
                sum += w;
            }
            return sum;
        }
    }

    private static final int WORKING = WaitCause.values().length;
    private static final int EVENT_BITS = 6;
    private static final long STATE_MASK = (1 << (EVENT_BITS - 1)) - 1;
    private static final int[] PRIORITY_ORDINALS = WaitCause.PRIORITY.stream().mapToInt(Enum::ordinal).toArray();

    private Timeline() {
    }

    /**
     * Splits the region made of the given disjoint, ascending intervals ({@code [from0, to0, from1, to1, ...]}).
     */
    static Split split(List<Segment> segments, long[] region) {
        long[] waits = new long[WaitCause.values().length];
        if (region.length == 0) {
            return new Split(0, waits, 0);
        }
        long regionFrom = region[0];
        long regionTo = region[region.length - 1];
        // Events packed into one sortable long each: (offset from the region's start, state, start/end bit).
        long[] events = new long[segments.size() * 2];
        int count = 0;
        long effort = 0;
        for (Segment segment : segments) {
            long start = Math.max(segment.start(), regionFrom);
            long end = Math.min(segment.end(), regionTo);
            if (end <= start) {
                continue;
            }
            int state = segment.cause() == null ? WORKING : segment.cause().ordinal();
            events[count++] = ((start - regionFrom) << EVENT_BITS) | ((long) state << 1) | 1;
            events[count++] = ((end - regionFrom) << EVENT_BITS) | ((long) state << 1);
            if (segment.cause() == null) {
                effort += overlap(start, end, region);
            }
        }
        Arrays.sort(events, 0, count);

        int[] active = new int[WORKING + 1];
        long process = 0;
        long cursor = regionFrom;
        int e = 0;
        while (cursor < regionTo) {
            long next = e < count ? regionFrom + (events[e] >>> EVENT_BITS) : regionTo;
            if (next > cursor) {
                long length = overlap(cursor, next, region);
                if (length > 0) {
                    int state = stateOf(active);
                    if (state == WORKING) {
                        process += length;
                    } else {
                        waits[state] += length;
                    }
                }
                cursor = next;
            }
            while (e < count && regionFrom + (events[e] >>> EVENT_BITS) <= cursor) {
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

    /** The length of {@code [from, to)} that lies inside the region's intervals. */
    static long overlap(long from, long to, long[] region) {
        if (region.length == 2) {
            return Math.max(0, Math.min(to, region[1]) - Math.max(from, region[0]));
        }
        long sum = 0;
        for (int i = 0; i < region.length; i += 2) {
            long a = Math.max(from, region[i]);
            long b = Math.min(to, region[i + 1]);
            if (b > a) {
                sum += b - a;
            }
        }
        return sum;
    }
}
