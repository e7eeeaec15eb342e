package io.jenkins.plugins.valuestream.process;

import io.jenkins.plugins.valuestream.graph.StepFunctions;
import java.util.Objects;

/**
 * An error that arose in a run: where, in which Pipeline step, and what it said. Each error is kept once, where it
 * arose (the step that threw it), not on every block it travelled up through (docs/definitions.md, "Failures and
 * decisions").
 *
 * @param step the process-map step it arose in ({@link StepPath#OUTSIDE} outside every step)
 * @param function the descriptor id of the Pipeline step that threw it ({@code ...durable_task.ShellStep}), or the
 *     empty string where the error arose outside any step (the flow itself)
 * @param command what that step ran, for a script step ({@code sh}, {@code bat}, {@code powershell}): the first line
 *     of its script, cut to {@link #MAX_COMMAND} characters ("…" marks a cut); the empty string otherwise, and where
 *     Jenkins did not keep the script
 * @param error the error as Jenkins recorded it: its class and message ({@code hudson.AbortException: script
 *     returned exit code 1}); for an interruption, its causes as Jenkins describes them ({@code
 *     ...FlowInterruptedException: Aborted by alice})
 * @param at when it arose: the end of the step that threw it (epoch milliseconds)
 * @param endedRun whether the run ended with this error (its flow end carries it); an error the Pipeline caught
 *     ({@code try}/{@code catch}, {@code catchError}, a failed {@code retry} attempt) did not
 */
public record StepFailure(StepPath step, String function, String command, String error, long at, boolean endedRun) {
    /** The most errors kept per run: the first ones are what users look for, and a loop can throw thousands. */
    public static final int MAX_PER_RUN = 10;
    /** The longest {@link #command} kept. */
    public static final int MAX_COMMAND = 200;

    /** The exception class of an interruption: an abort, a rejected input, a timeout. */
    public static final String INTERRUPTED = "org.jenkinsci.plugins.workflow.steps.FlowInterruptedException";

    public StepFailure {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(error, "error");
    }

    /** The name users write for the step that threw it ({@code sh}, {@code error}), or "" where none. */
    public String functionName() {
        return function.isEmpty() ? "" : StepFunctions.displayName(function);
    }

    /** Whether the error is an interruption (an abort, a rejected input, a timeout) rather than a failure. */
    public boolean interruption() {
        return error.startsWith(INTERRUPTED);
    }

    /**
     * The error as a user reads it: the message alone for Jenkins' own "this step failed" exceptions
     * ({@code hudson.AbortException}, an interruption's causes), else the class's simple name and the message.
     */
    public String message() {
        int colon = error.indexOf(": ");
        String type = colon < 0 ? error : error.substring(0, colon);
        String text = colon < 0 ? "" : error.substring(colon + 2).strip();
        if (type.equals("hudson.AbortException") || type.equals(INTERRUPTED)) {
            return text.isEmpty() ? (type.equals(INTERRUPTED) ? "Interrupted" : "Failed") : text;
        }
        String simple = type.substring(type.lastIndexOf('.') + 1).replace('$', '.');
        return text.isEmpty() ? simple : simple + ": " + text;
    }
}
