package io.jenkins.plugins.valuestream.graph.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** A build folder can hold anything: no file may make the reader fetch or include other files. */
public class XmlSafetyTest {
    private static final String SECRET = "s3cr3t-from-another-file";

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private final BuildFolderReader reader = new BuildFolderReader();
    private Path home;
    private Path secret;

    @Before
    public void prepare() throws IOException {
        home = FixtureHome.copy(temp);
        secret = temp.newFile("secret.txt").toPath();
        FixtureHome.write(secret, SECRET);
    }

    @Test
    public void anExternalEntityInAFlowNodeIsNotResolved() throws IOException {
        Path file = home.resolve("jobs/shop/builds/1/workflow/4.xml");
        FixtureHome.replace(file, "<Tag ", "<!DOCTYPE Tag [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n<Tag ");
        FixtureHome.replace(file, "<displayName>Build</displayName>", "<displayName>&xxe;</displayName>");

        ReadReport report = reader.readRun("shop", home.resolve("jobs/shop/builds/1"));

        assertThat(report.runs()).isEmpty();
        assertThat(report.skipped()).singleElement().satisfies(skipped -> assertThat(skipped.reason())
                .startsWith("workflow/4.xml: ").contains("xxe").doesNotContain(SECRET));
    }

    @Test
    public void anExternalEntityInBuildXmlIsNotResolved() throws IOException {
        Path file = home.resolve("jobs/shop/builds/3/build.xml");
        FixtureHome.replace(file, "<flow-build ",
                "<!DOCTYPE flow-build [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n<flow-build ");
        FixtureHome.replace(file, "<result>FAILURE</result>\n  <duration>", "<result>&xxe;</result>\n  <duration>");

        ReadReport report = reader.readBuilds("shop", home.resolve("jobs/shop/builds"));

        assertThat(report.runs()).extracting(RunRecord::number).containsExactly(1, 2);
        assertThat(report.runs()).allSatisfy(run -> assertThat(String.valueOf(run.info())).doesNotContain(SECRET));
        assertThat(report.skipped()).singleElement()
                .satisfies(skipped -> assertThat(skipped.reason()).startsWith("build.xml: ").doesNotContain(SECRET));
    }

    @Test
    public void anExternalDtdIsNotLoaded() throws IOException {
        // Were the DTD read, it would declare &secret; as the other file's content.
        Path dtd = temp.newFile("evil.dtd").toPath();
        FixtureHome.write(dtd, "<!ENTITY secret SYSTEM \"" + secret.toUri() + "\">");
        Path file = home.resolve("jobs/shop/builds/1/workflow/4.xml");
        FixtureHome.replace(file, "<Tag ", "<!DOCTYPE Tag SYSTEM \"" + dtd.toUri() + "\">\n<Tag ");
        FixtureHome.replace(file, "<displayName>Build</displayName>", "<displayName>&secret;</displayName>");

        ReadReport report = reader.readRun("shop", home.resolve("jobs/shop/builds/1"));

        assertThat(report.runs()).isEmpty();
        assertThat(report.skipped()).singleElement()
                .satisfies(skipped -> assertThat(skipped.reason()).contains("secret").doesNotContain(SECRET));
    }

    @Test
    public void aDocumentTypeDeclarationWithoutEntitiesDoesNotStopTheRun() throws IOException {
        Path file = home.resolve("jobs/shop/builds/1/workflow/4.xml");
        FixtureHome.replace(file, "<Tag ", "<!DOCTYPE Tag SYSTEM \"http://127.0.0.1:9/tag.dtd\">\n<Tag ");

        ReadReport report = reader.readRun("shop", home.resolve("jobs/shop/builds/1"));

        assertThat(report.skipped()).isEmpty();
        assertThat(FixtureHome.node(report.runs().get(0), "4").label()).isEqualTo("Build");
    }
}
