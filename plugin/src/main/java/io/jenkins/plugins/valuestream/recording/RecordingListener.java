package io.jenkins.plugins.valuestream.recording;

import hudson.Extension;
import hudson.init.Terminator;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.listeners.RunListener;
import hudson.security.ACL;
import hudson.util.DaemonThreadFactory;
import hudson.util.NamingThreadFactory;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.security.ImpersonatingExecutorService;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;

/**
 * Records every Pipeline run as it completes, off the run's own thread. Jenkins calls {@link #onCompleted} on the
 * Pipeline's CPS VM thread (the program has ended, but the thread is the one the run's other steps share), so the
 * listener only hands the run to a thread of its own, which computes the map, keeps it on the run and saves the run.
 * One thread for all jobs, in the order the runs completed, so the stores are appended in that order too.
 *
 * <p>A run whose recording had not started when the controller stopped has no process map; the job's back-fill
 * records it the next time its Value Stream tab is shown.
 */
@Extension
public final class RecordingListener extends RunListener<WorkflowRun> {
    private static final Logger LOGGER = Logger.getLogger(RecordingListener.class.getName());
    private static final long SHUTDOWN_WAIT_SECONDS = 10;

    private static final ExecutorService EXECUTOR = new ImpersonatingExecutorService(
            Executors.newSingleThreadExecutor(new NamingThreadFactory(new DaemonThreadFactory(),
                    "Value Stream recording")),
            ACL.SYSTEM2);

    /** Runs (by {@link Run#getExternalizableId()}) handed over and not recorded yet. */
    private static final Set<String> PENDING = ConcurrentHashMap.newKeySet();

    @Override
    public void onCompleted(WorkflowRun run, TaskListener listener) {
        if (!Recording.isEnabledFor(run.getParent())) {
            return;
        }
        String id = run.getExternalizableId();
        PENDING.add(id);
        try {
            EXECUTOR.submit(() -> {
                try {
                    Recording.record(run);
                    run.save();
                } catch (IOException | RuntimeException e) {
                    LOGGER.log(Level.WARNING, "Could not save the process map of " + run, e);
                } finally {
                    PENDING.remove(id);
                }
            });
        } catch (RuntimeException e) { // rejected; the back-fill records the run later
            PENDING.remove(id);
            LOGGER.log(Level.WARNING, "Could not hand " + run + " over for recording", e);
        }
    }

    /**
     * Whether the run completed and its recording is still to come. The back-fill leaves such runs alone, and tests
     * wait for this to turn false before they look at the run's process map.
     */
    public static boolean isPending(Run<?, ?> run) {
        return PENDING.contains(run.getExternalizableId());
    }

    /**
     * Lets the recordings of runs that have just completed finish before the controller stops, for a while. The
     * thread is not shut down: it outlives one Jenkins instance where several run in one JVM (as in tests).
     */
    @Terminator
    public static void finishPendingRecordings() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SHUTDOWN_WAIT_SECONDS);
        while (!PENDING.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        if (!PENDING.isEmpty()) {
            LOGGER.log(Level.INFO, "{0} runs were not recorded before the controller stopped; the back-fill of their"
                    + " jobs records them", PENDING.size());
        }
    }
}
