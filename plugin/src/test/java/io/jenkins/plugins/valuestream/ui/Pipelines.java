package io.jenkins.plugins.valuestream.ui;

import static org.assertj.core.api.Assertions.fail;

import io.jenkins.plugins.valuestream.process.ProcessMap;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jvnet.hudson.test.JenkinsRule;

/** Pipeline jobs for the tests, from the Jenkinsfiles in this package's test resources. */
final class Pipelines {
    /** A Declarative Pipeline: Build, Test with the parallel stages Unit and Integration, Deploy. */
    static final String DECLARATIVE = "declarative.groovy";
    /** A scripted Pipeline: Checkout, then Build and Package inside a node block. */
    static final String SCRIPTED = "scripted.groovy";
    /** A scripted Pipeline whose stage names are markup: {@code <img src=x onerror=alert(1)>} and more. */
    /** Declarative, one agent: the same three-second "install" in two stages. */
    static final String DUPLICATE_INSTALL = "duplicate-install.groovy";
    static final String XSS = "xss.groovy";
    /** The stage name that must show as text everywhere. */
    static final String XSS_STAGE = "<img src=x onerror=alert(1)>";

    private static final long RECORDING_TIMEOUT_MILLIS = 60_000;

    private Pipelines() {
    }

    /** A Pipeline job running the given Jenkinsfile of the test resources (sandboxed). */
    static WorkflowJob job(JenkinsRule j, String name, String jenkinsfile) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, name);
        job.setDefinition(new CpsFlowDefinition(script(jenkinsfile), true));
        return job;
    }

    static String script(String jenkinsfile) throws IOException {
        try (InputStream in = Pipelines.class.getResourceAsStream(jenkinsfile)) {
            if (in == null) {
                throw new IOException("No test resource " + jenkinsfile + " beside " + Pipelines.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * The job's recorded runs once its store holds {@code runs} of them: the store is appended when a run
     * completes, which may be a moment after the build is reported done.
     */
    static List<ProcessMap> awaitRecorded(WorkflowJob job, int runs) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + RECORDING_TIMEOUT_MILLIS;
        List<ProcessMap> recorded = JobRecords.read(job).runs();
        while (recorded.size() < runs) {
            if (System.currentTimeMillis() > deadline) {
                fail("The store of " + job.getFullName() + " holds " + recorded.size() + " runs, expected " + runs);
            }
            Thread.sleep(100);
            recorded = JobRecords.read(job).runs();
        }
        return recorded;
    }
}
