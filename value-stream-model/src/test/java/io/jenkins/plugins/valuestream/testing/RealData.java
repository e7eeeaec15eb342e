package io.jenkins.plugins.valuestream.testing;

import io.jenkins.plugins.valuestream.graph.xml.BuildFolderReader;
import io.jenkins.plugins.valuestream.graph.xml.ReadReport;
import io.jenkins.plugins.valuestream.graph.xml.RunRecord;
import io.jenkins.plugins.valuestream.graph.xml.SkippedRun;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.ProcessMapExtractor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.Assume;

/**
 * The real Jenkins data that tests may read ({@code ../shared/realdata}, passed by surefire as the system property
 * {@code valuestream.realdata}). Tests that need it skip, with the reason printed, where it is absent.
 */
public final class RealData {
    private RealData() {
    }

    /** The real-data folder, or an assumption failure (the test is skipped) with a printed reason. */
    public static Path folderOrSkip() {
        String property = System.getProperty("valuestream.realdata");
        Path folder = property == null ? null : Paths.get(property);
        if (folder == null || !Files.isDirectory(folder.resolve("jenkins-home"))) {
            String reason = "Real data not found (system property valuestream.realdata = " + property
                    + "); skipping the tests over real Jenkins build folders";
            System.out.println(reason);
            Assume.assumeTrue(reason, false);
        }
        return folder;
    }

    /** Every JENKINS_HOME (a folder with {@code jobs/}, not itself inside a {@code jobs/} tree) below the parts. */
    public static List<Path> jenkinsHomes(Path realData, String... parts) throws IOException {
        List<Path> homes = new ArrayList<>();
        for (String part : parts) {
            Path root = realData.resolve(part);
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> folders = Files.walk(root)) {
                folders.filter(Files::isDirectory)
                        .filter(folder -> Files.isDirectory(folder.resolve("jobs")))
                        .filter(folder -> Stream.iterate(root.relativize(folder), Path::getParent)
                                .takeWhile(path -> path != null)
                                .noneMatch(path -> path.getFileName() != null
                                        && path.getFileName().toString().equals("jobs")))
                        .sorted()
                        .forEach(homes::add);
            }
        }
        return homes;
    }

    /**
     * Every Pipeline run of the JENKINS_HOMEs the real data holds (its {@code jenkins-home} and
     * {@code plugin-fixtures}), in reading order; the run folders the reader skipped go to {@code skipped}.
     */
    public static List<RunRecord> pipelineRuns(Path realData, List<SkippedRun> skipped) throws IOException {
        List<RunRecord> runs = new ArrayList<>();
        BuildFolderReader reader = new BuildFolderReader();
        for (Path home : jenkinsHomes(realData, "jenkins-home", "plugin-fixtures")) {
            ReadReport report = reader.readJenkinsHome(home);
            runs.addAll(report.runs());
            skipped.addAll(report.skipped());
        }
        return runs;
    }

    private static Map<String, ProcessMap> processMaps;

    /**
     * The process map of every real Pipeline run with a flow graph, by job, number and folder, read once; skips the
     * test without real data.
     */
    public static synchronized Map<String, ProcessMap> processMaps() throws IOException {
        if (processMaps == null) {
            Map<String, ProcessMap> maps = new LinkedHashMap<>();
            for (RunRecord run : pipelineRuns(folderOrSkip(), new ArrayList<SkippedRun>())) {
                if (run.graph() != null) {
                    maps.put(run.job() + " #" + run.number() + " in " + run.folder(),
                            ProcessMapExtractor.extract(run.info(), run.graph(), run.info().startedAt()));
                }
            }
            processMaps = Collections.unmodifiableMap(maps);
        }
        return processMaps;
    }
}
