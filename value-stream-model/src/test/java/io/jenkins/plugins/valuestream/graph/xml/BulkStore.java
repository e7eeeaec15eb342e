package io.jenkins.plugins.valuestream.graph.xml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Moves a run's flow nodes from one file per node into a bulk {@code workflow-completed/flowNodeStore.xml}, the
 * way Jenkins does when a run completes under the performance-optimized durability.
 */
final class BulkStore {
    private BulkStore() {
    }

    static void convert(Path runFolder) throws IOException {
        Path workflow = runFolder.resolve("workflow");
        List<Path> files;
        try (Stream<Path> listing = Files.list(workflow)) {
            files = listing.sorted(Comparator.comparingInt(BulkStore::id)).toList();
        }
        StringBuilder store = new StringBuilder("<?xml version='1.1' encoding='UTF-8'?>\n<linked-hash-map>\n");
        for (Path file : files) {
            String tag = FixtureHome.read(file);
            tag = tag.substring(tag.indexOf("?>") + 2).strip();
            tag = tag.replaceFirst("<Tag plugin=\"[^\"]*\">", "<Tag>");
            store.append("  <entry>\n    <string>").append(id(file)).append("</string>\n    ")
                    .append(tag.replace("\n", "\n    ")).append("\n  </entry>\n");
            Files.delete(file);
        }
        store.append("</linked-hash-map>");
        Files.delete(workflow);
        FixtureHome.write(runFolder.resolve("workflow-completed/flowNodeStore.xml"), store.toString());
    }

    private static int id(Path file) {
        String name = file.getFileName().toString();
        return Integer.parseInt(name.substring(0, name.length() - ".xml".length()));
    }
}
