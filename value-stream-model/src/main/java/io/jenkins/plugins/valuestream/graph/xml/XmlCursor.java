package io.jenkins.plugins.valuestream.graph.xml;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * A forward-only walk over one XML file, element by element, that knows the XStream path of the element it is on.
 *
 * <p>XStream writes an object that appears twice only once and points to it from the second place with a relative
 * path ({@code reference="../../wf.a.ErrorAction/error"}); in the bulk flow-node store such paths cross from one node
 * to an earlier one. The cursor keeps each open element's name and its index among same-named siblings, so that the
 * readers can remember values by path and look references up.
 *
 * <p>Usage: on an element at depth {@code d}, {@code while (cursor.nextChild(d)) { ... }} visits its child elements;
 * whatever a visitor leaves unread of a child is skipped by the next call.
 */
final class XmlCursor implements AutoCloseable {
    private static final int BUFFER = 1 << 16;
    private static final long WHOLE_FILE_LIMIT = 1 << 20;

    private final XMLStreamReader reader;
    private final InputStream input;
    private final String file;
    private String[] names = new String[16];
    private int[] indexes = new int[16];
    private ChildCounter[] counters = new ChildCounter[16];
    private int depth;
    private @Nullable Map<String, String> remembered;

    private XmlCursor(XMLStreamReader reader, InputStream input, String file) {
        this.reader = reader;
        this.input = input;
        this.file = file;
    }

    /**
     * Opens a file and moves to its root element.
     *
     * @param name the file's name in messages, relative to its run folder
     */
    static XmlCursor open(XMLInputFactory factory, Path path, String name) throws UnreadableFileException {
        InputStream input;
        try {
            // Most flow-node files are a few kilobytes: one read is cheaper than a stream with its buffer.
            input = Files.size(path) <= WHOLE_FILE_LIMIT ? new ByteArrayInputStream(Files.readAllBytes(path))
                    : new BufferedInputStream(Files.newInputStream(path), BUFFER);
        } catch (NoSuchFileException e) {
            throw new UnreadableFileException(name, "file not found");
        } catch (IOException e) {
            throw new UnreadableFileException(name, "cannot be opened: " + e.getMessage(), e);
        }
        return open(factory, input, name);
    }

    /** Reads a stream (closed with the cursor) and moves to its root element. */
    static XmlCursor open(XMLInputFactory factory, InputStream input, String name) throws UnreadableFileException {
        try {
            // Decoded here rather than by the parser: the JDK's parser prints "[Fatal Error]" to the standard error
            // stream on a malformed byte before it throws. Jenkins writes its XML files in UTF-8.
            Reader text = new InputStreamReader(input, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
            XmlCursor cursor = new XmlCursor(factory.createXMLStreamReader(text), input, name);
            cursor.moveToRoot();
            return cursor;
        } catch (XMLStreamException e) {
            closeQuietly(input);
            throw failure(name, e);
        } catch (UnreadableFileException | RuntimeException e) {
            closeQuietly(input);
            throw e;
        }
    }

    private void moveToRoot() throws UnreadableFileException {
        int event = advance();
        while (event != XMLStreamConstants.START_ELEMENT) {
            if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new UnreadableFileException(file, "the file is empty: no root element");
            }
            event = advance();
        }
    }

    /** The file's name in messages. */
    String file() {
        return file;
    }

    /** The depth of the current element: 1 for the root. */
    int depth() {
        return depth;
    }

    /** The name of the current element (right after moving onto it). */
    String name() {
        return names[depth - 1];
    }

    /** An attribute of the current element (right after moving onto it), or {@code null}. */
    @Nullable String attribute(String attribute) {
        return reader.getAttributeValue(null, attribute);
    }

    /**
     * Moves to the next child element of the open element at {@code parentDepth}.
     *
     * @return {@code true} on a child; {@code false} once that element has ended
     */
    boolean nextChild(int parentDepth) throws UnreadableFileException {
        return nextChild(parentDepth, null);
    }

    /**
     * Like {@link #nextChild(int)}, and also appends the element's own text (not its children's) to {@code text}.
     */
    boolean nextChild(int parentDepth, @Nullable StringBuilder text) throws UnreadableFileException {
        while (depth >= parentDepth) {
            int event = advance();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT:
                    if (depth == parentDepth + 1) {
                        return true;
                    }
                    break;
                case XMLStreamConstants.CHARACTERS:
                case XMLStreamConstants.CDATA:
                case XMLStreamConstants.SPACE:
                    if (text != null && depth == parentDepth) {
                        text.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
                    }
                    break;
                case XMLStreamConstants.END_DOCUMENT:
                    throw new UnreadableFileException(file, "the file ends inside <" + names[depth - 1] + ">");
                default:
                    break;
            }
        }
        return false;
    }

    /** Reads the text of the current element up to its end; text inside child elements is left out. */
    String text() throws UnreadableFileException {
        int own = depth;
        String single = null;
        StringBuilder more = null;
        while (depth >= own) {
            int event = advance();
            if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE) && depth == own) {
                if (single == null) {
                    single = reader.getText();
                } else {
                    if (more == null) {
                        more = new StringBuilder(single);
                    }
                    more.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
                }
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new UnreadableFileException(file, "the file ends inside <" + names[own - 1] + ">");
            }
        }
        return more != null ? more.toString() : single != null ? single : "";
    }

    /** The trimmed text of the current element, read as a whole number. */
    long longValue(String what) throws UnreadableFileException {
        String text = text().trim();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new UnreadableFileException(file, what + " '" + abbreviate(text) + "' is not a whole number");
        }
    }

    /** Skips the current element with everything inside it. */
    void skip() throws UnreadableFileException {
        int own = depth;
        while (depth >= own) {
            if (advance() == XMLStreamConstants.END_DOCUMENT) {
                throw new UnreadableFileException(file, "the file ends inside <" + names[own - 1] + ">");
            }
        }
    }

    /** The XStream path of the current element, every step with its index: {@code /map[1]/entry[3]/Tag[1]}. */
    String path() {
        StringBuilder path = new StringBuilder(depth * 16);
        for (int i = 0; i < depth; i++) {
            path.append('/').append(names[i]).append('[').append(indexes[i]).append(']');
        }
        return path.toString();
    }

    /**
     * The path that an XStream {@code reference} attribute on the current element points to, in the form of
     * {@link #path()}, or {@code null} when it leads out of the document.
     */
    @Nullable String resolve(String reference) {
        String[] steps = reference.split("/");
        String[] resolved = new String[depth + steps.length];
        int size = 0;
        if (!reference.startsWith("/")) {
            for (int i = 0; i < depth; i++) {
                resolved[size++] = names[i] + '[' + indexes[i] + ']';
            }
        }
        for (String step : steps) {
            if (step.isEmpty() || step.equals(".")) {
                continue;
            }
            if (step.equals("..")) {
                if (size == 0) {
                    return null;
                }
                size--;
            } else {
                resolved[size++] = step.endsWith("]") ? step : step + "[1]";
            }
        }
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < size; i++) {
            path.append('/').append(resolved[i]);
        }
        return path.toString();
    }

    /** Remembers a value read at a path of this document, for references to it later on. */
    void remember(String path, String value) {
        if (remembered == null) {
            remembered = new HashMap<>();
        }
        remembered.put(path, value);
    }

    /** A value remembered at a path, or {@code null}. */
    @Nullable String recall(@Nullable String path) {
        return path == null || remembered == null ? null : remembered.get(path);
    }

    /** An error naming this file and the place in it. */
    UnreadableFileException problem(String reason) {
        Location location = reader.getLocation();
        return new UnreadableFileException(file,
                location == null ? reason : "line " + location.getLineNumber() + ": " + reason);
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (XMLStreamException e) {
            // Nothing was written; the stream below is closed next.
        }
        closeQuietly(input);
    }

    private int advance() throws UnreadableFileException {
        int event;
        try {
            event = reader.next();
        } catch (XMLStreamException e) {
            throw failure(file, e);
        } catch (java.util.NoSuchElementException e) {
            throw new UnreadableFileException(file, "the file ends early");
        } catch (RuntimeException e) {
            // The JDK parser reports some malformed input and I/O failures as unchecked exceptions.
            throw new UnreadableFileException(file, String.valueOf(e.getMessage()), e);
        }
        if (event == XMLStreamConstants.START_ELEMENT) {
            push(reader.getLocalName());
        } else if (event == XMLStreamConstants.END_ELEMENT) {
            depth--;
        }
        return event;
    }

    private void push(String name) {
        if (depth == names.length) {
            int size = depth * 2;
            names = Arrays.copyOf(names, size);
            indexes = Arrays.copyOf(indexes, size);
            counters = Arrays.copyOf(counters, size);
        }
        names[depth] = name;
        indexes[depth] = depth == 0 ? 1 : counters[depth - 1].next(name);
        ChildCounter own = counters[depth];
        if (own == null) {
            counters[depth] = new ChildCounter();
        } else {
            own.clear();
        }
        depth++;
    }

    private static UnreadableFileException failure(String file, XMLStreamException e) {
        if (e.getNestedException() instanceof CharacterCodingException) {
            return new UnreadableFileException(file, "not UTF-8 text (a malformed byte sequence)", e);
        }
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        int text = message.indexOf("Message: ");
        if (text >= 0) {
            message = message.substring(text + "Message: ".length());
        }
        Location location = e.getLocation();
        if (location != null && location.getLineNumber() > 0) {
            message = "line " + location.getLineNumber() + ", column " + location.getColumnNumber() + ": "
                    + message.strip();
        }
        return new UnreadableFileException(file, message.strip(), e);
    }

    private static void closeQuietly(InputStream input) {
        try {
            input.close();
        } catch (IOException e) {
            // Only read from; nothing to lose.
        }
    }

    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    /** How many children of each name an open element has had so far: the index of the next one. */
    private static final class ChildCounter {
        private String[] names = new String[4];
        private int[] counts = new int[4];
        private int size;

        int next(String name) {
            for (int i = 0; i < size; i++) {
                if (names[i].equals(name)) {
                    return ++counts[i];
                }
            }
            if (size == names.length) {
                names = Arrays.copyOf(names, size * 2);
                counts = Arrays.copyOf(counts, size * 2);
            }
            names[size] = name;
            counts[size] = 1;
            size++;
            return 1;
        }

        void clear() {
            size = 0;
        }
    }
}
