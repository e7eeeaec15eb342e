package io.jenkins.plugins.valuestream.process;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Wait time split by cause. Immutable. {@link WaitCause#QUEUE} may be unknown (a run read from disk without a
 * queue stamp): it then reads as {@code null} and adds nothing to {@link #total()}.
 */
public final class WaitBreakdown {
    private static final WaitCause[] CAUSES = WaitCause.values();
    private static final WaitBreakdown NONE = new WaitBreakdown(new long[CAUSES.length], true);

    private final long[] millis;
    private final boolean queueKnown;

    private WaitBreakdown(long[] millis, boolean queueKnown) {
        this.millis = millis;
        this.queueKnown = queueKnown;
    }

    /** No wait at all (and a known queue wait of zero). */
    public static WaitBreakdown none() {
        return NONE;
    }

    /** A breakdown of the given times; a missing cause is zero. */
    public static WaitBreakdown of(Map<WaitCause, Long> byCause, boolean queueKnown) {
        long[] values = new long[CAUSES.length];
        byCause.forEach((cause, value) -> values[cause.ordinal()] = checked(cause, value));
        if (!queueKnown) {
            values[WaitCause.QUEUE.ordinal()] = 0;
        }
        return new WaitBreakdown(values, queueKnown);
    }

    /** A breakdown from an array indexed by {@link WaitCause#ordinal()}; the array is copied. */
    public static WaitBreakdown ofArray(long[] byOrdinal, boolean queueKnown) {
        if (byOrdinal.length != CAUSES.length) {
            throw new IllegalArgumentException("Expected " + CAUSES.length + " causes, got " + byOrdinal.length);
        }
        long[] values = byOrdinal.clone();
        for (WaitCause cause : CAUSES) {
            checked(cause, values[cause.ordinal()]);
        }
        if (!queueKnown) {
            values[WaitCause.QUEUE.ordinal()] = 0;
        }
        return new WaitBreakdown(values, queueKnown);
    }

    private static long checked(WaitCause cause, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("Negative " + cause + " wait: " + value);
        }
        return value;
    }

    /** The wait of one cause; {@code 0} for an unknown queue wait (see {@link #known(WaitCause)}). */
    public long millis(WaitCause cause) {
        return millis[cause.ordinal()];
    }

    /** Whether the given cause's time is known. Only {@link WaitCause#QUEUE} can be unknown. */
    public boolean known(WaitCause cause) {
        return cause != WaitCause.QUEUE || queueKnown;
    }

    /** The wait of one cause, or {@code null} where it is unknown. */
    public @Nullable Long millisOrNull(WaitCause cause) {
        return known(cause) ? millis(cause) : null;
    }

    public boolean queueKnown() {
        return queueKnown;
    }

    /** The total of all known causes. */
    public long total() {
        long sum = 0;
        for (long value : millis) {
            sum += value;
        }
        return sum;
    }

    /** The total of the given causes only. */
    public long total(Collection<WaitCause> counted) {
        long sum = 0;
        for (WaitCause cause : counted) {
            sum += millis[cause.ordinal()];
        }
        return sum;
    }

    /** The known causes and their times, in enum order; an unknown queue wait is left out. */
    public Map<WaitCause, Long> asMap() {
        Map<WaitCause, Long> map = new EnumMap<>(WaitCause.class);
        for (WaitCause cause : CAUSES) {
            if (known(cause)) {
                map.put(cause, millis[cause.ordinal()]);
            }
        }
        return map;
    }

    /** A copy of the times indexed by {@link WaitCause#ordinal()}. */
    public long[] toArray() {
        return millis.clone();
    }

    /** The cause with the most time, or {@code null} where there is no wait. */
    public @Nullable WaitCause largest() {
        WaitCause best = null;
        long most = 0;
        for (WaitCause cause : CAUSES) {
            if (millis[cause.ordinal()] > most) {
                most = millis[cause.ordinal()];
                best = cause;
            }
        }
        return best;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WaitBreakdown that && queueKnown == that.queueKnown
                && Arrays.equals(millis, that.millis);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(millis) + Boolean.hashCode(queueKnown);
    }

    @Override
    public String toString() {
        return asMap() + (queueKnown ? "" : " (QUEUE unknown)");
    }
}
