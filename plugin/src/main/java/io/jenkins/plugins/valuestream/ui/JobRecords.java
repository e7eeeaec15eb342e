package io.jenkins.plugins.valuestream.ui;

import hudson.model.Job;
import io.jenkins.plugins.valuestream.budget.BudgetVerdict;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.recording.Backfill;
import io.jenkins.plugins.valuestream.recording.JobStores;
import io.jenkins.plugins.valuestream.recording.ProcessMapAction;
import io.jenkins.plugins.valuestream.recording.ProcessMaps;
import io.jenkins.plugins.valuestream.store.JobStore;
import java.io.IOException;
import java.util.List;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jspecify.annotations.Nullable;

/**
 * Where the views get their data: the job's value-stream store (written by the recording when a run completes, read
 * here without loading any {@code Run}), the process map kept on a run, the back-fill of runs from before the plugin
 * was installed. The one class of this package that knows how the recording keeps things.
 */
final class JobRecords {
    private JobRecords() {
    }

    /**
     * What the job's store holds.
     *
     * @param runs the process maps of the recorded runs, oldest first
     * @param warnings what was wrong in the store (a torn last record, a skipped record), for the page
     */
    record Snapshot(List<ProcessMap> runs, List<String> warnings) {
        Snapshot {
            runs = List.copyOf(runs);
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Where back-filling the job's older runs stands.
     *
     * @param running whether runs are being read in the background
     * @param pending how many runs are still to be read, when known ({@code -1} otherwise)
     */
    record BackfillState(boolean running, int pending) {
        static final BackfillState IDLE = new BackfillState(false, 0);
    }

    /** The recorded runs of the job, read from its store. */
    static Snapshot read(Job<?, ?> job) throws IOException {
        JobStore store = JobStores.of(job);
        JobStore.ReadResult result = store.readAll();
        return new Snapshot(result.runs(), result.warnings());
    }

    /**
     * Starts reading the job's runs that are not in its store yet (runs from before the plugin was installed, or a
     * deleted store) in the background, unless that is under way or nothing is missing; says where it stands.
     */
    static BackfillState backfill(WorkflowJob job) {
        Backfill.Status status = Backfill.request(job);
        return new BackfillState(status.running(), status.pending());
    }

    /** Throws the job's store away and reads all its runs again, in the background. */
    static void rebuild(WorkflowJob job) throws IOException {
        Backfill.rebuild(job);
    }

    /**
     * The run's process map: the one kept on the run when it completed, or for a running run the map as of now;
     * {@code null} for a run that was not recorded (recording off, the job opted out, no flow graph).
     */
    static @Nullable ProcessMap processMap(WorkflowRun run) {
        ProcessMapAction action = run.getAction(ProcessMapAction.class);
        if (action != null) {
            return action.getProcessMap();
        }
        if (run.isBuilding()) {
            return ProcessMaps.of(run, System.currentTimeMillis());
        }
        return null;
    }

    /** Whether the run has a process map to show (without computing a running run's map). */
    static boolean hasProcessMap(WorkflowRun run) {
        return run.getAction(ProcessMapAction.class) != null || run.isBuilding();
    }

    /** The verdict of the run's budgets, or {@code null} when the run had none. */
    static @Nullable BudgetVerdict budgetVerdict(WorkflowRun run) {
        ProcessMapAction action = run.getAction(ProcessMapAction.class);
        return action == null ? null : action.getBudgetVerdict();
    }
}
