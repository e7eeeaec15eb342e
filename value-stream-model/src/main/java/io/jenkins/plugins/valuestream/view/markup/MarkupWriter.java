package io.jenkins.plugins.valuestream.view.markup;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Writes well-formed XML (SVG, XHTML-compatible HTML) with every text and attribute value passed through
 * {@link Markup#escape}. Element and attribute names come from the renderers' code, never from data, and are checked
 * against a plain name pattern so that a mistake cannot open a hole either.
 *
 * <p>Attributes are given as name/value pairs: {@code open("rect", "x", 10, "class", "vs-box")}. A {@code null}
 * value leaves the attribute out; numbers are written in the root locale with at most two decimals.
 */
public final class MarkupWriter {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_:.-]*");

    private final StringBuilder out;
    private final Deque<String> open = new ArrayDeque<>();
    /**
     * The element and attribute names already checked: a page writes the same few dozen names hundreds of
     * thousands of times, and a pattern match each time cost more than writing them.
     */
    private final Set<String> checkedNames = new HashSet<>();

    public MarkupWriter() {
        this(new StringBuilder(8192));
    }

    public MarkupWriter(StringBuilder out) {
        this.out = out;
    }

    /** Opens an element; {@link #close()} closes it. */
    public MarkupWriter open(String name, @Nullable Object... attributes) {
        startTag(name, attributes);
        out.append('>');
        open.push(name);
        return this;
    }

    /** Writes an element without content: {@code <name .../>}. */
    public MarkupWriter empty(String name, @Nullable Object... attributes) {
        startTag(name, attributes);
        out.append("/>");
        return this;
    }

    /** Writes an element holding only the given text. */
    public MarkupWriter element(String name, String text, @Nullable Object... attributes) {
        open(name, attributes);
        text(text);
        return close();
    }

    /** Writes text, escaped. */
    public MarkupWriter text(String text) {
        out.append(Markup.escape(text));
        return this;
    }

    /** Closes the element opened last. */
    public MarkupWriter close() {
        if (open.isEmpty()) {
            throw new IllegalStateException("No element is open");
        }
        out.append("</").append(open.pop()).append('>');
        return this;
    }

    /**
     * Writes text as it is, unescaped. Only for constant text of the renderers' own (style sheets), never for data: the text must not contain {@code <} or {@code &}, which is checked.
     */
    public MarkupWriter trusted(String constant) {
        if (constant.indexOf('<') >= 0 || constant.indexOf('&') >= 0) {
            throw new IllegalArgumentException("Trusted text must not contain markup: " + constant);
        }
        out.append(constant);
        return this;
    }

    /** Writes the HTML5 document type declaration, which XML parsers read too. */
    public MarkupWriter doctypeHtml() {
        out.append("<!DOCTYPE html>\n");
        return this;
    }

    /** How many elements are still open. */
    public int depth() {
        return open.size();
    }

    /** The text written so far; all elements must be closed. */
    public String finish() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("Elements left open: " + open);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void startTag(String name, @Nullable Object[] attributes) {
        checked(name);
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("Attributes come in name/value pairs: " + attributes.length);
        }
        out.append('<').append(name);
        for (int i = 0; i < attributes.length; i += 2) {
            Object attributeName = attributes[i];
            Object value = attributes[i + 1];
            if (value == null) {
                continue;
            }
            if (!(attributeName instanceof String nameText)) {
                throw new IllegalArgumentException("Attribute name expected at " + i + ": " + attributeName);
            }
            checked(nameText);
            out.append(' ').append(nameText).append("=\"").append(Markup.escape(format(value))).append('"');
        }
    }

    /** A number as the attributes want it: root locale, at most two decimals, no trailing zeros. */
    public static String format(Object value) {
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (Double.isNaN(number) || Double.isInfinite(number)) {
                throw new IllegalArgumentException("Not a finite number: " + number);
            }
            long rounded = Math.round(number * 100);
            if (rounded % 100 == 0) {
                return Long.toString(rounded / 100);
            }
            // Written from the hundredths themselves: what "%.2f" writes of them, without a Formatter for each of
            // the page's hundreds of thousands of coordinates.
            long whole = Math.abs(rounded / 100);
            int hundredths = (int) Math.abs(rounded % 100);
            StringBuilder text = new StringBuilder(24);
            if (rounded < 0) {
                text.append('-');
            }
            text.append(whole).append('.').append((char) ('0' + hundredths / 10));
            if (hundredths % 10 != 0) {
                text.append((char) ('0' + hundredths % 10));
            }
            return text.toString();
        }
        return String.valueOf(value);
    }

    private void checked(String name) {
        if (!checkedNames.contains(name)) {
            checkName(name);
            checkedNames.add(name);
        }
    }

    private static void checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not an element or attribute name: " + name);
        }
    }
}
