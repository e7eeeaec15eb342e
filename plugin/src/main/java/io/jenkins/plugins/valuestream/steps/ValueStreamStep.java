package io.jenkins.plugins.valuestream.steps;

import hudson.AbortException;
import hudson.Extension;
import hudson.Util;
import hudson.util.FormValidation;
import io.jenkins.plugins.valuestream.budget.BudgetEvaluator;
import io.jenkins.plugins.valuestream.budget.BudgetSpec;
import io.jenkins.plugins.valuestream.budget.BudgetVerdict;
import io.jenkins.plugins.valuestream.config.ValueStreamConfiguration;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jspecify.annotations.Nullable;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;

/**
 * {@code valueStream(waitBudget: '15m') { ... }}, or in Declarative {@code options { valueStream(waitBudget: '15m') }}:
 * holds the whole run (its queue wait, every wait inside and around the block so far) to a wait budget and a
 * lead-time budget while its body runs. Every parameter is optional; a block that names no budget is held to the
 * global default wait budget, if there is one.
 */
public final class ValueStreamStep extends BudgetedStep {
    private static final long serialVersionUID = 1L;

    private @Nullable String leadTimeBudget;

    @DataBoundConstructor
    public ValueStreamStep() {
    }

    /** The longest lead time (queue entry to completion) the run may have. */
    public @Nullable String getLeadTimeBudget() {
        return leadTimeBudget;
    }

    @DataBoundSetter
    public void setLeadTimeBudget(@Nullable String leadTimeBudget) {
        this.leadTimeBudget = Util.fixEmptyAndTrim(leadTimeBudget);
    }

    /**
     * The budgets this step asks for: its own, or the default wait budget when it names no budget at all.
     *
     * @throws AbortException naming the parameter that is wrong and its accepted forms
     */
    BudgetSpec spec(@Nullable Long defaultWaitBudgetMillis) throws AbortException {
        return parsed("valueStream", () -> BudgetSpec.parse(getWaitBudget(), leadTimeBudget, getCountedWaits(),
                getBudgetResult())).withDefaultWaitBudget(defaultWaitBudgetMillis);
    }

    @Override
    boolean hasBudget(@Nullable Long defaultWaitBudgetMillis) throws AbortException {
        return !spec(defaultWaitBudgetMillis).isEmpty();
    }

    @Override
    BudgetVerdict verdict(ProcessMap map, String blockId, @Nullable Long defaultWaitBudgetMillis)
            throws AbortException {
        return BudgetEvaluator.evaluate(spec(defaultWaitBudgetMillis), map);
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return start(context, ValueStreamConfiguration.get().defaultWaitBudgetMillis());
    }

    @Extension
    @Symbol("valueStream")
    public static final class DescriptorImpl extends BudgetedStepDescriptor {
        @Override
        public String getFunctionName() {
            return "valueStream";
        }

        @Override
        public String getDisplayName() {
            return Messages.ValueStreamStep_displayName();
        }

        public FormValidation doCheckLeadTimeBudget(@QueryParameter String value) {
            return checkDuration("leadTimeBudget", value);
        }
    }
}
