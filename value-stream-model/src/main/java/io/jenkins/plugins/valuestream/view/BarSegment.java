package io.jenkins.plugins.valuestream.view;

import io.jenkins.plugins.valuestream.process.WaitBreakdown;
import io.jenkins.plugins.valuestream.process.WaitCause;
import io.jenkins.plugins.valuestream.time.Durations;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One piece of a bar: process time, or wait of one cause.
 *
 * @param cause the wait cause, or {@code null} for process time
 * @param offsetMillis where the piece starts, from the start of its bar
 * @param millis how long it is
 * @param text how long it is, in words
 */
public record BarSegment(@Nullable WaitCause cause, long offsetMillis, long millis, String text) {
    public BarSegment {
        if (offsetMillis < 0 || millis < 0) {
            throw new IllegalArgumentException("A bar segment needs a non-negative offset and length, got "
                    + offsetMillis + " and " + millis);
        }
        java.util.Objects.requireNonNull(text, "text");
    }

    /** A process-time segment. */
    public static BarSegment process(long offsetMillis, long millis) {
        return new BarSegment(null, offsetMillis, millis, Durations.format(millis));
    }

    /** A wait segment. */
    public static BarSegment waiting(WaitCause cause, long offsetMillis, long millis) {
        return new BarSegment(cause, offsetMillis, millis, Durations.format(millis));
    }

    /**
     * The shares of a bar when only the totals are known: process time first, then each cause in cause order, each
     * as long as its total. They tell how much, not when.
     */
    public static List<BarSegment> shares(long processMillis, WaitBreakdown waits) {
        List<BarSegment> segments = new ArrayList<>();
        long offset = 0;
        if (processMillis > 0) {
            segments.add(process(0, processMillis));
            offset = processMillis;
        }
        for (WaitCause cause : WaitCause.values()) {
            long millis = waits.millis(cause);
            if (millis > 0) {
                segments.add(waiting(cause, offset, millis));
                offset += millis;
            }
        }
        return segments;
    }
}
