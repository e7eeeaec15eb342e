package io.jenkins.plugins.valuestream.recording;

import hudson.PluginWrapper;
import hudson.model.Run;
import jenkins.metrics.impl.TimeInQueueAction;
import jenkins.model.Jenkins;
import org.jspecify.annotations.Nullable;

/**
 * The build-queue wait that the Metrics plugin recorded for a run ({@code TimeInQueueAction}), for runs that this
 * plugin did not stamp itself (runs from before it was installed). The Metrics plugin is an optional dependency: its
 * classes are touched only after checking that it is installed and active.
 */
final class MetricsQueueTime {
    private MetricsQueueTime() {
    }

    /** The run's time in the build queue in milliseconds, or {@code null} where the Metrics plugin did not record it. */
    static @Nullable Long queuingMillis(Run<?, ?> run) {
        Jenkins jenkins = Jenkins.getInstanceOrNull();
        if (jenkins == null) {
            return null;
        }
        PluginWrapper metrics = jenkins.getPluginManager().getPlugin("metrics");
        if (metrics == null || !metrics.isActive()) {
            return null;
        }
        return Reader.read(run);
    }

    /** Loaded only when the Metrics plugin is there. */
    private static final class Reader {
        private Reader() {
        }

        static @Nullable Long read(Run<?, ?> run) {
            TimeInQueueAction action = run.getAction(TimeInQueueAction.class);
            return action == null ? null : action.getQueuingDurationMillis();
        }
    }
}
