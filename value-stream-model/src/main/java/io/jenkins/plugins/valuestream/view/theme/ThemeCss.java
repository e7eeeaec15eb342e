package io.jenkins.plugins.valuestream.view.theme;

import io.jenkins.plugins.valuestream.process.WaitCause;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The palettes as CSS custom properties.
 *
 * <p>Every colour is used as {@code var(--vs-NAME, var(--vsd-NAME))}: a page that embeds the charts (the Jenkins
 * plugin, mapping to Jenkins' own variables) sets the public {@code --vs-NAME}; otherwise the defaults
 * {@code --vsd-NAME} apply, light or dark. The defaults are set on the {@code .vs-root} element of every chart and
 * page, dark where the reader prefers dark, and either palette where a {@code data-theme="light|dark"} attribute on
 * the element or an ancestor asks for it.
 *
 * <p>Wait causes take the Okabe–Ito colours, which stay apart for the common kinds of colour blindness; process time
 * is the bluish green, the value-adding colour.
 */
public final class ThemeCss {
    /** The class of every chart's and page's root element, where the palette is set. */
    public static final String ROOT_CLASS = "vs-root";

    /** The font stack: the reader's own system font, nothing to download. */
    public static final String FONT_STACK = "system-ui, -apple-system, \"Segoe UI\", Roboto, \"Helvetica Neue\", "
            + "\"Noto Sans\", \"Liberation Sans\", Arial, sans-serif";

    private static final Map<String, String[]> PALETTE = palette();

    private ThemeCss() {
    }

    /** {@code var(--vs-NAME, var(--vsd-NAME))}: a colour of the palette, overridable by the embedding page. */
    public static String color(String name) {
        if (!PALETTE.containsKey(name)) {
            throw new IllegalArgumentException("No colour named '" + name + "'; known: " + PALETTE.keySet());
        }
        return "var(--vs-" + name + ", var(--vsd-" + name + "))";
    }

    /** The palette name of a wait cause's colour, e.g. {@code wait-agent}. */
    public static String causeColorName(WaitCause cause) {
        return "wait-" + cause.name().toLowerCase(Locale.ROOT);
    }

    /** The names of all colours, for tests and for pages that map them. */
    public static java.util.Set<String> colorNames() {
        return PALETTE.keySet();
    }

    /**
     * The rules that set the defaults: light on {@code .vs-root}, dark where the reader prefers dark, and the
     * palette a {@code data-theme} attribute asks for.
     */
    public static String defaults() {
        String root = "." + ROOT_CLASS;
        return root + " {" + declarations(Theme.LIGHT) + "}\n"
                + "@media (prefers-color-scheme: dark) {\n  " + root + " {" + declarations(Theme.DARK) + "}\n}\n"
                + forced("[data-theme=\"light\"] " + root + ", " + root + "[data-theme=\"light\"]", Theme.LIGHT)
                + forced("[data-theme=\"dark\"] " + root + ", " + root + "[data-theme=\"dark\"]", Theme.DARK);
    }

    /** A rule that sets one palette's defaults on the given selectors. */
    public static String forced(String selectors, Theme theme) {
        if (theme == Theme.AUTO) {
            throw new IllegalArgumentException("A forced palette is light or dark");
        }
        return selectors + " {" + declarations(theme) + "}\n";
    }

    private static String declarations(Theme theme) {
        int column = theme == Theme.DARK ? 1 : 0;
        StringBuilder out = new StringBuilder();
        PALETTE.forEach((name, values) -> out.append(" --vsd-").append(name).append(": ").append(values[column])
                .append(';'));
        out.append(" color-scheme: ").append(theme == Theme.DARK ? "dark" : "light").append("; ");
        return out.toString();
    }

    private static Map<String, String[]> palette() {
        Map<String, String[]> palette = new LinkedHashMap<>();
        // name: light, dark
        palette.put("bg", new String[] {"#ffffff", "#0d1117"});
        palette.put("surface", new String[] {"#f6f8fa", "#151b23"});
        palette.put("box", new String[] {"#ffffff", "#1c232c"});
        palette.put("fg", new String[] {"#1f2328", "#e6edf3"});
        palette.put("muted", new String[] {"#59636e", "#9198a1"});
        palette.put("border", new String[] {"#d1d9e0", "#3d444d"});
        palette.put("grid", new String[] {"#eaeef2", "#262c36"});
        palette.put("accent", new String[] {"#0969da", "#4493f8"});
        palette.put("bottleneck", new String[] {"#cf222e", "#f85149"});
        palette.put("flag", new String[] {"#9a6700", "#d29922"});
        palette.put("ok", new String[] {"#1a7f37", "#3fb950"});
        palette.put("bad", new String[] {"#cf222e", "#f85149"});
        palette.put("on-strong", new String[] {"#ffffff", "#0d1117"});
        palette.put("process", new String[] {"#009e73", "#2bb88e"});
        palette.put("wait-queue", new String[] {"#e69f00", "#e8a925"});
        palette.put("wait-agent", new String[] {"#d55e00", "#f07b2a"});
        palette.put("wait-input", new String[] {"#cc79a7", "#d98cb5"});
        palette.put("wait-lock", new String[] {"#0072b2", "#3d9be0"});
        palette.put("wait-sleep", new String[] {"#56b4e9", "#7cc6f0"});
        palette.put("wait-gap", new String[] {"#8c959f", "#6e7681"});
        palette.put("wait-rework", new String[] {"#882255", "#c25a8d"});
        palette.put("wait-handoff", new String[] {"#332288", "#8f83d9"});
        return palette;
    }
}
