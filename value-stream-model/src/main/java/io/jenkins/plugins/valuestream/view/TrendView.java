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

    /** The trends of a value stream. */
    public static TrendView of(ValueStream stream) {
        List<TrendPoint> points = new ArrayList<>(stream.trend().size());
        Legend.Collector legend = new Legend.Collector();
        long max = 0;
        for (RunTrend run : stream.trend()) {
            List<WaitPart> waits = WaitPart.of(run.waits());
            legend.addAll(waits);
            max = Math.max(max, run.leadTimeMillis());
            points.add(new TrendPoint(run.number(), run.result(), HumanText.instant(run.startedAt()),
                    run.leadTimeMillis(), Durations.format(run.leadTimeMillis()), run.processMillis(),
                    Durations.format(run.processMillis()), waits, run.flowEfficiency(),
                    HumanText.percent(run.flowEfficiency())));
        }
        return new TrendView(stream.job(), points, max, legend.build(),
                ValueStreamMapView.unknownNotes(ValueStreamMapView.unknownRuns(stream.trend()),
                        stream.trend().size()));
    }
}
