package io.jenkins.plugins.valuestream.recording;

import hudson.model.Action;
import hudson.model.User;
import jenkins.model.CauseOfInterruption;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.support.steps.input.InputSubmittedAction;
import org.jenkinsci.plugins.workflow.support.steps.input.Rejection;
import org.jspecify.annotations.Nullable;

/**
 * Who approved or rejected an {@code input}, from the Pipeline: Input Step plugin's own records
 * ({@code InputSubmittedAction} on the input's node, {@code Rejection} among an interruption's causes), as the
 * build-folder reader finds them in {@code workflow/*.xml}. That plugin is an optional dependency: its classes are
 * touched only when the node or the interruption holds an object of theirs (so the plugin is there), found by class
 * name; should this plugin not see them (an optional dependency not wired until a restart), the user is not known.
 */
final class InputFacts {
    private static final String SUBMITTED = "org.jenkinsci.plugins.workflow.support.steps.input.InputSubmittedAction";
    private static final String REJECTION = "org.jenkinsci.plugins.workflow.support.steps.input.Rejection";

    private InputFacts() {
    }

    /** The id of the user who approved the input of this node, or {@code null}. */
    static @Nullable String approver(FlowNode node) {
        for (Action action : node.getActions()) {
            if (action.getClass().getName().equals(SUBMITTED)) {
                try {
                    return Reader.approver(action);
                } catch (LinkageError | ClassCastException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** The id of the user a {@code Rejection} names, or {@code null} for any other cause. */
    static @Nullable String rejector(CauseOfInterruption cause) {
        if (!cause.getClass().getName().equals(REJECTION)) {
            return null;
        }
        try {
            return Reader.rejector(cause);
        } catch (LinkageError | ClassCastException e) {
            return null;
        }
    }

    /** Loaded only when an object of the Input Step plugin is at hand. */
    private static final class Reader {
        private Reader() {
        }

        static @Nullable String approver(Action action) {
            return ((InputSubmittedAction) action).getApprover();
        }

        static @Nullable String rejector(CauseOfInterruption cause) {
            User user = ((Rejection) cause).getUser();
            return user == null ? null : user.getId();
        }
    }
}
