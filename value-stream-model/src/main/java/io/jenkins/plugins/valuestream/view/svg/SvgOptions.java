package io.jenkins.plugins.valuestream.view.svg;

import io.jenkins.plugins.valuestream.view.theme.Theme;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How a chart is written.
 *
 * @param idPrefix the prefix of every {@code id} in the chart, so that several charts can share one page
 * @param standalone {@code true} for a document of its own (its style sheet and background inside it);
 *     {@code false} for a chart inside a page that includes {@link SvgStyle#css()} once
 * @param theme the palette; {@link Theme#AUTO} follows the reader's preference or the page around the chart
 * @param width the width, in CSS pixels, of the space the chart is drawn for: the value stream map wraps its steps
 *     into rows to stay within it, the trends and the process map stretch their time axis to it. Every chart also
 *     scales down (never up) to a narrower container, so this is the width at which its text has its full size.
 */
public record SvgOptions(String idPrefix, boolean standalone, Theme theme, int width) {
    /** The width charts are drawn for unless told otherwise: the main column of a page on a laptop screen. */
    public static final int DEFAULT_WIDTH = 1040;
    /** The narrowest width a chart is drawn for; narrower containers scale it down. */
    public static final int MIN_WIDTH = 640;
    private static final int MAX_WIDTH = 4096;
    private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

    public SvgOptions {
        Objects.requireNonNull(theme, "theme");
        if (!ID.matcher(idPrefix).matches()) {
            throw new IllegalArgumentException("An id prefix is a letter followed by letters, digits, '-' or '_': '"
                    + idPrefix + "'");
        }
        if (width < MIN_WIDTH || width > MAX_WIDTH) {
            throw new IllegalArgumentException("A chart's width is " + MIN_WIDTH + " to " + MAX_WIDTH
                    + " pixels: " + width);
        }
    }

    /** Options for the default width. */
    public SvgOptions(String idPrefix, boolean standalone, Theme theme) {
        this(idPrefix, standalone, theme, DEFAULT_WIDTH);
    }

    /** A document of its own, following the reader's preferred theme. */
    public static SvgOptions standaloneDocument() {
        return new SvgOptions("vs", true, Theme.AUTO);
    }

    /** A chart inside a page that includes the style sheet once. */
    public static SvgOptions inline(String idPrefix) {
        return new SvgOptions(idPrefix, false, Theme.AUTO);
    }

    /** The same options for a space of the given width. */
    public SvgOptions withWidth(int pixels) {
        return new SvgOptions(idPrefix, standalone, theme, pixels);
    }
}
