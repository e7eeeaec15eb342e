package io.jenkins.plugins.valuestream.recording;

import hudson.model.Job;
import io.jenkins.plugins.valuestream.config.ValueStreamConfiguration;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jspecify.annotations.Nullable;

/** Whether a job's runs are recorded, and the recording of one completed run. */
public final class Recording {
    private static final Logger LOGGER = Logger.getLogger(Recording.class.getName());

    private Recording() {
    }

    /** Whether runs of the job are recorded: the global switch is on and the job has not opted out. */
    public static boolean isEnabledFor(Job<?, ?> job) {
        if (!ValueStreamConfiguration.get().isRecording()) {
            return false;
        }
        ValueStreamJobProperty property = job.getProperty(ValueStreamJobProperty.class);
        return property == null || property.isRecording();
    }

    /**
     * Computes the process map of a completed run and keeps it on the run (replacing any it had), then tells the
     * {@link ProcessMapListener}s. The caller saves the run, and calls this on a thread of the plugin's own, never the
     * run's CPS VM thread: reading a large flow graph takes a while. Never throws: a run whose graph cannot be read gets an
     * action saying so, and the failure is logged.
     *
     * @return the map, or {@code null} where the run has none
     */
    public static @Nullable ProcessMap record(WorkflowRun run) {
        long started = System.nanoTime();
        ProcessMap map;
        try {
            map = ProcessMaps.of(run, System.currentTimeMillis());
        } catch (RuntimeException | LinkageError e) {
            LOGGER.log(Level.WARNING, "Cannot compute the process map of " + run, e);
            run.addOrReplaceAction(ProcessMapAction.unavailable(Messages.Recording_failed(String.valueOf(e))));
            return null;
        }
        if (map == null) {
            run.addOrReplaceAction(ProcessMapAction.unavailable(Messages.Recording_noFlowGraph()));
            return null;
        }
        long computed = System.nanoTime();
        run.addOrReplaceAction(ProcessMapAction.of(map));
        ProcessMapListener.fireRecorded(run, map);
        if (LOGGER.isLoggable(Level.FINE)) {
            long now = System.nanoTime();
            LOGGER.log(Level.FINE, "Recorded {0} in {1} ms: process map {2} ms, kept and stored {3} ms",
                    new Object[] {run, ProcessMaps.millis(now - started), ProcessMaps.millis(computed - started),
                        ProcessMaps.millis(now - computed)});
        }
        return map;
    }
}
