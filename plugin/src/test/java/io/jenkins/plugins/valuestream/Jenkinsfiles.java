package io.jenkins.plugins.valuestream;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.recording.ProcessMapAction;
import io.jenkins.plugins.valuestream.recording.RecordingListener;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jvnet.hudson.test.JenkinsRule;

/** The Jenkinsfiles of the tests, kept as files under {@code jenkinsfiles/} in the test resources. */
public final class Jenkinsfiles {
    private static final long RECORDING_TIMEOUT_MILLIS = 60_000;

    private Jenkinsfiles() {
    }

    /** A new Pipeline job running the named Jenkinsfile in the sandbox. */
    public static WorkflowJob job(JenkinsRule r, String name, String jenkinsfile) throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class, name);
        job.setDefinition(new CpsFlowDefinition(read(jenkinsfile), true));
        return job;
    }

    /** The text of a Jenkinsfile of the test resources, e.g. {@code scripted-node.groovy}. */
    public static String read(String jenkinsfile) throws IOException {
        try (InputStream in = Jenkinsfiles.class.getResourceAsStream("jenkinsfiles/" + jenkinsfile)) {
            if (in == null) {
                throw new IOException("No test Jenkinsfile " + jenkinsfile);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * The run, once the recording of its completion has ended: a run is recorded on a thread of the plugin's own a
     * moment after Jenkins reports it done.
     */
    public static WorkflowRun awaitRecording(WorkflowRun run) throws InterruptedException {
        long deadline = System.currentTimeMillis() + RECORDING_TIMEOUT_MILLIS;
        while (RecordingListener.isPending(run)) {
            assertThat(System.currentTimeMillis()).as("%s is still being recorded", run).isLessThan(deadline);
            Thread.sleep(50);
        }
        return run;
    }

    /** The process map recorded for a completed run; fails the test where there is none. */
    public static ProcessMap processMap(WorkflowRun run) throws InterruptedException {
        awaitRecording(run);
        ProcessMapAction action = run.getAction(ProcessMapAction.class);
        assertThat(action).as("no process map recorded for %s", run).isNotNull();
        ProcessMap map = action.getProcessMap();
        assertThat(map).as("the process map of %s cannot be read: %s", run, action.getUnavailableReason()).isNotNull();
        return map;
    }
}
