package io.jenkins.plugins.valuestream.graph;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How the error of a {@code FlowInterruptedException} is written into {@link GraphNode#error()}, the same from the
 * build folder and from the live graph: such an exception has no message of its own, so its causes of interruption
 * make it, as their short descriptions read in Jenkins, with user ids where Jenkins keeps ids.
 */
public final class Interruptions {
    /** The short description of a {@code TimeoutStepExecution.ExceededTimeout}. */
    public static final String TIMEOUT = "Timeout has been exceeded";

    private Interruptions() {
    }

    /** An input's {@code Rejection}: "Rejected by alice", or "Rejected" where no user is named. */
    public static String rejected(@Nullable String user) {
        return named("Rejected", user);
    }

    /** A {@code CauseOfInterruption.UserInterruption}: "Aborted by alice", or "Aborted" where no user is named. */
    public static String aborted(@Nullable String user) {
        return named("Aborted", user);
    }

    /**
     * Any other cause, by its class name in either form (XStream's {@code a.b.Outer_-Inner} or Java's
     * {@code a.b.Outer$Inner}): "Interrupted (Outer.Inner)".
     */
    public static String other(String className) {
        String simple = className.substring(className.lastIndexOf('.') + 1).replace("_-", ".").replace('$', '.');
        return "Interrupted (" + simple + ")";
    }

    /**
     * The error's text, {@code Class: message} as a {@code Throwable} reads: the exception's own message where it
     * has one, else its causes' descriptions joined by "; ", else the class alone.
     */
    public static String errorText(String type, @Nullable String message, List<String> causes) {
        String text = message != null ? message : causes.isEmpty() ? null : String.join("; ", causes);
        return text == null ? type : type + ": " + text;
    }

    private static String named(String verb, @Nullable String user) {
        return user == null || user.isBlank() ? verb : verb + " by " + user.strip();
    }
}
