package io.jenkins.plugins.valuestream.view.svg;

/**
 * Estimates how wide text is in the system sans-serif font, to shorten names that would not fit (the full name
 * stays in the tooltip). An estimate from character classes: SVG has no text measuring without a browser.
 */
final class TextFit {
    static final String ELLIPSIS = "\u2026";

    private TextFit() {
    }

    /** The estimated width in pixels of the text at the given font size. */
    static double width(String text, double fontSize, boolean bold) {
        double em = 0;
        for (int i = 0; i < text.length(); i++) {
            em += charWidth(text.charAt(i));
        }
        return em * fontSize * (bold ? 1.14 : 1.06);
    }

    /** The text, cut and ended with an ellipsis where it is wider than {@code maxWidth}. */
    static String fit(String text, double fontSize, boolean bold, double maxWidth) {
        if (width(text, fontSize, bold) <= maxWidth) {
            return text;
        }
        double budget = maxWidth - width(ELLIPSIS, fontSize, bold);
        double used = 0;
        int end = 0;
        while (end < text.length()) {
            double next = charWidth(text.charAt(end)) * fontSize * (bold ? 1.14 : 1.06);
            if (used + next > budget) {
                break;
            }
            used += next;
            end++;
        }
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end).stripTrailing() + ELLIPSIS;
    }

    private static double charWidth(char c) {
        if ("iljI|.,:;'!".indexOf(c) >= 0) {
            return 0.28;
        }
        if ("ftr()[] -/".indexOf(c) >= 0) {
            return 0.38;
        }
        if ("mwMW@%".indexOf(c) >= 0) {
            return 0.88;
        }
        if (Character.isUpperCase(c)) {
            return 0.68;
        }
        if (Character.isDigit(c)) {
            return 0.58;
        }
        if (c > 0x2E80) {
            return 1.0;
        }
        return 0.56;
    }

    /**
     * A name broken into at most {@code maxLines} lines that each fit the width: at a space, after a separator
     * ({@code / - _ . : ,}) or between a lower-case and an upper-case letter where one lies on the line, else wherever
     * the line is full; only the last line is cut, with an ellipsis, when the name does not fit at all.
     */
    static java.util.List<String> lines(String text, double fontSize, boolean bold, double maxWidth, int maxLines) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        String rest = text.strip();
        while (lines.size() < maxLines - 1 && width(rest, fontSize, bold) > maxWidth) {
            int end = lineBreak(rest, fontSize, bold, maxWidth);
            lines.add(rest.substring(0, end).stripTrailing());
            rest = rest.substring(end).stripLeading();
        }
        if (!rest.isEmpty() || lines.isEmpty()) {
            lines.add(fit(rest, fontSize, bold, maxWidth));
        }
        return lines;
    }

    /** Where the first line of a text too wide for one line ends: the last break opportunity that fits. */
    private static int lineBreak(String text, double fontSize, boolean bold, double maxWidth) {
        int fits = 0;
        while (fits < text.length()
                && width(text.substring(0, fits + 1).stripTrailing(), fontSize, bold) <= maxWidth) {
            fits++;
        }
        // Only a break that keeps at least a third of the line is worth it; else the line is cut where it is full.
        for (int end = fits; end > Math.max(0, fits / 3); end--) {
            if (end < text.length() && isBreakAfter(text, end)) {
                return end;
            }
        }
        int end = Math.max(1, fits);
        if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
            end = end > 1 ? end - 1 : end + 1;
        }
        return end;
    }

    /** Whether a line may end before {@code text.charAt(index)}. */
    private static boolean isBreakAfter(String text, int index) {
        char before = text.charAt(index - 1);
        char after = text.charAt(index);
        return before == ' ' || after == ' ' || "/-_.:,".indexOf(before) >= 0
                || Character.isLowerCase(before) && Character.isUpperCase(after);
    }

    /** The text broken into lines at spaces so that each fits the width (a word too long is cut). */
    static java.util.List<String> wrap(String text, double fontSize, double maxWidth) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (width(candidate, fontSize, false) <= maxWidth) {
                line.setLength(0);
                line.append(candidate);
            } else {
                if (line.length() > 0) {
                    lines.add(line.toString());
                }
                line.setLength(0);
                line.append(fit(word, fontSize, false, maxWidth));
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
