package io.jenkins.plugins.valuestream.graph;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Step argument values, as a live flow graph gives them, written as the one string {@link GraphNode#arguments()}
 * keeps per argument, so that two steps can be compared by their arguments. The values of Jenkins'
 * {@code ArgumentsAction} are plain values, lists and maps (nested describables arrive as maps); a value Jenkins
 * withheld, for its size or because it is secret, is an enum constant ({@code NotStoredReason}) and is written by
 * its name, as the build folder has it.
 *
 * <ul>
 *   <li>{@code null} as {@code null}, an enum constant by its name, any other plain value as its text;
 *   <li>maps as {@code {key=value, ...}} with the keys sorted, so that the same arguments always read the same;
 *   <li>collections as {@code [item, ...]} in their order.
 * </ul>
 */
public final class ArgumentText {
    private ArgumentText() {
    }

    /** The text of one argument value. */
    public static String of(@Nullable Object value) {
        StringBuilder out = new StringBuilder();
        append(out, value);
        return out.toString();
    }

    /**
     * The first line of a text (a script, a message), cut to {@code max} characters: "…" marks a cut or further
     * lines. Whitespace around the line goes.
     */
    public static String firstLine(String text, int max) {
        String stripped = text.strip();
        int newline = stripped.indexOf('\n');
        String line = (newline < 0 ? stripped : stripped.substring(0, newline)).stripTrailing();
        boolean cut = newline >= 0;
        if (line.length() > max) {
            int end = max;
            if (Character.isHighSurrogate(line.charAt(end - 1))) {
                end--;
            }
            line = line.substring(0, end).stripTrailing();
            cut = true;
        }
        return cut ? line + "\u2026" : line;
    }

    private static void append(StringBuilder out, @Nullable Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Enum<?> constant) {
            out.append(constant.name());
        } else if (value instanceof Map<?, ?> map) {
            Map<String, @Nullable Object> sorted = new TreeMap<>();
            map.forEach((key, item) -> sorted.put(String.valueOf(key), item));
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, @Nullable Object> entry : sorted.entrySet()) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                out.append(entry.getKey()).append('=');
                append(out, entry.getValue());
            }
            out.append('}');
        } else if (value instanceof Collection<?> items) {
            out.append('[');
            boolean first = true;
            for (Object item : items) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                append(out, item);
            }
            out.append(']');
        } else {
            out.append(value);
        }
    }
}
