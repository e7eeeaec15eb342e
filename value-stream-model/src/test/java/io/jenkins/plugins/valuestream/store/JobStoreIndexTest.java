package io.jenkins.plugins.valuestream.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.valuestream.process.ProcessMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The saved index: reading the last runs of a big store reads little of it, and a stale index is never trusted. */
public class JobStoreIndexTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private Path storeFile() {
        return folder.getRoot().toPath().resolve("value-stream.store");
    }

    private Path indexFile() {
        return folder.getRoot().toPath().resolve("value-stream.store.idx");
    }

    private static List<ProcessMap> runs(int from, int to, long seed) {
        List<ProcessMap> runs = new ArrayList<>();
        for (int number = from; number <= to; number++) {
            runs.add(StoreFixtures.pipelineRun(number, seed));
        }
        return runs;
    }

    @Test
    public void readingTheLastRunsOfAFreshlyOpenedStoreReadsLittleOfIt() throws IOException {
        List<ProcessMap> all = runs(1, 2000, 8);
        JobStore writer = JobStore.open(storeFile());
        writer.appendAll(all.subList(0, 1950));
        for (ProcessMap run : all.subList(1950, 2000)) {
            writer.append(run);
        }
        long size = Files.size(storeFile());
        assertThat(indexFile()).exists();

        JobStore reader = JobStore.open(storeFile());
        assertThat(reader.readLast(10)).isEqualTo(all.subList(1990, 2000));
        assertThat(reader.bytesRead()).as("bytes read of a %d-byte store", size).isLessThan(size / 4);

        JobStore another = JobStore.open(storeFile());
        assertThat(another.readAll()).isEqualTo(all);
        assertThat(another.bytesRead()).as("reading every run reads the whole store").isGreaterThanOrEqualTo(
                size - Frames.HEADER_SIZE);
    }

    @Test
    public void anIndexOfAnEarlierFileIsIgnored() throws IOException {
        JobStore store = JobStore.open(storeFile());
        store.appendAll(runs(1, 400, 1));
        assertThat(indexFile()).exists();
        Path saved = folder.getRoot().toPath().resolve("saved.idx");
        Files.copy(indexFile(), saved);

        List<ProcessMap> other = runs(1, 300, 2);
        store.rebuild(other);
        Files.copy(saved, indexFile(), StandardCopyOption.REPLACE_EXISTING);

        assertThat(JobStore.open(storeFile()).readAll()).isEqualTo(other);
    }

    @Test
    public void anIndexCoveringMoreThanTheFileIsIgnored() throws IOException {
        JobStore store = JobStore.open(storeFile());
        List<ProcessMap> runs = runs(1, 400, 1);
        store.appendAll(runs.subList(0, 200));
        long half = Files.size(storeFile());
        store.appendAll(runs.subList(200, 400));
        assertThat(indexFile()).exists();
        try (var channel = java.nio.channels.FileChannel.open(storeFile(), java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(half);
        }

        assertThat(JobStore.open(storeFile()).readAll()).isEqualTo(runs.subList(0, 200));
    }

    @Test
    public void aStoreKeepsUsingItsIndexAfterOthersAppend() throws IOException {
        JobStore first = JobStore.open(storeFile());
        JobStore second = JobStore.open(storeFile());
        List<ProcessMap> runs = runs(1, 300, 4);
        first.appendAll(runs.subList(0, 250));
        assertThat(second.readLast(1)).isEqualTo(runs.subList(249, 250));
        long before = second.bytesRead();

        for (ProcessMap run : runs.subList(250, 300)) {
            first.append(run);
        }

        assertThat(second.readLast(3)).isEqualTo(runs.subList(297, 300));
        assertThat(second.bytesRead() - before).as("only the appended records and the ones returned are read")
                .isLessThan(Files.size(storeFile()) / 4);
    }
}
