package io.jenkins.plugins.valuestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.valuestream.cli.ReportCommandTest.Result;
import io.jenkins.plugins.valuestream.cli.exit.ExitCode;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** {@code --jenkins-url}: a report read from disk links back to the Jenkins the home belongs to. */
public class JenkinsUrlTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    /** A home with the job {@code shop} (run 1) and the multibranch branch {@code feature/x} of {@code mobile}. */
    private static Path home() throws URISyntaxException {
        return Path.of(JenkinsUrlTest.class.getResource("/jenkins-url-home").toURI());
    }

    private Result run(String... args) {
        return ReportCommandTest.run(Map.of("XDG_CACHE_HOME", folder.getRoot().toPath().resolve("cache").toString()),
                args);
    }

    @Test
    public void thePageLinksToTheRunsOfTheGivenJenkins() throws Exception {
        Result result = run("report", "--jenkins-home", home().toString(), "--job", "shop", "--format", "html",
                "--jenkins-url", "https://ci.example.com/jenkins");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("href=\"https://ci.example.com/jenkins/job/shop/1/\"")
                .contains("href=\"https://ci.example.com/jenkins/job/shop/1/console\"");
    }

    @Test
    public void aBranchLinksByItsJenkinsNameNotItsFolder() throws Exception {
        Result result = run("report", "--jenkins-home", home().toString(), "--format", "html",
                "--jenkins-url", "https://ci.example.com/");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("href=\"https://ci.example.com/job/mobile/job/feature%252Fx/1/\"")
                .doesNotContain("job/feature-x.k2h5b1/");
    }

    @Test
    public void withoutItThePageHasNoLinksToJenkins() throws Exception {
        Result result = run("report", "--jenkins-home", home().toString(), "--job", "shop", "--format", "html");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).doesNotContain("/job/shop/1/console");
    }

    @Test
    public void aServerLinksToItselfSoTheOptionIsRefusedWithUrl() {
        Result result = run("report", "--url", "https://ci.example.com/", "--job", "shop", "--jenkins-url",
                "https://other.example.com/");

        assertThat(result.exitCode()).isEqualTo(ExitCode.NO_DATA);
        assertThat(result.err()).startsWith("value-stream: --jenkins-url is for --jenkins-home or --builds-dir:"
                + " --url links to its own server");
    }

    @Test
    public void somethingThatIsNoUrlIsRefusedBeforeAnyRunIsRead() throws Exception {
        Result result = run("report", "--jenkins-home", home().toString(), "--jenkins-url", "ci.example.com");

        assertThat(result.exitCode()).isEqualTo(ExitCode.NO_DATA);
        assertThat(result.err()).startsWith("value-stream: --jenkins-url: A Jenkins URL starts with http:// or"
                + " https://, not 'ci.example.com'");
    }
}
