package io.jenkins.plugins.valuestream.ui;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import java.util.Collection;
import java.util.Set;
import jenkins.model.TransientActionFactory;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;

/**
 * Adds the "Value Stream" tab to every Pipeline job, the branch jobs of multibranch projects included (they are
 * Pipeline jobs too). Cheap: the action reads nothing until its page is drawn.
 */
@Extension
public final class ValueStreamJobActionFactory extends TransientActionFactory<WorkflowJob> {
    @Override
    public Class<WorkflowJob> type() {
        return WorkflowJob.class;
    }

    @Override
    public Class<ValueStreamJobAction> actionType() {
        return ValueStreamJobAction.class;
    }

    @NonNull
    @Override
    public Collection<ValueStreamJobAction> createFor(@NonNull WorkflowJob job) {
        return Set.of(new ValueStreamJobAction(job));
    }
}
