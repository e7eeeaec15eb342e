package io.jenkins.plugins.valuestream.graph.xml;

import io.jenkins.plugins.valuestream.graph.Change;
import io.jenkins.plugins.valuestream.graph.FlowGraph;
import io.jenkins.plugins.valuestream.graph.GraphNode;
import io.jenkins.plugins.valuestream.graph.RunInfo;
import io.jenkins.plugins.valuestream.graph.RunResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import org.jspecify.annotations.Nullable;

/**
 * Reads Pipeline runs from the build folders of a {@code JENKINS_HOME}: one run folder, the {@code builds} folder of
 * one job, or every job of a home ({@code jobs/<job>}, folders as {@code jobs/<folder>/jobs/<job>}, multibranch
 * branches as {@code jobs/<project>/branches/<branch>}).
 *
 * <p>A run folder is a Pipeline run when its {@code build.xml} has the root {@code flow-build}; other builds
 * (freestyle, Maven) are counted and left out without a warning. A run folder that cannot be read (a missing,
 * malformed or truncated file) is reported as a {@link SkippedRun} naming the file and the reason; the read goes on
 * with the next run. Only a wrong argument (a folder that does not exist) is an exception.
 *
 * <p>A reader made with {@link #everyBuild()} reads the other builds too, as runs without a flow graph that are no
 * Pipeline ({@link RunRecord#pipeline()}): what their {@code build.xml} says (times, result, queue time, upstream
 * causes), for chains of jobs, where a freestyle job counts as one step.
 *
 * <p>Each file is read once, streaming, and never as a DOM; document type declarations and external entities are
 * never resolved. Not thread-safe: use one reader per thread.
 */
public final class BuildFolderReader {
    private static final Pattern BUILD_NUMBER = Pattern.compile("\\d{1,9}");
    /** Run folders before Jenkins 1.597 were named by the run's start, with the numbers as symbolic links. */
    private static final Pattern LEGACY_RUN_ID = Pattern.compile("\\d{4}-\\d{2}-\\d{2}_\\d{2}-\\d{2}-\\d{2}");

    private final XMLInputFactory factory;
    private final FlowNodeStorage storage;
    private final boolean everyBuild;

    /** A reader of Pipeline runs, which counts other builds and leaves them out. */
    public BuildFolderReader() {
        this(false);
    }

    private BuildFolderReader(boolean everyBuild) {
        this.factory = SafeXml.newFactory();
        this.storage = new FlowNodeStorage(factory, new Interner());
        this.everyBuild = everyBuild;
    }

    /** A reader that reads builds of every job type: other builds as runs without a flow graph. */
    public static BuildFolderReader everyBuild() {
        return new BuildFolderReader(true);
    }

    /** Reads one run folder ({@code .../builds/<n>}) of the named job. */
    public ReadReport readRun(String job, Path runFolder) {
        ReadReport.Collector collector = new ReadReport.Collector();
        readRun(job, runFolder, collector);
        return collector.report();
    }

    /** Reads one run folder and hands the outcome to the listener. */
    public void readRun(String job, Path runFolder, ReadListener listener) {
        Outcome outcome;
        try {
            outcome = read(job, runFolder);
        } catch (UnreadableFileException e) {
            outcome = Outcome.skipped(new SkippedRun(job, runFolder, e.file() + ": " + e.reason()));
        } catch (RuntimeException e) {
            // A defect of this reader must not stop the other runs; say what it was.
            outcome = Outcome.skipped(new SkippedRun(job, runFolder, "could not be read: " + e));
        }
        if (outcome.run() != null) {
            listener.run(outcome.run());
        } else if (outcome.skipped() != null) {
            listener.skipped(outcome.skipped());
        } else if (outcome.otherRoot() != null) {
            listener.otherBuild(job, runFolder, outcome.otherRoot());
        }
    }

    /** What became of one run folder: exactly one of the three is set. */
    private record Outcome(@Nullable RunRecord run, @Nullable SkippedRun skipped, @Nullable String otherRoot) {
        static Outcome read(RunRecord run) {
            return new Outcome(run, null, null);
        }

        static Outcome skipped(SkippedRun skipped) {
            return new Outcome(null, skipped, null);
        }

        static Outcome other(String root) {
            return new Outcome(null, null, root);
        }
    }

    /**
     * Reads every run folder in a job's {@code builds} folder: the numbered folders (and the date-named ones of
     * Jenkins before 1.597), not the symbolic links beside them ({@code lastSuccessfulBuild}, ...).
     *
     * @throws IllegalArgumentException if {@code buildsFolder} is not a folder
     */
    public ReadReport readBuilds(String job, Path buildsFolder) {
        ReadReport.Collector collector = new ReadReport.Collector();
        readBuilds(job, buildsFolder, collector);
        return collector.report();
    }

    /** Reads every run folder of a job, in order of folder number, and hands each to the listener. */
    public void readBuilds(String job, Path buildsFolder, ReadListener listener) {
        if (!Files.isDirectory(buildsFolder)) {
            throw new IllegalArgumentException("Not a folder: " + buildsFolder
                    + "; expected the builds folder of a job, which holds <number>/build.xml");
        }
        List<Path> runFolders;
        try {
            runFolders = runFolders(buildsFolder);
        } catch (IOException e) {
            listener.skipped(new SkippedRun(job, buildsFolder, "the builds folder cannot be listed: " + e));
            return;
        }
        for (Path runFolder : runFolders) {
            readRun(job, runFolder, listener);
        }
    }

    /**
     * Reads every job of a {@code JENKINS_HOME}.
     *
     * @throws IllegalArgumentException if the folder has no {@code jobs} folder
     */
    public ReadReport readJenkinsHome(Path jenkinsHome) {
        ReadReport.Collector collector = new ReadReport.Collector();
        readJenkinsHome(jenkinsHome, collector);
        return collector.report();
    }

    /** Reads every job of a {@code JENKINS_HOME}, job by job in order of full name, handing runs to the listener. */
    public void readJenkinsHome(Path jenkinsHome, ReadListener listener) {
        Map<String, Path> jobs = findJobs(jenkinsHome, (folder, problem) -> listener.skipped(
                new SkippedRun(jenkinsHome.relativize(folder).toString(), folder,
                        "the folder cannot be listed: " + problem)));
        for (Map.Entry<String, Path> job : jobs.entrySet()) {
            readBuilds(job.getKey(), job.getValue(), listener);
        }
    }

    /**
     * The jobs of a {@code JENKINS_HOME} that have a {@code builds} folder, by full name ({@code folder/job},
     * {@code project/branch}), in order of full name. Jobs of every kind are listed; reading tells Pipeline runs
     * apart.
     *
     * @throws IllegalArgumentException if the folder has no {@code jobs} folder
     * @throws UncheckedIOException if a folder cannot be listed
     */
    public static Map<String, Path> findJobs(Path jenkinsHome) {
        return findJobs(jenkinsHome, (folder, problem) -> {
            throw new UncheckedIOException(problem);
        });
    }

    private static Map<String, Path> findJobs(Path jenkinsHome, BiConsumer<Path, IOException> unlisted) {
        Path jobs = jenkinsHome.resolve("jobs");
        if (!Files.isDirectory(jobs)) {
            throw new IllegalArgumentException("No jobs folder in " + jenkinsHome
                    + "; expected a JENKINS_HOME, which holds jobs/<job>/builds/<number>/build.xml");
        }
        Map<String, Path> found = new TreeMap<>();
        collectJobs(jobs, "", found, unlisted);
        return found;
    }

    private static void collectJobs(Path jobsFolder, String prefix, Map<String, Path> found,
            BiConsumer<Path, IOException> unlisted) {
        for (Path item : subfolders(jobsFolder, unlisted)) {
            String fullName = prefix + item.getFileName();
            Path builds = item.resolve("builds");
            if (Files.isDirectory(builds, LinkOption.NOFOLLOW_LINKS)) {
                found.put(fullName, builds);
            }
            Path nested = item.resolve("jobs");
            if (Files.isDirectory(nested, LinkOption.NOFOLLOW_LINKS)) {
                collectJobs(nested, fullName + "/", found, unlisted);
            }
            Path branches = item.resolve("branches");
            if (Files.isDirectory(branches, LinkOption.NOFOLLOW_LINKS)) {
                for (Path branch : subfolders(branches, unlisted)) {
                    Path branchBuilds = branch.resolve("builds");
                    if (Files.isDirectory(branchBuilds, LinkOption.NOFOLLOW_LINKS)) {
                        found.put(fullName + "/" + branch.getFileName(), branchBuilds);
                    }
                }
            }
        }
    }

    /** The real (not linked) subfolders of a folder, by name. */
    private static List<Path> subfolders(Path folder, BiConsumer<Path, IOException> unlisted) {
        List<Path> folders = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    folders.add(entry);
                }
            }
        } catch (IOException e) {
            unlisted.accept(folder, e);
        }
        folders.sort(Comparator.comparing(path -> path.getFileName().toString()));
        return folders;
    }

    private static List<Path> runFolders(Path buildsFolder) throws IOException {
        List<Path> folders = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(buildsFolder)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if ((BUILD_NUMBER.matcher(name).matches() || LEGACY_RUN_ID.matcher(name).matches())
                        && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    folders.add(entry);
                }
            }
        }
        // Numbered folders by number; date-named ones (all from before numbered folders existed) by date.
        folders.sort(Comparator.comparing((Path folder) -> !isNumber(folder.getFileName().toString()))
                .thenComparingLong(folder -> isNumber(folder.getFileName().toString())
                        ? Long.parseLong(folder.getFileName().toString()) : 0L)
                .thenComparing(folder -> folder.getFileName().toString()));
        return folders;
    }

    private Outcome read(String job, Path runFolder) throws UnreadableFileException {
        Path buildXml = runFolder.resolve(BuildXml.FILE);
        if (!Files.isRegularFile(buildXml)) {
            throw new UnreadableFileException(BuildXml.FILE, "not found; every run folder holds one");
        }
        BuildXml build = BuildXml.read(factory, buildXml, everyBuild);
        if (!build.pipeline() && !everyBuild) {
            return Outcome.other(build.root());
        }
        List<String> warnings = new ArrayList<>(build.upstreamWarnings());
        RunInfo info = runInfo(build, runFolder.getFileName().toString(), warnings);
        if (!build.pipeline()) {
            return Outcome.read(new RunRecord(job, runFolder, info, null, warnings, false));
        }
        info = info.withChanges(changes(runFolder, build.checkouts(), warnings));
        List<GraphNode> nodes = storage.read(runFolder, build.storageDir(), warnings);
        FlowGraph graph = null;
        if (nodes == null) {
            warnings.add("no flow graph: the folder has neither workflow/<id>.xml files nor a flowNodeStore.xml,"
                    + " so the run has no process map");
        } else {
            graph = FlowGraph.of(nodes);
        }
        return Outcome.read(new RunRecord(job, runFolder, info, graph, warnings));
    }

    /**
     * The changes a Pipeline run built: those of the changelogs of its checkouts, looked up by file name in the run's
     * folder, each commit once. Empty for a run that checked nothing out (or only without changelogs); {@code null},
     * unknown, where {@code build.xml} keeps no checkouts at all, where a changelog is missing (a home copied without them) or cannot be read, which the warnings say
     * (not for a missing one: such homes are common and the report says which deployments lack changes).
     */
    private static @Nullable List<Change> changes(Path runFolder, @Nullable List<BuildXml.Checkout> checkouts,
            List<String> warnings) {
        if (checkouts == null) {
            return null;
        }
        Map<String, Change> changes = new LinkedHashMap<>();
        for (BuildXml.Checkout checkout : checkouts) {
            String name = checkout.changelogFile();
            if (name == null) {
                continue;
            }
            Path file = runFolder.resolve(name);
            if (!Files.isRegularFile(file)) {
                return null;
            }
            Changelog.Outcome read = Changelog.read(file);
            List<Change> listed = read.changes();
            if (listed == null) {
                warnings.add(String.valueOf(read.problem()));
                return null;
            }
            listed.forEach(change -> changes.putIfAbsent(change.id(), change));
        }
        return new ArrayList<>(changes.values());
    }

    /**
     * The run as the model sees it: started at {@code startTime} (else {@code timestamp}), completed
     * {@code duration} later once it has a result, queued {@code queuingDurationMillis} before {@code timestamp}
     * (when it left the queue) where the Metrics plugin recorded that.
     */
    private static RunInfo runInfo(BuildXml build, String folderName, List<String> warnings)
            throws UnreadableFileException {
        Integer fromFolder = isNumber(folderName) ? Integer.valueOf(folderName) : null;
        int number;
        if (build.number() != null) {
            number = build.number();
            if (fromFolder != null && fromFolder != number) {
                warnings.add("build.xml gives number " + number + " but the folder is named " + folderName
                        + "; read as #" + number);
            }
        } else if (fromFolder != null) {
            number = fromFolder;
        } else {
            throw new UnreadableFileException(BuildXml.FILE,
                    "no <number>, and the folder name '" + folderName + "' is not a build number");
        }
        Long startTime = build.startTime();
        if (startTime == null) {
            startTime = build.timestamp();
            if (startTime == null) {
                throw new UnreadableFileException(BuildXml.FILE,
                        "neither <startTime> nor <timestamp>: when the run started is unknown");
            }
            warnings.add("build.xml has no startTime; its timestamp is taken as the start");
        }
        Long completedAt = null;
        RunResult result = null;
        if (build.result() != null) {
            result = RunResult.fromName(build.result());
            if (!result.name().equalsIgnoreCase(build.result().trim())) {
                warnings.add("build.xml gives the result '" + build.result() + "', which is none of "
                        + Arrays.toString(RunResult.values()) + "; taken as " + result);
            }
            long duration = build.duration() == null ? 0 : build.duration();
            if (build.duration() == null) {
                warnings.add("build.xml has a result but no duration; taken as 0");
            } else if (duration < 0) {
                warnings.add("build.xml gives a negative duration (" + duration + " ms); taken as 0");
                duration = 0;
            }
            completedAt = startTime + duration;
        }
        Long queuedAt = null;
        if (build.queuingMillis() != null) {
            long leftQueue = build.timestamp() != null ? build.timestamp() : startTime;
            queuedAt = leftQueue - build.queuingMillis();
            if (queuedAt > startTime) {
                warnings.add("the queue entry (timestamp " + leftQueue + " - queuingDurationMillis "
                        + build.queuingMillis() + ") falls after the start (" + startTime
                        + "); taken as the start");
                queuedAt = startTime;
            }
        }
        return new RunInfo(number, result, queuedAt, startTime, completedAt, build.upstream());
    }

    private static boolean isNumber(String name) {
        return BUILD_NUMBER.matcher(name).matches();
    }
}
