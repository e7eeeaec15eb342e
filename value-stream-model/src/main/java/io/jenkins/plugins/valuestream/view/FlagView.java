package io.jenkins.plugins.valuestream.view;

import io.jenkins.plugins.valuestream.flags.Flag;
import io.jenkins.plugins.valuestream.flags.FlagKind;
import io.jenkins.plugins.valuestream.time.Durations;
import java.util.List;

/**
 * A flag as shown.
 *
 * @param kind what was found
 * @param label the kind in words ("Slow process")
 * @param step the display path of the step it concerns
 * @param message the flag's sentence
 * @param costMillis the time it cost the run
 * @param costText that time in words
 * @param evidence the facts behind the flag
 * @param remedy what to do about it, or the empty string
 */
public record FlagView(FlagKind kind, String label, String step, String message, long costMillis, String costText,
        List<String> evidence, String remedy) {
    public FlagView {
        evidence = List.copyOf(evidence);
    }

    public static FlagView of(Flag flag) {
        return new FlagView(flag.kind(), label(flag.kind()), flag.step().label(), flag.message(),
                flag.costMillis(), Durations.format(flag.costMillis()), flag.evidence(), flag.remedy());
    }

    /**
     * The message for a place that already names the step (a column of step names, a line that starts with it):
     * without its leading {@code "<step>: "}, where it has one.
     */
    public String finding() {
        String prefix = step + ": ";
        return message.startsWith(prefix) && message.length() > prefix.length() ? message.substring(prefix.length())
                : message;
    }

    /** The kind in words. */
    public static String label(FlagKind kind) {
        return switch (kind) {
            case SLOW_PROCESS -> "Slow process";
            case SLOW_WAIT -> "Slow wait";
            case DUPLICATE_WORK -> "Duplicate work";
            case SETUP_ON_EACH_AGENT -> "Setup on each agent";
            case REPEATED_AGENT -> "Repeated agent";
            case NO_OP -> "No-op step";
        };
    }
}
