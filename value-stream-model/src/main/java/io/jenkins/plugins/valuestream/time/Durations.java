package io.jenkins.plugins.valuestream.time;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and formats durations in milliseconds.
 *
 * <p>Accepted input: one or more number-and-unit parts from the largest unit down, each unit at most once, with or
 * without spaces between them ({@code 500ms}, {@code 90s}, {@code 15m}, {@code 1h30m}, {@code 1h 30m}, {@code 2d},
 * {@code 1.5h}), units {@code d h m s ms} in any case; or ISO-8601 ({@code PT15M}, {@code P1DT2H}). A bare number is
 * rejected rather than guessed at (minutes? seconds?), and so is a duration that is not positive, except by
 * {@link #parseNonNegative}, which takes zero (also a bare {@code 0}) for thresholds where zero means none.
 *
 * <p>Output ({@link #format}) names at most two units, rounded, e.g. {@code 4m 10s}, {@code 1h 2m}, {@code 2d 3h},
 * {@code 12s}, {@code 1.5s}, {@code 850ms}; what it writes reads back with {@link #parse} (to the precision shown).
 */
public final class Durations {
    /** The accepted forms, for error messages. */
    public static final String ACCEPTED_FORMS =
            "a number with a unit (d, h, m, s, ms), e.g. '500ms', '90s', '15m', '1h30m', '2d', "
                    + "or ISO-8601 like 'PT15M'";

    /** The accepted forms of a duration that may be zero, for error messages. */
    public static final String ACCEPTED_NON_NEGATIVE_FORMS = "0, or " + ACCEPTED_FORMS;

    /** A zero written without a unit: {@code 0}, {@code 0.0}. */
    private static final Pattern BARE_ZERO = Pattern.compile("\\s*0+(?:\\.0*)?\\s*");

    private static final long SECOND = 1_000;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;

    /** Units from the largest down; {@code ms} before {@code m} so that the longer one matches first. */
    private static final String[] UNITS = {"d", "h", "m", "s", "ms"};
    private static final long[] UNIT_MILLIS = {DAY, HOUR, MINUTE, SECOND, 1};
    private static final Pattern PART = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*(ms|d|h|m|s)\\s*",
            Pattern.CASE_INSENSITIVE);

    private Durations() {
    }

    /**
     * Parses a duration, e.g. {@code 15m}, {@code 1h30m}, {@code PT15M}.
     *
     * @return the duration in milliseconds, always positive
     * @throws IllegalArgumentException "Invalid duration '15x': ..." with the accepted forms
     */
    public static long parse(String text) {
        return parse("duration", text);
    }

    /**
     * Parses a duration given as the named parameter, so that the message says which one was wrong.
     *
     * @param what what the text is, e.g. {@code waitBudget}
     * @return the duration in milliseconds, always positive
     * @throws IllegalArgumentException "Invalid {what} '15x': ..." with the accepted forms
     */
    public static long parse(String what, String text) {
        long millis = parseMillis(what, text, Range.POSITIVE);
        if (millis <= 0) {
            throw invalid(what, text, Range.POSITIVE.tooSmall, Range.POSITIVE);
        }
        return millis;
    }

    /**
     * Parses a duration that may be zero, such as a threshold or a floor where zero means none: {@code 0} (a bare
     * zero needs no unit), {@code 0s}, or any form {@link #parse} accepts.
     *
     * @param what what the text is, e.g. {@code absoluteFloor}
     * @return the duration in milliseconds, zero or more
     * @throws IllegalArgumentException "Invalid {what} '-5s': ..." with the accepted forms
     */
    public static long parseNonNegative(String what, String text) {
        if (BARE_ZERO.matcher(text).matches()) {
            return 0;
        }
        return parseMillis(what, text, Range.NON_NEGATIVE);
    }

    /** What a parse accepts, and how its messages say so. */
    private enum Range {
        POSITIVE("a duration must be more than zero", ACCEPTED_FORMS),
        NON_NEGATIVE("a duration cannot be negative", ACCEPTED_NON_NEGATIVE_FORMS);

        final String tooSmall;
        final String accepted;

        Range(String tooSmall, String accepted) {
            this.tooSmall = tooSmall;
            this.accepted = accepted;
        }
    }

    /** The duration in milliseconds, zero or more (a zero is refused by the caller where it must be). */
    private static long parseMillis(String what, String text, Range range) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            throw invalid(what, text, "it is empty", range);
        }
        return startsIso(trimmed)
                ? parseIso(what, text, trimmed, range)
                : parseUnits(what, text, trimmed, range);
    }

    private static boolean startsIso(String text) {
        char first = text.charAt(0);
        return first == 'P' || first == 'p' || ((first == '-' || first == '+') && text.length() > 1
                && (text.charAt(1) == 'P' || text.charAt(1) == 'p'));
    }

    private static long parseIso(String what, String original, String trimmed, Range range) {
        try {
            Duration duration = Duration.parse(trimmed.toUpperCase(Locale.ROOT));
            if (duration.isNegative()) {
                throw invalid(what, original, range.tooSmall, range);
            }
            return duration.toMillis();
        } catch (DateTimeParseException | ArithmeticException e) {
            throw invalid(what, original, "it is not a valid ISO-8601 duration", range);
        }
    }

    private static long parseUnits(String what, String original, String trimmed, Range range) {
        if (trimmed.startsWith("-")) {
            throw invalid(what, original, range.tooSmall, range);
        }
        if (trimmed.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
            throw invalid(what, original, "a number needs a unit", range);
        }
        Matcher matcher = PART.matcher(trimmed);
        int position = 0;
        int nextUnit = 0;
        BigDecimal total = BigDecimal.ZERO;
        while (position < trimmed.length()) {
            if (!matcher.find(position) || matcher.start() != position) {
                throw invalid(what, original, "cannot read '" + trimmed.substring(position) + "'", range);
            }
            int unit = unitIndex(matcher.group(2).toLowerCase(Locale.ROOT));
            if (unit < nextUnit) {
                throw invalid(what, original, "units must go from the largest down, each at most once", range);
            }
            nextUnit = unit + 1;
            total = total.add(new BigDecimal(matcher.group(1)).multiply(BigDecimal.valueOf(UNIT_MILLIS[unit])));
            position = matcher.end();
        }
        try {
            return total.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
        } catch (ArithmeticException e) {
            throw invalid(what, original, "it is too long", range);
        }
    }

    private static int unitIndex(String unit) {
        for (int i = 0; i < UNITS.length; i++) {
            if (UNITS[i].equals(unit)) {
                return i;
            }
        }
        throw new IllegalStateException("Unit not in the pattern: " + unit);
    }

    private static IllegalArgumentException invalid(String what, String text, String why, Range range) {
        return new IllegalArgumentException("Invalid " + what + " '" + text + "': " + why + "; accepted: "
                + range.accepted);
    }

    /**
     * A duration for people, the one text every report, page, flag and message uses: at most two units, rounded to
     * the smaller one ({@code 850ms}, {@code 4.2s}, {@code 42s}, {@code 4m 10s}, {@code 1h 5m}, {@code 2d 3h}); a
     * whole number of the larger unit drops the smaller one ({@code 4m}, {@code 2h}). Rounded, not cut, so that
     * 59.9 s reads "1m" rather than "59s". Negative durations get a minus sign.
     */
    public static String format(long millis) {
        if (millis < 0) {
            return "-" + format(millis == Long.MIN_VALUE ? Long.MAX_VALUE : -millis);
        }
        if (millis < SECOND) {
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
}
