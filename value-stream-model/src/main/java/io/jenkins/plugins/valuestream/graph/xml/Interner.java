package io.jenkins.plugins.valuestream.graph.xml;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One shared instance per distinct string, for the few kinds of text that repeat across every node and run
 * (descriptor ids, stage names, tag keys, pause causes), so that thousands of read runs keep one copy of each.
 * Only bounded vocabularies go here, never free text such as step arguments.
 */
final class Interner {
    private final Map<String, String> strings = new HashMap<>();

    @Nullable String intern(@Nullable String text) {
        if (text == null) {
            return null;
        }
        String known = strings.putIfAbsent(text, text);
        return known == null ? text : known;
    }

    String internNonNull(String text) {
        String known = strings.putIfAbsent(text, text);
        return known == null ? text : known;
    }
}
