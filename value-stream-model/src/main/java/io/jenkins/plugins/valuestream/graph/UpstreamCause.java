package io.jenkins.plugins.valuestream.graph;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A run that started this one: Jenkins' {@code UpstreamCause} (a freestyle trigger, "build after other projects")
 * or the Pipeline {@code build} step's {@code BuildUpstreamCause}. Chains of jobs are linked by these.
 *
 * @param job the upstream job's full name ({@code team/app}, {@code repo/branch})
 * @param build the upstream run's build number
 * @param nodeId the id of the upstream run's {@code build} step node that triggered this run, or {@code null} where
 *     the cause does not say (every cause but {@code BuildUpstreamCause})
 */
public record UpstreamCause(String job, int build, @Nullable String nodeId) {
    public UpstreamCause {
        Objects.requireNonNull(job, "job");
        if (job.isEmpty()) {
            throw new IllegalArgumentException("An upstream cause needs the upstream job's name");
        }
    }

    /** A cause that does not name the triggering node. */
    public static UpstreamCause of(String job, int build) {
        return new UpstreamCause(job, build, null);
    }
}
