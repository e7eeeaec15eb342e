package io.jenkins.plugins.valuestream.view.theme;

import java.util.Locale;

/** Which palette a page or chart uses. */
public enum Theme {
    /** The reader's preference ({@code prefers-color-scheme}), light where there is none. */
    AUTO,
    LIGHT,
    DARK;

    /** The value of a {@code data-theme} attribute that selects this theme, e.g. {@code dark}. */
    public String attribute() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a theme name, case-insensitively.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Theme parse(String text) {
        String name = text.trim().toUpperCase(Locale.ROOT);
        for (Theme theme : values()) {
            if (theme.name().equals(name)) {
                return theme;
            }
        }
        throw new IllegalArgumentException("Unknown theme '" + text + "'; accepted: auto, light, dark");
    }
}
