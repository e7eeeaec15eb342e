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
 */
public record SvgOptions(String idPrefix, boolean standalone, Theme theme) {
    private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

    public SvgOptions {
        Objects.requireNonNull(theme, "theme");
        if (!ID.matcher(idPrefix).matches()) {
            throw new IllegalArgumentException("An id prefix is a letter followed by letters, digits, '-' or '_': '"
                    + idPrefix + "'");
        }
    }

    /** A document of its own, following the reader's preferred theme. */
    public static SvgOptions standaloneDocument() {
        return new SvgOptions("vs", true, Theme.AUTO);
    }

    /** A chart inside a page that includes the style sheet once. */
    public static SvgOptions inline(String idPrefix) {
        return new SvgOptions(idPrefix, false, Theme.AUTO);
    }
}
