package io.jenkins.plugins.valuestream.graph.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Finding jobs and run folders in a JENKINS_HOME, and what happens to folders that are not readable runs. */
public class BuildFolderReaderTest {
    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private final BuildFolderReader reader = new BuildFolderReader();
    private Path home;

    @Before
    public void copyHome() throws IOException {
        home = FixtureHome.copy(temp);
    }

    @Test
    public void readsThePipelineJobsOfAHomeByFullNameIncludingFoldersAndBranches() {
        ReadReport report = reader.readJenkinsHome(home);

        assertThat(report.jobs()).containsExactly("legacy", "mobile/main", "shop", "team/api");
        assertThat(report.skipped()).isEmpty();
    }

    @Test
    public void leavesBuildsOfOtherJobTypesOutWithoutAWarning() {
        ReadReport report = reader.readJenkinsHome(home);

        assertThat(report.otherBuilds()).isEqualTo(1);
        assertThat(report.runs()).noneMatch(run -> run.job().equals("freestyle"));
        assertThat(report.skipped()).isEmpty();
    }

    @Test
    public void findsJobsOfEveryKindWithTheirBuildsFolders() {
        assertThat(BuildFolderReader.findJobs(home)).containsOnlyKeys("freestyle", "legacy", "mobile/main", "shop",
                "team/api");
        assertThat(BuildFolderReader.findJobs(home).get("team/api"))
                .isEqualTo(home.resolve("jobs/team/jobs/api/builds"));
    }

    @Test
    public void runsOfAJobComeInBuildNumberOrder() throws IOException {
        copyRun("shop", "2", "10");

        List<Integer> numbers = reader.readBuilds("shop", home.resolve("jobs/shop/builds")).runs().stream()
                .map(RunRecord::number).toList();

        assertThat(numbers).containsExactly(1, 2, 3, 10);
    }

    @Test
    public void aListenerReceivesTheRunsOfAJobInBuildNumberOrder() throws IOException {
        copyRun("shop", "2", "10");
        List<Integer> numbers = new ArrayList<>();

        reader.readBuilds("shop", home.resolve("jobs/shop/builds"), new ReadListener() {
            @Override
            public void run(RunRecord run) {
                numbers.add(run.number());
            }

            @Override
            public void skipped(SkippedRun skipped) {
                throw new AssertionError(skipped.message());
            }
        });

        assertThat(numbers).containsExactly(1, 2, 3, 10);
    }

    @Test
    public void symbolicLinksBesideTheRunFoldersAreNotReadAgain() throws IOException {
        Path builds = home.resolve("jobs/legacy/builds");
        Files.createSymbolicLink(builds.resolve("3"), builds.resolve("2017-01-09_09-19-54"));
        Files.createSymbolicLink(builds.resolve("lastSuccessfulBuild"), builds.resolve("2017-01-09_09-19-54"));

        ReadReport report = reader.readBuilds("legacy", builds);

        assertThat(report.runs()).singleElement()
                .satisfies(run -> assertThat(run.folder().getFileName().toString()).isEqualTo("2017-01-09_09-19-54"));
    }

    @Test
    public void aRunFolderNamedByDateTakesItsNumberFromBuildXml() {
        ReadReport report = reader.readBuilds("legacy", home.resolve("jobs/legacy/builds"));

        assertThat(report.runs()).singleElement().satisfies(run -> {
            assertThat(run.number()).isEqualTo(3);
            assertThat(run.warnings()).isEmpty();
        });
    }

    @Test
    public void aTruncatedFlowNodeFileSkipsOnlyItsRunNamingTheFile() throws IOException {
        Path file = home.resolve("jobs/shop/builds/1/workflow/8.xml");
        String text = FixtureHome.read(file);
        FixtureHome.write(file, text.substring(0, text.indexOf("<wf.a.TimingAction")));

        ReadReport report = reader.readBuilds("shop", home.resolve("jobs/shop/builds"));

        assertThat(report.runs()).extracting(RunRecord::number).containsExactly(2, 3);
        assertThat(report.skipped()).singleElement().satisfies(skipped -> {
            assertThat(skipped.folder()).isEqualTo(home.resolve("jobs/shop/builds/1"));
            assertThat(skipped.reason()).startsWith("workflow/8.xml: ").contains("line");
        });
    }

    @Test
    public void aFlowNodeFileThatIsNotUtf8SkipsItsRunAndPrintsNothing() throws IOException {
        Path file = home.resolve("jobs/shop/builds/1/workflow/8.xml");
        byte[] text = Files.readAllBytes(file);
        byte[] broken = Arrays.copyOf(text, text.length + 2);
        // A lead byte of a two-byte sequence followed by a byte that cannot continue it.
        broken[text.length] = (byte) 0xC3;
        broken[text.length + 1] = (byte) 0x28;
        Files.write(file, broken);
        PrintStream standardError = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ReadReport report;
        System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            report = reader.readBuilds("shop", home.resolve("jobs/shop/builds"));
        } finally {
            System.setErr(standardError);
        }

        assertThat(report.runs()).extracting(RunRecord::number).containsExactly(2, 3);
        assertThat(report.skipped()).singleElement().satisfies(skipped -> assertThat(skipped.reason())
                .isEqualTo("workflow/8.xml: not UTF-8 text (a malformed byte sequence)"));
        assertThat(printed.toString(StandardCharsets.UTF_8)).as("standard error").isEmpty();
    }

    @Test
    public void aCorruptBulkStoreSkipsOnlyItsRun() throws IOException {
        FixtureHome.replace(home.resolve("jobs/team/jobs/api/builds/7/workflow-completed/flowNodeStore.xml"),
                "<string>npm test</string>", "<string>npm test</strin>");

        ReadReport report = reader.readJenkinsHome(home);

        assertThat(report.jobs()).containsExactly("legacy", "mobile/main", "shop");
        assertThat(report.skipped()).singleElement().satisfies(skipped -> {
            assertThat(skipped.job()).isEqualTo("team/api");
            assertThat(skipped.reason()).startsWith("workflow-completed/flowNodeStore.xml: line ");
        });
    }

    @Test
    public void aMalformedBuildXmlSkipsItsRunNamingBuildXml() throws IOException {
        FixtureHome.replace(home.resolve("jobs/shop/builds/3/build.xml"), "<duration>12000</duration>",
                "<duration>12000</durat>");

        ReadReport report = reader.readBuilds("shop", home.resolve("jobs/shop/builds"));

        assertThat(report.runs()).extracting(RunRecord::number).containsExactly(1, 2);
        assertThat(report.skipped()).singleElement()
                .satisfies(skipped -> assertThat(skipped.reason()).startsWith("build.xml: line "));
    }

    @Test
    public void aValueOfTheWrongFormSkipsItsRunSayingWhichValue() throws IOException {
        FixtureHome.replace(home.resolve("jobs/shop/builds/3/workflow/4.xml"), "<startTime>1718200000500",
                "<startTime>yesterday");

        ReadReport report = reader.readBuilds("shop", home.resolve("jobs/shop/builds"));

        assertThat(report.skipped()).singleElement().satisfies(skipped -> assertThat(skipped.reason())
                .isEqualTo("workflow/4.xml: TimingAction startTime 'yesterday' is not a whole number"));
    }

    @Test
    public void aRunFolderWithoutBuildXmlIsSkippedSaidSo() throws IOException {
        Files.delete(home.resolve("jobs/shop/builds/2/build.xml"));

        ReadReport report = reader.readBuilds("shop", home.resolve("jobs/shop/builds"));

        assertThat(report.runs()).extracting(RunRecord::number).containsExactly(1, 3);
        assertThat(report.skipped()).singleElement().satisfies(skipped -> assertThat(skipped.message())
                .isEqualTo("shop 2: build.xml: not found; every run folder holds one"));
    }

    @Test
    public void aBuildsFolderThatDoesNotExistIsAnErrorNamingIt() {
        Path missing = home.resolve("jobs/nothing/builds");

        assertThatThrownBy(() -> reader.readBuilds("nothing", missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("<number>/build.xml");
    }

    @Test
    public void aFolderWithoutJobsIsNotTakenForAJenkinsHome() {
        Path notAHome = home.resolve("jobs/shop");

        assertThatThrownBy(() -> reader.readJenkinsHome(notAHome))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No jobs folder in " + notAHome)
                .hasMessageContaining("JENKINS_HOME");
    }

    private void copyRun(String job, String from, String to) throws IOException {
        Path builds = home.resolve("jobs").resolve(job).resolve("builds");
        try (var files = Files.walk(builds.resolve(from))) {
            for (Path file : files.toList()) {
                Path copy = builds.resolve(to).resolve(builds.resolve(from).relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
    }
}
