package io.jenkins.plugins.valuestream.history;

import hudson.Extension;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.recording.ProcessMapListener;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Appends every recorded run to its job's store: when the run completes, and when an older run is back-filled. A
 * store that cannot be written loses nothing for good: the process map stays on the run, and "Rebuild store" reads it
 * back.
 */
@Extension
public final class StoreAppender extends ProcessMapListener {
    private static final Logger LOGGER = Logger.getLogger(StoreAppender.class.getName());

    @Override
    public void onRecorded(Run<?, ?> run, ProcessMap map) {
        if (map.running()) {
            return;
        }
        Job<?, ?> job = run.getParent();
        try {
            JobHistory.store(job).append(map);
        } catch (IOException | RuntimeException e) {
            LOGGER.log(Level.WARNING, "Could not add " + run + " to the value-stream store of " + job.getFullName()
                    + "; rebuild the store from the job's Value Stream tab", e);
        }
    }
}
