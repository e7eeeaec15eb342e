package io.jenkins.plugins.valuestream.view;

import io.jenkins.plugins.valuestream.graph.ArgumentText;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Numbers in the words users read: shares ("33%"), instants ("2025-03-01 14:22 UTC"). Durations are
 * {@link io.jenkins.plugins.valuestream.time.Durations#format(long)}, the same text the flags and budget messages use.
 */
public final class HumanText {
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private HumanText() {
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

    /**
     * The first line of a text, cut to {@code max} characters with an ellipsis: an error message or a question in a
     * list, whose whole text goes elsewhere (a tooltip, the JSON). "…" marks a cut or further lines.
     */
    public static String firstLine(String text, int max) {
        return ArgumentText.firstLine(text, max);
    }
}
