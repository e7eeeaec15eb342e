package io.jenkins.plugins.valuestream.cli.rest;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A stage as the Stage View REST API lists it. Stages nested in other stages or in parallel branches are listed flat,
 * beside the others, with overlapping times.
 *
 * @param id the flow node id of the stage's start (empty where the API's version gave none)
 * @param name the stage name
 * @param status as for runs; {@code NOT_EXECUTED} for a stage that was skipped
 * @param startTimeMillis its start (0 for a stage that never ran)
 * @param durationMillis its duration, agent waits inside the stage included
 * @param pauseDurationMillis the time its nodes spent paused (input)
 * @param error the error's type and message where the stage failed, or {@code null}
 * @param flowNodes its atom steps from the stage's own describe ({@code execution/node/<id>/wfapi/describe}), in
 *     start order, or {@code null} where they were not read
 */
public record WfapiStage(
        String id,
        String name,
        String status,
        long startTimeMillis,
        long durationMillis,
        long pauseDurationMillis,
        @Nullable String error,
        @Nullable List<WfapiNode> flowNodes) {

    public WfapiStage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        flowNodes = flowNodes == null ? null : List.copyOf(flowNodes);
    }

    /** Whether the stage ran (a skipped stage is {@code NOT_EXECUTED} and has no start time). */
    public boolean executed() {
        return !WfapiStatus.NOT_EXECUTED.equals(status) && startTimeMillis > 0;
    }

    public long endTimeMillis() {
        return startTimeMillis + durationMillis;
    }

    /** This stage with the atom steps read from its own describe. */
    public WfapiStage withFlowNodes(List<WfapiNode> nodes) {
        return new WfapiStage(id, name, status, startTimeMillis, durationMillis, pauseDurationMillis, error, nodes);
    }
}
