package io.jenkins.plugins.valuestream.process;

import java.util.Map;
import java.util.TreeMap;

/**
 * A step's arguments as one deterministic string, the form work items carry and duplicated work is compared in: sorted
 * {@code key=value} pairs, whitespace collapsed, so that the same work written twice compares equal.
 */
final class NormalizedArguments {
    private NormalizedArguments() {
    }

    /** The arguments normalized: {@code key=value} pairs sorted by key, separated by {@code ", "}. */
    static String of(Map<String, String> arguments) {
        if (arguments.isEmpty()) {
            return "";
        }
        if (arguments.size() == 1) {
            Map.Entry<String, String> only = arguments.entrySet().iterator().next();
            String value = only.getValue();
            if (isCollapsed(value)) {
                return only.getKey() + "=" + value;
            }
        }
        StringBuilder out = new StringBuilder();
        Iterable<Map.Entry<String, String>> entries = arguments.size() == 1 ? arguments.entrySet()
                : new TreeMap<>(arguments).entrySet();
        for (Map.Entry<String, String> entry : entries) {
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(entry.getKey()).append('=');
            appendCollapsed(out, entry.getValue());
        }
        return out.toString();
    }

    /** Whether the text has no leading or trailing whitespace and no whitespace but single spaces. */
    private static boolean isCollapsed(String text) {
        int length = text.length();
        if (length > 0 && (Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(length - 1)))) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c > ' ' && c < 0x80) {
                continue; // printable ASCII: never whitespace
            }
            if (c == ' ' ? text.charAt(i + 1) == ' ' : Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }

    /** Appends the text with leading and trailing whitespace dropped and inner runs of whitespace made one space. */
    private static void appendCollapsed(StringBuilder out, String text) {
        boolean pendingSpace = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                pendingSpace = any;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
                any = true;
            }
        }
    }
}
