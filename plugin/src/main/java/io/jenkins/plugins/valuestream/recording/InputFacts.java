package io.jenkins.plugins.valuestream.recording;

import hudson.PluginWrapper;
import hudson.model.User;
import jenkins.model.CauseOfInterruption;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.support.steps.input.InputSubmittedAction;
import org.jenkinsci.plugins.workflow.support.steps.input.Rejection;
import org.jspecify.annotations.Nullable;

/**
 * Who approved or rejected an {@code input}, from the Pipeline: Input Step plugin's own records
 * ({@code InputSubmittedAction} on the input's node, {@code Rejection} among an interruption's causes), as the
 * build-folder reader finds them in {@code workflow/*.xml}. That plugin is an optional dependency: its classes are
 * touched only after checking that it is installed and active.
 */
final class InputFacts {
    private InputFacts() {
    }

    /** The id of the user who approved the input of this node, or {@code null}. */
    static @Nullable String approver(FlowNode node) {
        return installed() ? Reader.approver(node) : null;
    }

    /** The id of the user a {@code Rejection} names, or {@code null} for any other cause. */
    static @Nullable String rejector(CauseOfInterruption cause) {
        return installed() && cause.getClass().getName().endsWith(".Rejection") ? Reader.rejector(cause) : null;
    }

    private static boolean installed() {
        Jenkins jenkins = Jenkins.getInstanceOrNull();
        if (jenkins == null) {
            return false;
        }
        PluginWrapper plugin = jenkins.getPluginManager().getPlugin("pipeline-input-step");
        return plugin != null && plugin.isActive();
    }

    /** Loaded only when the Input Step plugin is there. */
    private static final class Reader {
        private Reader() {
        }

        static @Nullable String approver(FlowNode node) {
            InputSubmittedAction submitted = node.getPersistentAction(InputSubmittedAction.class);
            return submitted == null ? null : submitted.getApprover();
        }

        static @Nullable String rejector(CauseOfInterruption cause) {
            if (cause instanceof Rejection rejection) {
                User user = rejection.getUser();
                return user == null ? null : user.getId();
            }
            return null;
        }
    }
}
