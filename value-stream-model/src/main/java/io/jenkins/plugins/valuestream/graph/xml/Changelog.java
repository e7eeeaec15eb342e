package io.jenkins.plugins.valuestream.graph.xml;

import io.jenkins.plugins.valuestream.graph.Change;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the changes of a run's changelog file, the file an SCM checkout writes into the run folder. The git plugin's
 * is the text of {@code git log --raw} (whatever the {@code .xml} its name ends in): blocks that start
 * {@code commit <sha>}, then header lines ({@code tree}, {@code parent}, {@code author}, {@code committer}), the
 * message indented by four spaces and the raw diff lines. A change's time is its committer time
 * ({@code committer Name <email> <epoch seconds> <zone>}), the one the git plugin's {@code GitChangeSet} gives by
 * default; a block without a committer line has no time.
 *
 * <p>Other SCMs (Subversion, Mercurial, ...) write XML changelogs, which are not read: the outcome says which format
 * it was. A malformed block (a commit id that is no hexadecimal id, a committer time that is no number) makes the
 * whole changelog unreadable, since changes left out would make the run's lead times wrong without saying so.
 */
final class Changelog {
    /** The longest changelog read; a larger one is reported unreadable rather than held in memory. */
    static final long MAX_BYTES = 64L << 20;
    /**
     * How the warning about a changelog format that is not read starts: the same words for every run of a job, so that
     * a job's runs can say it once.
     */
    static final String FORMAT_WARNING = "changelog: ";
    private static final Pattern COMMIT_ID = Pattern.compile("[0-9a-fA-F]{4,64}");

    private Changelog() {
    }

    /**
     * What a changelog gave.
     *
     * @param changes the changes, in the order listed (each commit once), or {@code null} where the file could not
     *     be read
     * @param problem why it could not be read, in words naming the file (or its format), else {@code null}
     */
    record Outcome(@Nullable List<Change> changes, @Nullable String problem) {
        Outcome {
            changes = changes == null ? null : List.copyOf(changes);
        }

        static Outcome read(List<Change> changes) {
            return new Outcome(changes, null);
        }

        static Outcome unread(String problem) {
            return new Outcome(null, problem);
        }
    }

    /** Reads one changelog file; never throws for what is in the file or for a file that cannot be opened. */
    static Outcome read(Path file) {
        String name = String.valueOf(file.getFileName());
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                return Outcome.unread("changelog " + name + " is larger than " + (MAX_BYTES >> 20) + " MB");
            }
            try (InputStream in = Files.newInputStream(file)) {
                return read(in, name);
            }
        } catch (IOException e) {
            return Outcome.unread("changelog " + name + " cannot be read: " + e);
        }
    }

    /** Reads a changelog from a stream, named {@code name} in what it says. */
    static Outcome read(InputStream in, String name) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)));
        Map<String, Change> changes = new LinkedHashMap<>();
        String id = null;
        Long committedAt = null;
        boolean inHeader = false;
        int number = 0;
        String line;
        while ((line = lines.readLine()) != null) {
            number++;
            if (id == null && changes.isEmpty() && !line.isBlank() && !line.startsWith("commit ")) {
                String start = line.stripLeading();
                if (start.startsWith("<")) {
                    return Outcome.unread(FORMAT_WARNING + xmlFormat(start, lines) + " are not read, only the git"
                            + " plugin's; the run's changes are unknown");
                }
                // Text before the first commit (older git plugins wrote "Changes in branch ..."): not a change.
                continue;
            }
            if (line.startsWith("commit ")) {
                if (id != null) {
                    changes.putIfAbsent(id, new Change(id, committedAt));
                }
                String[] words = line.substring("commit ".length()).strip().split("\\s+");
                if (words.length == 0 || !COMMIT_ID.matcher(words[0]).matches()) {
                    return malformed(name, number, "'" + XmlCursor.abbreviate(line) + "' names no commit id");
                }
                id = words[0].toLowerCase(java.util.Locale.ROOT);
                committedAt = null;
                inHeader = true;
            } else if (inHeader && line.isEmpty()) {
                inHeader = false;
            } else if (inHeader && id != null && line.startsWith("committer ")) {
                committedAt = committerTime(line);
                if (committedAt == null) {
                    return malformed(name, number, "the committer line '" + XmlCursor.abbreviate(line)
                            + "' has no time in epoch seconds");
                }
            }
        }
        if (id != null) {
            changes.putIfAbsent(id, new Change(id, committedAt));
        }
        return Outcome.read(new ArrayList<>(changes.values()));
    }

    private static Outcome malformed(String name, int line, String what) {
        return Outcome.unread("changelog " + name + " line " + line + ": " + what + "; the run's changes are"
                + " unknown");
    }

    /** {@code committer Name <email> 1717401600 +0200}: the seconds before the zone, in milliseconds. */
    private static @Nullable Long committerTime(String line) {
        int close = line.lastIndexOf('>');
        String[] words = (close < 0 ? line : line.substring(close + 1)).strip().split("\\s+");
        if (words.length < 1 || words[0].isEmpty()) {
            return null;
        }
        try {
            long seconds = Long.parseLong(words[0]);
            return seconds < 0 || seconds > Long.MAX_VALUE / 1000 ? null : seconds * 1000;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The format of an XML changelog, for the warning: the root element (Subversion's {@code log}, Mercurial's
     * {@code changesets}, ...), after the XML declaration and comments.
     */
    private static String xmlFormat(String first, BufferedReader rest) throws IOException {
        String text = first;
        for (int i = 0; i < 20 && text != null; i++) {
            int at = 0;
            while ((at = text.indexOf('<', at)) >= 0) {
                if (at + 1 < text.length() && Character.isLetter(text.charAt(at + 1))) {
                    int end = at + 1;
                    while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end))
                            || text.charAt(end) == '_' || text.charAt(end) == '-' || text.charAt(end) == '.'
                            || text.charAt(end) == ':')) {
                        end++;
                    }
                    return "XML changelogs <" + text.substring(at + 1, end) + "> (" + scm(text.substring(at + 1,
                            end)) + ")";
                }
                at++;
            }
            text = rest.readLine();
        }
        return "XML changelogs";
    }

    private static String scm(String root) {
        return switch (root) {
            case "log" -> "Subversion";
            case "changesets" -> "Mercurial";
            default -> "an SCM other than git";
        };
    }
}
