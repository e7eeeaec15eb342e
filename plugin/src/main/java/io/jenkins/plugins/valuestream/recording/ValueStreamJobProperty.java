package io.jenkins.plugins.valuestream.recording;

import hudson.Extension;
import hudson.model.Job;
import jenkins.model.OptionalJobProperty;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The value-stream settings of one Pipeline job: for now whether its runs are recorded at all (a job can opt out
 * while the global switch is on). In a Jenkinsfile: {@code properties([valueStreamSettings(recording: false)])}, or
 * in Declarative {@code options { valueStreamSettings(recording: false) }}.
 */
public final class ValueStreamJobProperty extends OptionalJobProperty<WorkflowJob> {
    private boolean recording = true;

    @DataBoundConstructor
    public ValueStreamJobProperty() {
    }

    /** Whether the runs of this job are recorded (when the global switch is on too). */
    public boolean isRecording() {
        return recording;
    }

    @DataBoundSetter
    public void setRecording(boolean recording) {
        this.recording = recording;
    }

    @Extension
    @Symbol("valueStreamSettings")
    public static final class DescriptorImpl extends OptionalJobPropertyDescriptor {
        @Override
        public String getDisplayName() {
            return Messages.ValueStreamJobProperty_displayName();
        }

        @Override
        @SuppressWarnings("rawtypes")
        public boolean isApplicable(Class<? extends Job> jobType) {
            return WorkflowJob.class.isAssignableFrom(jobType);
        }
    }
}
