package io.jenkins.plugins.valuestream.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where a process-map step sits: the names from the outermost stage down, e.g. {@code [Deploy, Staging]}. The
 * segments are kept as they are, so a stage whose name contains {@code /} can never be confused with a nested one;
 * {@link #toString()} escapes {@code /} and {@code \} inside a segment with a backslash, and {@link #parse} reads that
 * form back.
 */
public record StepPath(List<String> segments) implements Comparable<StepPath> {
    /** The implicit step that holds a run's time outside every step. */
    public static final StepPath OUTSIDE = new StepPath(List.of("(outside stages)"));

    public StepPath {
        segments = List.copyOf(segments);
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("A step path needs at least one name");
        }
        for (String segment : segments) {
            Objects.requireNonNull(segment, "segment");
        }
    }

    public static StepPath of(String... segments) {
        return new StepPath(List.of(segments));
    }

    /** This path with one more name at its end. */
    public StepPath child(String name) {
        Objects.requireNonNull(name, "segment");
        String[] longer = segments.toArray(new String[segments.size() + 1]);
        longer[longer.length - 1] = name;
        // An immutable list: the constructor keeps it as it is instead of copying it again.
        return new StepPath(List.of(longer));
    }

    /** The innermost name. */
    public String name() {
        return segments.get(segments.size() - 1);
    }

    public int depth() {
        return segments.size();
    }

    /** Whether this path is the other one or lies under it. */
    public boolean startsWith(StepPath other) {
        return segments.size() >= other.segments.size()
                && segments.subList(0, other.segments.size()).equals(other.segments);
    }

    /**
     * Reads the form {@link #toString()} writes: segments joined by {@code /}, with {@code \/} and {@code \\} for a
     * slash or backslash inside a name.
     */
    public static StepPath parse(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                current.append(text.charAt(++i));
            } else if (c == '/') {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return new StepPath(parts);
    }

    /**
     * The path as people read it: the names as they were written, joined by {@code /} ({@code Deploy/Staging}; a
     * stage named {@code Build / Test} stays {@code Build / Test}). For labels and messages only: two paths can read
     * alike, so keys are {@link #segments()} or {@link #toString()}.
     */
    public String label() {
        return String.join("/", segments);
    }

    /**
     * The name of a step of this path shown to users: its {@link #label()}, and {@code #2}, {@code #3}... for the
     * second, third occurrence in a run ({@code occurrence} counts from 0).
     */
    public String displayName(int occurrence) {
        return occurrence == 0 ? label() : label() + " #" + (occurrence + 1);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (String segment : segments) {
            if (out.length() > 0) {
                out.append('/');
            }
            for (int i = 0; i < segment.length(); i++) {
                char c = segment.charAt(i);
                if (c == '/' || c == '\\') {
                    out.append('\\');
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public int compareTo(StepPath other) {
        return toString().compareTo(other.toString());
    }
}
