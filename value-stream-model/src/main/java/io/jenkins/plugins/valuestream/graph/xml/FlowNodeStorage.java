package io.jenkins.plugins.valuestream.graph.xml;

import io.jenkins.plugins.valuestream.graph.GraphNode;
import io.jenkins.plugins.valuestream.graph.NodeIds;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import org.jspecify.annotations.Nullable;

/**
 * Finds and reads the flow nodes of one run folder, in either of the two ways Jenkins stores them:
 *
 * <ul>
 *   <li>one file per node, {@code <dir>/<id>.xml}, each a {@code <Tag>} (the default durability, and running runs);
 *   <li>one bulk file, {@code <dir>/flowNodeStore.xml}, a map of {@code <entry><string>id</string><Tag>...</Tag>}
 *       (runs completed under the performance-optimized durability, which Jenkins then keeps in
 *       {@code workflow-completed/}).
 * </ul>
 *
 * The folder is the one {@code build.xml} names ({@code execution/storageDir}), else {@code workflow-completed/},
 * else {@code workflow/}.
 */
final class FlowNodeStorage {
    static final String BULK_FILE = "flowNodeStore.xml";
    private static final Pattern NODE_FILE = Pattern.compile("\\d+\\.xml");
    private static final Pattern FOLDER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final List<String> DEFAULT_FOLDERS = List.of("workflow-completed", "workflow");

    private final XMLInputFactory factory;
    private final Interner shared;

    FlowNodeStorage(XMLInputFactory factory, Interner shared) {
        this.factory = factory;
        this.shared = shared;
    }

    /**
     * Reads the flow nodes of a run folder.
     *
     * @param storageDir the folder {@code build.xml} names, or {@code null}
     * @param warnings where to note what was left out
     * @return the nodes, sorted by id, or {@code null} when the run folder holds no flow-node storage
     */
    @Nullable List<GraphNode> read(Path runFolder, @Nullable String storageDir, List<String> warnings)
            throws UnreadableFileException {
        Set<String> folders = new LinkedHashSet<>();
        if (storageDir != null) {
            if (FOLDER_NAME.matcher(storageDir).matches()) {
                folders.add(storageDir);
            } else {
                warnings.add("build.xml names the flow-node folder '" + XmlCursor.abbreviate(storageDir)
                        + "', which is not a folder name; looked in workflow-completed/ and workflow/ instead");
            }
        }
        folders.addAll(DEFAULT_FOLDERS);
        for (String folder : folders) {
            Path dir = runFolder.resolve(folder);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            Path bulk = dir.resolve(BULK_FILE);
            if (Files.isRegularFile(bulk)) {
                return sorted(readBulk(bulk, folder + "/" + BULK_FILE, warnings), warnings);
            }
            List<Path> files = nodeFiles(dir, folder);
            if (!files.isEmpty()) {
                return sorted(readFiles(files, folder, warnings), warnings);
            }
        }
        return null;
    }

    private static List<Path> nodeFiles(Path dir, String folder) throws UnreadableFileException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (NODE_FILE.matcher(entry.getFileName().toString()).matches() && Files.isRegularFile(entry)) {
                    files.add(entry);
                }
            }
        } catch (IOException e) {
            throw new UnreadableFileException(folder + "/", "cannot be listed: " + e.getMessage(), e);
        }
        files.sort(Comparator.comparing((Path file) -> file.getFileName().toString(), NodeIds.CREATION_ORDER));
        return files;
    }

    private List<GraphNode> readFiles(List<Path> files, String folder, List<String> warnings)
            throws UnreadableFileException {
        FlowNodeXml reader = new FlowNodeXml(shared);
        List<GraphNode> nodes = new ArrayList<>(files.size());
        for (Path file : files) {
            String fileName = file.getFileName().toString();
            String idFromName = fileName.substring(0, fileName.length() - ".xml".length());
            String name = folder + "/" + fileName;
            try (XmlCursor cursor = XmlCursor.open(factory, file, name)) {
                if (!cursor.name().endsWith("Tag")) {
                    throw new UnreadableFileException(name,
                            "root element <" + cursor.name() + "> is not a flow node; expected <Tag>");
                }
                GraphNode node = reader.readTag(cursor, idFromName, warnings);
                if (node != null) {
                    if (!node.id().equals(idFromName)) {
                        warnings.add(name + " holds flow node " + node.id() + "; read under that id");
                    }
                    nodes.add(node);
                }
            }
        }
        return nodes;
    }

    private List<GraphNode> readBulk(Path file, String name, List<String> warnings) throws UnreadableFileException {
        FlowNodeXml reader = new FlowNodeXml(shared);
        List<GraphNode> nodes = new ArrayList<>();
        try (XmlCursor cursor = XmlCursor.open(factory, file, name)) {
            while (cursor.nextChild(1)) {
                if (!cursor.name().equals("entry")) {
                    continue;
                }
                String key = null;
                while (cursor.nextChild(2)) {
                    if (key == null && cursor.name().equals("string")) {
                        key = cursor.text().strip();
                    } else if (cursor.name().endsWith("Tag")) {
                        GraphNode node = reader.readTag(cursor, key, warnings);
                        if (node != null) {
                            nodes.add(node);
                        }
                    }
                }
            }
        }
        return nodes;
    }

    /** Sorts by id; a second node with an id already seen is left out (a graph cannot hold both). */
    private static List<GraphNode> sorted(List<GraphNode> nodes, List<String> warnings) {
        NodeIds.sortInCreationOrder(nodes, GraphNode::id);
        Set<String> seen = new HashSet<>(nodes.size() * 2);
        List<GraphNode> unique = new ArrayList<>(nodes.size());
        for (GraphNode node : nodes) {
            if (seen.add(node.id())) {
                unique.add(node);
            } else {
                warnings.add("flow node " + node.id() + " is stored twice; the second copy was left out");
            }
        }
        return unique;
    }
}
