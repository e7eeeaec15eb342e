package io.jenkins.plugins.valuestream.recording;

import hudson.model.Cause;
import hudson.model.Result;
import hudson.model.Run;
import hudson.scm.ChangeLogSet;
import io.jenkins.plugins.valuestream.graph.Change;
import io.jenkins.plugins.valuestream.graph.RunInfo;
import io.jenkins.plugins.valuestream.graph.RunResult;
import io.jenkins.plugins.valuestream.graph.UpstreamCause;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jspecify.annotations.Nullable;

/** What the model needs to know of a {@link Run} besides its flow graph. */
public final class RunInfos {
    private static final Logger LOGGER = Logger.getLogger(RunInfos.class.getName());

    private RunInfos() {
    }

    /**
     * The run as the model sees it. A run that is still building has no result and no completion yet, even where
     * a step has already set its result to {@code UNSTABLE} or {@code FAILURE}.
     */
    public static RunInfo of(Run<?, ?> run) {
        long startedAt = run.getStartTimeInMillis();
        boolean building = run.isBuilding();
        Result result = building ? null : run.getResult();
        Long completedAt = building ? null : startedAt + run.getDuration();
        return new RunInfo(run.getNumber(), result == null ? null : RunResult.fromName(result.toString()), queuedAt(run, startedAt),
                startedAt, completedAt, upstream(run)).withChanges(changes(run));
    }

    /**
     * The changes (commits) the run built, from its SCM checkouts' change logs, each commit once; {@code null}
     * (unknown) for a run that is not a Pipeline run, checked nothing out (no SCM tells what it built) or whose change
     * logs cannot be read. The time is the one the SCM
     * plugin gives ({@code ChangeLogSet.Entry.getTimestamp()}: the git plugin's committer time, or the author's where
     * it is set to use that); {@code null} where it gives none.
     */
    static @Nullable List<Change> changes(Run<?, ?> run) {
        if (!(run instanceof WorkflowRun workflow)) {
            return null;
        }
        try {
            if (workflow.getSCMs().isEmpty()) {
                return null;
            }
            Map<String, Change> changes = new LinkedHashMap<>();
            for (ChangeLogSet<? extends ChangeLogSet.Entry> set : workflow.getChangeSets()) {
                for (ChangeLogSet.Entry entry : set) {
                    String id = entry.getCommitId();
                    if (id != null && !id.isBlank()) {
                        long timestamp = entry.getTimestamp();
                        changes.putIfAbsent(id, new Change(id, timestamp > 0 ? timestamp : null));
                    }
                }
            }
            return List.copyOf(changes.values());
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "Cannot read the changes of " + run + "; its lead time for changes is unknown",
                    e);
            return null;
        }
    }

    /**
     * The runs that started this one, in the order Jenkins lists its causes: each {@link Cause.UpstreamCause} (a
     * trigger of another job, "build after other projects", the Pipeline {@code build} step's cause, which extends
     * it). Chains of jobs are linked by these (docs/definitions.md, "Chains of jobs"). The {@code build} step's node
     * is not named: its cause lives in a plugin this one does not depend on, and the model matches the step by time.
     */
    static List<UpstreamCause> upstream(Run<?, ?> run) {
        List<UpstreamCause> causes = new ArrayList<>();
        for (Cause cause : run.getCauses()) {
            if (cause instanceof Cause.UpstreamCause upstream && !upstream.getUpstreamProject().isEmpty()) {
                causes.add(UpstreamCause.of(upstream.getUpstreamProject(), upstream.getUpstreamBuild()));
            }
        }
        return causes;
    }

    /**
     * When the run entered the build queue: the stamp of {@link QueueStamps}, else the Metrics plugin's queue time
     * counted back from the run's creation (the moment it left the queue), else unknown. Never after the start.
     */
    static @Nullable Long queuedAt(Run<?, ?> run, long startedAt) {
        QueueEntryAction stamp = run.getAction(QueueEntryAction.class);
        if (stamp != null) {
            return Math.min(stamp.getEnteredAt(), startedAt);
        }
        Long queuing = MetricsQueueTime.queuingMillis(run);
        if (queuing != null && queuing >= 0) {
            return Math.min(run.getTimeInMillis() - queuing, startedAt);
        }
        return null;
    }
}
