package io.jenkins.plugins.valuestream.steps;

import hudson.AbortException;
import hudson.Extension;
import hudson.Util;
import hudson.util.FormValidation;
import io.jenkins.plugins.valuestream.budget.BudgetEvaluator;
import io.jenkins.plugins.valuestream.budget.BudgetSpec;
import io.jenkins.plugins.valuestream.budget.BudgetVerdict;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.ProcessStep;
import io.jenkins.plugins.valuestream.process.StepPath;
import io.jenkins.plugins.valuestream.time.Durations;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jspecify.annotations.Nullable;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;

/**
 * {@code processStep('Manual QA') { ... }}: an explicit process-map step where stages do not fit (scripted Pipelines,
 * shared libraries), optionally with a wait budget of its own ({@code processStep(name: 'Deploy', waitBudget: '10m')})
 * that holds each pass through the step (not the whole run, not an earlier pass in a loop), and marked as the
 * deployment ({@code processStep(name: 'Deploy', deploys: true)}). The model finds the step by this step's descriptor
 * id and reads its {@code name} and {@code deploys} arguments, so all three stay as they are.
 */
public final class ProcessStepStep extends BudgetedStep {
    private static final long serialVersionUID = 1L;

    private final String name;
    private boolean deploys;

    @DataBoundConstructor
    public ProcessStepStep(String name) {
        this.name = name;
    }

    /** The step's name on the process map. */
    public String getName() {
        return name;
    }

    /**
     * Whether the step deploys to production: its successful end is a deployment for the delivery figures (DORA:
     * lead time for changes, deployment frequency, change failure rate; docs/definitions.md). The model reads it as
     * this step's {@code deploys} argument, so it keeps that name.
     */
    public boolean isDeploys() {
        return deploys;
    }

    @DataBoundSetter
    public void setDeploys(boolean deploys) {
        this.deploys = deploys;
    }

    /**
     * The budget of this step once its place on the process map is known.
     *
     * @throws AbortException naming the parameter that is wrong and its accepted forms
     */
    BudgetSpec spec(StepPath path) throws AbortException {
        String step = "processStep '" + name + "'";
        BudgetSpec spec = parsed(step, () -> BudgetSpec.parse(null, null, getCountedWaits(), getBudgetResult()));
        String waitBudget = getWaitBudget();
        return waitBudget == null ? spec
                : spec.withStepWaitBudget(path, parsed(step, () -> Durations.parse("waitBudget", waitBudget)));
    }

    /** Only a wait budget of its own holds a {@code processStep}: the default wait budget is for the whole run. */
    @Override
    boolean hasBudget(@Nullable Long defaultWaitBudgetMillis) throws AbortException {
        return !spec(StepPath.of(name)).isEmpty();
    }

    @Override
    @Nullable BudgetVerdict verdict(ProcessMap map, String blockId, @Nullable Long defaultWaitBudgetMillis)
            throws AbortException {
        ProcessStep self = map.steps().stream().filter(s -> blockId.equals(s.nodeId())).findFirst().orElse(null);
        if (self == null) {
            return null;
        }
        return BudgetEvaluator.evaluate(spec(self.path()), map).ofStep(self.path(), self.occurrence());
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        if (Util.fixEmptyAndTrim(name) == null) {
            throw new AbortException(Messages.ProcessStepStep_nameRequired());
        }
        return start(context, null);
    }

    @Extension
    @Symbol("processStep")
    public static final class DescriptorImpl extends BudgetedStepDescriptor {
        @Override
        public String getFunctionName() {
            return "processStep";
        }

        @Override
        public String getDisplayName() {
            return Messages.ProcessStepStep_displayName();
        }

        public FormValidation doCheckName(@QueryParameter String value) {
            return Util.fixEmptyAndTrim(value) == null
                    ? FormValidation.error(Messages.ProcessStepStep_nameRequired()) : FormValidation.ok();
        }
    }
}
