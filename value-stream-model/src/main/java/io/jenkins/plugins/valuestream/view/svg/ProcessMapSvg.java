package io.jenkins.plugins.valuestream.view.svg;

import io.jenkins.plugins.valuestream.process.StepKind;
import io.jenkins.plugins.valuestream.process.StepResult;
import io.jenkins.plugins.valuestream.process.WaitCause;
import io.jenkins.plugins.valuestream.view.BarSegment;
import io.jenkins.plugins.valuestream.view.FlagView;
import io.jenkins.plugins.valuestream.view.GanttRow;
import io.jenkins.plugins.valuestream.view.ProcessMapView;
import io.jenkins.plugins.valuestream.view.ResultText;
import io.jenkins.plugins.valuestream.view.VerdictView;
import io.jenkins.plugins.valuestream.view.WaitPart;
import io.jenkins.plugins.valuestream.view.markup.MarkupWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Draws the process map of one run as a Gantt chart: time from the moment the run was queued on the top axis, one
 * lane per step (the build queue first), nested steps indented under their parent, parallel branches in lanes of
 * their own joined by a bracket, each bar split into process time and wait by cause, the flags and budget verdicts
 * marked at the end of the bars they concern.
 */
public final class ProcessMapSvg {
    private static final double MARGIN = 24;
    private static final double LABEL_W = 270;
    /** The time axis takes what the options' width leaves, but no less than this. */
    private static final double MIN_CHART_W = 480;
    private static final double ANNOTATION_W = 170;
    private static final double ROW_H = 28;
    private static final double BAR_H = 14;
    private static final double INDENT = 16;
    private static final double AXIS_Y = 86;
    private static final double ROWS_TOP = 96;

    private ProcessMapSvg() {
    }

    /** The map as a standalone SVG document. */
    public static String render(ProcessMapView view) {
        return render(view, SvgOptions.standaloneDocument());
    }

    /** The map as an SVG element, written as the options say. */
    public static String render(ProcessMapView view, SvgOptions options) {
        MarkupWriter out = new MarkupWriter();
        write(view, options, out);
        return out.finish();
    }

    /** Writes the map into a document being written. */
    public static void write(ProcessMapView view, SvgOptions options, MarkupWriter out) {
        double chartX = MARGIN + LABEL_W;
        double chartW = Math.max(MIN_CHART_W, options.width() - 2 * MARGIN - LABEL_W - ANNOTATION_W);
        double width = MARGIN + LABEL_W + chartW + ANNOTATION_W + MARGIN;
        TimeAxis axis = TimeAxis.of(view.spanMillis(), 8);
        double scale = chartW / axis.endMillis();
        int lanes = view.rows().size() + 1;
        double rowsBottom = ROWS_TOP + lanes * ROW_H;
        double legendY = rowsBottom + 34;
        double legendHeight = SvgFrame.legendHeight(width - 2 * MARGIN, view.legend());
        List<String[]> footer = footer(view, width - 2 * MARGIN);
        double height = legendY + legendHeight + 16 * footer.size() + MARGIN;

        SvgFrame.open(out, options, "vs-process-map", width, height, "Process map of run #" + view.number(),
                describe(view));
        header(out, view, width);
        axis(out, axis, scale, chartX, chartW, rowsBottom);
        queueLane(out, view, chartX, scale, width);
        for (int i = 0; i < view.rows().size(); i++) {
            lane(out, view.rows().get(i), i + 1, chartX, scale, i % 2 == 1, width);
        }
        brackets(out, view.rows());
        double used = SvgFrame.legend(out, MARGIN, legendY, width - 2 * MARGIN, view.legend());
        double y = legendY + used + 6;
        for (String[] line : footer) {
            out.element("text", line[0], "class", "vs-small " + line[1], "x", MARGIN, "y", y);
            y += 16;
        }
        SvgFrame.close(out);
    }

    private static String describe(ProcessMapView view) {
        StringBuilder text = new StringBuilder();
        text.append("Run #").append(view.number()).append(", ").append(ResultText.of(view.result()))
                .append(", started ").append(view.startedText()).append(". Lead time ").append(view.leadTimeText())
                .append(": process ").append(view.processText()).append(", wait ").append(view.waitText());
        if (!view.waits().isEmpty()) {
            text.append(" (").append(SvgFrame.waitsText(view.waits())).append(')');
        }
        text.append(", flow efficiency ").append(view.flowEfficiencyText()).append(". ");
        for (GanttRow row : view.rows()) {
            text.append(row.path()).append(": ").append(ResultText.of(row.result()).toLowerCase(Locale.ROOT))
                    .append(", ").append(row.elapsedText()).append(" (process ").append(row.processText())
                    .append(", wait ").append(row.waitText()).append(")");
            for (FlagView flag : row.flags()) {
                text.append(", flagged ").append(flag.label()).append(": ").append(flag.message());
            }
            for (VerdictView verdict : row.verdicts()) {
                text.append(verdict.exceeded() ? ", over budget: " : ", within budget: ").append(verdict.message());
            }
            text.append(". ");
        }
        for (VerdictView verdict : view.runVerdicts()) {
            text.append(verdict.exceeded() ? "Over budget: " : "Within budget: ").append(verdict.message())
                    .append(". ");
        }
        for (FlagView flag : view.runFlags()) {
            text.append("Flag ").append(flag.label()).append(" on ").append(flag.step()).append(": ")
                    .append(flag.message()).append(". ");
        }
        return text.toString().trim();
    }

    private static void header(MarkupWriter out, ProcessMapView view, double width) {
        out.open("text", "x", MARGIN, "y", MARGIN + 6);
        out.element("tspan", "Process map \u00b7 run #" + view.number(), "class", "vs-heading");
        out.element("tspan", "\u25cf " + ResultText.of(view.result()),
                "class", "vs-result-text vs-strong vs-result-" + ResultText.tone(view.result()), "dx", 12);
        out.close();
        String subtitle = "Started " + view.startedText() + "  \u00b7  lead time " + view.leadTimeText()
                + "  \u00b7  process " + view.processText() + "  \u00b7  wait " + view.waitText()
                + "  \u00b7  flow efficiency " + view.flowEfficiencyText();
        out.element("text", TextFit.fit(subtitle, 12, false, width - 2 * MARGIN), "class", "vs-muted",
                "x", MARGIN, "y", MARGIN + 26);
    }

    private static void axis(MarkupWriter out, TimeAxis axis, double scale, double chartX, double chartW,
            double rowsBottom) {
        out.open("g", "class", "vs-time-axis");
        out.element("text", "time since queued", "class", "vs-muted vs-small", "x", chartX - 10, "y", AXIS_Y - 14,
                "text-anchor", "end");
        for (long tick : axis.ticks()) {
            double x = chartX + tick * scale;
            out.empty("line", "class", "vs-grid", "x1", x, "y1", AXIS_Y, "x2", x, "y2", rowsBottom);
            out.element("text", TimeAxis.label(tick), "class", "vs-muted vs-small", "x", x, "y", AXIS_Y - 14,
                    "text-anchor", "middle");
        }
        out.empty("line", "class", "vs-axis", "x1", chartX, "y1", AXIS_Y, "x2", chartX + chartW, "y2", AXIS_Y);
        out.close();
    }

    private static void queueLane(MarkupWriter out, ProcessMapView view, double chartX, double scale,
            double width) {
        double y = ROWS_TOP;
        out.open("g", "class", "vs-lane vs-lane-queue");
        out.element("title", view.queueMillis() == null
                ? "Build queue: unknown. The source did not record when the run was queued, so its lead time "
                        + "starts when it started."
                : "Build queue: the run waited " + view.queueText() + " before it started.");
        out.empty("rect", "class", "vs-stripe-none", "x", MARGIN, "y", y, "width", width - 2 * MARGIN,
                "height", ROW_H);
        out.element("text", "Build queue", "class", "vs-muted vs-italic", "x", MARGIN + 8, "y", y + 18);
        double barY = y + (ROW_H - BAR_H) / 2;
        if (view.queueMillis() == null) {
            out.element("text", "unknown", "class", "vs-muted vs-italic vs-queue-unknown", "x", chartX + 6,
                    "y", y + 18);
        } else {
            double w = Math.max(view.queueMillis() > 0 ? 1.5 : 0, view.queueMillis() * scale);
            out.empty("rect", "class", SvgStyle.segmentClass(WaitCause.QUEUE), "x", chartX, "y", barY, "width", w,
                    "height", BAR_H, "rx", 2);
            out.element("text", view.queueText(), "class", "vs-muted vs-small", "x", chartX + w + 6, "y", y + 18);
        }
        out.close();
    }

    private static void lane(MarkupWriter out, GanttRow row, int lane, double chartX, double scale, boolean stripe,
            double width) {
        double y = ROWS_TOP + lane * ROW_H;
        StringBuilder laneClass = new StringBuilder("vs-lane");
        if (row.parallelGroup() != null) {
            laneClass.append(" vs-lane-parallel");
        }
        if (!row.flags().isEmpty()) {
            laneClass.append(" vs-flagged");
        }
        if (row.verdicts().stream().anyMatch(VerdictView::exceeded)) {
            laneClass.append(" vs-over-budget");
        }
        out.open("g", "class", laneClass.toString(), "data-step", row.path(), "data-row", row.id(),
                "data-group", row.parallelGroup(), "data-indent", row.indent());
        out.element("title", tooltip(row));
        out.empty("rect", "class", stripe ? "vs-stripe" : "vs-stripe-none", "x", MARGIN, "y", y,
                "width", width - 2 * MARGIN, "height", ROW_H);
        double labelX = MARGIN + 10 + Math.min(row.indent(), 6) * INDENT;
        out.empty("circle", "class", "vs-result-" + ResultText.tone(row.result()), "cx", labelX, "cy", y + ROW_H / 2,
                "r", 4);
        String label = TextFit.fit(row.name(), 12.5, row.indent() == 0, chartX - labelX - 22);
        out.element("text", label, "class", "vs-lane-name" + (row.indent() == 0 ? " vs-strong" : "")
                + (row.kind() == StepKind.OUTSIDE ? " vs-muted vs-italic" : ""), "x", labelX + 10, "y", y + 18,
                "font-size", 12.5);

        double barY = y + (ROW_H - BAR_H) / 2;
        double barX = chartX + row.offsetMillis() * scale;
        double barW = row.elapsedMillis() * scale;
        if (row.result() == StepResult.SKIPPED) {
            out.empty("path", "class", "vs-skipped-mark",
                    "d", "M" + fmt(barX) + " " + fmt(barY + 1) + " l6 6 l-6 6 l-6 -6 z");
            annotations(out, row, barX + 8, barX - 8, y, chartX, width);
            out.close();
            return;
        }
        double drawn = Math.max(barW, 2);
        double cursor = 0;
        for (BarSegment segment : row.segments()) {
            double sx = barX + segment.offsetMillis() * scale;
            double sw = segment.millis() * scale;
            if (sw <= 0) {
                continue;
            }
            out.open("rect", "class", SvgStyle.segmentClass(segment.cause()), "x", sx, "y", barY,
                    "width", Math.max(sw, 0.75), "height", BAR_H);
            out.element("title", segmentTooltip(row, segment));
            out.close();
            cursor = Math.max(cursor, sx + sw - barX);
        }
        if (cursor == 0) {
            out.empty("rect", "class", "vs-track", "x", barX, "y", barY, "width", drawn, "height", BAR_H);
        }
        String outline = "vs-bar-outline" + (row.result() == StepResult.RUNNING ? " vs-bar-running" : "")
                + (row.kind() == StepKind.OUTSIDE ? " vs-bar-outside" : "");
        out.empty("rect", "class", outline, "x", barX, "y", barY, "width", drawn, "height", BAR_H, "rx", 1.5);
        annotations(out, row, barX + drawn + 6, barX - 6, y, chartX, width);
        out.close();
    }

    /** The elapsed time, the flags and the verdicts after the bar, or before it where they would not fit. */
    private static void annotations(MarkupWriter out, GanttRow row, double after, double before, double y,
            double chartX, double width) {
        List<Mark> marks = new ArrayList<>();
        marks.add(new Mark(row.result() == StepResult.SKIPPED ? "skipped"
                : row.result() == StepResult.RUNNING ? row.elapsedText() + ", running" : row.elapsedText(),
                "vs-muted vs-small vs-elapsed", null, null));
        if (!row.flags().isEmpty()) {
            String text = row.flags().size() == 1 ? row.flags().get(0).label() : row.flags().size() + " flags";
            StringBuilder tooltip = new StringBuilder();
            for (FlagView flag : row.flags()) {
                tooltip.append(tooltip.length() == 0 ? "" : "\n").append(flag.label()).append(": ")
                        .append(flag.message());
                for (String evidence : flag.evidence()) {
                    tooltip.append("\n  \u2022 ").append(evidence);
                }
            }
            marks.add(new Mark(text, "vs-small vs-strong", "vs-flag-marker", tooltip.toString()));
        }
        for (VerdictView verdict : row.verdicts()) {
            marks.add(new Mark(verdict.exceeded() ? "over budget" : "within budget",
                    "vs-small vs-strong" + (verdict.exceeded() ? " vs-bad-text" : ""),
                    verdict.exceeded() ? "vs-verdict-marker vs-verdict-exceeded" : "vs-verdict-marker vs-verdict-kept",
                    verdict.message()));
        }
        double total = 0;
        for (Mark mark : marks) {
            total += mark.width() + 10;
        }
        boolean fitsAfter = after + total <= width - MARGIN;
        double x = fitsAfter ? after : Math.max(chartX + 2, before - total);
        for (Mark mark : marks) {
            mark.write(out, x, y);
            x += mark.width() + 10;
        }
    }

    /** One annotation: an optional icon and its words, with its own tooltip. */
    private record Mark(String text, String textClass, @Nullable String iconClass, @Nullable String tooltip) {
        double width() {
            return (iconClass == null ? 0 : 14) + TextFit.width(text, 11, true);
        }

        void write(MarkupWriter out, double x, double y) {
            out.open("g", "class", iconClass == null ? "vs-mark" : "vs-mark " + markKind());
            if (tooltip != null) {
                out.element("title", tooltip);
            }
            double textX = x;
            if (iconClass != null) {
                double cy = y + ROW_H / 2;
                if (markKind().equals("vs-mark-flag")) {
                    out.empty("path", "class", iconClass,
                            "d", "M" + fmt(x) + " " + fmt(cy - 7) + " h1.6 v14 h-1.6 z M" + fmt(x + 1.6) + " "
                                    + fmt(cy - 7) + " h8 l-2.5 3.5 l2.5 3.5 h-8 z");
                } else {
                    out.empty("circle", "class", iconClass, "cx", x + 5, "cy", cy, "r", 5.5);
                    out.element("text", iconClass.contains("exceeded") ? "!" : "\u2713", "class", "vs-on-strong",
                            "x", x + 5, "y", cy + 3.5, "text-anchor", "middle", "aria-hidden", "true");
                }
                textX += 14;
            }
            out.element("text", text, "class", textClass, "x", textX, "y", y + 18);
            out.close();
        }

        private String markKind() {
            return iconClass != null && iconClass.contains("vs-flag-marker") ? "vs-mark-flag" : "vs-mark-verdict";
        }
    }

    private static String tooltip(GanttRow row) {
        StringBuilder text = new StringBuilder(row.path()).append(" \u2014 ")
                .append(ResultText.of(row.result()));
        if (row.kind() == StepKind.OUTSIDE) {
            text.append("\nTime of the run outside every stage, added up: not one interval.");
        } else {
            text.append("\nStarted ").append(row.offsetText()).append(" after the run was queued");
        }
        text.append("\nElapsed ").append(row.elapsedText()).append(": process ").append(row.processText())
                .append(", wait ").append(row.waitText());
        if (!row.waits().isEmpty()) {
            text.append(" (").append(SvgFrame.waitsText(row.waits())).append(')');
        }
        text.append("\nEffort (working time over branches): ").append(row.effortText());
        if (!row.firstTime()) {
            text.append("\nNeeded rework: a retry attempt failed");
        }
        if (!row.segmentsTimed()) {
            text.append("\nThe coloured segments are shares of the step's time, process first: they show how much, "
                    + "not when.");
        }
        for (FlagView flag : row.flags()) {
            text.append("\nFlag \u2014 ").append(flag.label()).append(": ").append(flag.message());
        }
        for (VerdictView verdict : row.verdicts()) {
            text.append(verdict.exceeded() ? "\nOver budget: " : "\nWithin budget: ").append(verdict.message());
        }
        return text.toString();
    }

    private static String segmentTooltip(GanttRow row, BarSegment segment) {
        String what = segment.cause() == null ? "Process" : WaitPart.label(segment.cause()) + " wait";
        return row.name() + ": " + what + " " + segment.text() + (row.segmentsTimed() ? ""
                : " (a share of the step's time, not a time of day)");
    }

    /** A bracket left of the labels joining the lanes of branches that ran side by side. */
    private static void brackets(MarkupWriter out, List<GanttRow> rows) {
        Map<String, int[]> spans = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            GanttRow row = rows.get(i);
            if (row.parallelGroup() == null) {
                continue;
            }
            String key = row.parallelGroup() + "\u0000" + row.indent();
            int[] span = spans.computeIfAbsent(key, k -> new int[] {rows.size(), -1, 0, row.indent()});
            span[0] = Math.min(span[0], i);
            span[1] = Math.max(span[1], i);
            span[2]++;
        }
        for (int[] span : spans.values()) {
            if (span[2] < 2) {
                continue;
            }
            double x = MARGIN + 3 + Math.min(span[3], 6) * INDENT;
            double top = ROWS_TOP + (span[0] + 1) * ROW_H + 6;
            double bottom = ROWS_TOP + (span[1] + 2) * ROW_H - 6;
            out.open("path", "class", "vs-parallel-bracket",
                    "d", "M" + fmt(x + 3) + " " + fmt(top) + " h-3 V" + fmt(bottom) + " h3");
            out.element("title", span[2] + " branches ran in parallel");
            out.close();
        }
    }

    /** The lines under the legend: what the bars mean, what is unknown, the run's own verdicts and flags. */
    private static List<String[]> footer(ProcessMapView view, double maxWidth) {
        List<String[]> lines = new ArrayList<>();
        boolean shares = view.rows().stream().anyMatch(row -> !row.segmentsTimed());
        if (shares) {
            for (String line : TextFit.wrap("Bars split each step's time into process and wait by cause in "
                    + "proportion (process first): the segments show how much, not when.", 11, maxWidth)) {
                lines.add(new String[] {line, "vs-muted"});
            }
        }
        for (String note : view.notes()) {
            for (String line : TextFit.wrap("Unknown: " + note, 11, maxWidth)) {
                lines.add(new String[] {line, "vs-note"});
            }
        }
        for (VerdictView verdict : view.runVerdicts()) {
            String text = (verdict.exceeded() ? "Over budget: " : "Within budget: ") + verdict.message();
            for (String line : TextFit.wrap(text, 11, maxWidth)) {
                lines.add(new String[] {line, "vs-strong vs-run-verdict" + (verdict.exceeded() ? " vs-bad-text" : "")});
            }
        }
        for (FlagView flag : view.runFlags()) {
            for (String line : TextFit.wrap("Flag \u2014 " + flag.label() + " (" + flag.step() + "): " + flag.message(),
                    11, maxWidth)) {
                lines.add(new String[] {line, "vs-run-flag"});
            }
        }
        return lines;
    }

    private static String fmt(double value) {
        return MarkupWriter.format(value);
    }
}
