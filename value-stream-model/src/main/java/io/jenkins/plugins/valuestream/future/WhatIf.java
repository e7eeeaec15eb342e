package io.jenkins.plugins.valuestream.future;

import io.jenkins.plugins.valuestream.process.StepPath;
import io.jenkins.plugins.valuestream.time.Durations;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "If this step took so much less (or more)": a step, by its path and occurrence, and the change of its elapsed
 * time, written {@code Test/Integration=-50%}, {@code Build=-2m}, {@code Build=+30s} or {@code Build=90s} (then it
 * takes 90 s).
 *
 * @param path the step's path, as the JSON's {@code path} writes it
 * @param occurrence 0 for the first step of this path in a run ({@code Build}), 1 for the second ({@code Build #2})
 * @param change how its time changes
 * @param text the change as written
 */
public record WhatIf(StepPath path, int occurrence, Change change, String text) {

    /** The accepted forms, for messages. */
    public static final String ACCEPTED_FORMS = "STEP=-50% or STEP=+20% (a percentage of its time), STEP=-2m or"
            + " STEP=+30s (by a duration), STEP=90s (it takes that long); STEP as the JSON's path, e.g."
            + " Test/Integration, 'Build #2' for the second Build of a run";

    private static final Pattern PERCENT = Pattern.compile("([+-])\\s*(\\d+(?:\\.\\d+)?)\\s*%");
    private static final Pattern OCCURRENCE = Pattern.compile("(.*) #(\\d+)");

    /** How a step's elapsed time changes. */
    public record Change(Kind kind, double percent, long millis) {
        /** What the change is. */
        public enum Kind {
            /** By a percentage of the step's time ({@code percent}, negative for less). */
            BY_PERCENT,
            /** By a duration ({@code millis}, negative for less). */
            BY_MILLIS,
            /** To a duration ({@code millis}). */
            TO_MILLIS
        }

        public Change {
            Objects.requireNonNull(kind, "kind");
        }

        /** The step's elapsed time after the change, never below 0. */
        public long applyTo(long elapsedMillis) {
            long changed = switch (kind) {
                case BY_PERCENT -> Math.round(elapsedMillis * (1 + percent / 100));
                case BY_MILLIS -> elapsedMillis + millis;
                case TO_MILLIS -> millis;
            };
            return Math.max(0, changed);
        }
    }

    public WhatIf {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(text, "text");
    }

    /**
     * Reads {@code STEP=CHANGE}.
     *
     * @throws IllegalArgumentException saying what is wrong and naming the accepted forms
     */
    public static WhatIf parse(String text) {
        int equals = text.lastIndexOf('=');
        if (equals <= 0 || equals == text.length() - 1) {
            throw invalid(text, "no STEP=CHANGE");
        }
        String step = text.substring(0, equals).trim();
        String change = text.substring(equals + 1).trim();
        int occurrence = 0;
        Matcher repeated = OCCURRENCE.matcher(step);
        if (repeated.matches() && Integer.parseInt(repeated.group(2)) >= 1) {
            step = repeated.group(1);
            occurrence = Integer.parseInt(repeated.group(2)) - 1;
        }
        if (step.isEmpty()) {
            throw invalid(text, "no step");
        }
        return new WhatIf(StepPath.parse(step), occurrence, change(text, change), change);
    }

    private static Change change(String text, String change) {
        Matcher percent = PERCENT.matcher(change);
        if (percent.matches()) {
            double value = Double.parseDouble(percent.group(2)) * (percent.group(1).equals("-") ? -1 : 1);
            if (value < -100) {
                throw invalid(text, "a step cannot take less than no time");
            }
            return new Change(Change.Kind.BY_PERCENT, value, 0);
        }
        try {
            if (change.startsWith("-") || change.startsWith("+")) {
                long millis = Durations.parse(change.substring(1).trim());
                return new Change(Change.Kind.BY_MILLIS, 0, change.startsWith("-") ? -millis : millis);
            }
            return new Change(Change.Kind.TO_MILLIS, 0, Durations.parseNonNegative("duration", change));
        } catch (IllegalArgumentException e) {
            throw invalid(text, "'" + change + "' is neither a signed percentage nor a duration");
        }
    }

    private static IllegalArgumentException invalid(String text, String why) {
        return new IllegalArgumentException("Invalid what-if '" + text + "': " + why + "; accepted: "
                + ACCEPTED_FORMS);
    }

    /** The name of the step shown to users: the path, and {@code #2}, ... for a repeated one. */
    public String stepName() {
        return path.displayName(occurrence);
    }

    /** As written: {@code Test/Integration=-50%}. */
    @Override
    public String toString() {
        return stepName() + "=" + text.toLowerCase(Locale.ROOT);
    }
}
