package io.jenkins.plugins.valuestream.cli.rest;

import io.jenkins.plugins.valuestream.graph.RunResult;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The status values of the Stage View REST API ({@code StatusExt}) and what they mean for the model. */
final class WfapiStatus {
    static final String SUCCESS = "SUCCESS";
    static final String FAILED = "FAILED";
    static final String ABORTED = "ABORTED";
    static final String UNSTABLE = "UNSTABLE";
    static final String NOT_EXECUTED = "NOT_EXECUTED";
    static final String IN_PROGRESS = "IN_PROGRESS";
    static final String PAUSED_PENDING_INPUT = "PAUSED_PENDING_INPUT";

    static final List<String> ALL = List.of(SUCCESS, FAILED, ABORTED, UNSTABLE, NOT_EXECUTED, IN_PROGRESS,
            PAUSED_PENDING_INPUT);

    private WfapiStatus() {
    }

    static boolean known(String status) {
        return ALL.contains(status);
    }

    static boolean running(String status) {
        return IN_PROGRESS.equals(status) || PAUSED_PENDING_INPUT.equals(status);
    }

    /** The Jenkins result of a finished run with this status, or {@code null} while it runs. */
    static @Nullable RunResult result(String status) {
        return switch (status) {
            case SUCCESS -> RunResult.SUCCESS;
            case FAILED -> RunResult.FAILURE;
            case ABORTED -> RunResult.ABORTED;
            case UNSTABLE -> RunResult.UNSTABLE;
            case NOT_EXECUTED -> RunResult.NOT_BUILT;
            default -> null;
        };
    }
}
