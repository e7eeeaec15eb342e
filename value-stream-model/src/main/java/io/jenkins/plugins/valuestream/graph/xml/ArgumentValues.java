package io.jenkins.plugins.valuestream.graph.xml;

import java.util.Set;

/**
 * Turns an XStream-written value (a step argument, a tag) into one compact string that is the same whenever the
 * value is, so that two steps can be compared by their arguments:
 *
 * <ul>
 *   <li>scalars ({@code <string>}, {@code <long>}, {@code <boolean>}, ...) as their text, exactly as written;
 *   <li>{@code <null/>} as {@code null};
 *   <li>maps as {@code {key=value, ...}} and collections as {@code [item, ...]}, in the order written;
 *   <li>other objects as their class (the {@code class} attribute, or the element name where XStream uses the
 *       name for the class) followed by their fields: {@code hudson.plugins.git.GitSCM{userRemoteConfigs=[...]}};
 *   <li>other single values, such as enums and the {@code NotStoredReason} Jenkins writes in place of a value it
 *       did not keep, as {@code class(text)}: {@code wf.a.ArgumentsAction_-NotStoredReason(OVERSIZE_VALUE)};
 *   <li>an XStream back-reference as {@code ref(path)}.
 * </ul>
 *
 * Attributes other than {@code class} (such as {@code plugin="git@5.2"}) are left out: a plugin update does not
 * change what a step was asked to do.
 */
final class ArgumentValues {
    /** XStream's names for JDK types that hold one value. */
    private static final Set<String> SCALARS = Set.of("string", "int", "long", "short", "byte", "boolean", "double",
            "float", "char", "big-int", "big-decimal", "date", "url", "uri", "file", "locale", "currency",
            "java.lang.String", "java.lang.Integer", "java.lang.Long", "java.lang.Boolean", "java.lang.Double");
    /**
     * XStream's short names for JDK types that mark an element as an item of a collection rather than a field. Names
     * that are also common field names ({@code url}, {@code file}, {@code date}) are not among them.
     */
    private static final Set<String> ITEM_NAMES = Set.of("string", "int", "long", "short", "byte", "boolean",
            "double", "float", "char", "big-int", "big-decimal", "null", "list", "map", "set", "tree-map",
            "tree-set", "linked-hash-map", "linked-hash-set", "linked-list", "sorted-set", "sorted-map",
            "empty-list", "empty-set", "empty-map", "singleton-list", "singleton-map");

    private ArgumentValues() {
    }

    /** Renders the value element the cursor is on, as the value of a map entry or a collection item. */
    static String render(XmlCursor cursor) throws UnreadableFileException {
        return render(cursor, true);
    }

    /**
     * @param asValue whether the element's name is its type (an entry value, a collection item) rather than the name
     *     of a field
     */
    private static String render(XmlCursor cursor, boolean asValue) throws UnreadableFileException {
        String name = cursor.name();
        String declared = cursor.attribute("class");
        String type = declared != null ? declared : asValue ? name : null;
        String reference = cursor.attribute("reference");
        if (reference != null) {
            cursor.skip();
            return "ref(" + reference + ")";
        }
        if (asValue && declared == null && name.equals("null")) {
            cursor.skip();
            return "null";
        }
        int depth = cursor.depth();
        StringBuilder text = new StringBuilder();
        StringBuilder parts = null;
        boolean allEntries = true;
        boolean allItems = true;
        while (cursor.nextChild(depth, text)) {
            parts = parts == null ? new StringBuilder() : parts.append(", ");
            String child = cursor.name();
            if (child.equals("entry")) {
                allItems = false;
                renderEntry(cursor, parts);
            } else if (isTypeName(child)) {
                allEntries = false;
                parts.append(render(cursor, true));
            } else {
                allEntries = false;
                allItems = false;
                parts.append(child).append('=').append(render(cursor, false));
            }
        }
        if (parts == null) {
            return renderSingle(type, text.toString());
        }
        if (type == null ? allEntries : isMap(type)) {
            return "{" + parts + "}";
        }
        if (type == null ? allItems : isCollection(type)) {
            return "[" + parts + "]";
        }
        return (type == null ? "" : type) + "{" + parts + "}";
    }

    private static void renderEntry(XmlCursor cursor, StringBuilder parts) throws UnreadableFileException {
        int depth = cursor.depth();
        int index = 0;
        while (cursor.nextChild(depth)) {
            if (index == 0) {
                parts.append(render(cursor, true));
            } else if (index == 1) {
                parts.append('=').append(render(cursor, true));
            } else {
                cursor.skip();
            }
            index++;
        }
    }

    private static String renderSingle(@org.jspecify.annotations.Nullable String type, String text) {
        if (type == null || SCALARS.contains(type)) {
            return text;
        }
        if (isMap(type)) {
            return "{}";
        }
        if (isCollection(type)) {
            return "[]";
        }
        return text.isBlank() ? type : type + "(" + text + ")";
    }

    /** Field names are Java identifiers; class names have dots (or dashes in XStream's short names). */
    private static boolean isTypeName(String element) {
        return element.indexOf('.') >= 0 || element.indexOf('-') >= 0 || ITEM_NAMES.contains(element);
    }

    private static boolean isMap(String type) {
        return type.equals("map") || type.endsWith("-map") || type.endsWith("Map") || type.equals("properties");
    }

    private static boolean isCollection(String type) {
        return type.equals("list") || type.equals("set") || type.endsWith("-list") || type.endsWith("-set")
                || type.endsWith("-array") || type.endsWith("List") || type.endsWith("Set");
    }
}
