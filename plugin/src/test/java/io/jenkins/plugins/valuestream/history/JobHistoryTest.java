package io.jenkins.plugins.valuestream.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.valuestream.process.ProcessMap;
import java.nio.file.Files;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;

/** The job's store follows its runs: appended when a run is recorded, a deleted build removed, rebuilt if lost. */
public class JobHistoryTest {
    private static final long TIMEOUT_MILLIS = 60_000;

    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Test
    public void completedRunsAreAppendedToTheStoreInTheJobsFolder() throws Exception {
        WorkflowJob job = job();
        j.buildAndAssertSuccess(job);
        j.buildAndAssertSuccess(job);

        List<ProcessMap> runs = await(job, 2);

        assertThat(runs.stream().map(ProcessMap::number).toList()).containsExactly(1, 2);
        assertThat(job.getRootDir().toPath().resolve("value-stream/runs.vsj")).isRegularFile();
    }

    @Test
    public void deletedBuildLeavesTheStore() throws Exception {
        WorkflowJob job = job();
        WorkflowRun first = j.buildAndAssertSuccess(job);
        j.buildAndAssertSuccess(job);
        await(job, 2);

        first.delete();

        assertThat(JobHistory.read(job).runs().stream().map(ProcessMap::number).toList()).containsExactly(2);
    }

    @Test
    public void deletedStoreIsRebuiltFromTheRuns() throws Exception {
        WorkflowJob job = job();
        j.buildAndAssertSuccess(job);
        j.buildAndAssertSuccess(job);
        List<ProcessMap> before = await(job, 2);
        Files.delete(JobHistory.file(job));
        assertThat(JobHistory.isMissing(job)).isTrue();

        JobHistory.rebuildInBackground(job);

        List<ProcessMap> after = await(job, 2);
        assertThat(after.stream().map(ProcessMap::number).toList())
                .isEqualTo(before.stream().map(ProcessMap::number).toList());
        assertThat(after.get(1).leadTimeMillis()).isEqualTo(before.get(1).leadTimeMillis());
    }

    private WorkflowJob job() throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "p");
        job.setDefinition(new CpsFlowDefinition("stage('Build') { echo 'compiling' }", true));
        return job;
    }

    private static List<ProcessMap> await(WorkflowJob job, int runs) throws Exception {
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        List<ProcessMap> recorded = JobHistory.read(job).runs();
        while (recorded.size() < runs || JobHistory.isRebuilding(job)) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("The store holds " + recorded.size() + " runs, expected " + runs);
            }
            Thread.sleep(100);
            recorded = JobHistory.read(job).runs();
        }
        return recorded;
    }
}
