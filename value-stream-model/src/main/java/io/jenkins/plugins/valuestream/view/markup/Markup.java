package io.jenkins.plugins.valuestream.view.markup;

import org.jspecify.annotations.Nullable;

/**
 * The one escaping function for everything the renderers write: XML, SVG and XHTML text and attribute values alike.
 *
 * <p>Escapes {@code & < > " '}, so the result is safe inside element text and inside attribute values quoted with
 * either quote. Characters that XML 1.0 does not allow (control characters other than tab, line feed and carriage
 * return, {@code U+FFFE}, {@code U+FFFF} and unpaired surrogates) are replaced by {@code U+FFFD}, the replacement
 * character, so that a stage name with a stray control character still shows, marked, and the document stays
 * well-formed.
 */
public final class Markup {
    /** What replaces a character XML cannot carry. */
    public static final char REPLACEMENT = '\uFFFD';

    private Markup() {
    }

    /** The text, escaped for XML/HTML text and attribute values. */
    public static String escape(String text) {
        StringBuilder out = null;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            String replacement = replacementFor(text, i, c);
            if (replacement == null) {
                if (Character.isHighSurrogate(c)) {
                    // A valid pair (checked in replacementFor): copy both halves.
                    if (out != null) {
                        out.append(c).append(text.charAt(i + 1));
                    }
                    i++;
                } else if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(length + 16);
                out.append(text, 0, i);
            }
            out.append(replacement);
        }
        return out == null ? text : out.toString();
    }

    private static @Nullable String replacementFor(String text, int index, char c) {
        switch (c) {
            case '&':
                return "&amp;";
            case '<':
                return "&lt;";
            case '>':
                return "&gt;";
            case '"':
                return "&quot;";
            case '\'':
                return "&#39;";
            case '\t':
            case '\n':
            case '\r':
                return null;
            default:
                break;
        }
        if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
            return String.valueOf(REPLACEMENT);
        }
        if (Character.isHighSurrogate(c)) {
            boolean paired = index + 1 < text.length() && Character.isLowSurrogate(text.charAt(index + 1));
            return paired ? null : String.valueOf(REPLACEMENT);
        }
        if (Character.isLowSurrogate(c)) {
            // A low surrogate reached here has no high surrogate before it.
            return String.valueOf(REPLACEMENT);
        }
        return null;
    }
}
