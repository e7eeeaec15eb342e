package io.jenkins.plugins.valuestream.process;

import java.util.Objects;

/**
 * Where a piece of work ran: on which agent allocation, and under which enclosing blocks that change what the work
 * sees ({@code withEnv}, Declarative {@code environment} and {@code tools}, {@code withCredentials}, {@code dir},
 * {@code ws}, a container, a Declarative matrix cell). Two runs of the same step with the same arguments are the
 * same work only in the same context: the JDK 11 and JDK 17 cells of a matrix are not.
 *
 * @param agent the agent allocation, as {@code #n label} in the order the run asked for them ({@code #2 linux}), or
 *     the empty string outside every agent block (on the controller)
 * @param environment the enclosing context blocks, outermost first ({@code withEnv(overrides=[JDK=17]); dir(path=ui)}),
 *     or the empty string where there are none
 */
public record WorkContext(String agent, String environment) {
    /** Outside every agent and context block. */
    public static final WorkContext NONE = new WorkContext("", "");

    public WorkContext {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(environment, "environment");
    }

    /** The same context on another agent (or none). */
    public WorkContext onAgent(String otherAgent) {
        return new WorkContext(otherAgent, environment);
    }

    /** For evidence lines: "agent #2 linux, withEnv(overrides=[JDK=17])"; "the controller" without an agent. */
    public String describe() {
        String where = agent.isEmpty() ? "the controller" : "agent " + agent;
        return environment.isEmpty() ? where : where + ", " + environment;
    }
}
