package io.jenkins.plugins.valuestream.cli.rest;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A run as the Stage View REST API describes it ({@code <run>/wfapi/describe}).
 *
 * @param id the run id (the build number on Jenkins 1.597 and later, a date before)
 * @param name the display name ({@code #12} unless renamed)
 * @param status {@code SUCCESS}, {@code FAILED}, {@code ABORTED}, {@code UNSTABLE}, {@code NOT_EXECUTED},
 *     {@code IN_PROGRESS} or {@code PAUSED_PENDING_INPUT}
 * @param startTimeMillis when the run started executing
 * @param endTimeMillis when it ended (0 or absent where unknown, "now" while running)
 * @param durationMillis its duration as the API computed it (see {@link WfapiGraphSynthesizer} on its meaning)
 * @param queueDurationMillis the API's "queue duration", or {@code null} where absent; NOT the build-queue wait
 * @param pauseDurationMillis the time its nodes spent paused (input), 0 where absent
 * @param stages its stages in the order the API gave them
 */
public record WfapiRun(
        String id,
        String name,
        String status,
        long startTimeMillis,
        long endTimeMillis,
        long durationMillis,
        @Nullable Long queueDurationMillis,
        long pauseDurationMillis,
        List<WfapiStage> stages) {

    public WfapiRun {
        Objects.requireNonNull(status, "status");
        stages = List.copyOf(stages);
    }

    /** Whether the run is still going (running or waiting for input). */
    public boolean running() {
        return WfapiStatus.running(status);
    }
}
