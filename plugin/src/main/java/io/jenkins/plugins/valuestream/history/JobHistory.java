package io.jenkins.plugins.valuestream.history;

import hudson.model.Job;
import hudson.security.ACL;
import hudson.util.DaemonThreadFactory;
import hudson.util.NamingThreadFactory;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.recording.ProcessMapAction;
import io.jenkins.plugins.valuestream.recording.Recording;
import io.jenkins.plugins.valuestream.store.JobStore;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.security.ImpersonatingExecutorService;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jspecify.annotations.Nullable;

/**
 * The store of a job's recorded runs: where it is, reading it, and rebuilding it from the runs in the background.
 *
 * <p>One {@link JobStore} per store file is kept for the life of the controller: it holds the store's index in
 * memory, so that reading the newest runs after an append reads only what was appended.
 */
public final class JobHistory {
    /** The store's folder in the job's folder. */
    public static final String FOLDER = "value-stream";
    /** The store's file in {@link #FOLDER}. */
    public static final String FILE = "runs.vsj";

    private static final Logger LOGGER = Logger.getLogger(JobHistory.class.getName());
    private static final ConcurrentMap<Path, JobStore> STORES = new ConcurrentHashMap<>();
    private static final Set<String> REBUILDING = ConcurrentHashMap.newKeySet();
    private static final ExecutorService EXECUTOR = new ImpersonatingExecutorService(
            Executors.newSingleThreadExecutor(new NamingThreadFactory(new DaemonThreadFactory(),
                    "Value Stream store rebuild")),
            ACL.SYSTEM2);

    private JobHistory() {
    }

    /**
     * What a job's store holds.
     *
     * @param runs the recorded runs, oldest first
     * @param warnings what was wrong in the store file (damaged bytes skipped, an incomplete end), in words
     */
    public record Snapshot(List<ProcessMap> runs, List<String> warnings) {
        public Snapshot {
            runs = List.copyOf(runs);
            warnings = List.copyOf(warnings);
        }
    }

    /** The job's store file: {@code <job folder>/value-stream/runs.vsj}. */
    public static Path file(Job<?, ?> job) {
        return new File(job.getRootDir(), FOLDER + File.separator + FILE).toPath().toAbsolutePath().normalize();
    }

    /** The job's store (it need not exist yet). */
    public static JobStore store(Job<?, ?> job) {
        return STORES.computeIfAbsent(file(job), JobStore::open);
    }

    /** The job's recorded runs; none when its store does not exist yet. */
    public static Snapshot read(Job<?, ?> job) throws IOException {
        JobStore store = store(job);
        List<ProcessMap> runs = store.readAll();
        return new Snapshot(runs, store.warnings());
    }

    /** Forgets the store kept for a file (the job was deleted or moved). */
    static void forget(Path file) {
        JobStore store = STORES.remove(file.toAbsolutePath().normalize());
        if (store != null) {
            store.close();
        }
    }

    /**
     * Rebuilds the job's store from its runs, in the background, unless that is under way. A store that is
     * missing while the job has recorded runs (it was deleted) is rebuilt the same way.
     *
     * @return whether a rebuild of the job's store is under way
     */
    public static boolean rebuildInBackground(WorkflowJob job) {
        String name = job.getFullName();
        boolean started = REBUILDING.add(name);
        if (started) {
            EXECUTOR.submit(() -> {
                try {
                    rebuild(job);
                } catch (IOException | RuntimeException e) {
                    LOGGER.log(Level.WARNING, "Could not rebuild the value-stream store of " + name, e);
                } finally {
                    REBUILDING.remove(name);
                }
            });
        }
        return started || REBUILDING.contains(name);
    }

    /** Whether the job's store is being rebuilt. */
    public static boolean isRebuilding(Job<?, ?> job) {
        return REBUILDING.contains(job.getFullName());
    }

    /**
     * Whether the job's store is missing although its newest completed run was recorded: the store was deleted, and
     * is to be rebuilt. Loads at most that one run.
     */
    public static boolean isMissing(WorkflowJob job) {
        if (Files.exists(file(job))) {
            return false;
        }
        WorkflowRun last = job.getLastCompletedBuild();
        return last != null && last.getAction(ProcessMapAction.class) != null;
    }

    /**
     * Replaces the job's store with the process maps kept on its completed runs, recording the runs that have none
     * (where recording is on for the job). Loads every run: only ever in the background.
     */
    static void rebuild(WorkflowJob job) throws IOException {
        List<ProcessMap> maps = new ArrayList<>();
        int newest = 0;
        for (WorkflowRun run : job.getBuilds()) {
            if (run.isBuilding()) {
                continue;
            }
            newest = Math.max(newest, run.getNumber());
            ProcessMap map = mapOf(job, run);
            if (map != null && !map.running()) {
                maps.add(map);
            }
        }
        JobStore store = store(job);
        store.rebuild(maps);
        // Runs that completed while the old runs were read were appended to the old file: append them again.
        List<ProcessMap> later = new ArrayList<>();
        for (WorkflowRun run : job.getBuilds()) {
            if (run.getNumber() <= newest) {
                break;
            }
            ProcessMapAction action = run.isBuilding() ? null : run.getAction(ProcessMapAction.class);
            ProcessMap map = action == null ? null : action.getProcessMap();
            if (map != null && !map.running()) {
                later.add(map);
            }
        }
        store.appendAll(later);
        LOGGER.log(Level.INFO, "Rebuilt the value-stream store of {0} from {1} runs",
                new Object[] {job.getFullName(), maps.size() + later.size()});
    }

    private static @Nullable ProcessMap mapOf(WorkflowJob job, WorkflowRun run) {
        ProcessMapAction action = run.getAction(ProcessMapAction.class);
        if (action != null) {
            return action.getProcessMap();
        }
        if (!Recording.isEnabledFor(job)) {
            return null;
        }
        try {
            // Recording tells the listeners, which append to the store being rebuilt: harmless, the rebuild
            // replaces the file with every run afterwards.
            ProcessMap map = Recording.record(run);
            run.save();
            return map;
        } catch (IOException | RuntimeException e) {
            LOGGER.log(Level.WARNING, "Skipping " + run + " in the rebuild of the value-stream store", e);
            return null;
        }
    }
}
