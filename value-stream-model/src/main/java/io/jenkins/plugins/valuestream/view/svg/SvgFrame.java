package io.jenkins.plugins.valuestream.view.svg;

import io.jenkins.plugins.valuestream.process.WaitCause;
import io.jenkins.plugins.valuestream.view.Legend;
import io.jenkins.plugins.valuestream.view.WaitPart;
import io.jenkins.plugins.valuestream.view.markup.MarkupWriter;
import io.jenkins.plugins.valuestream.view.theme.Theme;
import io.jenkins.plugins.valuestream.view.theme.ThemeCss;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** What every chart shares: its root element with title and description, its legend, its marks' classes. */
final class SvgFrame {
    static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";
    static final double LEGEND_ROW = 20;

    private SvgFrame() {
    }

    /**
     * Opens the chart: the {@code svg} element as an accessible image labelled by its title and description, the
     * style sheet and background where it stands alone.
     */
    static void open(MarkupWriter out, SvgOptions options, String chartClass, double width, double height,
            String title, String description) {
        String prefix = options.idPrefix();
        out.open("svg", "xmlns", SVG_NAMESPACE, "class", ThemeCss.ROOT_CLASS + " vs-chart " + chartClass,
                "width", Math.ceil(width), "height", Math.ceil(height),
                "viewBox", "0 0 " + MarkupWriter.format(Math.ceil(width)) + " " + MarkupWriter.format(Math.ceil(height)),
                "role", "img", "aria-labelledby", prefix + "-title " + prefix + "-desc",
                "data-theme", options.theme() == Theme.AUTO ? null : options.theme().attribute());
        out.element("title", title, "id", prefix + "-title");
        out.element("desc", description, "id", prefix + "-desc");
        if (options.standalone()) {
            out.open("style").trusted(SvgStyle.css()).close();
            out.empty("rect", "class", "vs-bg", "x", 0, "y", 0, "width", "100%", "height", "100%");
        }
    }

    static void close(MarkupWriter out) {
        out.close();
    }

    /** A swatch and label per entry, wrapped to the width; returns the height used. */
    static double legend(MarkupWriter out, double x, double y, double maxWidth, Legend legend) {
        out.open("g", "class", "vs-legend", "transform", translate(x, y));
        double[] at = legendEntry(out, 0, 0, maxWidth, "vs-seg-process", "Process",
                "Process time: a branch was doing work");
        for (WaitCause cause : legend.known()) {
            at = legendEntry(out, at[0], at[1], maxWidth, SvgStyle.segmentClass(cause), WaitPart.label(cause),
                    WaitPart.label(cause) + " wait: " + WaitPart.meaning(cause));
        }
        if (!legend.unknown().isEmpty()) {
            StringBuilder names = new StringBuilder();
            for (WaitCause cause : legend.unknown()) {
                names.append(names.length() == 0 ? "" : ", ").append(WaitPart.label(cause).toLowerCase(Locale.ROOT));
            }
            at = legendEntry(out, at[0], at[1], maxWidth, "vs-unknown", "unknown: " + names,
                    "Waits the source could not tell (" + names + "): shown as unknown, not as zero");
        }
        out.close();
        return at[1] + LEGEND_ROW;
    }

    /** The height {@link #legend} will take. */
    static double legendHeight(double maxWidth, Legend legend) {
        MarkupWriter scratch = new MarkupWriter();
        return legend(scratch, 0, 0, maxWidth, legend);
    }

    private static double[] legendEntry(MarkupWriter out, double x, double y, double maxWidth, String swatchClass,
            String label, String tooltip) {
        double width = 14 + 6 + TextFit.width(label, 12, false) + 18;
        if (x > 0 && x + width > maxWidth) {
            x = 0;
            y += LEGEND_ROW;
        }
        out.open("g", "class", "vs-legend-entry");
        out.element("title", tooltip);
        out.empty("rect", "class", swatchClass, "x", x, "y", y, "width", 14, "height", 10, "rx", 2);
        out.element("text", label, "x", x + 20, "y", y + 9.5);
        out.close();
        return new double[] {x + width, y};
    }

    static String translate(double x, double y) {
        return "translate(" + MarkupWriter.format(x) + " " + MarkupWriter.format(y) + ")";
    }

    /** A wait breakdown in words: {@code Agent 40s, Lock 22s, Queue unknown}. */
    static String waitsText(List<WaitPart> waits) {
        StringBuilder out = new StringBuilder();
        for (WaitPart part : waits) {
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(part.label()).append(' ').append(part.text());
        }
        return out.toString();
    }

    /** Whether some cause of the breakdown is unknown. */
    static boolean anyUnknown(List<WaitPart> waits) {
        return waits.stream().anyMatch(part -> part.millis() == null);
    }
}
