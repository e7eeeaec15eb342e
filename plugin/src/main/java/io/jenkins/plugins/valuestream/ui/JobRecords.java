package io.jenkins.plugins.valuestream.ui;

import hudson.model.Job;
import io.jenkins.plugins.valuestream.history.JobHistory;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.recording.BackFill;
import io.jenkins.plugins.valuestream.recording.ProcessMapAction;
import io.jenkins.plugins.valuestream.recording.ProcessMaps;
import io.jenkins.plugins.valuestream.recording.Recording;
import java.io.IOException;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jspecify.annotations.Nullable;

/**
 * Where the views get their data: the job's store (read without loading any {@code Run}), the process map kept on a
 * run, the back-fill of older runs and the rebuild of a store. The one class of this package that knows how the
 * recording keeps things.
 */
final class JobRecords {
    private JobRecords() {
    }

    /** The recorded runs of the job, read from its store. */
    static JobHistory.Snapshot read(Job<?, ?> job) throws IOException {
        return JobHistory.read(job);
    }

    /**
     * Starts what brings the job's store up to date, in the background: the back-fill of runs from before the plugin
     * recorded them, and the rebuild of a store that was deleted.
     *
     * @return whether the store is still being filled (the page says its numbers are still growing)
     */
    static boolean catchUp(WorkflowJob job) {
        boolean filling = BackFill.request(job);
        if (JobHistory.isRebuilding(job) || JobHistory.isMissing(job)) {
            filling |= JobHistory.rebuildInBackground(job);
        }
        return filling;
    }

    /** Whether the job's store is being filled in the background now; starts nothing. */
    static boolean isFilling(WorkflowJob job) {
        return BackFill.isRunning(job) || JobHistory.isRebuilding(job);
    }

    /** Throws the job's store away and reads all its runs again, in the background. */
    static void rebuild(WorkflowJob job) {
        JobHistory.rebuildInBackground(job);
    }

    /**
     * The run's process map: the one kept on the run when it completed, or for a running run the map as of now;
     * {@code null} where the run has none.
     */
    static @Nullable ProcessMap processMap(WorkflowRun run) {
        ProcessMapAction action = run.getAction(ProcessMapAction.class);
        if (action != null) {
            return action.getProcessMap();
        }
        if (run.isBuilding() && Recording.isEnabledFor(run.getParent())) {
            return ProcessMaps.of(run, System.currentTimeMillis());
        }
        return null;
    }

    /** Why the run has no process map, where the recording said so. */
    static @Nullable String unavailableReason(WorkflowRun run) {
        ProcessMapAction action = run.getAction(ProcessMapAction.class);
        return action == null ? null : action.getUnavailableReason();
    }

    /** Whether the run has a process map page: it was recorded (maybe without a map, saying why), or it is running. */
    static boolean hasProcessMapPage(WorkflowRun run) {
        return run.getAction(ProcessMapAction.class) != null
                || (run.isBuilding() && Recording.isEnabledFor(run.getParent()));
    }
}
