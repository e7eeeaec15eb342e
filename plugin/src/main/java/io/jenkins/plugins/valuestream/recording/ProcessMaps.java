package io.jenkins.plugins.valuestream.recording;

import io.jenkins.plugins.valuestream.graph.FlowGraph;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.ProcessMapExtractor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jenkinsci.plugins.workflow.flow.FlowExecution;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jspecify.annotations.Nullable;

/** The process map of a Pipeline run, running or complete, computed by the model from the live flow graph. */
public final class ProcessMaps {
    private static final Logger LOGGER = Logger.getLogger(ProcessMaps.class.getName());

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
        long started = System.nanoTime();
        FlowGraph graph = FlowGraphAdapter.adapt(execution);
        if (graph.isEmpty()) {
            return null;
        }
        long read = System.nanoTime();
        ProcessMap map = ProcessMapExtractor.extract(RunInfos.of(run), graph, now);
        if (LOGGER.isLoggable(Level.FINE)) {
            // What a slow controller's log recorder can tell: how much of the time is reading the flow graph.
            LOGGER.log(Level.FINE, "Process map of {0}: {1} flow nodes read in {2} ms, extracted in {3} ms",
                    new Object[] {run, graph.size(), millis(read - started), millis(System.nanoTime() - read)});
        }
        return map;
    }

    static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
