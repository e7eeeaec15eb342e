package io.jenkins.plugins.valuestream.steps;

import hudson.AbortException;
import hudson.Extension;
import hudson.Util;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.valuestream.budget.BudgetSpec;
import io.jenkins.plugins.valuestream.process.StepPath;
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
 * {@code processStep('Manual QA') { ... }}: an explicit process-map step where stages do not fit (scripted Pipelines,
 * shared libraries), optionally with a wait budget of its own ({@code processStep(name: 'Deploy', waitBudget: '10m')}).
 * The model finds the step by this step's descriptor id and reads its {@code name} argument, so both stay as they are.
 */
public final class ProcessStepStep extends Step implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private @Nullable String waitBudget;
    private @Nullable String countedWaits;
    private @Nullable String budgetResult;

    @DataBoundConstructor
    public ProcessStepStep(String name) {
        this.name = name;
    }

    /** The step's name on the process map. */
    public String getName() {
        return name;
    }

    /** The most counted wait this step may have, e.g. {@code 10m}; none when not set. */
    public @Nullable String getWaitBudget() {
        return waitBudget;
    }

    @DataBoundSetter
    public void setWaitBudget(@Nullable String waitBudget) {
        this.waitBudget = Util.fixEmptyAndTrim(waitBudget);
    }

    /** The wait causes that count against this step's budget; all but INPUT when not set. */
    public @Nullable String getCountedWaits() {
        return countedWaits;
    }

    @DataBoundSetter
    public void setCountedWaits(@Nullable String countedWaits) {
        this.countedWaits = Util.fixEmptyAndTrim(countedWaits);
    }

    /** What a run whose step is over budget is marked as: {@code FAILURE} (when not set), {@code UNSTABLE}, ... */
    public @Nullable String getBudgetResult() {
        return budgetResult;
    }

    @DataBoundSetter
    public void setBudgetResult(@Nullable String budgetResult) {
        this.budgetResult = Util.fixEmptyAndTrim(budgetResult);
    }

    /** This step's wait budget in milliseconds, or {@code null} for none. */
    @Nullable
    Long waitBudgetMillis() throws AbortException {
        if (waitBudget == null) {
            return null;
        }
        try {
            return Durations.parse("waitBudget", waitBudget);
        } catch (IllegalArgumentException e) {
            throw new AbortException("processStep '" + name + "': " + e.getMessage());
        }
    }

    /**
     * The budget of this step once its place on the process map is known.
     *
     * @throws AbortException naming the parameter that is wrong and its accepted forms
     */
    BudgetSpec spec(StepPath path) throws AbortException {
        BudgetSpec spec;
        try {
            spec = BudgetSpec.parse(null, null, countedWaits, budgetResult);
        } catch (IllegalArgumentException e) {
            throw new AbortException("processStep '" + name + "': " + e.getMessage());
        }
        Long millis = waitBudgetMillis();
        return millis == null ? spec : spec.withStepWaitBudget(path, millis);
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        if (Util.fixEmptyAndTrim(name) == null) {
            throw new AbortException(Messages.ProcessStepStep_nameRequired());
        }
        spec(StepPath.of(name)); // fails the step here, at its start, on a bad parameter
        return new ProcessStepExecution(context, this);
    }

    @Extension
    @Symbol("processStep")
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "processStep";
        }

        @Override
        public String getDisplayName() {
            return Messages.ProcessStepStep_displayName();
        }

        @Override
        public boolean takesImplicitBlockArgument() {
            return true;
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, FlowNode.class);
        }

        public FormValidation doCheckName(@QueryParameter String value) {
            return Util.fixEmptyAndTrim(value) == null
                    ? FormValidation.error(Messages.ProcessStepStep_nameRequired()) : FormValidation.ok();
        }

        public FormValidation doCheckWaitBudget(@QueryParameter String value) {
            return ValueStreamStep.DescriptorImpl.checkDuration("waitBudget", value);
        }

        public FormValidation doCheckCountedWaits(@QueryParameter String value) {
            return ValueStreamStep.DescriptorImpl.checkCountedWaits(value);
        }

        public ListBoxModel doFillBudgetResultItems() {
            return ValueStreamStep.DescriptorImpl.budgetResultItems();
        }
    }
}
