package io.jenkins.plugins.valuestream.recording;

import hudson.model.Run;
import io.jenkins.plugins.valuestream.codec.ProcessMapCodec;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.RunAction2;
import org.jspecify.annotations.Nullable;

/**
 * The process map of a completed Pipeline run, kept on the run and saved in its {@code build.xml}: one string in the
 * model's compact JSON form (a few kilobytes for a run of 30 stages), read back on demand. A run that has no process
 * map (its flow graph is gone) keeps the reason instead, so that views can say so rather than show nothing.
 */
public final class ProcessMapAction implements RunAction2 {
    private static final Logger LOGGER = Logger.getLogger(ProcessMapAction.class.getName());

    private final @Nullable String processMap;
    private final @Nullable String unavailable;

    private transient @Nullable Run<?, ?> run;
    private transient volatile @Nullable ProcessMap decoded;

    private ProcessMapAction(@Nullable String processMap, @Nullable String unavailable) {
        this.processMap = processMap;
        this.unavailable = unavailable;
    }

    /** The action keeping the given map. */
    public static ProcessMapAction of(ProcessMap map) {
        ProcessMapAction action = new ProcessMapAction(ProcessMapCodec.write(map), null);
        action.decoded = map;
        return action;
    }

    /** The action of a run that has no process map, saying why. */
    public static ProcessMapAction unavailable(String reason) {
        return new ProcessMapAction(null, reason);
    }

    /** The run's process map, or {@code null} where it has none or the stored form cannot be read. */
    public @Nullable ProcessMap getProcessMap() {
        ProcessMap map = decoded;
        if (map == null && processMap != null) {
            try {
                map = ProcessMapCodec.read(processMap);
                decoded = map;
            } catch (IllegalArgumentException e) {
                LOGGER.log(Level.WARNING, "Cannot read the process map of {0}: {1}",
                        new Object[] {run, e.getMessage()});
            }
        }
        return map;
    }

    /** Why the run has no process map, or {@code null} where it has one. */
    public @Nullable String getUnavailableReason() {
        return processMap == null ? unavailable : null;
    }

    public @Nullable Run<?, ?> getRun() {
        return run;
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public @Nullable String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return Messages.ProcessMapAction_displayName();
    }

    @Override
    public @Nullable String getUrlName() {
        return null;
    }
}
