package io.jenkins.plugins.valuestream.view;

import io.jenkins.plugins.valuestream.stream.RunTrend;
import io.jenkins.plugins.valuestream.stream.ValueStream;
import io.jenkins.plugins.valuestream.time.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A job's trends, as shown: lead time per run, split into process time and wait by cause, and flow efficiency per
 * run.
 *
 * @param job the job's full name
 * @param points one per run, oldest first
 * @param maxLeadTimeMillis the longest lead time among them
 * @param legend the causes the trends show, with time or unknown
 * @param notes what the sources could not tell, in words
 */
public record TrendView(String job, List<TrendPoint> points, long maxLeadTimeMillis, Legend legend,
        List<String> notes) {
    public TrendView {
        points = List.copyOf(points);
        Objects.requireNonNull(legend, "legend");
        notes = List.copyOf(notes);
    }

    /**
     * How many runs the trends show at most: the newest. A bar per run stays wider than a pixel on a wide page, and
     * a report of thousands of runs stays a page a browser opens at once.
     */
    public static final int MAX_POINTS = 200;

    /** The trends of a value stream: its newest {@link #MAX_POINTS} runs. */
    public static TrendView of(ValueStream stream) {
        List<RunTrend> shown = stream.trend().size() <= MAX_POINTS ? stream.trend()
                : stream.trend().subList(stream.trend().size() - MAX_POINTS, stream.trend().size());
        List<TrendPoint> points = new ArrayList<>(shown.size());
        Legend.Collector legend = new Legend.Collector();
        long max = 0;
        for (RunTrend run : shown) {
            List<WaitPart> waits = WaitPart.of(run.waits());
            legend.addAll(waits);
            max = Math.max(max, run.leadTimeMillis());
            points.add(new TrendPoint(run.number(), run.result(), HumanText.instant(run.startedAt()),
                    run.leadTimeMillis(), Durations.format(run.leadTimeMillis()), run.processMillis(),
                    Durations.format(run.processMillis()), waits, run.flowEfficiency(),
                    HumanText.percent(run.flowEfficiency())));
        }
        List<String> notes = new ArrayList<>(ValueStreamMapView.unknownNotes(ValueStreamMapView.unknownRuns(shown),
                shown.size()));
        if (shown.size() < stream.trend().size()) {
            notes.add("The trends show the newest " + shown.size() + " of the " + stream.trend().size()
                    + " runs; the figures above cover them all.");
        }
        return new TrendView(stream.job(), points, max, legend.build(), notes);
    }
}
