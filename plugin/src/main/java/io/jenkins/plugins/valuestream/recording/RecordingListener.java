package io.jenkins.plugins.valuestream.recording;

import hudson.Extension;
import hudson.model.TaskListener;
import hudson.model.listeners.RunListener;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;

/**
 * Records every Pipeline run as it completes. Jenkins calls this after the run's result and duration are set and
 * saves the run right after, so the {@link ProcessMapAction} is written with it.
 */
@Extension
public final class RecordingListener extends RunListener<WorkflowRun> {
    @Override
    public void onCompleted(WorkflowRun run, TaskListener listener) {
        if (Recording.isEnabledFor(run.getParent())) {
            Recording.record(run);
        }
    }
}
