package io.jenkins.plugins.valuestream.recording;

import hudson.ExtensionList;
import hudson.ExtensionPoint;
import hudson.model.Run;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Told of every process map recorded, when a run completes or when an older run is back-filled: the per-job store
 * appends the run's record here, so that the Value Stream tab never has to load runs.
 */
public abstract class ProcessMapListener implements ExtensionPoint {
    private static final Logger LOGGER = Logger.getLogger(ProcessMapListener.class.getName());

    /**
     * A process map was recorded for a completed run. Called on the thread that recorded it; keep it short.
     *
     * @param run the run, already carrying its {@link ProcessMapAction}
     * @param map its process map
     */
    public abstract void onRecorded(Run<?, ?> run, ProcessMap map);

    static void fireRecorded(Run<?, ?> run, ProcessMap map) {
        for (ProcessMapListener listener : ExtensionList.lookup(ProcessMapListener.class)) {
            try {
                listener.onRecorded(run, map);
            } catch (RuntimeException e) {
                LOGGER.log(Level.WARNING, listener + " failed on the process map of " + run, e);
            }
        }
    }
}
