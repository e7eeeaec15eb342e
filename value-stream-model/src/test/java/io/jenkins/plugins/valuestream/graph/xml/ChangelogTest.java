package io.jenkins.plugins.valuestream.graph.xml;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.valuestream.graph.Change;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.junit.Test;

/** The git plugin's changelog text read as changes, and the changelogs that are not read. */
public class ChangelogTest {
    private static Changelog.Outcome fixture(String name) throws IOException {
        try (InputStream in = ChangelogTest.class.getResourceAsStream("changelogs/" + name)) {
            return Changelog.read(Objects.requireNonNull(in, name), "changelog123.xml");
        }
    }

    private static Changelog.Outcome text(String text) throws IOException {
        return Changelog.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "changelog1.xml");
    }

    @Test
    public void everyCommitIsAChangeAtItsCommitterTimeInListOrder() throws IOException {
        Changelog.Outcome read = fixture("git-three-commits.txt");

        assertThat(read.problem()).isNull();
        assertThat(read.changes()).containsExactly(
                new Change("9f4c2a1e7b3d5f60812c4e9a0b7d6c5e4f3a2b1c", 1_717_398_060_000L),
                new Change("1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d", 1_717_394_400_000L),
                new Change("0f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6", 1_717_372_800_000L));
    }

    @Test
    public void theCommitterTimeIsReadNotTheAuthorTime() throws IOException {
        // Authored 1717380000 by Jonas, committed 1717394400 by Mia (a rebase, a cherry-pick).
        assertThat(fixture("git-three-commits.txt").changes()).element(1)
                .extracting(Change::committedAt).isEqualTo(1_717_394_400_000L);
    }

    @Test
    public void aMergeCommitIsOneChangeBesideTheCommitsItMerges() throws IOException {
        Changelog.Outcome read = fixture("git-merge.txt");

        assertThat(read.changes()).extracting(Change::id).containsExactly(
                "4d3c2b1a0f9e8d7c6b5a49382716f5e4d3c2b1a0", "7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a");
        assertThat(read.changes()).first().extracting(Change::committedAt).isEqualTo(1_717_401_300_000L);
    }

    @Test
    public void aMalformedBlockLeavesTheWholeChangelogUnknownNamingTheFileAndLine() throws IOException {
        Changelog.Outcome read = fixture("git-malformed.txt");

        assertThat(read.changes()).isNull();
        assertThat(read.problem()).startsWith("changelog changelog123.xml line 12: the committer line")
                .contains("has no time in epoch seconds").endsWith("the run's changes are unknown");
    }

    @Test
    public void aCommitLineWithoutAnIdIsMalformed() throws IOException {
        Changelog.Outcome read = text("commit \ntree 8c7d\n");

        assertThat(read.changes()).isNull();
        assertThat(read.problem()).contains("line 1").contains("names no commit id");
    }

    @Test
    public void aSubversionChangelogIsNotReadAndTheWarningNamesItsFormatOnly() throws IOException {
        Changelog.Outcome read = fixture("svn.xml");

        assertThat(read.changes()).isNull();
        assertThat(read.problem()).isEqualTo(Changelog.FORMAT_WARNING + "XML changelogs <log> (Subversion) are not"
                + " read, only the git plugin's; the run's changes are unknown");
    }

    @Test
    public void aCommitWithoutACommitterLineHasNoTime() throws IOException {
        assertThat(fixture("git-without-committer.txt").changes())
                .containsExactly(new Change("0f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6", null));
    }

    @Test
    public void anEmptyChangelogIsARunThatBuiltNoNewCommit() throws IOException {
        Changelog.Outcome read = text("");

        assertThat(read.problem()).isNull();
        assertThat(read.changes()).isEmpty();
    }

    @Test
    public void aCommitListedTwiceIsOneChange() throws IOException {
        String block = "commit abcdef1234567890abcdef1234567890abcdef12\ncommitter A <a@b> 1717372800 +0000\n\n"
                + "    one\n\n";
        assertThat(text(block + block).changes()).hasSize(1);
    }

    @Test
    public void textBeforeTheFirstCommitIsNoChange() throws IOException {
        Changelog.Outcome read = text("Changes in branch origin/main, between 1a2b and 9f4c\n"
                + "commit 9f4c2a1e7b3d5f60812c4e9a0b7d6c5e4f3a2b1c\ncommitter A <a@b> 1717398060 +0200\n");

        assertThat(read.changes()).containsExactly(
                new Change("9f4c2a1e7b3d5f60812c4e9a0b7d6c5e4f3a2b1c", 1_717_398_060_000L));
    }
}
