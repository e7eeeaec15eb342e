package io.jenkins.plugins.valuestream.recording;

import io.jenkins.plugins.valuestream.graph.FlowGraph;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.ProcessMapExtractor;
import org.jenkinsci.plugins.workflow.flow.FlowExecution;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jspecify.annotations.Nullable;

/** The process map of a Pipeline run, running or complete, computed by the model from the live flow graph. */
public final class ProcessMaps {
    private ProcessMaps() {
    }

    /**
     * The run's process map as of {@code now} (ignored once the run has completed: its completion is used), or
     * {@code null} when the run has no flow graph (it failed before its flow started, or its graph was deleted).
     */
    public static @Nullable ProcessMap of(WorkflowRun run, long now) {
        FlowExecution execution = run.getExecution();
        if (execution == null) {
            return null;
        }
        return of(run, execution, now);
    }

    /** The process map of the run that owns the given execution, as of {@code now}. */
    public static @Nullable ProcessMap of(WorkflowRun run, FlowExecution execution, long now) {
        FlowGraph graph = FlowGraphAdapter.adapt(execution);
        if (graph.isEmpty()) {
            return null;
        }
        return ProcessMapExtractor.extract(RunInfos.of(run), graph, now);
    }
}
