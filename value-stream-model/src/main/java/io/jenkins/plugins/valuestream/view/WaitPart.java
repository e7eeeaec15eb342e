package io.jenkins.plugins.valuestream.view;

import io.jenkins.plugins.valuestream.process.WaitBreakdown;
import io.jenkins.plugins.valuestream.process.WaitCause;
import io.jenkins.plugins.valuestream.stream.Distribution;
import io.jenkins.plugins.valuestream.time.Durations;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One cause's share of a wait, as shown: its time, or unknown.
 *
 * @param cause the cause
 * @param label the cause in words ("Agent")
 * @param millis the time, or {@code null} where the source could not tell
 * @param text the time in words, or {@code "unknown"}
 */
public record WaitPart(WaitCause cause, String label, @Nullable Long millis, String text) {
    /** What an unknown time reads as. */
    public static final String UNKNOWN = "unknown";

    /** A known time. */
    public static WaitPart known(WaitCause cause, long millis) {
        return new WaitPart(cause, label(cause), millis, Durations.format(millis));
    }

    /** A time the source could not tell. */
    public static WaitPart unknown(WaitCause cause) {
        return new WaitPart(cause, label(cause), null, UNKNOWN);
    }

    /** The causes of a breakdown that have time, and those that are unknown, in cause order. */
    public static List<WaitPart> of(WaitBreakdown waits) {
        List<WaitPart> parts = new ArrayList<>();
        for (WaitCause cause : WaitCause.values()) {
            if (!waits.known(cause)) {
                parts.add(unknown(cause));
            } else if (waits.millis(cause) > 0) {
                parts.add(known(cause, waits.millis(cause)));
            }
        }
        return parts;
    }

    /**
     * The medians of the causes that have time, and the given unknown causes where no time was seen for them, in
     * cause order.
     */
    public static List<WaitPart> ofMedians(Map<WaitCause, Distribution> byCause, Collection<WaitCause> unknown) {
        List<WaitPart> parts = new ArrayList<>();
        for (WaitCause cause : WaitCause.values()) {
            Distribution distribution = byCause.get(cause);
            if (distribution != null && distribution.median() > 0) {
                parts.add(known(cause, distribution.median()));
            } else if (unknown.contains(cause) && distribution == null) {
                parts.add(unknown(cause));
            }
        }
        return parts;
    }

    /** The cause in one word, for legends and labels. */
    public static String label(WaitCause cause) {
        return switch (cause) {
            case QUEUE -> "Queue";
            case AGENT -> "Agent";
            case INPUT -> "Input";
            case LOCK -> "Lock";
            case SLEEP -> "Sleep";
            case GAP -> "Gap";
            case REWORK -> "Rework";
            case HANDOFF -> "Hand-off";
        };
    }

    /** What the cause means, for tooltips and legends. */
    public static String meaning(WaitCause cause) {
        return switch (cause) {
            case QUEUE -> "waiting in the build queue before the run started";
            case AGENT -> "waiting for an agent or container";
            case INPUT -> "waiting for a person (input, approval)";
            case LOCK -> "waiting for a lockable resource";
            case SLEEP -> "sleep and waitUntil";
            case GAP -> "controller overhead between steps";
            case REWORK -> "failed attempts inside retry, redone";
            case HANDOFF -> "between jobs: the next job's quiet period and build queue after its trigger";
        };
    }
}
