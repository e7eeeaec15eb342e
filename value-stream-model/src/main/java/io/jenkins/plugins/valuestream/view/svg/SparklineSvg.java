package io.jenkins.plugins.valuestream.view.svg;

import io.jenkins.plugins.valuestream.graph.RunResult;
import io.jenkins.plugins.valuestream.stream.Distribution;
import io.jenkins.plugins.valuestream.time.Durations;
import io.jenkins.plugins.valuestream.view.TrendPoint;
import io.jenkins.plugins.valuestream.view.TrendView;
import io.jenkins.plugins.valuestream.view.WaitPart;
import io.jenkins.plugins.valuestream.view.markup.MarkupWriter;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A compact trend for a small box (a job's main page, a list of jobs): the lead time of each of a job's latest runs
 * as a bar, split into process time and wait by cause in the colours of the full trends, the median of those runs as
 * a dashed line, failed runs marked under their bar; the newest run's lead time and the median in words. Drawn at
 * {@value #WIDTH}×{@value #HEIGHT} pixels whatever the options' width, and scaled down to a narrower box.
 */
public final class SparklineSvg {
    /** The width the sparkline is drawn at. */
    public static final int WIDTH = 300;
    /** The height the sparkline is drawn at. */
    public static final int HEIGHT = 100;
    /** How many runs it shows unless told otherwise. */
    public static final int DEFAULT_RUNS = 30;
    private static final double PAD = 6;
    private static final double PLOT_TOP = 24;
    private static final double PLOT_BOTTOM = 78;
    private static final double SLOT_MAX = 24;

    private SparklineSvg() {
    }

    /** The sparkline of the latest {@value #DEFAULT_RUNS} runs. */
    public static String render(TrendView view, SvgOptions options) {
        return render(view, options, DEFAULT_RUNS);
    }

    /** The sparkline of the latest {@code runs} runs. */
    public static String render(TrendView view, SvgOptions options, int runs) {
        MarkupWriter out = new MarkupWriter();
        write(view, options, runs, out);
        return out.finish();
    }

    /** Writes the sparkline of the latest {@code runs} runs into a document being written. */
    public static void write(TrendView view, SvgOptions options, int runs, MarkupWriter out) {
        if (runs < 1) {
            throw new IllegalArgumentException("A sparkline shows at least 1 run: " + runs);
        }
        List<TrendPoint> all = view.points();
        List<TrendPoint> points = all.subList(Math.max(0, all.size() - runs), all.size());
        SvgFrame.open(out, options, "vs-sparkline", WIDTH, HEIGHT, "Lead time of the latest runs of " + view.job(),
                describe(view, points));
        if (points.isEmpty()) {
            out.element("text", "Lead time", "class", "vs-muted vs-small", "x", PAD, "y", 14);
            out.element("text", "No completed runs yet", "class", "vs-muted vs-small vs-empty-trend",
                    "x", WIDTH / 2.0, "y", (PLOT_TOP + PLOT_BOTTOM) / 2, "text-anchor", "middle");
            SvgFrame.close(out);
            return;
        }
        TrendPoint newest = points.get(points.size() - 1);
        long median = median(points);
        String caption = "Lead time \u00b7 last " + points.size() + (points.size() == 1 ? " run" : " runs");
        out.element("text", caption, "class", "vs-muted vs-small", "x", PAD, "y", 14);
        out.open("text", "class", "vs-small", "x", WIDTH - PAD, "y", 14, "text-anchor", "end");
        out.element("tspan", "#" + newest.number() + " ", "class", "vs-muted");
        out.element("tspan", newest.leadTimeText(), "class", "vs-strong vs-spark-latest");
        out.close();

        long top = points.stream().mapToLong(TrendPoint::leadTimeMillis).max().orElse(0);
        double scale = top <= 0 ? 0 : (PLOT_BOTTOM - PLOT_TOP) / top;
        double plotW = WIDTH - 2 * PAD;
        double slot = Math.min(SLOT_MAX, plotW / points.size());
        double barW = Math.max(1, slot * 0.7);
        // Few runs: the bars keep their width and line up from the right, where the newest run is.
        double start = WIDTH - PAD - slot * points.size();
        out.empty("line", "class", "vs-axis", "x1", PAD, "y1", PLOT_BOTTOM, "x2", WIDTH - PAD, "y2", PLOT_BOTTOM);
        for (int i = 0; i < points.size(); i++) {
            TrendPoint point = points.get(i);
            double x = start + slot * i + (slot - barW) / 2;
            bar(out, point, x, barW, scale);
        }
        double medianY = PLOT_BOTTOM - median * scale;
        out.open("g", "class", "vs-spark-median-group");
        out.element("title", "Median lead time of these runs: " + Durations.format(median));
        out.empty("line", "class", "vs-spark-median", "x1", PAD, "y1", medianY, "x2", WIDTH - PAD, "y2", medianY);
        out.close();
        out.element("text", "median " + Durations.format(median), "class", "vs-muted vs-small vs-spark-median-text",
                "x", PAD, "y", HEIGHT - 6);
        out.element("text", "#" + points.get(0).number() + (points.size() > 1 ? " \u2013 #" + newest.number() : ""),
                "class", "vs-muted vs-small", "x", WIDTH - PAD, "y", HEIGHT - 6, "text-anchor", "end");
        SvgFrame.close(out);
    }

    private static void bar(MarkupWriter out, TrendPoint point, double x, double width, double scale) {
        boolean failed = point.result() == RunResult.FAILURE;
        out.open("g", "class", "vs-run" + (failed ? " vs-run-failed" : ""), "data-run", point.number());
        out.element("title", TrendSvg.tooltip(point));
        double y = PLOT_BOTTOM;
        y = piece(out, null, point.processMillis(), x, y, width, scale);
        for (WaitPart part : point.waits()) {
            if (part.millis() != null) {
                y = piece(out, part, part.millis(), x, y, width, scale);
            }
        }
        if (failed) {
            out.empty("rect", "class", "vs-result-failure vs-spark-failed", "x", x, "y", PLOT_BOTTOM + 2,
                    "width", width, "height", 3);
        }
        out.close();
    }

    private static double piece(MarkupWriter out, @Nullable WaitPart part, long millis, double x, double bottom,
            double width, double scale) {
        if (millis <= 0) {
            return bottom;
        }
        double height = Math.max(0.5, millis * scale);
        out.empty("rect", "class", SvgStyle.segmentClass(part == null ? null : part.cause()), "x", x,
                "y", bottom - height, "width", width, "height", height);
        return bottom - height;
    }

    /** The median as the Value Stream tab's figures compute it ({@link Distribution}). */
    private static long median(List<TrendPoint> points) {
        return Distribution.ofSorting(points.stream().mapToLong(TrendPoint::leadTimeMillis).toArray()).median();
    }

    private static String describe(TrendView view, List<TrendPoint> points) {
        if (points.isEmpty()) {
            return "Lead time of " + view.job() + ": no completed runs yet.";
        }
        TrendPoint newest = points.get(points.size() - 1);
        long failed = points.stream().filter(point -> point.result() == RunResult.FAILURE).count();
        long[] leads = points.stream().mapToLong(TrendPoint::leadTimeMillis).toArray();
        return "Lead time of the last " + points.size() + (points.size() == 1 ? " run" : " runs") + " of "
                + view.job() + ", #" + points.get(0).number() + " to #" + newest.number() + ": median "
                + Durations.format(median(points)) + ", shortest "
                + Durations.format(Arrays.stream(leads).min().orElse(0)) + ", longest "
                + Durations.format(Arrays.stream(leads).max().orElse(0)) + "; the newest, #" + newest.number()
                + ", " + newest.leadTimeText() + (failed == 0 ? "." : "; " + failed + " failed.");
    }
}
