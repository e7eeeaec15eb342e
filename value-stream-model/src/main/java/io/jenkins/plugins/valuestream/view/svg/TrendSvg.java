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
    private static final double LEAD_BOTTOM = LEAD_TOP + LEAD_H;
    private static final double EFFICIENCY_TITLE_Y = LEAD_BOTTOM + 52;
    private static final double EFFICIENCY_TOP = EFFICIENCY_TITLE_Y + 22;
    private static final double EFFICIENCY_H = 110;
    private static final double EFFICIENCY_BOTTOM = EFFICIENCY_TOP + EFFICIENCY_H;
    private static final double LEGEND_Y = EFFICIENCY_BOTTOM + 44;
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
        List<String> notes = notes(view, width - 2 * MARGIN);
        double height = LEGEND_Y + SvgFrame.legendHeight(width - 2 * MARGIN, view.legend()) + 16 * notes.size()
                + MARGIN;
        SvgFrame.open(out, options, "vs-trend", width, height, "Trends of " + view.job(), describe(view));
        heading(out, view, width);
        RunSlots slots = RunSlots.across(width, points.size());
        TimeAxis leadAxis = TimeAxis.of(view.maxLeadTimeMillis(), 5);
        EfficiencyAxis efficiencyAxis = EfficiencyAxis.fitting(points);
        // Both panels' grids come first, so that the bars, the line and the dots are drawn over them.
        leadTimeGrid(out, leadAxis, slots.plotWidth());
        efficiencyGrid(out, efficiencyAxis, slots.plotWidth());
        for (int i = 0; i < points.size(); i++) {
            run(out, points.get(i), slots, i, leadAxis.endMillis());
        }
        efficiencyLine(out, points, slots, efficiencyAxis);
        efficiencyDots(out, points, slots, efficiencyAxis);
        legendAndNotes(out, view, width, notes);
        SvgFrame.close(out);
    }

    /**
     * Where the runs stand across the plot, oldest on the left: a slot of the same width each, its bar and its dot
     * in the middle of it.
     *
     * @param plotWidth the width of the plot, right of the axis labels
     * @param runs how many runs share it
     */
    private record RunSlots(double plotWidth, int runs) {
        static RunSlots across(double chartWidth, int runs) {
            return new RunSlots(chartWidth - PLOT_X - MARGIN, runs);
        }

        double slotWidth() {
            return plotWidth / runs;
        }

        double centerX(int index) {
            return PLOT_X + slotWidth() * (index + 0.5);
        }

        double barWidth() {
            return Math.max(1, Math.min(28, slotWidth() * 0.68));
        }

        /** Whether the run's number goes under its bar: numbers 48 pixels apart at least, the newest where it fits. */
        boolean labelled(int index) {
            int labelEvery = (int) Math.max(1, Math.ceil(48 / slotWidth()));
            return index % labelEvery == 0 || index == runs - 1 && slotWidth() >= 24;
        }
    }

    /**
     * The flow-efficiency axis, from 0 up to the smallest of {@link #EFFICIENCY_SCALES} that holds every run: runs
     * that are mostly waiting still get a line that rises and falls.
     */
    private record EfficiencyAxis(double top) {
        static EfficiencyAxis fitting(List<TrendPoint> points) {
            double best = 0;
            for (TrendPoint point : points) {
                best = Math.max(best, point.flowEfficiency());
            }
            for (double scale : EFFICIENCY_SCALES) {
                if (best <= scale) {
                    return new EfficiencyAxis(scale);
                }
            }
            return new EfficiencyAxis(EFFICIENCY_SCALES[EFFICIENCY_SCALES.length - 1]);
        }

        double y(TrendPoint point) {
            return EFFICIENCY_BOTTOM - EFFICIENCY_H * Math.min(point.flowEfficiency(), top) / top;
        }
    }

    /** The lines under the legend: what the marks mean where the chart has them, then the view's own notes. */
    private static List<String> notes(TrendView view, double textWidth) {
        List<TrendPoint> points = view.points();
        List<String> notes = new ArrayList<>();
        if (points.stream().anyMatch(point -> point.result() == RunResult.FAILURE)) {
            notes.addAll(TextFit.wrap("A red mark under a bar: a failed run.", 11, textWidth));
        }
        if (points.stream().anyMatch(point -> SvgFrame.anyUnknown(point.waits()))) {
            notes.addAll(TextFit.wrap("\u201c?\u201d marks a run with a wait cause its source could not tell: its bar "
                    + "shows the known time only.", 11, textWidth));
        }
        for (String note : view.notes()) {
            notes.addAll(TextFit.wrap(note, 11, textWidth));
        }
        return notes;
    }

    /** The job's name and which runs the chart shows. */
    private static void heading(MarkupWriter out, TrendView view, double width) {
        title(out, view, width);
        List<TrendPoint> points = view.points();
        String range = points.size() + (points.size() == 1 ? " run" : " runs") + ", #" + points.get(0).number()
                + (points.size() > 1 ? " to #" + points.get(points.size() - 1).number() : "") + ", oldest first";
        out.element("text", range, "class", "vs-muted", "x", MARGIN, "y", MARGIN + 26);
    }

    private static void title(MarkupWriter out, TrendView view, double width) {
        out.element("text", TextFit.fit("Trends \u00b7 " + view.job(), 15, true, width - 2 * MARGIN),
                "class", "vs-heading", "x", MARGIN, "y", MARGIN + 6);
    }

    /** The upper panel's title and its lines of round times. */
    private static void leadTimeGrid(MarkupWriter out, TimeAxis axis, double plotWidth) {
        panelTitle(out, "Lead time per run", "process time and wait by cause, stacked", LEAD_TOP - 18);
        for (long tick : axis.ticks()) {
            double y = LEAD_BOTTOM - LEAD_H * tick / axis.endMillis();
            gridLine(out, y, tick == 0, TimeAxis.label(tick), plotWidth);
        }
    }

    /** The lower panel's title and its lines at each quarter of the axis. */
    private static void efficiencyGrid(MarkupWriter out, EfficiencyAxis axis, double plotWidth) {
        panelTitle(out, "Flow efficiency per run", "process time \u00f7 lead time", EFFICIENCY_TITLE_Y);
        for (int i = 0; i <= 4; i++) {
            double share = axis.top() * i / 4;
            double y = EFFICIENCY_BOTTOM - EFFICIENCY_H * i / 4;
            gridLine(out, y, i == 0, HumanText.percent(share), plotWidth);
        }
    }

    /** A line across the plot, labelled left of it; the zero line is drawn as the axis. */
    private static void gridLine(MarkupWriter out, double y, boolean zero, String label, double plotWidth) {
        out.empty("line", "class", zero ? "vs-axis" : "vs-grid", "x1", PLOT_X, "y1", y,
                "x2", PLOT_X + plotWidth, "y2", y);
        out.element("text", label, "class", "vs-muted vs-small", "x", PLOT_X - 8, "y", y + 4,
                "text-anchor", "end");
    }

    /** The runs' efficiencies joined by a line over a shaded area; one run has no line, only its dot. */
    private static void efficiencyLine(MarkupWriter out, List<TrendPoint> points, RunSlots slots,
            EfficiencyAxis axis) {
        if (points.size() <= 1) {
            return;
        }
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            line.append(i == 0 ? "M" : " L").append(fmt(slots.centerX(i))).append(' ')
                    .append(fmt(axis.y(points.get(i))));
        }
        String bottom = fmt(EFFICIENCY_BOTTOM);
        String area = line + " L" + fmt(slots.centerX(points.size() - 1)) + ' ' + bottom
                + " L" + fmt(slots.centerX(0)) + ' ' + bottom + " Z";
        out.empty("path", "class", "vs-eff-area", "d", area);
        out.empty("path", "class", "vs-eff-line", "d", line.toString());
    }

    /** A dot on the line for each run, with the run's efficiency as its tooltip. */
    private static void efficiencyDots(MarkupWriter out, List<TrendPoint> points, RunSlots slots,
            EfficiencyAxis axis) {
        for (int i = 0; i < points.size(); i++) {
            TrendPoint point = points.get(i);
            out.open("circle", "class", "vs-eff-dot", "cx", slots.centerX(i), "cy", axis.y(point),
                    "r", slots.slotWidth() >= 10 ? 3.5 : 2, "data-run", point.number());
            out.element("title", "#" + point.number() + ": flow efficiency " + point.flowEfficiencyText());
            out.close();
        }
    }

    private static void legendAndNotes(MarkupWriter out, TrendView view, double width, List<String> notes) {
        double y = LEGEND_Y + SvgFrame.legend(out, MARGIN, LEGEND_Y, width - 2 * MARGIN, view.legend()) + 8;
        for (String note : notes) {
            out.element("text", note, "class", "vs-small vs-note", "x", MARGIN, "y", y);
            y += 16;
        }
    }

    /** Trends of no runs: the heading and a sentence, no empty axes. */
    private static void empty(MarkupWriter out, TrendView view, SvgOptions options) {
        double width = Math.min(SvgOptions.MIN_WIDTH, options.width());
        SvgFrame.open(out, options, "vs-trend", width, MARGIN + 64, "Trends of " + view.job(), describe(view));
        title(out, view, width);
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

    /** One run's bar, stacked from the bottom, with its marks and its number; all of its slot is its tooltip. */
    private static void run(MarkupWriter out, TrendPoint point, RunSlots slots, int index, long axisEnd) {
        double cx = slots.centerX(index);
        double slot = slots.slotWidth();
        double barW = slots.barWidth();
        boolean failed = point.result() == RunResult.FAILURE;
        out.open("g", "class", "vs-run" + (failed ? " vs-run-failed" : ""), "data-run", point.number());
        out.element("title", tooltip(point));
        out.empty("rect", "class", "vs-hit", "x", cx - slot / 2, "y", LEAD_TOP, "width", slot,
                "height", LEAD_BOTTOM - LEAD_TOP);
        double x = cx - barW / 2;
        double y = LEAD_BOTTOM;
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
            out.empty("rect", "class", "vs-result-failure vs-failed-mark", "x", x, "y", LEAD_BOTTOM + 2,
                    "width", barW, "height", 3);
        }
        if (unknown) {
            out.element("text", "?", "class", "vs-muted vs-small vs-unknown-mark", "x", cx, "y", y - 4,
                    "text-anchor", "middle");
        }
        if (slots.labelled(index)) {
            out.element("text", "#" + point.number(), "class", "vs-small " + (failed ? "vs-bad-text" : "vs-muted"),
                    "x", cx, "y", LEAD_BOTTOM + 16, "text-anchor", "middle");
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
