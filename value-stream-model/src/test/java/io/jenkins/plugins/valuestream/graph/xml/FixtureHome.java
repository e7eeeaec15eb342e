package io.jenkins.plugins.valuestream.graph.xml;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.valuestream.graph.GraphNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;
import org.junit.rules.TemporaryFolder;

/**
 * The test {@code JENKINS_HOME} ({@code src/test/resources/.../graph/xml/home}), copied to a temporary folder so that
 * a test may damage it:
 *
 * <ul>
 *   <li>{@code shop}: scripted Pipeline, one file per node. #1 completed (stage, node, git, sh, sleep, input) with
 *       the Metrics plugin's queue time; #2 running, waiting for input; #3 failed after an {@code unstable}.
 *   <li>{@code team/api} (in a folder): Declarative parallel stages, bulk {@code flowNodeStore.xml}, #7 failed.
 *   <li>{@code mobile/main} (a multibranch branch): #4 whose flow nodes are gone.
 *   <li>{@code legacy}: a 2017 run folder named by date, old class names, XML 1.0, waiting for input.
 *   <li>{@code freestyle}: not a Pipeline job.
 * </ul>
 */
final class FixtureHome {
    private FixtureHome() {
    }

    static Path copy(TemporaryFolder temp) throws IOException {
        Path source;
        try {
            source = Paths.get(FixtureHome.class.getResource("home").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Path target = temp.newFolder("jenkins-home").toPath();
        try (Stream<Path> files = Files.walk(source)) {
            files.forEach(file -> {
                Path copy = target.resolve(source.relativize(file).toString());
                try {
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.copy(file, copy);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return target;
    }

    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** Replaces one passage of a file, which must be there. */
    static void replace(Path file, String passage, String replacement) throws IOException {
        String text = read(file);
        assertThat(text).as("fixture %s", file).contains(passage);
        write(file, text.replace(passage, replacement));
    }

    static GraphNode node(RunRecord run, String id) {
        assertThat(run.graph()).as("graph of %s #%s", run.job(), run.number()).isNotNull();
        GraphNode node = run.graph().node(id);
        assertThat(node).as("node %s of %s #%s", id, run.job(), run.number()).isNotNull();
        return node;
    }
}
