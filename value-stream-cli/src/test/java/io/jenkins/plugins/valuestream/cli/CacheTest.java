package io.jenkins.plugins.valuestream.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.Assume.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.valuestream.cli.ReportCommandTest.Result;
import io.jenkins.plugins.valuestream.cli.cache.RunCache;
import io.jenkins.plugins.valuestream.cli.exit.ExitCode;
import io.jenkins.plugins.valuestream.cli.rest.FakeJenkins;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** {@code --cache}: a second report reads only the runs it has not seen, and gives the same report. */
public class CacheTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private Path cacheHome() {
        return folder.getRoot().toPath().resolve("xdg-cache");
    }

    private Result run(String... args) {
        return ReportCommandTest.run(Map.of("XDG_CACHE_HOME", cacheHome().toString()), args);
    }

    private static Path realHome() {
        String root = System.getProperty("valuestream.realdata");
        Path path = root == null ? null : Path.of(root, "jenkins-home", "saikirangude-backup");
        boolean present = path != null && Files.isDirectory(path);
        if (!present) {
            System.out.println("SKIPPED: no real JENKINS_HOME under " + root);
        }
        assumeTrue("real data present", present);
        return path;
    }

    private static List<Path> stores(Path cache) throws IOException {
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(cache)) {
            return files.filter(f -> f.toString().endsWith(".vsstore")).sorted().toList();
        }
    }

    @Test
    public void aSecondReportOfAJenkinsHomeReadsNothingAndIsTheSame() throws Exception {
        Path home = realHome();
        String job = "Shared-Library-Pipelines/Realtime/Project2/develop";
        Path cache = folder.newFolder("cache").toPath();

        Result first = run("report", "--jenkins-home", home.toString(), "--job", job, "--cache", cache.toString());
        Result second = run("report", "--jenkins-home", home.toString(), "--job", job, "--cache", cache.toString());

        assertThat(first.exitCode()).as(first.err()).isZero();
        int runs = first.json().path("jobs").get(0).path("runs").size();
        assertThat(first.err()).contains(job + ": 0 runs from the cache, " + runs + " read");
        assertThat(second.err()).contains(job + ": " + runs + " runs from the cache, 0 read");
        assertThat(second.json().path("jobs")).isEqualTo(first.json().path("jobs"));
        assertThat(stores(cache)).hasSize(1);
    }

    @Test
    public void aSecondReportFromAServerAsksOnlyForWhatIsNew() throws Exception {
        Path cache = folder.newFolder("cache").toPath();
        try (FakeJenkins jenkins = new FakeJenkins()) {
            String[] args = {"report", "--url", jenkins.url().toString(), "--job", "shop/checkout-service", "--cache",
                    cache.toString()};
            Result first = run(args);
            int asked = jenkins.requests().size();
            Result second = run(args);
            List<String> secondRequests = jenkins.requests().subList(asked, jenkins.requests().size());

            assertThat(second.exitCode()).as(second.err()).isZero();
            assertThat(second.err()).contains("shop/checkout-service: 2 runs from the cache, 1 read");
            assertThat(secondRequests).noneMatch(r -> r.startsWith(FakeJenkins.JOB + "41/"))
                    .noneMatch(r -> r.startsWith(FakeJenkins.JOB + "42/"))
                    .as("the running run and the malformed one are asked for again")
                    .contains(FakeJenkins.JOB + "44/wfapi/describe", FakeJenkins.JOB + "43/wfapi/describe");
            JsonNode before = first.json().path("jobs").get(0);
            JsonNode after = second.json().path("jobs").get(0);
            assertThat(after.path("runs").get(0)).isEqualTo(before.path("runs").get(0));
            assertThat(after.path("runs").get(1)).isEqualTo(before.path("runs").get(1));
            assertThat(after.path("valueStream")).isEqualTo(before.path("valueStream"));
            assertThat(after.path("warnings")).isEqualTo(before.path("warnings"));
        }
    }

    @Test
    public void aDamagedCacheLosesOnlyWhatItCannotReadAndTheReportStaysTheSame() throws Exception {
        Path home = realHome();
        String job = "Shared-Library-Pipelines/Realtime/Project2/develop";
        Path cache = folder.newFolder("cache").toPath();
        Result first = run("report", "--jenkins-home", home.toString(), "--job", job, "--cache", cache.toString());
        Path store = stores(cache).get(0);
        try (RandomAccessFile file = new RandomAccessFile(store.toFile(), "rw")) {
            file.setLength(file.length() * 2 / 3);
        }

        Result second = run("report", "--jenkins-home", home.toString(), "--job", job, "--cache", cache.toString());

        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.json().path("jobs")).isEqualTo(first.json().path("jobs"));
        assertThat(second.err()).containsPattern(job + ": \\d+ runs from the cache, [1-9]\\d* read");
    }

    @Test
    public void theDefaultCacheIsUnderXdgCacheHomeAndNoCacheWritesNothing() throws Exception {
        try (FakeJenkins jenkins = new FakeJenkins()) {
            Result none = run("report", "--url", jenkins.url().toString(), "--job", "shop/checkout-service",
                    "--no-cache");
            assertThat(none.exitCode()).isZero();
            assertThat(none.err()).doesNotContain("from the cache");
            assertThat(stores(cacheHome())).isEmpty();

            Result cached = run("report", "--url", jenkins.url().toString(), "--job", "shop/checkout-service");
            assertThat(cached.exitCode()).isZero();
            assertThat(stores(cacheHome())).singleElement().satisfies(store -> assertThat(store)
                    .startsWithRaw(cacheHome().resolve("value-stream")));
        }
    }

    @Test
    public void aCacheThatCannotBeWrittenIsSaidAndTheReportStillMade() throws Exception {
        Path notAFolder = folder.newFile("cache-is-a-file").toPath();
        try (FakeJenkins jenkins = new FakeJenkins()) {
            Result result = run("report", "--url", jenkins.url().toString(), "--job", "shop/checkout-service",
                    "--cache", notAFolder.toString());

            assertThat(result.exitCode()).isZero();
            assertThat(result.err()).contains("warning: cache ").contains("cannot be written");
            assertThat(result.json().path("jobs").get(0).path("runs")).hasSize(3);
        }
    }

    @Test
    public void cacheAndNoCacheTogetherAreAUsageError() {
        Result result = run("report", "--demo", "--cache", "x", "--no-cache");

        assertThat(result.exitCode()).isEqualTo(ExitCode.NO_DATA);
        assertThat(result.err()).contains("mutually exclusive");
    }

    @Test
    public void theDefaultFolderFollowsThePlatform() {
        assertThat(RunCache.defaultFolder(Map.of("XDG_CACHE_HOME", "/var/cache/me"), "/home/me", "Linux"))
                .isEqualTo(Path.of("/var/cache/me/value-stream"));
        assertThat(RunCache.defaultFolder(Map.of("XDG_CACHE_HOME", "relative"), "/home/me", "Linux"))
                .isEqualTo(Path.of("/home/me/.cache/value-stream"));
        assertThat(RunCache.defaultFolder(Map.of(), "/home/me", "Linux"))
                .isEqualTo(Path.of("/home/me/.cache/value-stream"));
        assertThat(RunCache.defaultFolder(Map.of("LOCALAPPDATA", "C:\\Users\\me\\AppData\\Local"), "C:\\Users\\me",
                "Windows 11").toString()).contains("value-stream");
    }

    @Test
    public void sourcesAndJobsGetTheirOwnStores() {
        RunCache cache = new RunCache(Path.of("/cache"), line -> { });

        Path a = cache.storeFile("rest:https://ci.example.com/", "team/app");
        Path b = cache.storeFile("rest:https://ci.example.com/", "team/app2");
        Path c = cache.storeFile("rest:https://other.example.com/", "team/app");
        Path hostile = cache.storeFile("home:/x", "../../etc/passwd");

        assertThat(List.of(a, b, c)).doesNotHaveDuplicates();
        assertThat(a.getParent()).isEqualTo(b.getParent()).isNotEqualTo(c.getParent());
        assertThat(hostile.normalize()).startsWithRaw(Path.of("/cache"));
        assertThat(hostile.getFileName().toString()).doesNotContain("/").endsWith(".vsstore");
    }
}
