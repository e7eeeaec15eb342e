package io.jenkins.plugins.valuestream.view.svg;

import io.jenkins.plugins.valuestream.process.WaitCause;
import io.jenkins.plugins.valuestream.view.theme.ThemeCss;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The style sheet of the charts: what each class of mark looks like, in the theme's colours. */
public final class SvgStyle {
    private SvgStyle() {
    }

    /** The class of a bar piece: process time, or one cause's wait. */
    public static String segmentClass(@Nullable WaitCause cause) {
        return cause == null ? "vs-seg-process" : "vs-seg-" + cause.name().toLowerCase(Locale.ROOT);
    }

    /** The charts' style sheet with the theme's defaults: for a standalone chart, or once per page. */
    public static String css() {
        return ThemeCss.defaults() + rules();
    }

    /** The charts' rules alone, for a page that sets the theme's defaults itself. */
    public static String rules() {
        StringBuilder css = new StringBuilder();
        css.append(".vs-chart { font-family: ").append(ThemeCss.FONT_STACK)
                .append("; font-size: 12px; overflow: visible; max-width: 100%; height: auto; }\n");
        rule(css, ".vs-chart text", "fill: " + c("fg") + "; font-variant-numeric: tabular-nums;");
        rule(css, ".vs-chart .vs-muted", "fill: " + c("muted") + ";");
        rule(css, ".vs-chart .vs-strong", "font-weight: 600;");
        rule(css, ".vs-chart .vs-heading", "font-size: 15px; font-weight: 650;");
        rule(css, ".vs-chart .vs-small", "font-size: 11px;");
        rule(css, ".vs-chart .vs-big", "font-size: 16px; font-weight: 650;");
        rule(css, ".vs-chart .vs-italic", "font-style: italic;");
        rule(css, ".vs-chart .vs-bad-text", "fill: " + c("bad") + ";");
        rule(css, ".vs-chart .vs-longest-wait", "fill: " + c("flag") + ";");
        rule(css, ".vs-chart .vs-on-strong", "fill: " + c("on-strong")
                + "; font-size: 9.5px; font-weight: 700; letter-spacing: 0.06em;");
        rule(css, ".vs-bg", "fill: " + c("bg") + ";");
        rule(css, ".vs-box", "fill: " + c("box") + "; stroke: " + c("border") + "; stroke-width: 1;");
        rule(css, ".vs-box-outside", "stroke-dasharray: 5 3;");
        rule(css, ".vs-box-bottleneck", "stroke: " + c("bottleneck") + "; stroke-width: 2.5;");
        rule(css, ".vs-step:hover .vs-box", "stroke: " + c("accent") + ";");
        rule(css, ".vs-column-frame", "fill: " + c("surface") + "; stroke: " + c("border")
                + "; stroke-dasharray: 4 3;");
        rule(css, ".vs-tab-bottleneck", "fill: " + c("bottleneck") + ";");
        rule(css, ".vs-tab-wait", "fill: " + c("flag") + ";");
        rule(css, ".vs-critical-mark", "fill: " + c("accent") + ";");
        rule(css, ".vs-flow-arrow", "stroke: " + c("muted") + "; stroke-width: 1.5; fill: none;");
        rule(css, ".vs-arrow-head", "fill: " + c("muted") + ";");
        rule(css, ".vs-flow-turn", "stroke-dasharray: 5 4; stroke-linejoin: round;");
        rule(css, ".vs-triangle", "stroke: " + c("fg") + "; stroke-width: 1; stroke-linejoin: round;");
        rule(css, ".vs-triangle-none", "fill: " + c("box") + ";");
        rule(css, ".vs-ladder", "stroke: " + c("fg") + "; stroke-width: 1.75; fill: none;");
        rule(css, ".vs-ladder-guide", "stroke: " + c("grid") + "; stroke-width: 1; stroke-dasharray: 2 3;");
        rule(css, ".vs-totals", "fill: " + c("surface") + "; stroke: " + c("border") + ";");
        rule(css, ".vs-seg-process", "fill: " + c("process") + ";");
        for (WaitCause cause : WaitCause.values()) {
            rule(css, "." + segmentClass(cause), "fill: " + c(ThemeCss.causeColorName(cause)) + ";");
        }
        rule(css, ".vs-unknown", "fill: none; stroke: " + c("muted") + "; stroke-dasharray: 2 2;");
        rule(css, ".vs-track", "fill: " + c("grid") + ";");
        rule(css, ".vs-axis", "stroke: " + c("border") + "; stroke-width: 1;");
        rule(css, ".vs-grid", "stroke: " + c("grid") + "; stroke-width: 1;");
        rule(css, ".vs-stripe", "fill: " + c("surface") + ";");
        rule(css, ".vs-lane:hover .vs-stripe, .vs-lane:hover .vs-stripe-none", "fill: " + c("grid") + ";");
        rule(css, ".vs-stripe-none", "fill: transparent;");
        rule(css, ".vs-bar-outline", "fill: none; stroke: " + c("fg") + "; stroke-opacity: 0.35;");
        rule(css, ".vs-bar-running", "stroke-dasharray: 3 2; stroke-opacity: 0.8;");
        rule(css, ".vs-bar-outside", "stroke-dasharray: 4 2;");
        rule(css, ".vs-skipped-mark", "fill: none; stroke: " + c("muted") + "; stroke-width: 1.25;");
        rule(css, ".vs-flag-marker", "fill: " + c("flag") + ";");
        rule(css, ".vs-verdict-exceeded", "fill: " + c("bad") + ";");
        rule(css, ".vs-verdict-kept", "fill: " + c("ok") + ";");
        rule(css, ".vs-chart .vs-result-text.vs-result-success, .vs-chart .vs-result-text.vs-result-failure, "
                + ".vs-chart .vs-result-text.vs-result-unstable", "font-weight: 600;");
        rule(css, ".vs-result-success", "fill: " + c("ok") + ";");
        rule(css, ".vs-result-unstable", "fill: " + c("flag") + ";");
        rule(css, ".vs-result-failure", "fill: " + c("bad") + ";");
        rule(css, ".vs-result-aborted, .vs-result-skipped, .vs-result-unknown", "fill: " + c("muted") + ";");
        rule(css, ".vs-result-running", "fill: " + c("accent") + ";");
        rule(css, ".vs-parallel-bracket", "stroke: " + c("accent") + "; stroke-width: 2; fill: none;");
        rule(css, ".vs-eff-line", "stroke: " + c("accent") + "; stroke-width: 2; fill: none; "
                + "stroke-linejoin: round;");
        rule(css, ".vs-eff-area", "fill: " + c("accent") + "; fill-opacity: 0.12;");
        rule(css, ".vs-eff-dot", "fill: " + c("accent") + "; stroke: " + c("bg") + "; stroke-width: 1.5;");
        rule(css, ".vs-spark-median", "stroke: " + c("fg") + "; stroke-width: 1; stroke-dasharray: 3 3; "
                + "stroke-opacity: 0.6;");
        rule(css, ".vs-sparkline .vs-run:hover rect", "fill-opacity: 0.75;");
        rule(css, ".vs-run:hover .vs-hit", "fill: " + c("grid") + ";");
        rule(css, ".vs-hit", "fill: transparent;");
        return css.toString();
    }

    private static void rule(StringBuilder css, String selector, String declarations) {
        css.append(selector).append(" { ").append(declarations).append(" }\n");
    }

    private static String c(String name) {
        return ThemeCss.color(name);
    }
}
