package io.jenkins.plugins.valuestream.graph.xml;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.valuestream.graph.Change;
import io.jenkins.plugins.valuestream.testing.RealData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The changes of a run: the checkouts build.xml lists, their changelogs found in the run's own folder. */
public class ChangesReadingTest {
    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private final BuildFolderReader reader = new BuildFolderReader();
    private Path home;
    private Path run;

    @Before
    public void copyHome() throws IOException {
        home = FixtureHome.copy(temp);
        run = home.resolve("jobs/shop/builds/1");
    }

    /** A git checkout as workflow-job writes it, its changelog at a path of the controller that wrote it. */
    private static String checkout(String changelog) {
        return "    <org.jenkinsci.plugins.workflow.job.WorkflowRun_-SCMCheckout>\n"
                + "      <scm class=\"hudson.plugins.git.GitSCM\" plugin=\"git@5.6.0\">\n"
                + "        <configVersion>2</configVersion>\n"
                + "        <userRemoteConfigs><hudson.plugins.git.UserRemoteConfig>"
                + "<url>https://git.example.com/shop.git</url></hudson.plugins.git.UserRemoteConfig>"
                + "</userRemoteConfigs>\n"
                + "      </scm>\n"
                + "      <node></node>\n"
                + "      <workspace>/var/jenkins_home/workspace/shop</workspace>\n"
                + (changelog.isEmpty() ? "" : "      <changelogFile>" + changelog + "</changelogFile>\n")
                + "    </org.jenkinsci.plugins.workflow.job.WorkflowRun_-SCMCheckout>\n";
    }

    private void checkouts(String... checkouts) throws IOException {
        FixtureHome.replace(run.resolve("build.xml"), "<checkouts class=\"hudson.util.PersistedList\"/>",
                "<checkouts class=\"hudson.util.PersistedList\">\n" + String.join("", checkouts) + "  </checkouts>");
    }

    private void changelog(String fixture, String asName) throws IOException {
        try (InputStream in = ChangesReadingTest.class.getResourceAsStream("changelogs/" + fixture)) {
            Files.copy(Objects.requireNonNull(in, fixture), run.resolve(asName));
        }
    }

    private RunRecord shopRun() {
        ReadReport report = reader.readRun("shop", run);
        assertThat(report.skipped()).isEmpty();
        return report.runs().get(0);
    }

    @Test
    public void aRunThatCheckedNothingOutBuiltNoChange() {
        assertThat(shopRun().info().changes()).isEmpty();
    }

    @Test
    public void aBuildXmlThatKeepsNoCheckoutsLeavesTheChangesUnknown() throws IOException {
        FixtureHome.replace(run.resolve("build.xml"), "<checkouts class=\"hudson.util.PersistedList\"/>", "");

        assertThat(shopRun().info().changes()).isNull();
    }

    @Test
    public void theChangelogIsFoundByItsFileNameInTheRunsOwnFolder() throws IOException {
        checkouts(checkout("/var/jenkins_home/jobs/shop/builds/1/changelog4483999990794536.xml"));
        changelog("git-three-commits.txt", "changelog4483999990794536.xml");

        RunRecord read = shopRun();

        assertThat(read.info().changes()).extracting(Change::id).containsExactly(
                "9f4c2a1e7b3d5f60812c4e9a0b7d6c5e4f3a2b1c", "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d",
                "0f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6");
        assertThat(read.warnings()).isEmpty();
    }

    @Test
    public void aWindowsControllersPathIsResolvedByItsFileNameToo() throws IOException {
        checkouts(checkout("C:\\ProgramData\\Jenkins\\.jenkins\\jobs\\shop\\builds\\1\\changelog77.xml"));
        changelog("git-merge.txt", "changelog77.xml");

        assertThat(shopRun().info().changes()).hasSize(2);
    }

    @Test
    public void theChangesOfSeveralCheckoutsAddUpEachCommitOnce() throws IOException {
        checkouts(checkout("/var/jenkins_home/jobs/shop/builds/1/changelog1.xml"),
                checkout("/var/jenkins_home/jobs/shop/builds/1/changelog2.xml"));
        changelog("git-three-commits.txt", "changelog1.xml");
        changelog("git-merge.txt", "changelog2.xml");

        assertThat(shopRun().info().changes()).hasSize(5);
    }

    @Test
    public void aCheckoutWithoutAChangelogAddsNothing() throws IOException {
        checkouts(checkout(""), checkout("/var/jenkins_home/jobs/shop/builds/1/changelog2.xml"));
        changelog("git-merge.txt", "changelog2.xml");

        assertThat(shopRun().info().changes()).hasSize(2);
    }

    @Test
    public void aMissingChangelogLeavesTheChangesUnknownAndTheRunRead() throws IOException {
        checkouts(checkout("/var/jenkins_home/jobs/shop/builds/1/changelog9.xml"));

        RunRecord read = shopRun();

        assertThat(read.info().changes()).isNull();
        assertThat(read.graph()).isNotNull();
    }

    @Test
    public void aMalformedChangelogLeavesTheChangesUnknownWithAWarningAndTheRunRead() throws IOException {
        checkouts(checkout("/var/jenkins_home/jobs/shop/builds/1/changelog5.xml"));
        changelog("git-malformed.txt", "changelog5.xml");

        RunRecord read = shopRun();

        assertThat(read.info().changes()).isNull();
        assertThat(read.graph()).isNotNull();
        assertThat(read.warnings()).singleElement().asString().startsWith("changelog changelog5.xml line 12:");
    }

    @Test
    public void aSubversionChangelogIsSkippedWithTheWarningNamingItsFormat() throws IOException {
        checkouts(checkout("/var/jenkins_home/jobs/shop/builds/1/changelog6.xml"));
        changelog("svn.xml", "changelog6.xml");

        RunRecord read = shopRun();

        assertThat(read.info().changes()).isNull();
        assertThat(read.warnings()).singleElement().asString().contains("Subversion");
    }

    @Test
    public void realBuildXmlNamesChangelogsThatTheCopiedHomeLacks() {
        Path realData = RealData.folderOrSkip();
        Path real = realData.resolve("jenkins-home/grogu27/jenkins_home/jobs/rgr/builds/39");
        org.junit.Assume.assumeTrue("no run rgr #39 in the real data", Files.isDirectory(real));

        ReadReport report = reader.readRun("rgr", real);

        assertThat(report.runs()).singleElement().satisfies(record -> {
            assertThat(record.info().changes()).as("the changelog was not copied").isNull();
            assertThat(record.graph()).isNotNull();
        });
    }
}
