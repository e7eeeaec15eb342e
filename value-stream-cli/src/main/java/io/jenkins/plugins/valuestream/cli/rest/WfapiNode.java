package io.jenkins.plugins.valuestream.cli.rest;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An atom step inside a stage ({@code stageFlowNodes} of a stage's describe).
 *
 * @param id its flow node id
 * @param name the step's display name ({@code Shell Script}, {@code Wait for interactive input}, ...)
 * @param parameterDescription the step's main argument as the API abbreviates it (a script, a message), or
 *     {@code null}
 * @param status as for stages
 * @param startTimeMillis its start (0 for a node that never ran)
 * @param durationMillis the time until the next flow node started
 * @param pauseDurationMillis the time it spent paused (an {@code input} waiting for its answer)
 * @param parentNodes the ids of the nodes before it
 * @param error the error's type and message where it failed, or {@code null}
 */
public record WfapiNode(
        String id,
        String name,
        @Nullable String parameterDescription,
        String status,
        long startTimeMillis,
        long durationMillis,
        long pauseDurationMillis,
        List<String> parentNodes,
        @Nullable String error) {

    public WfapiNode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        parentNodes = List.copyOf(parentNodes);
    }

    public boolean executed() {
        return !WfapiStatus.NOT_EXECUTED.equals(status) && startTimeMillis > 0;
    }
}
