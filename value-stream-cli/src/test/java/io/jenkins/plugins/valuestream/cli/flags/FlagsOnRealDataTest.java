package io.jenkins.plugins.valuestream.cli.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.Assume.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.valuestream.cli.rest.RealWfapiAnswersTest;
import io.jenkins.plugins.valuestream.cli.rest.WfapiGraphSynthesizer;
import io.jenkins.plugins.valuestream.cli.rest.WfapiParser;
import io.jenkins.plugins.valuestream.cli.rest.WfapiRun;
import io.jenkins.plugins.valuestream.cli.source.DiskSource;
import io.jenkins.plugins.valuestream.cli.source.JobListing;
import io.jenkins.plugins.valuestream.cli.source.JobRuns;
import io.jenkins.plugins.valuestream.cli.source.RunExtraction;
import io.jenkins.plugins.valuestream.cli.source.SourceRun;
import io.jenkins.plugins.valuestream.flags.DetectorSettings;
import io.jenkins.plugins.valuestream.flags.Detectors;
import io.jenkins.plugins.valuestream.flags.Flag;
import io.jenkins.plugins.valuestream.flags.FlagKind;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.time.Durations;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The flags on every real run of {@code ../shared/realdata} (its JENKINS_HOMEs and the ci.jenkins.io Stage View
 * answer), each run flagged against the runs of its job before it, as the report does: no flag below its floor or
 * above its run's lead time, no duplicate work among ci.jenkins.io's JDK matrix, no slow flag on a run without an
 * end. Prints the census that docs/flags.md gives. Skipped when the folder is absent.
 */
public class FlagsOnRealDataTest {
    private static final DetectorSettings SETTINGS = DetectorSettings.defaults();
    private static Path realData;
    private static final List<Flagged> FLAGGED = new ArrayList<>();

    /** A run of a real job and its flags. */
    record Flagged(String where, ProcessMap run, List<Flag> flags) {
    }

    @BeforeClass
    public static void flagEveryRealRun() throws Exception {
        String root = System.getProperty("valuestream.realdata");
        realData = root == null ? null : Path.of(root);
        boolean present = realData != null && Files.isDirectory(realData.resolve("jenkins-home"));
        if (!present) {
            System.out.println("SKIPPED FlagsOnRealDataTest: no real data at " + realData
                    + " (set -Dvaluestream.realdata)");
        }
        assumeTrue("real data present", present);
        if (!FLAGGED.isEmpty()) {
            return;
        }
        try (Stream<Path> homes = Files.list(realData.resolve("jenkins-home"))) {
            for (Path home : homes.filter(Files::isDirectory).sorted().toList()) {
                flagHome(home);
            }
        }
        flagCiJenkinsRun();
        flagOtherStageViewAnswers();
        printCensus();
    }

    private static void flagHome(Path folder) throws Exception {
        Path home = Files.isDirectory(folder.resolve("jobs")) ? folder : firstFolderWithJobs(folder);
        if (home == null) {
            return;
        }
        DiskSource source = DiskSource.jenkinsHome(home, null, line -> { });
        for (JobListing job : source.list()) {
            JobRuns read = source.read(job, Set.of());
            List<ProcessMap> maps = new ArrayList<>();
            for (SourceRun run : read.runs()) {
                maps.add(RunExtraction.processMap(run, source.now()));
            }
            for (ProcessMap map : maps) {
                FLAGGED.add(new Flagged(folder.getFileName() + " " + job.name(), map,
                        Detectors.flag(map, maps, SETTINGS)));
            }
        }
    }

    private static Path firstFolderWithJobs(Path folder) throws Exception {
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(c -> Files.isDirectory(c.resolve("jobs"))).findFirst().orElse(null);
        }
    }

    private static void flagCiJenkinsRun() throws Exception {
        Path file = realData.resolve("wfapi/janfaracik-stageview-cijenkins/wfapi_runs_core-jenkins-master-5198.json");
        if (!Files.isRegularFile(file)) {
            return;
        }
        JsonNode answer = WfapiParser.tree(Files.readString(file, StandardCharsets.UTF_8), "capture").get(0);
        ProcessMap map = RunExtraction.processMap(WfapiGraphSynthesizer.synthesize(RealWfapiAnswersTest.withEmbeddedNodes(answer), 5198),
                0);
        FLAGGED.add(new Flagged("ci.jenkins.io Core/jenkins/master", map, Detectors.flag(map, List.of(), SETTINGS)));
    }

    /** Every other run answer of the Stage View captures, each a run of its own (they hold no job history). */
    private static void flagOtherStageViewAnswers() throws Exception {
        int number = 0;
        for (RealWfapiAnswersTest.RunAnswer answer : RealWfapiAnswersTest.runAnswers(realData.resolve("wfapi"))) {
            if (answer.file().getFileName().toString().contains("5198") || !answer.run().has("stages")) {
                continue;
            }
            WfapiRun run = RealWfapiAnswersTest.withEmbeddedNodes(answer.run());
            // A run in progress when captured is measured a day after its start, as if read then.
            ProcessMap map = RunExtraction.processMap(WfapiGraphSynthesizer.synthesize(run, ++number),
                    run.startTimeMillis() + 86_400_000L);
            FLAGGED.add(new Flagged("stage view " + answer.file().getParent().getFileName(), map,
                    Detectors.flag(map, List.of(), SETTINGS)));
        }
    }

    private static void printCensus() {
        Map<FlagKind, List<Long>> costs = new EnumMap<>(FlagKind.class);
        List<Flagged> each = new ArrayList<>();
        for (Flagged run : FLAGGED) {
            for (Flag flag : run.flags()) {
                costs.computeIfAbsent(flag.kind(), k -> new ArrayList<>()).add(flag.costMillis());
                each.add(new Flagged(run.where(), run.run(), List.of(flag)));
            }
        }
        System.out.println("Flags on real data: " + FLAGGED.size() + " runs, " + each.size() + " flags");
        FLAGGED.stream().filter(f -> f.where().startsWith("ci.jenkins.io")).forEach(ci -> System.out.println(
                "  ci.jenkins.io #5198: " + ci.flags().stream().map(f -> f.kind() + " " + Durations.format(
                        f.costMillis())).toList()));
        for (Map.Entry<FlagKind, List<Long>> kind : costs.entrySet()) {
            List<Long> sorted = kind.getValue().stream().sorted().toList();
            System.out.println("  " + kind.getKey() + ": " + sorted.size() + " flags, cost min "
                    + Durations.format(sorted.get(0)) + ", median " + Durations.format(sorted.get(sorted.size() / 2))
                    + ", max " + Durations.format(sorted.get(sorted.size() - 1)));
        }
        each.sort(Comparator.comparingLong((Flagged f) -> f.flags().get(0).costMillis()).reversed());
        for (Flagged flagged : each.subList(0, Math.min(10, each.size()))) {
            Flag flag = flagged.flags().get(0);
            System.out.println("  costliest: " + flagged.where() + " #" + flagged.run().number() + " lead "
                    + Durations.format(flagged.run().leadTimeMillis()) + ": " + flag.kind() + " "
                    + Durations.format(flag.costMillis()) + " " + flag.message() + " | " + flag.evidence());
        }
    }

    @Test
    public void noFlagCostsLessThanItsFloorOrMoreThanItsRunsLeadTime() {
        for (Flagged flagged : FLAGGED) {
            long lead = flagged.run().leadTimeMillis();
            for (Flag flag : flagged.flags()) {
                assertThat(flag.costMillis()).as(flagged.where() + " #" + flagged.run().number() + " " + flag)
                        .isGreaterThanOrEqualTo(SETTINGS.floorMillis(flag.kind(), lead))
                        .isLessThanOrEqualTo(lead);
            }
        }
    }

    @Test
    public void noSubSecondStepIsFlaggedAsANoOp() {
        // 167 of the 220 flags on these runs were no-op flags on 250-370 ms post sections before the window floor.
        assertThat(FLAGGED).flatExtracting(Flagged::flags)
                .filteredOn(flag -> flag.kind() == FlagKind.NO_OP)
                .allSatisfy(flag -> assertThat(flag.costMillis()).isGreaterThanOrEqualTo(1_000));
    }

    @Test
    public void theCiJenkinsMatrixBranchesAreNotDuplicateWork() {
        Flagged ci = FLAGGED.stream().filter(f -> f.where().startsWith("ci.jenkins.io")).findFirst().orElse(null);
        assumeTrue("ci.jenkins.io capture present", ci != null);

        assertThat(ci.flags()).extracting(Flag::kind)
                .doesNotContain(FlagKind.DUPLICATE_WORK, FlagKind.SETUP_ON_EACH_AGENT);
    }

    @Test
    public void noUnfinishedRunGetsASlowFlag() {
        List<Flagged> unfinished = FLAGGED.stream().filter(f -> f.run().running()).toList();

        assertThat(unfinished).as("the real data holds runs whose end was never recorded").isNotEmpty();
        assertThat(unfinished).flatExtracting(Flagged::flags).extracting(Flag::kind)
                .doesNotContain(FlagKind.SLOW_PROCESS, FlagKind.SLOW_WAIT);
    }

    @Test
    public void anUnfinishedRunReadFromFilesEndsAtItsLastActivity() {
        // Measured against "now", a run whose controller stopped years ago would have a lead time of years.
        assertThat(FLAGGED).filteredOn(f -> f.run().running() && !f.where().startsWith("stage view"))
                .allSatisfy(f -> assertThat(f.run().leadTimeMillis()).as(f.where() + " #" + f.run().number())
                        .isLessThan(30L * 86_400_000L));
    }

    @Test
    public void everyFlagSaysWhatToDo() {
        assertThat(FLAGGED).flatExtracting(Flagged::flags)
                .allSatisfy(flag -> assertThat(flag.remedy()).as(flag.message()).isNotBlank());
    }
}
