package io.jenkins.plugins.valuestream.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.valuestream.process.StepPath;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the codecs share: the versioned JSON object every form is, the fields that may be left out, and messages that
 * name the form, the field and where it is ("Stored process map: a step lacks 'path'").
 */
final class StoredForm {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Where the codecs get their generators. */
    static final JsonFactory FACTORY = MAPPER.getFactory();

    /** What the form holds, for messages, e.g. {@code process map}. */
    private final String name;

    StoredForm(String name) {
        this.name = name;
    }

    /**
     * The root object of a stored form, after checking its {@code format}.
     *
     * @throws IllegalArgumentException when the text is not such a form or has another format
     */
    JsonNode root(String text, int format) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a stored " + name + ": " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("Not a stored " + name + ": expected a JSON object");
        }
        int stored = requiredLong(root, "format", "the " + name).intValue();
        if (stored != format) {
            throw new IllegalArgumentException("Stored " + name + " has format " + stored + "; this version reads "
                    + "format " + format + " only");
        }
        return root;
    }

    // ---- writing ---------------------------------------------------------------------------------------------

    static void writePath(JsonGenerator json, String field, StepPath path) throws IOException {
        json.writeArrayFieldStart(field);
        for (String segment : path.segments()) {
            json.writeString(segment);
        }
        json.writeEndArray();
    }

    static void writeString(JsonGenerator json, String field, @Nullable String value) throws IOException {
        if (value != null) {
            json.writeStringField(field, value);
        }
    }

    static void writeLong(JsonGenerator json, String field, @Nullable Long value) throws IOException {
        if (value != null) {
            json.writeNumberField(field, value);
        }
    }

    // ---- reading ---------------------------------------------------------------------------------------------

    StepPath path(JsonNode parent, String field, String where) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw missing(field, where);
        }
        List<String> segments = new ArrayList<>(node.size());
        node.forEach(segment -> segments.add(segment.asText()));
        return new StepPath(segments);
    }

    @Nullable StepPath nullablePath(JsonNode parent, String field, String where) {
        JsonNode node = parent.get(field);
        return node == null || node.isNull() ? null : path(parent, field, where);
    }

    Iterable<JsonNode> array(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException("Stored " + name + ": '" + field + "' is not a list");
        }
        return node;
    }

    <E extends Enum<E>> E enumValue(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Stored " + name + ": unknown " + field + " '" + value + "'", e);
        }
    }

    Long requiredLong(JsonNode parent, String field, String where) {
        JsonNode node = parent.get(field);
        if (node == null || !node.canConvertToLong()) {
            throw missing(field, where);
        }
        return node.asLong();
    }

    long optionalLong(JsonNode parent, String field, long fallback) {
        JsonNode node = parent.get(field);
        return node == null || node.isNull() ? fallback : node.asLong();
    }

    @Nullable Long nullableLong(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        return node == null || node.isNull() ? null : node.asLong();
    }

    String requiredText(JsonNode parent, String field, String where) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isTextual()) {
            throw missing(field, where);
        }
        return node.asText();
    }

    String text(JsonNode parent, String field, String fallback) {
        JsonNode node = parent.get(field);
        return node == null || node.isNull() ? fallback : node.asText();
    }

    @Nullable String nullableText(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    private IllegalArgumentException missing(String field, String where) {
        return new IllegalArgumentException("Stored " + name + ": " + where + " lacks '" + field + "'");
    }
}
