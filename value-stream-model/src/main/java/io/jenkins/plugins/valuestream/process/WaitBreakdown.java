package io.jenkins.plugins.valuestream.process;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Wait time split by cause. Immutable. A cause may be unknown to the source: {@link WaitCause#QUEUE} for a run read
 * from disk without a queue stamp, {@link WaitCause#AGENT} inside stages read from the Stage View REST API. An
 * unknown cause reads as {@code null}, adds nothing to {@link #total()}, and is reported as unknown, never as 0.
 *
 * <p>Kept compact, since a job's value stream holds one per step of every run: only the causes with time are
 * stored, the first two in fields of their own (most steps have one or two), any others in an array.
 */
public final class WaitBreakdown {
    private static final WaitCause[] CAUSES = WaitCause.values();
    private static final long[] NO_TIMES = new long[0];
    /** Shared by every breakdown with all causes known: a breakdown never changes its set. */
    private static final Set<WaitCause> ALL_KNOWN = EnumSet.noneOf(WaitCause.class);
    private static final WaitBreakdown NONE = new WaitBreakdown(0, 0, 0, NO_TIMES, ALL_KNOWN);

    /** The causes with time, one bit per ordinal. */
    private final int withTime;
    /** The times of those causes in ordinal order: the first, the second, the others. */
    private final long first;
    private final long second;
    private final long[] others;
    private final Set<WaitCause> unknown;

    private WaitBreakdown(int withTime, long first, long second, long[] others, Set<WaitCause> unknown) {
        this.withTime = withTime;
        this.first = first;
        this.second = second;
        this.others = others;
        this.unknown = unknown;
    }

    /** No wait at all (and a known queue wait of zero). */
    public static WaitBreakdown none() {
        return NONE;
    }

    /** A breakdown of the given times, all causes known; a missing cause is zero. */
    public static WaitBreakdown of(Map<WaitCause, Long> byCause) {
        return of(byCause, Set.of());
    }

    /** A breakdown of the given times; a missing cause is zero, the {@code unknown} causes read as unknown. */
    public static WaitBreakdown of(Map<WaitCause, Long> byCause, Set<WaitCause> unknown) {
        long[] values = new long[CAUSES.length];
        byCause.forEach((cause, value) -> values[cause.ordinal()] = checked(cause, value));
        return create(values, unknown);
    }

    /** A breakdown from an array indexed by {@link WaitCause#ordinal()}; the array is not kept. */
    public static WaitBreakdown ofArray(long[] byOrdinal, Set<WaitCause> unknown) {
        if (byOrdinal.length != CAUSES.length) {
            throw new IllegalArgumentException("Expected " + CAUSES.length + " causes, got " + byOrdinal.length);
        }
        for (WaitCause cause : CAUSES) {
            checked(cause, byOrdinal[cause.ordinal()]);
        }
        return create(byOrdinal, unknown);
    }

    /** The breakdown of the given times (not kept), less those of the unknown causes. */
    private static WaitBreakdown create(long[] values, Set<WaitCause> unknown) {
        Set<WaitCause> unknownCopy = unknown.isEmpty() ? ALL_KNOWN : EnumSet.copyOf(unknown);
        int unknownBits = 0;
        for (WaitCause cause : unknownCopy) {
            unknownBits |= 1 << cause.ordinal();
        }
        int withTime = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] != 0 && (unknownBits & 1 << i) == 0) {
                withTime |= 1 << i;
            }
        }
        if (withTime == 0 && unknownCopy == ALL_KNOWN) {
            return NONE;
        }
        int count = Integer.bitCount(withTime);
        long first = 0;
        long second = 0;
        long[] others = count > 2 ? new long[count - 2] : NO_TIMES;
        int next = 0;
        for (int i = 0; i < values.length; i++) {
            if ((withTime & 1 << i) != 0) {
                if (next == 0) {
                    first = values[i];
                } else if (next == 1) {
                    second = values[i];
                } else {
                    others[next - 2] = values[i];
                }
                next++;
            }
        }
        return new WaitBreakdown(withTime, first, second, others, unknownCopy);
    }

    /** This breakdown with the given causes marked unknown (their times dropped). */
    public WaitBreakdown withUnknown(Set<WaitCause> causes) {
        Set<WaitCause> all = EnumSet.noneOf(WaitCause.class);
        all.addAll(unknown);
        all.addAll(causes);
        return create(toArray(), all);
    }

    private static long checked(WaitCause cause, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("Negative " + cause + " wait: " + value);
        }
        return value;
    }

    /** The wait of one cause; {@code 0} for an unknown cause (see {@link #known(WaitCause)}). */
    public long millis(WaitCause cause) {
        return millis(cause.ordinal());
    }

    private long millis(int ordinal) {
        int bit = 1 << ordinal;
        if ((withTime & bit) == 0) {
            return 0;
        }
        int index = Integer.bitCount(withTime & (bit - 1));
        return index == 0 ? first : index == 1 ? second : others[index - 2];
    }

    /** Whether the given cause's time is known. */
    public boolean known(WaitCause cause) {
        return !unknown.contains(cause);
    }

    /** The wait of one cause, or {@code null} where it is unknown. */
    public @Nullable Long millisOrNull(WaitCause cause) {
        return known(cause) ? millis(cause) : null;
    }

    /** The causes whose time the source could not tell. */
    public Set<WaitCause> unknown() {
        return java.util.Collections.unmodifiableSet(unknown);
    }

    /** The total of all known causes. */
    public long total() {
        long sum = first + second;
        for (long value : others) {
            sum += value;
        }
        return sum;
    }

    /** The total of the given causes only. */
    public long total(Collection<WaitCause> counted) {
        long sum = 0;
        for (WaitCause cause : counted) {
            sum += millis(cause.ordinal());
        }
        return sum;
    }

    /** The known causes and their times, in enum order; unknown causes are left out. */
    public Map<WaitCause, Long> asMap() {
        Map<WaitCause, Long> map = new EnumMap<>(WaitCause.class);
        for (WaitCause cause : CAUSES) {
            if (known(cause)) {
                map.put(cause, millis(cause.ordinal()));
            }
        }
        return map;
    }

    /** A copy of the times indexed by {@link WaitCause#ordinal()}. */
    public long[] toArray() {
        long[] values = new long[CAUSES.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = millis(i);
        }
        return values;
    }

    /** The cause with the most time, or {@code null} where there is no wait. */
    public @Nullable WaitCause largest() {
        WaitCause best = null;
        long most = 0;
        for (WaitCause cause : CAUSES) {
            long value = millis(cause.ordinal());
            if (value > most) {
                most = value;
                best = cause;
            }
        }
        return best;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WaitBreakdown that && withTime == that.withTime && first == that.first
                && second == that.second && unknown.equals(that.unknown) && Arrays.equals(others, that.others);
    }

    @Override
    public int hashCode() {
        // Arrays.hashCode of the times of all causes by ordinal, as if they were all stored.
        int hash = 1;
        for (int i = 0; i < CAUSES.length; i++) {
            hash = 31 * hash + Long.hashCode(millis(i));
        }
        return 31 * hash + unknown.hashCode();
    }

    @Override
    public String toString() {
        return asMap() + (unknown.isEmpty() ? "" : " (unknown: " + unknown + ")");
    }
}
