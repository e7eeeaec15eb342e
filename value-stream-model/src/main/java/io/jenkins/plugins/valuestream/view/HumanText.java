package io.jenkins.plugins.valuestream.view;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Numbers in the words users read: durations ("4m 10s"), shares ("33%"), instants ("2025-03-01 14:22 UTC"). */
public final class HumanText {
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private HumanText() {
    }

    /**
     * A duration in at most two units, rounded to the smaller one: {@code 850ms}, {@code 4.2s}, {@code 42s},
     * {@code 4m 10s}, {@code 1h 5m}, {@code 2d 3h}. A whole number of the larger unit drops the smaller one
     * ({@code 4m}, {@code 2h}).
     *
     * <p>Unlike {@link io.jenkins.plugins.valuestream.time.Durations#format(long)}, which cuts so that budgets and
     * messages read back exactly, this rounds: a picture should show 59.9 s as "1m", not "59s".
     */
    public static String duration(long millis) {
        if (millis < 0) {
            return "-" + duration(millis == Long.MIN_VALUE ? Long.MAX_VALUE : -millis);
        }
        if (millis < 1_000) {
            return millis == 0 ? "0s" : millis + "ms";
        }
        if (millis < 9_950) {
            long tenths = Math.round(millis / 100.0);
            return tenths % 10 == 0 ? tenths / 10 + "s" : tenths / 10 + "." + tenths % 10 + "s";
        }
        long seconds = Math.round(millis / 1_000.0);
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3_600) {
            return twoUnits(seconds / 60, "m", seconds % 60, "s");
        }
        long minutes = Math.round(millis / 60_000.0);
        if (minutes < 24 * 60) {
            return twoUnits(minutes / 60, "h", minutes % 60, "m");
        }
        long hours = Math.round(millis / 3_600_000.0);
        return twoUnits(hours / 24, "d", hours % 24, "h");
    }

    private static String twoUnits(long large, String largeUnit, long small, String smallUnit) {
        return small == 0 ? large + largeUnit : large + largeUnit + " " + small + smallUnit;
    }

    /**
     * A share ({@code 0..1}) as a percentage: whole percents from 10% up, one decimal below 10% and just under 100%
     * (so that 99.6% never reads as 100%), {@code <0.1%} for a tiny share that is not zero.
     */
    public static String percent(double ratio) {
        if (Double.isNaN(ratio) || Double.isInfinite(ratio)) {
            return "n/a";
        }
        double percent = ratio * 100;
        if (percent == 0) {
            return "0%";
        }
        if (percent > 0 && percent < 0.05) {
            return "<0.1%";
        }
        if (percent < 10 || percent > 99 && percent < 100) {
            String text = String.format(Locale.ROOT, "%.1f", percent);
            if (text.endsWith(".0")) {
                text = text.substring(0, text.length() - 2);
            }
            if (percent < 100 && text.equals("100")) {
                text = "99.9";
            }
            return text + "%";
        }
        return Math.round(percent) + "%";
    }

    /** An instant (epoch milliseconds) to the minute, in UTC, so that reports read the same everywhere. */
    public static String instant(long epochMillis) {
        return INSTANT.format(Instant.ofEpochMilli(epochMillis));
    }
}
