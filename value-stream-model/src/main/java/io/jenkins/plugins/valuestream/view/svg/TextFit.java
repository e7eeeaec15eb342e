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
