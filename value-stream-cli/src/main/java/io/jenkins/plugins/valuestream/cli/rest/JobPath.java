package io.jenkins.plugins.valuestream.cli.rest;

import io.jenkins.plugins.valuestream.view.html.JenkinsLinks;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A job's full name ({@code folder/sub/job}, a multibranch branch as {@code project/branch}) and its address on the
 * server ({@code job/folder/job/sub/job/job/}). Also accepts the address form itself. A name that holds {@code %XX}
 * escapes (a branch {@code feature%2Fx}) is decoded first, so it is encoded exactly once.
 */
public record JobPath(List<String> names) {

    public JobPath {
        names = List.copyOf(names);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("A job path needs at least one name");
        }
    }

    /** Parses {@code a/b/c} or {@code job/a/job/b/job/c}. */
    public static JobPath parse(String text) {
        List<String> parts = new ArrayList<>();
        for (String part : text.split("/")) {
            if (!part.isEmpty()) {
                parts.add(decode(part));
            }
        }
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("Empty job path '" + text + "': give the job's full name, e.g."
                    + " folder/my-pipeline");
        }
        boolean addressForm = parts.size() % 2 == 0;
        for (int i = 0; addressForm && i < parts.size(); i += 2) {
            addressForm = parts.get(i).equals("job");
        }
        if (addressForm) {
            List<String> names = new ArrayList<>();
            for (int i = 1; i < parts.size(); i += 2) {
                names.add(parts.get(i));
            }
            return new JobPath(names);
        }
        return new JobPath(parts);
    }

    /** The job's address relative to the server's base address, ending with {@code /}. */
    public String relativeUrl() {
        StringBuilder out = new StringBuilder();
        for (String name : names) {
            out.append("job/").append(encode(name)).append('/');
        }
        return out.toString();
    }

    /** The full name, as Jenkins shows it. */
    public String fullName() {
        return String.join("/", names);
    }

    @Override
    public String toString() {
        return fullName();
    }

    /** Percent-encodes a path segment (see {@link JenkinsLinks#encodeSegment}). */
    static String encode(String segment) {
        return JenkinsLinks.encodeSegment(segment);
    }

    /** Decodes {@code %XX} escapes (and nothing else: a {@code +} stays a plus). */
    static String decode(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%' && i + 2 < segment.length() && hex(segment.charAt(i + 1)) >= 0
                    && hex(segment.charAt(i + 2)) >= 0) {
                bytes.write(hex(segment.charAt(i + 1)) * 16 + hex(segment.charAt(i + 2)));
                i += 2;
            } else {
                int codePoint = segment.codePointAt(i);
                byte[] encoded = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
                i += Character.charCount(codePoint) - 1;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
