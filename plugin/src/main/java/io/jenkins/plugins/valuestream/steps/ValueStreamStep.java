package io.jenkins.plugins.valuestream.steps;

import hudson.AbortException;
import hudson.Extension;
import hudson.Util;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.valuestream.budget.BudgetResult;
import io.jenkins.plugins.valuestream.budget.BudgetSpec;
import io.jenkins.plugins.valuestream.config.ValueStreamConfiguration;
import io.jenkins.plugins.valuestream.time.Durations;
import java.io.Serializable;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jspecify.annotations.Nullable;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;

/**
 * {@code valueStream(waitBudget: '15m') { ... }}, or in Declarative {@code options { valueStream(waitBudget: '15m') }}:
 * holds the run to a wait budget and a lead-time budget while its body runs. Every parameter is optional; the
 * parameters are strings as users write them and are checked when the step starts, so a bad one fails the step with
 * a message naming it and its accepted forms rather than making the Pipeline unloadable.
 */
public final class ValueStreamStep extends Step implements Serializable {
    private static final long serialVersionUID = 1L;

    private @Nullable String waitBudget;
    private @Nullable String leadTimeBudget;
    private @Nullable String countedWaits;
    private @Nullable String budgetResult;

    @DataBoundConstructor
    public ValueStreamStep() {
    }

    /** The most counted wait the run may have, e.g. {@code 15m}, {@code 1h30m}, {@code 90s}. */
    public @Nullable String getWaitBudget() {
        return waitBudget;
    }

    @DataBoundSetter
    public void setWaitBudget(@Nullable String waitBudget) {
        this.waitBudget = Util.fixEmptyAndTrim(waitBudget);
    }

    /** The longest lead time (queue entry to completion) the run may have. */
    public @Nullable String getLeadTimeBudget() {
        return leadTimeBudget;
    }

    @DataBoundSetter
    public void setLeadTimeBudget(@Nullable String leadTimeBudget) {
        this.leadTimeBudget = Util.fixEmptyAndTrim(leadTimeBudget);
    }

    /** The wait causes that count against the wait budget, e.g. {@code QUEUE, AGENT}; all but INPUT when not set. */
    public @Nullable String getCountedWaits() {
        return countedWaits;
    }

    @DataBoundSetter
    public void setCountedWaits(@Nullable String countedWaits) {
        this.countedWaits = Util.fixEmptyAndTrim(countedWaits);
    }

    /** What a run over budget is marked as: {@code FAILURE} (when not set), {@code UNSTABLE} or {@code ABORTED}. */
    public @Nullable String getBudgetResult() {
        return budgetResult;
    }

    @DataBoundSetter
    public void setBudgetResult(@Nullable String budgetResult) {
        this.budgetResult = Util.fixEmptyAndTrim(budgetResult);
    }

    /**
     * The budgets this step asks for: its own, or the global default wait budget when it names no budget at all.
     *
     * @throws AbortException naming the parameter that is wrong and its accepted forms
     */
    BudgetSpec spec(@Nullable Long defaultWaitBudgetMillis) throws AbortException {
        BudgetSpec spec;
        try {
            spec = BudgetSpec.parse(waitBudget, leadTimeBudget, countedWaits, budgetResult);
        } catch (IllegalArgumentException e) {
            throw new AbortException("valueStream: " + e.getMessage());
        }
        if (waitBudget == null && leadTimeBudget == null && defaultWaitBudgetMillis != null) {
            spec = spec.withWaitBudget(defaultWaitBudgetMillis);
        }
        return spec;
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        Long defaultWaitBudget = ValueStreamConfiguration.get().defaultWaitBudgetMillis();
        spec(defaultWaitBudget); // fails the step here, at its start, on a bad parameter
        return new ValueStreamStepExecution(context, this, defaultWaitBudget);
    }

    @Extension
    @Symbol("valueStream")
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "valueStream";
        }

        @Override
        public String getDisplayName() {
            return Messages.ValueStreamStep_displayName();
        }

        /** A block step: this is also what makes it usable in Declarative {@code options}. */
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

        public FormValidation doCheckLeadTimeBudget(@QueryParameter String value) {
            return checkDuration("leadTimeBudget", value);
        }

        public FormValidation doCheckCountedWaits(@QueryParameter String value) {
            return checkCountedWaits(value);
        }

        public ListBoxModel doFillBudgetResultItems() {
            return budgetResultItems();
        }

        static FormValidation checkCountedWaits(@Nullable String value) {
            if (value == null || Util.fixEmptyAndTrim(value) == null) {
                return FormValidation.ok();
            }
            try {
                BudgetSpec.parseCountedWaits(value);
                return FormValidation.ok();
            } catch (IllegalArgumentException e) {
                return FormValidation.error(e.getMessage());
            }
        }

        static ListBoxModel budgetResultItems() {
            ListBoxModel items = new ListBoxModel();
            items.add(Messages.ValueStreamStep_budgetResult_default(), "");
            for (BudgetResult result : BudgetResult.values()) {
                items.add(result.name());
            }
            return items;
        }

        static FormValidation checkDuration(String parameter, @Nullable String value) {
            if (value == null || Util.fixEmptyAndTrim(value) == null) {
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
}
