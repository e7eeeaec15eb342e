package io.jenkins.plugins.valuestream.history;

import hudson.Extension;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.listeners.ItemListener;
import hudson.model.listeners.RunListener;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;

/** Keeps the stores in step with the jobs: a deleted build drops out of its job's store. */
public final class StoreCleaner {
    private static final Logger LOGGER = Logger.getLogger(StoreCleaner.class.getName());

    private StoreCleaner() {
    }

    /** Removes a deleted build's record, so that it no longer shows in the Value Stream tab. */
    @Extension
    public static final class DeletedRuns extends RunListener<WorkflowRun> {
        @Override
        public void onDeleted(WorkflowRun run) {
            try {
                JobHistory.store(run.getParent()).remove(run.getNumber());
            } catch (IOException | RuntimeException e) {
                LOGGER.log(Level.WARNING, "Could not remove " + run + " from the value-stream store", e);
            }
        }
    }

    /** Forgets the store kept for a deleted job (its folder went with it). */
    @Extension
    public static final class DeletedJobs extends ItemListener {
        @Override
        public void onDeleted(Item item) {
            if (item instanceof Job<?, ?> job) {
                JobHistory.forget(JobHistory.file(job));
            }
        }
    }
}
