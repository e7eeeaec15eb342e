package io.jenkins.plugins.valuestream.view.svg;

import io.jenkins.plugins.valuestream.process.StepKind;
import io.jenkins.plugins.valuestream.process.WaitCause;
import io.jenkins.plugins.valuestream.view.LadderRung;
import io.jenkins.plugins.valuestream.view.LadderTotals;
import io.jenkins.plugins.valuestream.view.MapColumn;
import io.jenkins.plugins.valuestream.view.StepBox;
import io.jenkins.plugins.valuestream.view.ValueStreamMapView;
import io.jenkins.plugins.valuestream.view.WaitPart;
import io.jenkins.plugins.valuestream.view.markup.MarkupWriter;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Draws a job's value stream map: one box per step in pipeline order (steps that ran side by side stacked in one
 * framed column, nested steps indented under their parent), the wait of each step in a triangle before it, the
 * timeline ladder under the boxes (process time on the top line, wait on the bottom line) ending in the totals, the
 * bottleneck marked.
 */
public final class ValueStreamMapSvg {
    private static final double MARGIN = 24;
    private static final double ROW_HEAD = 56;
    private static final double QUEUE_GAP = 72;
    private static final double GAP = 84;
    private static final double BOX_W = 172;
    private static final double BOX_H = 98;
    private static final double NAME_LINE = 16;
    private static final int NAME_LINES = 2;
    private static final double STACK_GAP = 18;
    private static final double INDENT = 16;
    private static final double FRAME_PAD = 9;
    private static final double HEADER_H = 58;
    private static final double ROW_HEAD_ROOM = 34;
    private static final double ROW_GAP = 30;
    private static final double CONTINUE_W = 26;
    private static final double TOTALS_W = 214;
    private static final double TOTALS_H = 104;
    private static final double MIN_WIDTH = 760;

    private ValueStreamMapSvg() {
    }

    /**
     * One row of the map: the columns that fit the width side by side, with their part of the ladder under them.
     * A map wider than the space it is drawn for continues on the next row, like a line of text.
     */
    private record Row(int number, List<MapColumn> columns, double firstX, double top, double tallest) {
        double columnX(int indexInRow) {
            return firstX + indexInRow * (BOX_W + GAP);
        }

        double right() {
            return columnX(columns.size() - 1) + BOX_W;
        }

        double boxesTop() {
            return top + ROW_HEAD_ROOM;
        }

        double flowY() {
            return boxesTop() + 24;
        }

        double ladderTop() {
            return boxesTop() + tallest + 54;
        }

        double ladderBottom() {
            return ladderTop() + 36;
        }

        double bottom() {
            return ladderBottom() + 24;
        }
    }

    /** The map as a standalone SVG document. */
    public static String render(ValueStreamMapView view) {
        return render(view, SvgOptions.standaloneDocument());
    }

    /** The map as an SVG element, written as the options say. */
    public static String render(ValueStreamMapView view, SvgOptions options) {
        MarkupWriter out = new MarkupWriter();
        write(view, options, out);
        return out.finish();
    }

    /**
     * Writes the map into a document being written. The steps run left to right and continue on a new row where the
     * next one would not fit the options' width; each row has its part of the ladder, and the ladder ends in the
     * totals, beside the last row where there is room, else under its end.
     */
    public static void write(ValueStreamMapView view, SvgOptions options, MarkupWriter out) {
        List<MapColumn> columns = view.columns();
        double limit = options.width();
        double left = MARGIN + ROW_HEAD;
        double boxHeight = boxHeight(columns);
        List<Row> rows = rows(columns, left, limit, boxHeight);
        if (rows.isEmpty()) {
            empty(out, view, options, Math.min(MIN_WIDTH, limit));
            return;
        }
        Row last = rows.get(rows.size() - 1);
        double right = 0;
        for (Row row : rows) {
            right = Math.max(right, row.right() + (row == last ? 0 : CONTINUE_W));
        }
        double totalsX = last.right() + 40;
        double totalsY = (last.ladderTop() + last.ladderBottom()) / 2 - TOTALS_H / 2;
        if (totalsX + TOTALS_W + MARGIN > limit) {
            totalsX = Math.max(left, last.right() - TOTALS_W);
            totalsY = last.bottom() + 4;
        }
        double width = Math.max(Math.min(MIN_WIDTH, limit), Math.max(right, totalsX + TOTALS_W) + MARGIN);
        double legendY = Math.max(last.ladderBottom() + 40, totalsY + TOTALS_H + 20);
        double legendHeight = SvgFrame.legendHeight(width - 2 * MARGIN, view.legend());
        double notesY = legendY + legendHeight + 8;
        List<String> noteLines = noteLines(view, width - 2 * MARGIN);
        double height = notesY + 16 * noteLines.size() + MARGIN - 8;

        SvgFrame.open(out, options, "vs-map", width, height, "Value stream map of " + view.job(), describe(view));
        header(out, view, width);
        for (Row row : rows) {
            if (row.number() == 0) {
                queueGap(out, view.queue(), left, row.boxesTop(), row.columnX(0));
            } else {
                out.open("g", "class", "vs-flow");
                arrow(out, left, row.columnX(0) - 4, row.flowY());
                out.close();
            }
            for (int i = 0; i < row.columns().size(); i++) {
                MapColumn column = row.columns().get(i);
                double x = row.columnX(i);
                waitGap(out, column.rung(), x - GAP, row.boxesTop());
                column(out, column, i > 0, x, row.boxesTop(), boxHeight, view.runs());
            }
            if (row != last) {
                continueOnNextRow(out, row, rows.get(row.number() + 1), left);
            }
            ladder(out, view, row, left);
        }
        totals(out, view.totals(), totalsX, totalsY);
        SvgFrame.legend(out, MARGIN, legendY, width - 2 * MARGIN, view.legend());
        notes(out, noteLines, notesY);
        SvgFrame.close(out);
    }

    /** A map without steps: its heading and a sentence, nothing to measure. */
    private static void empty(MarkupWriter out, ValueStreamMapView view, SvgOptions options, double width) {
        double height = HEADER_H + 64;
        SvgFrame.open(out, options, "vs-map", width, height, "Value stream map of " + view.job(), describe(view));
        header(out, view, width);
        String message = view.runs() == 0 ? "No runs recorded yet: the map appears after the first completed run."
                : "These runs recorded no steps.";
        out.element("text", TextFit.fit(message, 12, false, width - 2 * MARGIN), "class", "vs-muted vs-empty-map",
                "x", MARGIN, "y", HEADER_H + 24);
        SvgFrame.close(out);
    }

    /** The columns packed into rows that fit the width, each row as tall as its tallest column. */
    private static List<Row> rows(List<MapColumn> columns, double left, double limit, double boxHeight) {
        List<List<MapColumn>> packed = new ArrayList<>();
        List<MapColumn> current = new ArrayList<>();
        double x = left + QUEUE_GAP + GAP;
        for (MapColumn column : columns) {
            if (!current.isEmpty() && x + BOX_W + CONTINUE_W + MARGIN > limit) {
                packed.add(current);
                current = new ArrayList<>();
                x = left + GAP;
            }
            current.add(column);
            x += BOX_W + GAP;
        }
        if (!current.isEmpty()) {
            packed.add(current);
        }
        List<Row> rows = new ArrayList<>(packed.size());
        double top = HEADER_H;
        for (List<MapColumn> members : packed) {
            double tallest = 0;
            for (MapColumn column : members) {
                tallest = Math.max(tallest, columnHeight(column, boxHeight));
            }
            Row row = new Row(rows.size(), members, rows.isEmpty() ? left + QUEUE_GAP + GAP : left + GAP, top,
                    tallest);
            rows.add(row);
            top = row.bottom() + ROW_GAP;
        }
        return rows;
    }

    /** The height of every box: one more line where some step's name needs two. */
    private static double boxHeight(List<MapColumn> columns) {
        for (MapColumn column : columns) {
            for (StepBox box : column.boxes()) {
                if (nameLines(box).size() > 1) {
                    return BOX_H + NAME_LINE;
                }
            }
        }
        return BOX_H;
    }

    private static double boxWidth(StepBox box) {
        return BOX_W - Math.min(box.indent(), 4) * INDENT;
    }

    /** The step's name as the box shows it: on two lines where one is too short, cut only where two are. */
    private static List<String> nameLines(StepBox box) {
        return TextFit.lines(box.name(), 13, true, boxWidth(box) - 24, NAME_LINES);
    }

    /**
     * The flow continuing from the end of one row to the start of the next: right, down under the row's ladder, back
     * to the left and down into the next row.
     */
    private static void continueOnNextRow(MarkupWriter out, Row row, Row next, double left) {
        double turn = row.right() + CONTINUE_W - 8;
        double between = row.bottom() + ROW_GAP / 2 - 6;
        String path = "M" + fmt(row.right() + 4) + " " + fmt(row.flowY()) + " H" + fmt(turn) + " V" + fmt(between)
                + " H" + fmt(left) + " V" + fmt(next.flowY());
        out.open("g", "class", "vs-flow vs-flow-continues");
        out.element("title", "The value stream continues on the next row");
        out.empty("path", "class", "vs-flow-arrow vs-flow-turn", "d", path);
        out.close();
    }

    private static double columnHeight(MapColumn column, double boxHeight) {
        int boxes = column.boxes().size();
        double height = boxes * boxHeight + (boxes - 1) * STACK_GAP;
        return column.parallel() ? height + FRAME_PAD : height;
    }

    private static String describe(ValueStreamMapView view) {
        StringBuilder text = new StringBuilder();
        text.append("Value stream of ").append(view.job()).append(" over ").append(view.runs())
                .append(view.runs() == 1 ? " run: " : " runs: ");
        List<StepBox> boxes = view.boxes();
        text.append(boxes.size()).append(boxes.size() == 1 ? " step. " : " steps. ");
        LadderTotals totals = view.totals();
        text.append("Median lead time ").append(totals.leadTimeText()).append(", process time ")
                .append(totals.processText()).append(", wait ").append(totals.waitText())
                .append(", flow efficiency ").append(totals.flowEfficiencyText()).append(". ");
        text.append("Queue wait ").append(view.queue().text()).append(". ");
        if (view.bottleneck() != null) {
            text.append("Bottleneck: ").append(view.bottleneck()).append(". ");
        }
        for (MapColumn column : view.columns()) {
            if (column.parallel()) {
                text.append("In parallel: ");
            }
            for (int i = 0; i < column.boxes().size(); i++) {
                StepBox box = column.boxes().get(i);
                text.append(i > 0 ? "; " : "").append(box.path()).append(" process ").append(box.processText())
                        .append(", wait ").append(waitValue(box.waitText(), box.waits()));
            }
            text.append(". ");
        }
        return text.toString().trim();
    }

    private static void header(MarkupWriter out, ValueStreamMapView view, double width) {
        double maxWidth = width - 2 * MARGIN;
        out.element("text", TextFit.fit("Value stream map \u00b7 " + view.job(), 15, true, maxWidth),
                "class", "vs-heading", "x", MARGIN, "y", MARGIN + 6);
        if (view.runs() == 0) {
            return;
        }
        LadderTotals totals = view.totals();
        String subtitle = "Medians over " + view.runs() + (view.runs() == 1 ? " run" : " runs")
                + "  \u00b7  lead time " + totals.leadTimeText() + " (p90 " + totals.leadTimeP90Text() + ")"
                + "  \u00b7  flow efficiency " + totals.flowEfficiencyText()
                + (view.bottleneck() == null ? "" : "  \u00b7  bottleneck: " + view.bottleneck());
        out.element("text", TextFit.fit(subtitle, 12, false, maxWidth), "class", "vs-muted",
                "x", MARGIN, "y", MARGIN + 26);
    }

    private static void queueGap(MarkupWriter out, WaitPart queue, double left, double boxesTop, double arrowEnd) {
        double y = boxesTop + 24;
        out.open("g", "class", "vs-flow");
        out.empty("circle", "class", "vs-arrow-head", "cx", left + 6, "cy", y, "r", 4);
        arrow(out, left + 10, arrowEnd - 6, y);
        out.close();
        double cx = left + QUEUE_GAP / 2;
        String tooltip = queue.millis() == null
                ? "Wait in the build queue: unknown (the source did not record when runs were queued)"
                : "Wait in the build queue before the run started: median " + queue.text();
        triangle(out, cx, boxesTop + 38, queue.millis() == null ? null : WaitCause.QUEUE,
                queue.millis() == null, queue.text(), "queue", tooltip, "vs-queue");
    }

    private static void waitGap(MarkupWriter out, LadderRung rung, double gapX, double boxesTop) {
        WaitCause main = null;
        long most = 0;
        boolean unknown = false;
        for (WaitPart part : rung.waits()) {
            if (part.millis() == null) {
                unknown = true;
            } else if (part.millis() > most) {
                most = part.millis();
                main = part.cause();
            }
        }
        String tooltip = "Wait before and inside " + rung.stepName() + ": median " + rung.waitText()
                + (rung.waits().isEmpty() ? "" : " (" + SvgFrame.waitsText(rung.waits()) + ")");
        String caption = main == null ? (unknown ? "unknown" : "no wait") : WaitPart.label(main).toLowerCase(
                java.util.Locale.ROOT);
        triangle(out, gapX + GAP / 2, boxesTop + 38, main, unknown && main == null,
                waitValue(rung.waitText(), rung.waits()), caption, tooltip, "vs-step-wait");
    }

    private static void triangle(MarkupWriter out, double cx, double top, @Nullable WaitCause cause,
            boolean unknown, String value, String caption, String tooltip, String kindClass) {
        out.open("g", "class", "vs-wait " + kindClass);
        out.element("title", tooltip);
        String fill = unknown ? "vs-unknown" : cause == null ? "vs-triangle-none" : SvgStyle.segmentClass(cause);
        out.empty("path", "class", "vs-triangle " + fill,
                "d", "M" + fmt(cx) + " " + fmt(top) + " l13 23 h-26 z");
        out.element("text", "I", "class", "vs-small vs-strong", "x", cx, "y", top + 19, "text-anchor", "middle",
                "aria-hidden", "true");
        out.element("text", value, "class", "vs-strong vs-wait-value", "x", cx, "y", top + 41,
                "text-anchor", "middle");
        out.element("text", caption, "class", "vs-muted vs-small", "x", cx, "y", top + 56, "text-anchor", "middle");
        out.close();
    }

    private static void arrow(MarkupWriter out, double from, double to, double y) {
        out.empty("line", "class", "vs-flow-arrow", "x1", from, "y1", y, "x2", to - 6, "y2", y);
        out.empty("path", "class", "vs-arrow-head",
                "d", "M" + fmt(to) + " " + fmt(y) + " l-8 -4.5 v9 z");
    }

    private static void column(MarkupWriter out, MapColumn column, boolean arrowIn, double x, double top,
            double boxHeight, int runs) {
        out.open("g", "class", column.parallel() ? "vs-column vs-column-parallel" : "vs-column",
                "data-column", column.index());
        if (arrowIn) {
            arrow(out, x - GAP + 6, x - 4, top + 24);
        }
        if (column.parallel()) {
            double height = columnHeight(column, boxHeight);
            out.empty("rect", "class", "vs-column-frame", "x", x - FRAME_PAD, "y", top - FRAME_PAD,
                    "width", BOX_W + 2 * FRAME_PAD, "height", height + FRAME_PAD, "rx", 12);
            long side = column.boxes().stream().filter(b -> b.parallelGroup() != null).count();
            String caption = side > 1 ? side + " in parallel" : "in parallel";
            out.element("text", caption, "class", "vs-muted vs-small", "x", x - FRAME_PAD + 2,
                    "y", top - FRAME_PAD - 6);
        }
        double y = top;
        for (StepBox box : column.boxes()) {
            box(out, box, x, y, boxHeight, runs);
            y += boxHeight + STACK_GAP;
        }
        out.close();
    }

    private static void box(MarkupWriter out, StepBox box, double columnX, double top, double boxHeight,
            int runs) {
        double w = boxWidth(box);
        double x = columnX + BOX_W - w;
        StringBuilder boxClass = new StringBuilder("vs-box");
        if (box.kind() == StepKind.OUTSIDE) {
            boxClass.append(" vs-box-outside");
        }
        if (box.bottleneck()) {
            boxClass.append(" vs-box-bottleneck");
        }
        out.open("g", "class", "vs-step" + (box.bottleneck() ? " vs-bottleneck" : "")
                + (box.waitBottleneck() ? " vs-wait-bottleneck" : "") + (box.critical() ? " vs-critical" : ""),
                "data-step", box.path(), "data-box", box.id());
        out.element("title", boxTooltip(box, runs));
        out.empty("rect", "class", boxClass.toString(), "x", x, "y", top, "width", w, "height", boxHeight,
                "rx", 8);
        if (box.critical()) {
            criticalMark(out, box, x, top, w);
        }
        // One tab per box, over the critical mark: the bottleneck wins; a longest wait on the same box shows in its
        // wait value's colour.
        if (box.bottleneck()) {
            tab(out, "BOTTLENECK", "vs-tab-bottleneck", x + w - 10, top);
        } else if (box.waitBottleneck()) {
            tab(out, "LONGEST WAIT", "vs-tab-wait", x + w - 10, top);
        }
        List<String> name = nameLines(box);
        out.open("text", "class", "vs-strong vs-step-name", "x", x + 12, "y", top + 24, "font-size", 13);
        for (int i = 0; i < name.size(); i++) {
            out.element("tspan", name.get(i), "x", x + 12, "dy", i == 0 ? null : NAME_LINE);
        }
        out.close();
        // Below the name, everything moves down by the name's extra line, in every box alike so that rows align.
        double y = top + boxHeight - BOX_H;
        compositionBar(out, box, x + 12, y + 33, w - 24);
        row(out, "Process", box.processText(), "vs-box-process", x, y + 60, w);
        row(out, "Wait", waitValue(box.waitText(), box.waits()),
                box.waitBottleneck() ? "vs-box-wait vs-longest-wait" : "vs-box-wait", x, y + 77, w);
        out.open("text", "class", "vs-small", "x", x + 12, "y", y + 92);
        out.element("tspan", "%C&A ", "class", "vs-muted");
        out.element("tspan", box.successRateText(), "class", "vs-strong vs-box-ca");
        out.close();
        String ran = box.runs() + "/" + runs;
        double left = TextFit.width("%C&A " + box.successRateText(), 11, true) + 24 + 8;
        if (TextFit.width(ran + " runs", 11, false) + left <= w) {
            ran += " runs";
        }
        out.element("text", ran, "class", "vs-muted vs-small vs-box-runs",
                "x", x + w - 12, "y", y + 92, "text-anchor", "end");
        out.close();
    }

    /** A bar along the top of the box: the step set the run's lead time in most of its runs. */
    private static void criticalMark(MarkupWriter out, StepBox box, double x, double top, double w) {
        out.open("rect", "class", "vs-critical-mark", "x", x + 8, "y", top + 3, "width", w - 16, "height", 4,
                "rx", 2);
        out.element("title", "On the critical path in " + box.criticalShareText() + " of its runs");
        out.close();
    }

    private static double tab(MarkupWriter out, String label, String tabClass, double right, double boxTop) {
        double width = TextFit.width(label, 9.5, true) + 16;
        double x = right - width;
        out.empty("rect", "class", tabClass, "x", x, "y", boxTop - 9, "width", width, "height", 17, "rx", 8.5);
        out.element("text", label, "class", "vs-on-strong", "x", x + width / 2, "y", boxTop + 3,
                "text-anchor", "middle");
        return x;
    }

    private static void row(MarkupWriter out, String label, String value, String valueClass, double x, double y,
            double w) {
        out.element("text", label, "class", "vs-muted", "x", x + 12, "y", y);
        out.element("text", value, "class", "vs-strong " + valueClass, "x", x + w - 12, "y", y,
                "text-anchor", "end");
    }

    /** Process and each cause's median wait, side by side in proportion: where the step's time goes. */
    private static void compositionBar(MarkupWriter out, StepBox box, double x, double y, double w) {
        long total = box.processMillis();
        for (WaitPart part : box.waits()) {
            total += part.millis() == null ? 0 : part.millis();
        }
        out.empty("rect", "class", "vs-track", "x", x, "y", y, "width", w, "height", 8, "rx", 2);
        if (total <= 0) {
            return;
        }
        double cx = x;
        if (box.processMillis() > 0) {
            double pw = w * box.processMillis() / total;
            segment(out, null, cx, y, pw, "Process " + box.processText());
            cx += pw;
        }
        for (WaitPart part : box.waits()) {
            if (part.millis() != null && part.millis() > 0) {
                double pw = w * part.millis() / total;
                segment(out, part.cause(), cx, y, pw, part.label() + " wait " + part.text());
                cx += pw;
            }
        }
    }

    private static void segment(MarkupWriter out, @Nullable WaitCause cause, double x, double y, double w,
            String tooltip) {
        out.open("rect", "class", SvgStyle.segmentClass(cause), "x", x, "y", y, "width", Math.max(w, 0.5),
                "height", 8);
        out.element("title", tooltip + " (share of the median step)");
        out.close();
    }

    private static String boxTooltip(StepBox box, int runs) {
        StringBuilder text = new StringBuilder(box.path());
        if (box.bottleneck()) {
            text.append(" \u2014 bottleneck (longest median exclusive time)");
        }
        if (box.waitBottleneck()) {
            text.append(" \u2014 longest median wait");
        }
        text.append("\nProcess time: median ").append(box.processText()).append(", p90 ").append(box.processP90Text());
        text.append("\nWait: median ").append(waitValue(box.waitText(), box.waits())).append(", p90 ")
                .append(box.waitP90Text());
        if (!box.waits().isEmpty()) {
            text.append(" (").append(SvgFrame.waitsText(box.waits())).append(')');
        }
        text.append("\nElapsed: median ").append(box.elapsedText());
        text.append("\n%C&A (succeeded first time): ").append(box.successRateText());
        text.append("\nFlow efficiency: ").append(box.flowEfficiencyText());
        text.append("\nOn the critical path in ").append(box.criticalShareText()).append(" of its runs")
                .append(box.critical() ? " (marked)" : "").append("; exclusive time: median ")
                .append(box.exclusiveText());
        text.append("\nRan in ").append(box.runs()).append(" of ").append(runs).append(runs == 1 ? " run" : " runs");
        if (box.parallelGroup() != null) {
            text.append("\nRan side by side with the other steps of its column");
        }
        return text.toString();
    }

    /** A wait with a cause the sources could not tell is at least the known part: {@code ≥ 1m 2s}. */
    private static String waitValue(String text, List<WaitPart> waits) {
        return SvgFrame.anyUnknown(waits) ? "\u2265 " + text : text;
    }

    /** The row's part of the timeline ladder; the first row's starts with the build queue. */
    private static void ladder(MarkupWriter out, ValueStreamMapView view, Row row, double left) {
        double top = row.ladderTop();
        double bottom = row.ladderBottom();
        out.open("g", "class", "vs-ladder-group", "data-row", row.number());
        out.element("text", "Process", "class", "vs-muted vs-small", "x", MARGIN, "y", top + 4);
        out.element("text", "Wait", "class", "vs-muted vs-small", "x", MARGIN, "y", bottom + 4);
        StringBuilder path = new StringBuilder("M").append(fmt(left)).append(' ').append(fmt(bottom));
        for (int i = 0; i < row.columns().size(); i++) {
            double x = row.columnX(i);
            path.append(" H").append(fmt(x)).append(" V").append(fmt(top)).append(" H").append(fmt(x + BOX_W))
                    .append(" V").append(fmt(bottom));
        }
        out.empty("path", "class", "vs-ladder", "d", path.toString());
        if (row.number() == 0) {
            double queueEnd = left + QUEUE_GAP;
            out.empty("line", "class", "vs-ladder", "x1", queueEnd, "y1", bottom - 5, "x2", queueEnd,
                    "y2", bottom + 5);
            out.element("text", view.queue().text(), "class", "vs-small vs-ladder-queue",
                    "x", left + QUEUE_GAP / 2, "y", bottom + 17, "text-anchor", "middle");
        }
        for (int i = 0; i < row.columns().size(); i++) {
            double x = row.columnX(i);
            LadderRung rung = row.columns().get(i).rung();
            out.open("g", "class", "vs-rung", "data-box", rung.stepId());
            out.element("title", rung.stepName() + ": median process " + rung.processText() + ", median wait "
                    + waitValue(rung.waitText(), rung.waits()));
            out.element("text", waitValue(rung.waitText(), rung.waits()), "class", "vs-small vs-ladder-wait",
                    "x", x - GAP / 2, "y", bottom + 17, "text-anchor", "middle");
            out.element("text", rung.processText(), "class", "vs-small vs-strong vs-ladder-process",
                    "x", x + BOX_W / 2, "y", top - 7, "text-anchor", "middle");
            out.close();
        }
        out.close();
    }

    private static void totals(MarkupWriter out, LadderTotals totals, double x, double y) {
        out.open("g", "class", "vs-ladder-totals");
        out.element("title", "The value stream's own medians over its runs: lead time " + totals.leadTimeText()
                + " (p90 " + totals.leadTimeP90Text() + "), process time " + totals.processText() + ", wait "
                + totals.waitText() + ", flow efficiency " + totals.flowEfficiencyText()
                + ". The steps' medians need not add up to them.");
        out.empty("rect", "class", "vs-totals", "x", x, "y", y, "width", TOTALS_W, "height", TOTALS_H, "rx", 10);
        totalLine(out, "Lead time", totals.leadTimeText(), "vs-total-lead", x, y + 30);
        totalLine(out, "Process time", totals.processText(), "vs-total-process", x, y + 60);
        totalLine(out, "Flow efficiency", totals.flowEfficiencyText(), "vs-total-efficiency", x, y + 90);
        out.close();
    }

    private static void totalLine(MarkupWriter out, String label, String value, String valueClass, double x,
            double y) {
        out.element("text", label, "class", "vs-muted", "x", x + 14, "y", y);
        out.element("text", value, "class", "vs-big " + valueClass, "x", x + TOTALS_W - 14, "y", y + 1,
                "text-anchor", "end");
    }

    private static List<String> noteLines(ValueStreamMapView view, double maxWidth) {
        String runs = view.runs() + (view.runs() == 1 ? " run. " : " runs. ");
        List<String> lines = new ArrayList<>(TextFit.wrap("Medians over " + runs + "Ladder: each step's median wait "
                + "(bottom line) and process time (top line); for steps side by side, the longest. The totals are "
                + "medians of whole runs, so the steps need not add up to them.", 11, maxWidth));
        for (String note : view.notes()) {
            lines.addAll(TextFit.wrap(note, 11, maxWidth));
        }
        return lines;
    }

    private static void notes(MarkupWriter out, List<String> lines, double y) {
        double line = y;
        for (String text : lines) {
            out.element("text", text, "class", "vs-muted vs-small vs-note", "x", MARGIN, "y", line);
            line += 16;
        }
    }

    private static String fmt(double value) {
        return MarkupWriter.format(value);
    }
}
