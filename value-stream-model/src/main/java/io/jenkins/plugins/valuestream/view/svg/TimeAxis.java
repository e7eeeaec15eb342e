package io.jenkins.plugins.valuestream.view.svg;

import io.jenkins.plugins.valuestream.time.Durations;
import java.util.ArrayList;
import java.util.List;

/**
 * A time axis with round ticks: 1, 2 or 5 of a unit below a second, then steps a person counts in (10s, 15s, 30s,
 * 1m, 5m, 15m, 1h, 6h, 1d, ...), the fewest ticks that still cover the longest time.
 *
 * @param stepMillis the distance between two ticks
 * @param endMillis where the axis ends: the last tick, at or past the longest time
 */
record TimeAxis(long stepMillis, long endMillis) {
    private static final long SECOND = 1_000;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;
    private static final long[] STEPS = {
        1, 2, 5, 10, 20, 50, 100, 200, 500,
        SECOND, 2 * SECOND, 5 * SECOND, 10 * SECOND, 15 * SECOND, 30 * SECOND,
        MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE,
        HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR,
        DAY, 2 * DAY, 7 * DAY, 14 * DAY, 30 * DAY, 90 * DAY, 365 * DAY};

    /** The axis for times up to {@code maxMillis} with at most {@code maxTicks} steps. */
    static TimeAxis of(long maxMillis, int maxTicks) {
        if (maxTicks < 1) {
            throw new IllegalArgumentException("An axis needs at least one step, got " + maxTicks);
        }
        long max = Math.max(1, maxMillis);
        for (long step : STEPS) {
            long count = (max + step - 1) / step;
            if (count <= maxTicks) {
                return new TimeAxis(step, count * step);
            }
        }
        long step = STEPS[STEPS.length - 1];
        while ((max + step - 1) / step > maxTicks) {
            step *= 2;
        }
        return new TimeAxis(step, (max + step - 1) / step * step);
    }

    /** The ticks from 0 to the end, inclusive. */
    List<Long> ticks() {
        List<Long> ticks = new ArrayList<>();
        for (long tick = 0; tick <= endMillis; tick += stepMillis) {
            ticks.add(tick);
        }
        return ticks;
    }

    /** A tick's label: {@code 0}, {@code 30s}, {@code 1m 30s}, {@code 2h}. */
    static String label(long millis) {
        return millis == 0 ? "0" : Durations.format(millis);
    }
}
