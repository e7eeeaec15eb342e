package io.jenkins.plugins.valuestream.cli.source;

import io.jenkins.plugins.valuestream.cli.exit.ExitCode;
import io.jenkins.plugins.valuestream.cli.exit.ReportFailure;
import io.jenkins.plugins.valuestream.graph.RunInfo;
import io.jenkins.plugins.valuestream.graph.xml.BranchNames;
import io.jenkins.plugins.valuestream.graph.xml.BuildFolderReader;
import io.jenkins.plugins.valuestream.graph.xml.ReadReport;
import io.jenkins.plugins.valuestream.graph.xml.RunRecord;
import io.jenkins.plugins.valuestream.graph.xml.SkippedRun;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.ProcessMapExtractor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Pipeline runs in build folders as Jenkins writes them: every job of a {@code JENKINS_HOME} (or one, by
 * {@code --job}), or one job's {@code builds} folder. Lists a job's runs by their folder numbers without reading
 * them, so a cache can leave out the runs it holds; reads each run with the model's {@link BuildFolderReader}.
 */
public final class DiskSource implements RunSource {
    private static final Pattern NUMBER = Pattern.compile("\\d{1,9}");

    private final Path root;
    private final boolean home;
    private final @Nullable String job;
    private final Consumer<String> progress;
    /** Whether builds of every job type are read (for chains of jobs), other builds as one whole-build step. */
    private final boolean everyBuild;
    private final long now = System.currentTimeMillis();
    /** Job name → its builds folder, in the order of the listing. */
    private final Map<String, Path> jobs = new LinkedHashMap<>();
    /** Job name → build number → run folder. */
    private final Map<String, Map<Integer, Path>> runFolders = new LinkedHashMap<>();
    private int otherBuilds;
    /** Job name → how many of its builds were of another job type, for the jobs with no Pipeline run at all. */
    private final Map<String, Integer> otherJobs = new TreeMap<>();

    private DiskSource(Path root, boolean home, @Nullable String job, Consumer<String> progress,
            boolean everyBuild) {
        this.root = root;
        this.home = home;
        this.job = job;
        this.progress = progress;
        this.everyBuild = everyBuild;
    }

    /**
     * Every job of a {@code JENKINS_HOME}, of every job type, for chains of jobs: a run of a job that is no Pipeline
     * (freestyle, Maven, ...) reads as one step spanning the whole build
     * ({@link ProcessMapExtractor#wholeBuild}). Chains run across jobs, so all of them are read whichever job the
     * report is about.
     */
    public static DiskSource chains(Path home, Consumer<String> progress) {
        return new DiskSource(home, true, null, progress, true);
    }

    /** Every Pipeline job of a {@code JENKINS_HOME}, or only {@code job} where given. */
    public static DiskSource jenkinsHome(Path home, @Nullable String job, Consumer<String> progress) {
        return new DiskSource(home, true, job, progress, false);
    }

    /**
     * One job's {@code builds} folder; the job is named {@code job}, or after the folder that holds the builds
     * folder.
     */
    public static DiskSource buildsFolder(Path builds, @Nullable String job, Consumer<String> progress) {
        return new DiskSource(builds, false, job, progress, false);
    }

    @Override
    public List<JobListing> list() throws ReportFailure {
        if (!Files.isDirectory(root)) {
            throw new ReportFailure(ExitCode.NO_DATA, (Files.exists(root) ? "Not a folder: " : "No such folder: ")
                    + root);
        }
        if (home) {
            Map<String, Path> found;
            try {
                found = BuildFolderReader.findJobs(root);
            } catch (IllegalArgumentException e) {
                throw new ReportFailure(ExitCode.NO_DATA, e);
            } catch (UncheckedIOException e) {
                IOException cause = e.getCause();
                throw new ReportFailure(ExitCode.NO_DATA, "Cannot list the jobs of " + root + ": "
                        + (cause != null ? cause.getMessage() : e.getMessage()), e);
            }
            if (job != null) {
                String wanted = stripSlashes(job);
                Path builds = found.get(wanted);
                if (builds == null) {
                    throw new ReportFailure(ExitCode.NO_DATA, "No job '" + wanted + "' in " + root + " (jobs there: "
                            + abbreviate(found.keySet()) + ")");
                }
                jobs.put(wanted, builds);
            } else {
                jobs.putAll(found);
            }
        } else {
            jobs.put(job != null ? stripSlashes(job) : jobName(root), root);
        }
        List<JobListing> listings = new ArrayList<>();
        int total = 0;
        for (Map.Entry<String, Path> entry : jobs.entrySet()) {
            Map<Integer, Path> numbered = numberedRunFolders(entry.getValue());
            if (numbered.isEmpty()) {
                continue;
            }
            runFolders.put(entry.getKey(), numbered);
            listings.add(new JobListing(entry.getKey(), new ArrayList<>(numbered.keySet()), List.of()));
            total += numbered.size();
        }
        if (total == 0) {
            throw new ReportFailure(ExitCode.NO_DATA, "No runs in " + root + (home
                    ? ": no job there has a builds folder with numbered run folders"
                    : ": expected <number>/build.xml in it"));
        }
        progress.accept("Found " + total + " run folder" + (total == 1 ? "" : "s") + " of " + listings.size()
                + " job" + (listings.size() == 1 ? "" : "s") + " in " + root);
        return listings;
    }

    /**
     * The jobs' names as Jenkins writes them in upstream causes, where they differ from the names here (a multibranch
     * branch whose folder is name-mangled: {@code app/feature%2Fx} for {@code app/feature-x.k2h5b1}), to the names
     * here; known once {@link #list()} has run.
     */
    public Map<String, String> causeNames() {
        Map<String, String> names = new TreeMap<>();
        jobs.forEach((name, builds) -> {
            Path branch = builds.getParent();
            Path branches = branch == null ? null : branch.getParent();
            int slash = name.lastIndexOf('/');
            if (branch == null || branches == null || branches.getFileName() == null || slash < 0
                    || !branches.getFileName().toString().equals("branches")) {
                return;
            }
            String real = BranchNames.jobName(branch);
            String full = real == null ? null : name.substring(0, slash + 1) + real;
            if (full != null && !full.equals(name)) {
                names.put(full, name);
            }
        });
        return names;
    }

    @Override
    public JobRuns read(JobListing listing, Set<Integer> skip) throws ReportFailure, InterruptedException {
        Gathered<SourceRun> read = gather(listing, skip, 1, FolderRead::runs);
        return new JobRuns(listing.name(), read.items(), read.warnings());
    }

    /**
     * The job's runs as process maps, read and extracted on every core: each run's flow graph is dropped as soon as
     * its map is made, so a job of thousands of runs never holds more than a few graphs at once.
     */
    @Override
    public JobMaps readMaps(JobListing listing, Set<Integer> skip) throws ReportFailure, InterruptedException {
        Gathered<ProcessMap> read = gather(listing, skip, Runtime.getRuntime().availableProcessors(), folder -> {
            List<ProcessMap> maps = new ArrayList<>(folder.runs().size() + folder.others().size());
            folder.runs().forEach(run -> maps.add(RunExtraction.processMap(run, now)));
            folder.others().forEach(other -> maps.add(ProcessMapExtractor.wholeBuild(other, listing.name(), now)));
            return maps;
        });
        return new JobMaps(listing.name(), read.items(), read.warnings());
    }

    /** What a job's folders gave, in build order: what {@code convert} made of each, and the warnings. */
    private record Gathered<T>(List<T> items, List<String> warnings) {
    }

    /**
     * Reads the job's run folders on up to {@code threads} threads (each with a reader of its own), turns what each
     * gave into items as it is read, and puts them back in build order; says how far it has come every few seconds.
     */
    private <T> Gathered<T> gather(JobListing listing, Set<Integer> skip, int threads,
            Function<FolderRead, List<T>> convert) throws ReportFailure, InterruptedException {
        List<RunFolder> folders = foldersToRead(listing, skip);
        ThreadLocal<BuildFolderReader> readers = ThreadLocal.withInitial(everyBuild ? BuildFolderReader::everyBuild
                : BuildFolderReader::new);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, folders.size())), task -> {
            Thread thread = new Thread(task, "value-stream-reader");
            thread.setDaemon(true);
            return thread;
        });
        Progress shown = new Progress(listing.name(), folders.size());
        try {
            ArrayDeque<Future<Converted<T>>> pending = new ArrayDeque<>(folders.size());
            for (RunFolder folder : folders) {
                pending.add(pool.submit(() -> {
                    FolderRead read = readFolder(readers.get(), listing.name(), folder);
                    // Only what was made of the folder is kept, not what was read: the flow graphs of a job's
                    // thousands of runs would otherwise stay in memory until the last of them is read.
                    return new Converted<>(convert.apply(read), read.warnings(), read.otherBuilds(),
                            read.pipelineRuns());
                }));
            }
            List<T> items = new ArrayList<>(folders.size());
            List<String> warnings = new ArrayList<>();
            int others = 0;
            int pipelineRuns = 0;
            while (!pending.isEmpty()) {
                // Taken off the queue: once its items are in the list, the finished task need not hold them too.
                Converted<T> done = join(pending.removeFirst());
                items.addAll(done.items());
                warnings.addAll(done.warnings());
                others += done.otherBuilds();
                pipelineRuns += done.pipelineRuns();
                shown.oneMore();
            }
            checkPipeline(listing.name(), others, pipelineRuns, skip);
            return new Gathered<>(items, onceForTheJob(warnings));
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The warnings with those that every run of a job says alike (a changelog format that is not read) said once, at
     * the first run that said it, with how many more did: a job of a thousand Subversion runs warns once.
     */
    static List<String> onceForTheJob(List<String> warnings) {
        Map<String, Integer> repeated = new HashMap<>();
        Map<String, Integer> firstAt = new HashMap<>();
        List<String> kept = new ArrayList<>(warnings.size());
        for (String warning : warnings) {
            Matcher run = SAID_BY_EVERY_RUN.matcher(warning);
            if (!run.matches()) {
                kept.add(warning);
                continue;
            }
            String text = run.group(2);
            if (firstAt.containsKey(text)) {
                repeated.merge(text, 1, Integer::sum);
            } else {
                firstAt.put(text, kept.size());
                kept.add(warning);
            }
        }
        repeated.forEach((text, more) -> {
            int at = firstAt.getOrDefault(text, -1);
            if (at < 0) {
                return;
            }
            Matcher run = SAID_BY_EVERY_RUN.matcher(kept.get(at));
            if (run.matches()) {
                kept.set(at, "Run #" + run.group(1) + " and " + more + " more: " + text);
            }
        });
        return kept;
    }

    /** A run's warning that other runs give in the same words: a changelog in a format that is not read. */
    private static final Pattern SAID_BY_EVERY_RUN = Pattern.compile(
            "Run #(\\d+): (changelog: .*)");

    private static <T> Converted<T> join(Future<Converted<T>> read) throws InterruptedException {
        try {
            return read.get();
        } catch (ExecutionException e) {
            // readFolder turns every unreadable file into a warning; what reaches here is a defect.
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** What one folder was turned into, and what reading it said. */
    private record Converted<T>(List<T> items, List<String> warnings, int otherBuilds, int pipelineRuns) {
    }

    /**
     * What one run folder gave: its Pipeline runs, the builds of other job types read as such (by a reader of every
     * build), the warnings about it, and whether it was of another job type.
     */
    private record FolderRead(List<SourceRun> runs, List<RunInfo> others, List<String> warnings, int otherBuilds,
            int pipelineRuns) {
    }

    /** A run folder and the build number it was listed under. */
    private record RunFolder(int number, Path folder) {
    }

    private List<RunFolder> foldersToRead(JobListing listing, Set<Integer> skip) {
        Map<Integer, Path> folders = runFolders.getOrDefault(listing.name(), Map.of());
        List<RunFolder> toRead = new ArrayList<>(listing.runs().size());
        for (int number : listing.runs()) {
            Path folder = folders.get(number);
            if (folder != null && !skip.contains(number)) {
                toRead.add(new RunFolder(number, folder));
            }
        }
        return toRead;
    }

    private static FolderRead readFolder(BuildFolderReader reader, String job, RunFolder folder) {
        ReadReport report = reader.readRun(job, folder.folder());
        List<SourceRun> runs = new ArrayList<>(1);
        List<RunInfo> others = new ArrayList<>(0);
        List<String> warnings = new ArrayList<>();
        for (SkippedRun skipped : report.skipped()) {
            warnings.add("Run #" + folder.number() + " skipped: " + skipped.reason());
        }
        for (RunRecord run : report.runs()) {
            for (String warning : run.warnings()) {
                warnings.add("Run #" + run.number() + ": " + warning);
            }
            if (!run.pipeline()) {
                others.add(run.info());
                continue;
            }
            if (run.graph() == null) {
                if (run.warnings().isEmpty()) {
                    warnings.add("Run #" + run.number() + " has no flow graph: left out");
                }
                continue;
            }
            runs.add(SourceRun.fromFiles(run.info(), run.graph()));
        }
        return new FolderRead(runs, others, warnings, report.otherBuilds(),
                report.runs().size() + report.skipped().size());
    }

    /** Counts a job's builds of other types, and fails where the one job asked for is not a Pipeline. */
    private void checkPipeline(String name, int others, int pipelineRuns, Set<Integer> skip) throws ReportFailure {
        otherBuilds += others;
        if (others > 0 && pipelineRuns == 0 && skip.isEmpty()) {
            if (job != null) {
                throw new ReportFailure(ExitCode.NO_DATA, "'" + name + "' in " + root
                        + " is not a Pipeline job: its " + builds(others) + " of another job type"
                        + " (freestyle, Maven, ...); the report reads Pipeline runs only");
            }
            otherJobs.put(name, others);
        }
    }

    /** How far the reading of a job has come, on the progress stream at most every few seconds. */
    private final class Progress {
        private static final long EVERY_MILLIS = 3_000;
        private final String job;
        private final int total;
        private int done;
        private long lastShown = System.nanoTime();

        Progress(String job, int total) {
            this.job = job;
            this.total = total;
        }

        void oneMore() {
            done++;
            long nowNanos = System.nanoTime();
            if (done < total && nowNanos - lastShown >= EVERY_MILLIS * 1_000_000) {
                lastShown = nowNanos;
                progress.accept(job + ": " + done + " of " + total + " runs read");
            }
        }
    }

    private static String builds(int count) {
        return count == 1 ? "1 build is" : count + " builds are";
    }

    @Override
    public List<String> leftOut() {
        List<String> lines = new ArrayList<>();
        otherJobs.forEach((name, count) -> lines.add(name + " (" + (count == 1 ? "1 build" : count + " builds")
                + ", not a Pipeline job)"));
        return lines;
    }

    /** How many of the builds read were not Pipeline runs (freestyle, Maven, ...). */
    public int otherBuilds() {
        return otherBuilds;
    }

    @Override
    public long now() {
        return now;
    }

    /** The folder's real path: the same runs whichever link or relative path led to them. */
    @Override
    public String cacheKey() {
        Path real;
        try {
            real = root.toRealPath();
        } catch (IOException e) {
            real = root.toAbsolutePath().normalize();
        }
        return (home ? "home:" : "builds:") + real;
    }

    @Override
    public String describe() {
        return root + (otherBuilds > 0 ? " (it holds " + otherBuilds + " build" + (otherBuilds == 1 ? "" : "s")
                + " of other job types, which the report leaves out)" : "");
    }

    /**
     * The run folders of a builds folder by build number: the numbered folders, and the numbered links to run
     * folders named by date (Jenkins before 1.597 kept those, with the numbers as links); the other links
     * ({@code lastSuccessfulBuild}, ...) are not numbered.
     */
    static Map<Integer, Path> numberedRunFolders(Path builds) {
        Map<Integer, Path> folders = new TreeMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(builds)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (NUMBER.matcher(name).matches() && Files.isDirectory(entry)
                        && Files.isRegularFile(entry.resolve("build.xml"))) {
                    folders.put(Integer.parseInt(name), entry);
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return folders;
    }

    /** The job a builds folder belongs to: the folder that holds it ({@code jobs/<name>/builds}). */
    static String jobName(Path builds) {
        Path absolute = builds.toAbsolutePath().normalize();
        Path jobFolder = absolute.getFileName() != null && absolute.getFileName().toString().equals("builds")
                ? absolute.getParent() : absolute;
        return jobFolder == null || jobFolder.getFileName() == null ? "job" : jobFolder.getFileName().toString();
    }

    private static String stripSlashes(String name) {
        String trimmed = name.strip();
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    private static String abbreviate(Set<String> names) {
        if (names.isEmpty()) {
            return "none";
        }
        List<String> list = new ArrayList<>(names);
        return list.size() <= 8 ? String.join(", ", list)
                : String.join(", ", list.subList(0, 8)) + " and " + (list.size() - 8) + " more";
    }
}
