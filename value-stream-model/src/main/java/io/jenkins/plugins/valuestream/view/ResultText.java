package io.jenkins.plugins.valuestream.view;

import io.jenkins.plugins.valuestream.graph.RunResult;
import io.jenkins.plugins.valuestream.process.StepResult;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How a run's or a step's result reads and which colour it takes, the same in every picture and page: the SVG charts
 * use {@code vs-result-TONE}, the HTML report's pills {@code vs-pill-TONE}.
 */
public final class ResultText {

    private ResultText() {
    }

    /** A run's result in words: {@code Success}, {@code Not built}, {@code Unfinished} (no result yet). */
    public static String of(@Nullable RunResult result) {
        return result == null ? "Unfinished" : words(result.name());
    }

    /** A step's result in words: {@code Success}, {@code Skipped}, {@code Running}. */
    public static String of(StepResult result) {
        return words(result.name());
    }

    /**
     * The colour a run's result takes: {@code success}, {@code unstable}, {@code failure}, {@code aborted} (aborted
     * and not built: nothing went wrong in the work itself) or {@code running} (no result yet).
     */
    public static String tone(@Nullable RunResult result) {
        if (result == null) {
            return "running";
        }
        return switch (result) {
            case SUCCESS -> "success";
            case UNSTABLE -> "unstable";
            case FAILURE -> "failure";
            case ABORTED, NOT_BUILT -> "aborted";
        };
    }

    /** The colour a step's result takes: the run's tones, and {@code skipped}. */
    public static String tone(StepResult result) {
        return switch (result) {
            case SUCCESS -> "success";
            case UNSTABLE -> "unstable";
            case FAILURE -> "failure";
            case ABORTED -> "aborted";
            case SKIPPED -> "skipped";
            case RUNNING -> "running";
        };
    }

    private static String words(String name) {
        String lower = name.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
