package io.jenkins.plugins.valuestream.steps;

import hudson.Util;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.valuestream.budget.BudgetResult;
import io.jenkins.plugins.valuestream.budget.BudgetSpec;
import io.jenkins.plugins.valuestream.time.Durations;
import java.util.Set;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jspecify.annotations.Nullable;
import org.kohsuke.stapler.QueryParameter;

/**
 * The descriptor of a {@link BudgetedStep}: a block step (which is also what makes {@code valueStream} usable in
 * Declarative {@code options}), and the Snippet Generator's checks of the parameters the budgeted steps share.
 */
public abstract class BudgetedStepDescriptor extends StepDescriptor {
    @Override
    public boolean takesImplicitBlockArgument() {
        return true;
    }

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
        return Set.of(Run.class, TaskListener.class, FlowNode.class);
    }

    public FormValidation doCheckWaitBudget(@QueryParameter String value) {
        return checkDuration("waitBudget", value);
    }

    public FormValidation doCheckCountedWaits(@QueryParameter String value) {
        if (Util.fixEmptyAndTrim(value) == null) {
            return FormValidation.ok();
        }
        try {
            BudgetSpec.parseCountedWaits(value);
            return FormValidation.ok();
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    public ListBoxModel doFillBudgetResultItems() {
        ListBoxModel items = new ListBoxModel();
        items.add(Messages.BudgetedStep_budgetResult_default(), "");
        for (BudgetResult result : BudgetResult.values()) {
            items.add(result.name());
        }
        return items;
    }

    /** A duration parameter as the model reads it; empty is fine (not set). */
    static FormValidation checkDuration(String parameter, @Nullable String value) {
        if (Util.fixEmptyAndTrim(value) == null) {
            return FormValidation.ok();
        }
        try {
            Durations.parse(parameter, value);
            return FormValidation.ok();
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }
}
