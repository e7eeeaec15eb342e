package io.jenkins.plugins.valuestream.view.svg;

import io.jenkins.plugins.valuestream.graph.RunResult;
import io.jenkins.plugins.valuestream.view.HumanText;
import io.jenkins.plugins.valuestream.view.ResultText;
import io.jenkins.plugins.valuestream.view.TrendPoint;
import io.jenkins.plugins.valuestream.view.TrendView;
import io.jenkins.plugins.valuestream.view.WaitPart;
import io.jenkins.plugins.valuestream.view.markup.MarkupWriter;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Draws a job's trends: the lead time of each run as a stacked bar (process time at the bottom, then the wait of each
 * cause), and the flow efficiency of each run as a line, oldest run on the left.
 */
public final class TrendSvg {
    private static final double MARGIN = 24;
    private static final double AXIS_W = 64;
    private static final double PLOT_X = MARGIN + AXIS_W;
    private static final double LEAD_TOP = 92;
    private static final double LEAD_H = 200;
    private static final double EFFICIENCY_H = 110;
    private static final int DESCRIBED_RUNS = 20;
    /** Tops of the efficiency axis whose quarters read as round percentages (0.5%, 1%, 2.5%, 5%, 10%, 25%). */
    private static final double[] EFFICIENCY_SCALES = {0.02, 0.04, 0.1, 0.2, 0.4, 1.0};

    private TrendSvg() {
    }

    /** The trends as a standalone SVG document. */
    public static String render(TrendView view) {
        return render(view, SvgOptions.standaloneDocument());
    }

    /** The trends as an SVG element, written as the options say. */
    public static String render(TrendView view, SvgOptions options) {
        MarkupWriter out = new MarkupWriter();
        write(view, options, out);
        return out.finish();
    }

    /** Writes the trends into a document being written. */
    public static void write(TrendView view, SvgOptions options, MarkupWriter out) {
        List<TrendPoint> points = view.points();
        if (points.isEmpty()) {
            empty(out, view, options);
            return;
        }
        double width = options.width();
        double plotW = width - PLOT_X - MARGIN;
        double leadBottom = LEAD_TOP + LEAD_H;
        double efficiencyTitle = leadBottom + 52;
        double efficiencyTop = efficiencyTitle + 22;
        double efficiencyBottom = efficiencyTop + EFFICIENCY_H;
        double legendY = efficiencyBottom + 44;
        List<String> notes = new ArrayList<>();
        boolean anyUnknown = points.stream().anyMatch(point -> SvgFrame.anyUnknown(point.waits()));
        if (points.stream().anyMatch(point -> point.result() == RunResult.FAILURE)) {
            notes.addAll(TextFit.wrap("A red mark under a bar: a failed run.", 11, width - 2 * MARGIN));
        }
        if (anyUnknown) {
            notes.addAll(TextFit.wrap("\u201c?\u201d marks a run with a wait cause its source could not tell: its bar "
                    + "shows the known time only.", 11, width - 2 * MARGIN));
        }
        for (String note : view.notes()) {
            notes.addAll(TextFit.wrap(note, 11, width - 2 * MARGIN));
        }
        double legendHeight = SvgFrame.legendHeight(width - 2 * MARGIN, view.legend());
        double height = legendY + legendHeight + 16 * notes.size() + MARGIN;

        SvgFrame.open(out, options, "vs-trend", width, height, "Trends of " + view.job(), describe(view));
        out.element("text", TextFit.fit("Trends \u00b7 " + view.job(), 15, true, width - 2 * MARGIN),
                "class", "vs-heading", "x", MARGIN, "y", MARGIN + 6);
        String range = points.size() + (points.size() == 1 ? " run" : " runs") + ", #" + points.get(0).number()
                + (points.size() > 1 ? " to #" + points.get(points.size() - 1).number() : "") + ", oldest first";
        out.element("text", range, "class", "vs-muted", "x", MARGIN, "y", MARGIN + 26);

        panelTitle(out, "Lead time per run", "process time and wait by cause, stacked", LEAD_TOP - 18);
        TimeAxis axis = TimeAxis.of(view.maxLeadTimeMillis(), 5);
        for (long tick : axis.ticks()) {
            double y = leadBottom - LEAD_H * tick / axis.endMillis();
            out.empty("line", "class", tick == 0 ? "vs-axis" : "vs-grid", "x1", PLOT_X, "y1", y,
                    "x2", PLOT_X + plotW, "y2", y);
            out.element("text", TimeAxis.label(tick), "class", "vs-muted vs-small", "x", PLOT_X - 8, "y", y + 4,
                    "text-anchor", "end");
        }

        panelTitle(out, "Flow efficiency per run", "process time \u00f7 lead time", efficiencyTitle);
        double best = 0;
        for (TrendPoint point : points) {
            best = Math.max(best, point.flowEfficiency());
        }
        double top = EFFICIENCY_SCALES[EFFICIENCY_SCALES.length - 1];
        for (double scale : EFFICIENCY_SCALES) {
            if (best <= scale) {
                top = scale;
                break;
            }
        }
        for (int i = 0; i <= 4; i++) {
            double share = top * i / 4;
            double y = efficiencyBottom - EFFICIENCY_H * i / 4;
            out.empty("line", "class", i == 0 ? "vs-axis" : "vs-grid", "x1", PLOT_X, "y1", y,
                    "x2", PLOT_X + plotW, "y2", y);
            out.element("text", HumanText.percent(share), "class", "vs-muted vs-small", "x", PLOT_X - 8,
                    "y", y + 4, "text-anchor", "end");
        }

        double slot = plotW / points.size();
        double barW = Math.max(1, Math.min(28, slot * 0.68));
        int labelEvery = (int) Math.max(1, Math.ceil(48 / slot));
        StringBuilder line = new StringBuilder();
        StringBuilder area = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            TrendPoint point = points.get(i);
            double cx = PLOT_X + slot * (i + 0.5);
            double ey = efficiencyBottom - EFFICIENCY_H * Math.min(point.flowEfficiency(), top) / top;
            line.append(i == 0 ? "M" : " L").append(fmt(cx)).append(' ').append(fmt(ey));
            run(out, point, i, cx, slot, barW, axis.endMillis(), leadBottom, efficiencyTop, efficiencyBottom, ey,
                    i % labelEvery == 0 || i == points.size() - 1 && slot >= 24);
        }
        if (points.size() > 1) {
            double firstX = PLOT_X + slot * 0.5;
            double lastX = PLOT_X + slot * (points.size() - 0.5);
            area.append(line).append(" L").append(fmt(lastX)).append(' ').append(fmt(efficiencyBottom))
                    .append(" L").append(fmt(firstX)).append(' ').append(fmt(efficiencyBottom)).append(" Z");
            out.empty("path", "class", "vs-eff-area", "d", area.toString());
            out.empty("path", "class", "vs-eff-line", "d", line.toString());
        }
        for (int i = 0; i < points.size(); i++) {
            TrendPoint point = points.get(i);
            double cx = PLOT_X + slot * (i + 0.5);
            double ey = efficiencyBottom - EFFICIENCY_H * Math.min(point.flowEfficiency(), top) / top;
            out.open("circle", "class", "vs-eff-dot", "cx", cx, "cy", ey, "r", slot >= 10 ? 3.5 : 2,
                    "data-run", point.number());
            out.element("title", "#" + point.number() + ": flow efficiency " + point.flowEfficiencyText());
            out.close();
        }
        double y = legendY + SvgFrame.legend(out, MARGIN, legendY, width - 2 * MARGIN, view.legend()) + 8;
        for (String note : notes) {
            out.element("text", note, "class", "vs-small vs-note", "x", MARGIN, "y", y);
            y += 16;
        }
        SvgFrame.close(out);
    }

    /** Trends of no runs: the heading and a sentence, no empty axes. */
    private static void empty(MarkupWriter out, TrendView view, SvgOptions options) {
        double width = Math.min(SvgOptions.MIN_WIDTH, options.width());
        SvgFrame.open(out, options, "vs-trend", width, MARGIN + 64, "Trends of " + view.job(), describe(view));
        out.element("text", TextFit.fit("Trends \u00b7 " + view.job(), 15, true, width - 2 * MARGIN),
                "class", "vs-heading", "x", MARGIN, "y", MARGIN + 6);
        out.element("text", "No completed runs yet: the trends appear after the first one.", "class",
                "vs-muted vs-empty-trend", "x", MARGIN, "y", MARGIN + 30);
        SvgFrame.close(out);
    }

    private static void panelTitle(MarkupWriter out, String title, String subtitle, double y) {
        out.open("text", "x", MARGIN, "y", y);
        out.element("tspan", title, "class", "vs-strong");
        out.element("tspan", subtitle, "class", "vs-muted vs-small", "dx", 10);
        out.close();
    }

    private static void run(MarkupWriter out, TrendPoint point, int index, double cx, double slot, double barW,
            long axisEnd, double leadBottom, double efficiencyTop, double efficiencyBottom, double efficiencyY,
            boolean label) {
        boolean failed = point.result() == RunResult.FAILURE;
        out.open("g", "class", "vs-run" + (failed ? " vs-run-failed" : ""), "data-run", point.number());
        out.element("title", tooltip(point));
        out.empty("rect", "class", "vs-hit", "x", cx - slot / 2, "y", LEAD_TOP, "width", slot,
                "height", leadBottom - LEAD_TOP);
        double x = cx - barW / 2;
        double y = leadBottom;
        y = stack(out, null, point.processMillis(), axisEnd, x, y, barW);
        boolean unknown = false;
        for (WaitPart part : point.waits()) {
            if (part.millis() == null) {
                unknown = true;
            } else {
                y = stack(out, part, part.millis(), axisEnd, x, y, barW);
            }
        }
        if (failed) {
            out.empty("rect", "class", "vs-result-failure vs-failed-mark", "x", x, "y", leadBottom + 2,
                    "width", barW, "height", 3);
        }
        if (unknown) {
            out.element("text", "?", "class", "vs-muted vs-small vs-unknown-mark", "x", cx, "y", y - 4,
                    "text-anchor", "middle");
        }
        if (label) {
            out.element("text", "#" + point.number(), "class", "vs-small " + (failed ? "vs-bad-text" : "vs-muted"),
                    "x", cx, "y", leadBottom + 16, "text-anchor", "middle");
        }
        out.close();
    }

    private static double stack(MarkupWriter out, @Nullable WaitPart part, long millis, long axisEnd, double x, double bottom,
            double width) {
        if (millis <= 0) {
            return bottom;
        }
        double height = LEAD_H * millis / axisEnd;
        out.empty("rect", "class", SvgStyle.segmentClass(part == null ? null : part.cause()), "x", x,
                "y", bottom - height, "width", width, "height", height);
        return bottom - height;
    }

    /** A run's numbers in words, for its tooltip in every chart of runs. */
    static String tooltip(TrendPoint point) {
        StringBuilder text = new StringBuilder("#").append(point.number()).append(" \u2014 ")
                .append(ResultText.of(point.result())).append(", started ").append(point.startedText());
        text.append("\nLead time ").append(point.leadTimeText()).append(": process ").append(point.processText());
        if (!point.waits().isEmpty()) {
            text.append(", wait ").append(SvgFrame.waitsText(point.waits()));
        }
        text.append("\nFlow efficiency ").append(point.flowEfficiencyText());
        return text.toString();
    }

    private static String describe(TrendView view) {
        List<TrendPoint> points = view.points();
        if (points.isEmpty()) {
            return "Trends of " + view.job() + ": no runs yet.";
        }
        StringBuilder text = new StringBuilder("Lead time and flow efficiency of ").append(view.job()).append(" over ")
                .append(points.size()).append(points.size() == 1 ? " run" : " runs").append(", oldest first. ");
        TrendPoint shortest = points.stream().min(java.util.Comparator.comparingLong(TrendPoint::leadTimeMillis))
                .orElseThrow();
        TrendPoint longest = points.stream().max(java.util.Comparator.comparingLong(TrendPoint::leadTimeMillis))
                .orElseThrow();
        text.append("Shortest lead time ").append(shortest.leadTimeText()).append(" (#").append(shortest.number())
                .append("), longest ").append(longest.leadTimeText()).append(" (#").append(longest.number())
                .append("). ");
        // A screen reader reads the description whole: the most recent runs are the ones worth hearing one by one.
        int from = Math.max(0, points.size() - DESCRIBED_RUNS);
        if (from > 0) {
            text.append("The last ").append(DESCRIBED_RUNS).append(": ");
        }
        for (TrendPoint point : points.subList(from, points.size())) {
            text.append('#').append(point.number()).append(": lead time ").append(point.leadTimeText())
                    .append(", process ").append(point.processText()).append(", flow efficiency ")
                    .append(point.flowEfficiencyText()).append(". ");
        }
        return text.toString().trim();
    }

    private static String fmt(double value) {
        return MarkupWriter.format(value);
    }
}
