package io.jenkins.plugins.valuestream.recording;

import hudson.model.Job;
import hudson.model.Run;
import hudson.security.ACL;
import hudson.util.DaemonThreadFactory;
import hudson.util.NamingThreadFactory;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.security.ImpersonatingExecutorService;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;

/**
 * Records, in the background, the completed runs of a job that have no process map yet: runs from before the plugin
 * was installed (or from while recording was off). The job's views call {@link #request} when they are shown; the
 * first call per job (per controller start) starts the back-fill, later calls only ask whether it is still going.
 * One job at a time, on one thread of its own, newest runs first, so that the tab fills in from the recent end.
 */
public final class BackFill {
    private static final Logger LOGGER = Logger.getLogger(BackFill.class.getName());

    private static final ExecutorService EXECUTOR = new ImpersonatingExecutorService(
            Executors.newSingleThreadExecutor(new NamingThreadFactory(new DaemonThreadFactory(),
                    "Value Stream back-fill")),
            ACL.SYSTEM2);

    /** Jobs (by full name) whose back-fill was asked for since the controller started. */
    private static final Set<String> REQUESTED = ConcurrentHashMap.newKeySet();
    /** Jobs whose back-fill has not finished yet. */
    private static final Set<String> RUNNING = ConcurrentHashMap.newKeySet();

    private BackFill() {
    }

    /**
     * Starts the back-fill of a job's older runs unless it was started before.
     *
     * @return whether a back-fill of this job is going on (views say so: their numbers are still growing)
     */
    public static boolean request(Job<?, ?> job) {
        if (!(job instanceof WorkflowJob workflowJob) || !Recording.isEnabledFor(job)) {
            return false;
        }
        String name = job.getFullName();
        if (REQUESTED.add(name)) {
            RUNNING.add(name);
            EXECUTOR.submit(() -> {
                try {
                    fill(workflowJob);
                } finally {
                    RUNNING.remove(name);
                }
            });
        }
        return RUNNING.contains(name);
    }

    /** Whether a back-fill of the job is going on. */
    public static boolean isRunning(Job<?, ?> job) {
        return RUNNING.contains(job.getFullName());
    }

    /** Records every completed run of the job that has no process map; returns how many it recorded. */
    static int fill(WorkflowJob job) {
        int recorded = 0;
        for (WorkflowRun run : job.getBuilds()) {
            if (run.isBuilding() || isRecorded(run) || RecordingListener.isPending(run)) {
                continue;
            }
            if (!Recording.isEnabledFor(job)) {
                break; // switched off meanwhile
            }
            try {
                ProcessMap map = Recording.record(run);
                run.save();
                if (map != null) {
                    recorded++;
                }
            } catch (IOException | RuntimeException e) {
                LOGGER.log(Level.WARNING, "Skipping " + run + " in the back-fill of " + job.getFullName(), e);
            }
        }
        if (recorded > 0) {
            LOGGER.log(Level.INFO, "Recorded the process maps of {0} older runs of {1}",
                    new Object[] {recorded, job.getFullName()});
        }
        return recorded;
    }

    /** Whether the run has a process map or was found to have none. */
    static boolean isRecorded(Run<?, ?> run) {
        return run.getAction(ProcessMapAction.class) != null;
    }
}
