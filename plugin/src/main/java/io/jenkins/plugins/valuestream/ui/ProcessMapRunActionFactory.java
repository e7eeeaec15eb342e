package io.jenkins.plugins.valuestream.ui;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import java.util.Collection;
import java.util.Set;
import jenkins.model.TransientActionFactory;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;

/**
 * Adds the "Process Map" page and the build page's summary to every Pipeline run that was recorded (a run whose
 * map could not be computed gets the page too, saying why), and to runs still going (their map as of now).
 */
@Extension
public final class ProcessMapRunActionFactory extends TransientActionFactory<WorkflowRun> {
    @Override
    public Class<WorkflowRun> type() {
        return WorkflowRun.class;
    }

    @Override
    public Class<ProcessMapRunAction> actionType() {
        return ProcessMapRunAction.class;
    }

    @NonNull
    @Override
    public Collection<ProcessMapRunAction> createFor(@NonNull WorkflowRun run) {
        return JobRecords.hasProcessMapPage(run) ? Set.of(new ProcessMapRunAction(run)) : Set.of();
    }
}
