package io.jenkins.plugins.valuestream.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.valuestream.graph.Change;
import io.jenkins.plugins.valuestream.graph.RunResult;
import io.jenkins.plugins.valuestream.graph.StepFunctions;
import io.jenkins.plugins.valuestream.graph.UpstreamCause;
import io.jenkins.plugins.valuestream.process.AgentAllocation;
import io.jenkins.plugins.valuestream.process.InputDecision;
import io.jenkins.plugins.valuestream.process.LockAcquisition;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.ProcessStep;
import io.jenkins.plugins.valuestream.process.StepFailure;
import io.jenkins.plugins.valuestream.process.StepKind;
import io.jenkins.plugins.valuestream.process.StepPath;
import io.jenkins.plugins.valuestream.process.StepResult;
import io.jenkins.plugins.valuestream.process.WaitBreakdown;
import io.jenkins.plugins.valuestream.process.WaitCause;
import io.jenkins.plugins.valuestream.stream.ValueStreamAggregator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** What the store promises to callers, on a sound file. */
public class JobStoreTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private Path storeFile() {
        return folder.getRoot().toPath().resolve("job").resolve("value-stream.store");
    }

    private static List<ProcessMap> pipelineRuns(int from, int to) {
        List<ProcessMap> runs = new ArrayList<>();
        for (int number = from; number <= to; number++) {
            runs.add(StoreFixtures.pipelineRun(number, 1));
        }
        return runs;
    }

    @Test
    public void readsBackExtractedRunsEqualToWhatWasAppended() throws IOException {
        List<ProcessMap> runs = pipelineRuns(1, 20);
        try (JobStore store = JobStore.open(storeFile())) {
            for (ProcessMap run : runs) {
                store.append(run);
            }
            assertThat(store.readAll()).isEqualTo(runs);
            assertThat(store.warnings()).isEmpty();
        }
        assertThat(JobStore.open(storeFile()).readAll()).as("read by a new store object").isEqualTo(runs);
    }

    @Test
    public void readsBackRunsWithUpstreamCauses() throws IOException {
        ProcessMap caused = StoreFixtures.pipelineRun(3, 1).withUpstream(List.of(
                new UpstreamCause("team/build", 41, "57"), UpstreamCause.of("nightly", 2)));
        try (JobStore store = JobStore.open(storeFile())) {
            store.append(caused);
        }

        assertThat(JobStore.open(storeFile()).read(3).orElseThrow()).isEqualTo(caused);
    }

    /** The run that before-changes.store holds, as the version before changes were kept wrote it. */
    private static ProcessMap beforeChanges() {
        long t0 = 1_717_000_000_000L;
        ProcessStep build = new ProcessStep(StepPath.of("Build"), 0, StepKind.STAGE, StepResult.SUCCESS, t0 + 1_000,
                60_000, 50_000, WaitBreakdown.of(Map.of(WaitCause.AGENT, 10_000L)), 50_000, true, "7", null);
        ProcessStep deploy = new ProcessStep(StepPath.of("Deploy"), 0, StepKind.PROCESS_STEP, StepResult.SUCCESS,
                t0 + 61_000, 20_000, 20_000, WaitBreakdown.none(), 20_000, true, "12", null);
        return new ProcessMap(5, RunResult.SUCCESS, t0 - 3_000, t0, t0 + 81_000, t0 + 81_000, 70_000,
                WaitBreakdown.of(Map.of(WaitCause.QUEUE, 3_000L, WaitCause.AGENT, 10_000L)), List.of(build, deploy),
                List.of(), List.of(), List.of(), List.of(UpstreamCause.of("team/build", 17)));
    }

    private byte[] beforeChangesStore() throws IOException {
        try (java.io.InputStream old = JobStoreTest.class.getResourceAsStream("before-changes.store")) {
            return java.util.Objects.requireNonNull(old, "before-changes.store").readAllBytes();
        }
    }

    @Test
    public void aStoreWrittenBeforeChangesWereKeptReadsAsChangesUnknownAndStepsThatDoNotDeploy() throws IOException {
        Files.createDirectories(storeFile().getParent());
        Files.write(storeFile(), beforeChangesStore());

        try (JobStore store = JobStore.open(storeFile())) {
            assertThat(store.readAll()).containsExactly(beforeChanges());
            assertThat(store.warnings()).isEmpty();
            ProcessMap read = store.read(5).orElseThrow();
            assertThat(read.changes()).isNull();
            assertThat(read.steps()).noneMatch(ProcessStep::deploys);
        }
    }

    @Test
    public void aRunWithoutChangesOrDeployingStepsIsWrittenByteForByteAsBefore() throws IOException {
        try (JobStore store = JobStore.open(storeFile())) {
            store.append(beforeChanges());
        }

        // Past the 20-byte header, whose generation is random: the frames.
        byte[] written = Files.readAllBytes(storeFile());
        byte[] before = beforeChangesStore();
        assertThat(java.util.Arrays.copyOfRange(written, 20, written.length))
                .isEqualTo(java.util.Arrays.copyOfRange(before, 20, before.length));
    }

    @Test
    public void readsBackRunsWithChangesAndDeployingSteps() throws IOException {
        ProcessMap base = beforeChanges();
        ProcessMap deploying = base.withSteps(List.of(base.steps().get(0), base.steps().get(1).withDeploys(true)))
                .withChanges(List.of(new Change("9f4c2a1e7b3d5f60812c4e9a0b7d6c5e4f3a2b1c", 1_716_990_000_000L),
                        new Change("1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d", null)));
        ProcessMap none = StoreFixtures.pipelineRun(6, 1).withChanges(List.of());
        try (JobStore store = JobStore.open(storeFile())) {
            store.append(deploying);
            store.append(none);
        }

        try (JobStore store = JobStore.open(storeFile())) {
            assertThat(store.readAll()).containsExactly(deploying, none);
            assertThat(store.read(6).orElseThrow().changes()).isNotNull().isEmpty();
        }
    }

    /** The run that before-locks.store holds, as the version before lock acquisitions were kept wrote it. */
    private static ProcessMap beforeLocks() {
        long t0 = 1_717_000_000_000L;
        ProcessStep build = new ProcessStep(StepPath.of("Build"), 0, StepKind.STAGE, StepResult.SUCCESS, t0 + 1_000,
                60_000, 50_000, WaitBreakdown.of(Map.of(WaitCause.AGENT, 10_000L)), 50_000, true, "7", null);
        ProcessStep deploy = new ProcessStep(StepPath.of("Deploy"), 0, StepKind.STAGE, StepResult.SUCCESS,
                t0 + 61_000, 39_000, 9_000, WaitBreakdown.of(Map.of(WaitCause.LOCK, 30_000L)), 9_000, true, "15",
                null);
        return new ProcessMap(9, RunResult.SUCCESS, t0 - 2_000, t0, t0 + 100_000, t0 + 100_000, 60_000,
                WaitBreakdown.of(Map.of(WaitCause.QUEUE, 2_000L, WaitCause.AGENT, 10_000L, WaitCause.LOCK, 30_000L)),
                List.of(build, deploy), List.of(),
                List.of(new AgentAllocation("linux", StepPath.of("Build"), t0 + 1_000, 10_000, 50_000)), List.of(),
                List.of(UpstreamCause.of("team/build", 21)),
                List.of(new Change("0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c", t0 - 600_000)));
    }

    private byte[] beforeLocksStore() throws IOException {
        try (java.io.InputStream old = JobStoreTest.class.getResourceAsStream("before-locks.store")) {
            return java.util.Objects.requireNonNull(old, "before-locks.store").readAllBytes();
        }
    }

    @Test
    public void aStoreWrittenBeforeLocksWereKeptReadsAsARunWithoutAcquisitionsWhoseLockWaitStays() throws IOException {
        Files.createDirectories(storeFile().getParent());
        Files.write(storeFile(), beforeLocksStore());

        try (JobStore store = JobStore.open(storeFile())) {
            assertThat(store.readAll()).containsExactly(beforeLocks());
            assertThat(store.warnings()).isEmpty();
            ProcessMap read = store.read(9).orElseThrow();
            assertThat(read.locks()).isEmpty();
            assertThat(read.step(StepPath.of("Deploy")).orElseThrow().waits().millis(WaitCause.LOCK))
                    .isEqualTo(30_000);
        }
    }

    @Test
    public void aRunWithoutLocksIsWrittenByteForByteAsBefore() throws IOException {
        try (JobStore store = JobStore.open(storeFile())) {
            store.append(beforeLocks());
        }

        // Past the 20-byte header, whose generation is random: the frames.
        byte[] written = Files.readAllBytes(storeFile());
        byte[] before = beforeLocksStore();
        assertThat(java.util.Arrays.copyOfRange(written, 20, written.length))
                .isEqualTo(java.util.Arrays.copyOfRange(before, 20, before.length));
    }

    @Test
    public void readsBackRunsWithLockAcquisitions() throws IOException {
        long t0 = 1_717_000_000_000L;
        ProcessMap locked = beforeLocks().withLocks(List.of(
                new LockAcquisition("db", StepPath.of("Deploy"), t0 + 61_000, 30_000, 9_000),
                new LockAcquisition("", StepPath.OUTSIDE, t0 + 90_000, 5, 0),
                new LockAcquisition("label:phones", StepPath.of("Device tests"), t0 + 95_000, 0, 2_000)));
        try (JobStore store = JobStore.open(storeFile())) {
            store.append(locked);
        }

        try (JobStore store = JobStore.open(storeFile())) {
            assertThat(store.readAll()).containsExactly(locked);
            assertThat(store.warnings()).isEmpty();
        }
    }

    @Test
    public void aRunWithAHandoffWaitIsRefusedBeforeAnythingIsWritten() throws IOException {
        ProcessMap chained = beforeLocks().withWaits(WaitBreakdown.of(Map.of(WaitCause.HANDOFF, 5_000L)));

        try (JobStore store = JobStore.open(storeFile())) {
            assertThatThrownBy(() -> store.append(chained)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("hand-off");
            assertThat(store.readAll()).isEmpty();
        }
    }

    @Test
    public void readsBackRunsWithErrorsAndInputDecisions() throws IOException {
        long t0 = 1_717_000_000_000L;
        ProcessMap decided = beforeLocks()
                .withLocks(List.of(new LockAcquisition("db", StepPath.of("Deploy"), t0 + 61_000, 30_000, 9_000)))
                .withOutcomes(List.of(
                        new StepFailure(StepPath.of("Build"), StepFunctions.SHELL, "make",
                                "hudson.AbortException: script returned exit code 1", t0 + 40_000, false),
                        new StepFailure(StepPath.OUTSIDE, "", "", "java.io.IOException: disk full", t0 + 99_000,
                                true)),
                        List.of(new InputDecision(StepPath.of("Deploy"), "Ship it?", InputDecision.Decision.APPROVED,
                                        "alice", t0 + 70_000, 8_000),
                                new InputDecision(StepPath.of("Deploy", "Prod"), "", InputDecision.Decision.ABORTED,
                                        null, t0 + 80_000, 1_000)));
        try (JobStore store = JobStore.open(storeFile())) {
            store.append(decided);
        }

        try (JobStore store = JobStore.open(storeFile())) {
            assertThat(store.readAll()).containsExactly(decided);
            assertThat(store.warnings()).isEmpty();
        }
    }

    @Test
    public void aStoreWrittenBeforeErrorsWereKeptReadsAsARunWithoutThem() throws IOException {
        Files.createDirectories(storeFile().getParent());
        Files.write(storeFile(), beforeLocksStore());

        try (JobStore store = JobStore.open(storeFile())) {
            ProcessMap read = store.read(9).orElseThrow();
            assertThat(read.failures()).isEmpty();
            assertThat(read.inputs()).isEmpty();
        }
    }

    @Test
    public void anExtractedRunKeepsItsLockedDeploy() throws IOException {
        ProcessMap run = StoreFixtures.pipelineRun(7, 1);
        assertThat(run.locks()).extracting(LockAcquisition::resource).containsExactly("staging-environment");
        try (JobStore store = JobStore.open(storeFile())) {
            store.append(run);
        }

        assertThat(JobStore.open(storeFile()).read(7).orElseThrow().locks()).isEqualTo(run.locks());
    }

    /** A store the version before upstream causes were kept wrote: one run, #4, of one Build stage. */
    @Test
    public void aStoreWrittenBeforeCausesWereKeptReadsAsRunsNoOtherStarted() throws IOException {
        java.nio.file.Files.createDirectories(storeFile().getParent());
        try (java.io.InputStream old = JobStoreTest.class.getResourceAsStream("before-causes.store")) {
            java.nio.file.Files.copy(java.util.Objects.requireNonNull(old, "before-causes.store"), storeFile());
        }
        long t0 = 1_717_000_000_000L;
        ProcessStep build = new ProcessStep(StepPath.of("Build"), 0, StepKind.STAGE, StepResult.SUCCESS, t0 + 1_000,
                60_000, 50_000, WaitBreakdown.of(Map.of(WaitCause.AGENT, 10_000L)), 50_000, true, "7", null);
        ProcessMap written = new ProcessMap(4, RunResult.SUCCESS, t0 - 3_000, t0, t0 + 61_000, t0 + 61_000, 50_000,
                WaitBreakdown.of(Map.of(WaitCause.QUEUE, 3_000L, WaitCause.AGENT, 10_000L)), List.of(build),
                List.of(), List.of(), List.of());

        try (JobStore store = JobStore.open(storeFile())) {
            assertThat(store.readAll()).containsExactly(written);
            assertThat(store.warnings()).isEmpty();
            assertThat(store.read(4).orElseThrow().upstream()).isEmpty();
        }
    }

    @Test
    public void readsBackRunsWithUnknownWaitsAndNotes() throws IOException {
        ProcessMap rest = StoreFixtures.restRun(4);
        JobStore store = JobStore.open(storeFile());
        store.append(rest);

        ProcessMap back = JobStore.open(storeFile()).read(4).orElseThrow();
        assertThat(back).isEqualTo(rest);
        assertThat(back.waits().known(WaitCause.QUEUE)).isFalse();
        assertThat(back.steps().get(0).waits().known(WaitCause.AGENT)).isFalse();
        assertThat(back.notes()).hasSize(2);
    }

    @Test
    public void readsBackRandomMapsWithExtremeValuesExactly() throws IOException {
        Random random = new Random(42);
        List<ProcessMap> maps = new ArrayList<>();
        for (int number = 1; number <= 300; number++) {
            maps.add(StoreFixtures.randomMap(random, number));
        }
        JobStore store = JobStore.open(storeFile());
        store.appendAll(maps.subList(0, 150));
        for (ProcessMap map : maps.subList(150, 300)) {
            store.append(map);
        }

        assertThat(JobStore.open(storeFile()).readAll()).isEqualTo(maps);
    }

    @Test
    public void readsBackStringsThatAreNotValidUnicode() throws IOException {
        String odd = "\uD800 lone high, \uDC00 lone low, NUL \u0000, max \uFFFF";
        ProcessMap base = StoreFixtures.restRun(1);
        ProcessStep step = base.steps().get(0);
        ProcessStep renamed = new ProcessStep(StepPath.of(odd, "a/b\\c"), 0, step.kind(), step.result(),
                step.startedAt(), step.elapsedMillis(), step.processMillis(), step.waits(), step.effortMillis(),
                step.firstTime(), "007", odd);
        ProcessMap map = new ProcessMap(1, RunResult.NOT_BUILT, base.queuedAt(), base.startedAt(), base.completedAt(), base.asOf(),
                base.processMillis(), base.waits(), List.of(renamed), base.work(), base.agents(), List.of(odd, ""));
        JobStore store = JobStore.open(storeFile());
        store.append(map);

        assertThat(JobStore.open(storeFile()).readAll()).containsExactly(map);
    }

    @Test
    public void rejectsARunningRunAndWritesNothing() {
        ProcessMap done = StoreFixtures.restRun(9);
        ProcessMap running = new ProcessMap(10, null, null, done.startedAt(), null, done.asOf(), 0,
                WaitBreakdown.none(), List.of(), List.of(), List.of(), List.of());
        JobStore store = JobStore.open(storeFile());

        assertThatThrownBy(() -> store.appendAll(List.of(done, running)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("#10").hasMessageContaining("still running");
        assertThat(storeFile()).doesNotExist();
    }

    @Test
    public void theLastRecordOfARunNumberWins() throws IOException {
        JobStore store = JobStore.open(storeFile());
        store.appendAll(pipelineRuns(1, 3));
        ProcessMap replacement = StoreFixtures.pipelineRun(2, 99);
        store.append(replacement);

        assertThat(JobStore.open(storeFile()).read(2)).contains(replacement);
        assertThat(JobStore.open(storeFile()).runNumbers()).containsExactly(1, 2, 3);
    }

    @Test
    public void aRemovedRunNoLongerShowsAndCompactionFreesItsBytes() throws IOException {
        List<ProcessMap> runs = pipelineRuns(1, 10);
        JobStore store = JobStore.open(storeFile());
        store.appendAll(runs);
        assertThat(store.remove(4)).isTrue();
        assertThat(store.remove(4)).as("already removed").isFalse();
        long before = Files.size(storeFile());

        List<ProcessMap> expected = new ArrayList<>(runs);
        expected.remove(3);
        assertThat(JobStore.open(storeFile()).readAll()).isEqualTo(expected);

        store.compact();
        assertThat(Files.size(storeFile())).isLessThan(before);
        assertThat(JobStore.open(storeFile()).readAll()).isEqualTo(expected);
        assertThat(JobStore.open(storeFile()).runNumbers()).doesNotContain(4);
    }

    @Test
    public void aRunRemovedAndAppendedAgainShows() throws IOException {
        JobStore store = JobStore.open(storeFile());
        store.appendAll(pipelineRuns(1, 3));
        store.remove(2);
        store.append(StoreFixtures.pipelineRun(2, 1));

        assertThat(JobStore.open(storeFile()).runNumbers()).containsExactly(1, 2, 3);
    }

    @Test
    public void removingARunTheStoreDoesNotHaveWritesNothing() throws IOException {
        JobStore store = JobStore.open(storeFile());
        assertThat(store.remove(1)).isFalse();
        assertThat(storeFile()).doesNotExist();
        store.appendAll(pipelineRuns(1, 2));
        long size = Files.size(storeFile());

        assertThat(store.remove(5)).isFalse();
        assertThat(Files.size(storeFile())).isEqualTo(size);
    }

    @Test
    public void readLastGivesTheHighestNumbersOldestFirstWhateverTheAppendOrder() throws IOException {
        JobStore store = JobStore.open(storeFile());
        List<ProcessMap> runs = pipelineRuns(1, 12);
        List<ProcessMap> shuffled = new ArrayList<>(runs);
        java.util.Collections.shuffle(shuffled, new Random(3));
        for (ProcessMap run : shuffled) {
            store.append(run);
        }

        assertThat(JobStore.open(storeFile()).readLast(3)).isEqualTo(runs.subList(9, 12));
        assertThat(JobStore.open(storeFile()).readLast(50)).isEqualTo(runs);
        assertThat(JobStore.open(storeFile()).readLast(0)).isEmpty();
        assertThatThrownBy(() -> store.readLast(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
    }

    @Test
    public void readLastWithAFilterReadsBackUntilEnoughRunsPass() throws IOException {
        List<ProcessMap> runs = pipelineRuns(1, 40);
        JobStore store = JobStore.open(storeFile());
        store.appendAll(runs);
        List<ProcessMap> unstable = runs.stream().filter(r -> RunResult.UNSTABLE.equals(r.result())).toList();
        assertThat(unstable).as("the fixture has a few unstable runs").hasSizeGreaterThanOrEqualTo(2);

        assertThat(store.readLast(2, r -> RunResult.UNSTABLE.equals(r.result())))
                .isEqualTo(unstable.subList(unstable.size() - 2, unstable.size()));
    }

    @Test
    public void stringsAreStoredOncePerFileNotOncePerRecord() throws IOException {
        JobStore store = JobStore.open(storeFile());
        for (ProcessMap run : pipelineRuns(1, 30)) {
            store.append(run);
        }
        byte[] bytes = Files.readAllBytes(storeFile());

        assertThat(occurrences(bytes, "Integration tests")).isEqualTo(1);
        assertThat(occurrences(bytes, "mvn -B -ntp verify -Pit")).isEqualTo(1);
        // The label, and the two allocations of it that the work's contexts name (#2 and #4), once each.
        assertThat(occurrences(bytes, "#4 linux && docker")).isEqualTo(1);
        assertThat(occurrences(bytes, "linux && docker")).isEqualTo(3);
    }

    private static int occurrences(byte[] haystack, String needle) {
        byte[] target = needle.getBytes(StandardCharsets.UTF_8);
        int count = 0;
        outer:
        for (int i = 0; i + target.length <= haystack.length; i++) {
            for (int j = 0; j < target.length; j++) {
                if (haystack[i + j] != target[j]) {
                    continue outer;
                }
            }
            count++;
        }
        return count;
    }

    @Test
    public void aStepRecordTakesAtMost64Bytes() throws IOException {
        JobStore store = JobStore.open(storeFile());
        List<ProcessMap> runs = new ArrayList<>();
        for (int number = 1; number <= 200; number++) {
            runs.add(StoreFixtures.wideRun(number, 30, 5));
        }
        store.appendAll(runs);

        StoreStats stats = store.stats();
        assertThat(stats.runs()).isEqualTo(200);
        assertThat(stats.steps()).isGreaterThanOrEqualTo(200 * 30);
        assertThat(stats.bytesPerStepRecord()).isBetween(1.0, 64.0);
        assertThat(stats.fileBytes()).isEqualTo(Files.size(storeFile()));
    }

    @Test
    public void aMissingStoreReadsAsEmptyWithoutCreatingAnything() throws IOException {
        JobStore store = JobStore.open(storeFile());

        assertThat(store.readAll()).isEmpty();
        assertThat(store.runNumbers()).isEmpty();
        assertThat(store.readLast(5)).isEmpty();
        assertThat(store.stats().runs()).isZero();
        assertThat(store.warnings()).isEmpty();
        assertThat(storeFile().getParent()).doesNotExist();
    }

    @Test
    public void rebuildReplacesTheContent() throws IOException {
        JobStore store = JobStore.open(storeFile());
        store.appendAll(pipelineRuns(1, 5));
        List<ProcessMap> other = pipelineRuns(20, 25);

        store.rebuild(other);

        assertThat(JobStore.open(storeFile()).readAll()).isEqualTo(other);
        assertThat(store.readAll()).isEqualTo(other);
    }

    @Test
    public void aFailedRebuildLeavesTheStoreAsItWas() throws IOException {
        JobStore store = JobStore.open(storeFile());
        List<ProcessMap> runs = pipelineRuns(1, 5);
        store.appendAll(runs);
        ProcessMap running = new ProcessMap(6, null, null, StoreFixtures.T0, null, StoreFixtures.T0, 0,
                WaitBreakdown.none(), List.of(), List.of(), List.of(), List.of());
        List<ProcessMap> withRunning = new ArrayList<>(pipelineRuns(1, 3));
        withRunning.add(running);

        assertThatThrownBy(() -> store.rebuild(withRunning)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("#6");
        assertThat(JobStore.open(storeFile()).readAll()).isEqualTo(runs);
        assertThat(storeFile().resolveSibling("value-stream.store.tmp")).doesNotExist();
    }

    @Test
    public void anotherStoreObjectSeesCompactionAndKeepsAppending() throws IOException {
        JobStore first = JobStore.open(storeFile());
        JobStore second = JobStore.open(storeFile());
        first.appendAll(pipelineRuns(1, 5));
        assertThat(second.runNumbers()).containsExactly(1, 2, 3, 4, 5);

        first.remove(1);
        first.compact();
        second.append(StoreFixtures.pipelineRun(6, 1));

        assertThat(first.readAll()).isEqualTo(pipelineRuns(2, 6));
    }

    @Test
    public void aStoreOfAnotherFormatVersionIsReadAsEmptyAndNotWritten() throws IOException {
        Files.createDirectories(storeFile().getParent());
        byte[] header = Frames.header(7);
        header[4] = 2;
        int crc = Frames.plainCrc(header, 0, 16);
        header[16] = (byte) (crc >>> 24);
        header[17] = (byte) (crc >>> 16);
        header[18] = (byte) (crc >>> 8);
        header[19] = (byte) crc;
        Files.write(storeFile(), header);
        JobStore store = JobStore.open(storeFile());

        assertThat(store.readAll()).isEmpty();
        assertThat(store.warnings()).singleElement().asString().contains("format 2");
        assertThatThrownBy(() -> store.append(StoreFixtures.restRun(1))).isInstanceOf(StoreFormatException.class)
                .hasMessageContaining("format 2").hasMessageContaining("Rebuild");
        assertThat(Files.readAllBytes(storeFile())).isEqualTo(header);

        store.rebuild(List.of(StoreFixtures.restRun(1)));
        assertThat(store.readAll()).containsExactly(StoreFixtures.restRun(1));
    }

    @Test
    public void aFileThatIsNotAStoreIsNeitherReadNorOverwrittenByAnAppend() throws IOException {
        Files.createDirectories(storeFile().getParent());
        byte[] text = "<?xml version='1.1' encoding='UTF-8'?>\n<build><number>3</number></build>\n"
                .getBytes(StandardCharsets.UTF_8);
        Files.write(storeFile(), text);
        JobStore store = JobStore.open(storeFile());

        assertThat(store.readAll()).isEmpty();
        assertThat(store.warnings()).isNotEmpty();
        assertThatThrownBy(() -> store.append(StoreFixtures.restRun(1))).isInstanceOf(StoreFormatException.class)
                .hasMessageContaining("not a value stream store");
        assertThat(Files.readAllBytes(storeFile())).isEqualTo(text);
    }

    @Test
    public void aClosedStoreRefusesWork() {
        JobStore store = JobStore.open(storeFile());
        store.close();

        assertThatThrownBy(store::readAll).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    public void skippedAndRetriedStepsKeepTheirResultAndFirstTimeFlag() throws IOException {
        ProcessMap run = null;
        for (int number = 1; run == null; number++) {
            ProcessMap candidate = StoreFixtures.pipelineRun(number, 1);
            boolean skipped = candidate.steps().stream().anyMatch(s -> s.result() == StepResult.SKIPPED);
            boolean reworked = candidate.steps().stream().anyMatch(s -> s.waits().millis(WaitCause.REWORK) > 0);
            if (skipped && reworked) {
                run = candidate;
            }
        }
        JobStore store = JobStore.open(storeFile());
        store.append(run);

        ProcessMap back = store.read(run.number()).orElseThrow();
        assertThat(back.steps()).filteredOn(s -> s.result() == StepResult.SKIPPED).isNotEmpty();
        assertThat(back.steps()).filteredOn(s -> s.waits().millis(WaitCause.REWORK) > 0).isNotEmpty()
                .allSatisfy(s -> assertThat(s.firstTime()).isFalse());
        assertThat(back).isEqualTo(run);
    }

    @Test
    public void statsCountWhatTheStoreHolds() throws IOException {
        JobStore store = JobStore.open(storeFile());
        store.appendAll(List.of(StoreFixtures.restRun(1), StoreFixtures.restRun(2)));

        StoreStats stats = store.stats();
        assertThat(stats.runs()).isEqualTo(2);
        assertThat(stats.steps()).isEqualTo(6);
        assertThat(stats.strings()).isEqualTo(Set.of("FAILURE", "Build", "Deploy", "(outside stages)",
                "The REST API does not show agent waits inside stages",
                "The queue wait is unknown: the run was read without a queue stamp").size());
        assertThat(stats.toString()).contains("2 runs", "6 steps");
    }

    @Test
    public void aStoreDeletedWhileTheJobHasRunsIsRebuiltToTheSameRuns() throws IOException {
        List<ProcessMap> runs = pipelineRuns(1, 30);
        JobStore store = JobStore.open(storeFile());
        store.appendAll(runs);
        assertThat(store.readAll()).isEqualTo(runs);

        Files.delete(storeFile());
        assertThat(store.readAll()).as("a deleted store has no runs").isEmpty();

        // the process maps kept on the runs are the source of the rebuild
        store.rebuild(runs);
        assertThat(store.readAll()).isEqualTo(runs);
        JobStore reopened = JobStore.open(storeFile());
        assertThat(ValueStreamAggregator.aggregate("shop/main", reopened.readAll()))
                .isEqualTo(ValueStreamAggregator.aggregate("shop/main", runs));
        assertThat(reopened.warnings()).isEmpty();
    }
}
