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
 */
public final class WaitBreakdown {
    private static final WaitCause[] CAUSES = WaitCause.values();
    /** Shared by every breakdown with all causes known: a breakdown never changes its set. */
    private static final Set<WaitCause> ALL_KNOWN = EnumSet.noneOf(WaitCause.class);
    private static final WaitBreakdown NONE = new WaitBreakdown(new long[CAUSES.length], ALL_KNOWN);

    private final long[] millis;
    private final Set<WaitCause> unknown;

    private WaitBreakdown(long[] millis, Set<WaitCause> unknown) {
        this.millis = millis;
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

    /** A breakdown from an array indexed by {@link WaitCause#ordinal()}; the array is copied. */
    public static WaitBreakdown ofArray(long[] byOrdinal, Set<WaitCause> unknown) {
        if (byOrdinal.length != CAUSES.length) {
            throw new IllegalArgumentException("Expected " + CAUSES.length + " causes, got " + byOrdinal.length);
        }
        long[] values = byOrdinal.clone();
        for (WaitCause cause : CAUSES) {
            checked(cause, values[cause.ordinal()]);
        }
        return create(values, unknown);
    }

    private static WaitBreakdown create(long[] values, Set<WaitCause> unknown) {
        Set<WaitCause> unknownCopy = unknown.isEmpty() ? ALL_KNOWN : EnumSet.copyOf(unknown);
        for (WaitCause cause : unknownCopy) {
            values[cause.ordinal()] = 0;
        }
        return new WaitBreakdown(values, unknownCopy);
    }

    /** This breakdown with the given causes marked unknown (their times dropped). */
    public WaitBreakdown withUnknown(Set<WaitCause> causes) {
        Set<WaitCause> all = EnumSet.noneOf(WaitCause.class);
        all.addAll(unknown);
        all.addAll(causes);
        return create(millis.clone(), all);
    }

    private static long checked(WaitCause cause, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("Negative " + cause + " wait: " + value);
        }
        return value;
    }

    /** The wait of one cause; {@code 0} for an unknown cause (see {@link #known(WaitCause)}). */
    public long millis(WaitCause cause) {
        return millis[cause.ordinal()];
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

    /** The known causes and their times, in enum order; unknown causes are left out. */
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
        return other instanceof WaitBreakdown that && unknown.equals(that.unknown)
                && Arrays.equals(millis, that.millis);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(millis) + unknown.hashCode();
    }

    @Override
    public String toString() {
        return asMap() + (unknown.isEmpty() ? "" : " (unknown: " + unknown + ")");
    }
}
