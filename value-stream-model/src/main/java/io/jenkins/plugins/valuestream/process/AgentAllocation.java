package io.jenkins.plugins.valuestream.process;

import java.util.Objects;

/**
 * One agent allocation ({@code node}, {@code agent}, docker): which label was asked for, in which step, and how long
 * the run waited for it.
 *
 * @param label the label expression asked for, or the empty string for "any agent"
 * @param step the process-map step the allocation was made in
 * @param startedAt when the allocation was asked for (epoch milliseconds)
 * @param waitMillis how long it took to get the agent (still open: until "now")
 * @param holdMillis how long the agent was held (body start to body end)
 */
public record AgentAllocation(String label, StepPath step, long startedAt, long waitMillis, long holdMillis) {
    public AgentAllocation {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(step, "step");
    }
}
