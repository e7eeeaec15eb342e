package io.jenkins.plugins.valuestream.process;

import io.jenkins.plugins.valuestream.graph.StepFunctions;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a step function means to the extraction, as bits (a function may have several): one lookup per node instead
 * of one set lookup per question. An instance remembers the functions it has looked up, for one extraction: a graph
 * names few functions, each node one, so most lookups hit the same few strings.
 */
final class FunctionRoles {
    static final int AGENT_BLOCK = 1;
    static final int NOT_WORK = 1 << 1;
    static final int SLEEP_STEP = 1 << 2;
    static final int INPUT = 1 << 3;
    static final int LOCK = 1 << 4;
    static final int WAIT_UNTIL = 1 << 5;
    static final int RETRY = 1 << 6;
    static final int PARALLEL = 1 << 7;
    static final int STAGE = 1 << 8;
    static final int PROCESS_STEP = 1 << 9;
    static final int CONTEXT = 1 << 10;

    private static final Map<String, Integer> ROLES = roles();

    /** The last function seen in each slot (by hash) and its roles: cheaper than the map for a repeated string. */
    private final @Nullable String[] knownFunctions = new String[64];
    private final int[] knownRoles = new int[64];

    private static Map<String, Integer> roles() {
        Map<String, Integer> roles = new HashMap<>();
        StepFunctions.AGENT_BLOCKS.forEach(function -> roles.merge(function, AGENT_BLOCK, (a, b) -> a | b));
        StepFunctions.NOT_WORK.forEach(function -> roles.merge(function, NOT_WORK, (a, b) -> a | b));
        StepFunctions.SLEEP_STEPS.forEach(function -> roles.merge(function, SLEEP_STEP, (a, b) -> a | b));
        roles.merge(StepFunctions.INPUT, INPUT, (a, b) -> a | b);
        roles.merge(StepFunctions.LOCK, LOCK, (a, b) -> a | b);
        roles.merge(StepFunctions.WAIT_UNTIL, WAIT_UNTIL, (a, b) -> a | b);
        roles.merge(StepFunctions.RETRY, RETRY, (a, b) -> a | b);
        roles.merge(StepFunctions.PARALLEL, PARALLEL, (a, b) -> a | b);
        roles.merge(StepFunctions.STAGE, STAGE, (a, b) -> a | b);
        roles.merge(StepFunctions.PROCESS_STEP, PROCESS_STEP, (a, b) -> a | b);
        StepFunctions.CONTEXT_BLOCKS.forEach(function -> roles.merge(function, CONTEXT, (a, b) -> a | b));
        return Map.copyOf(roles);
    }

    /** The role bits of a step function (its descriptor id); 0 for a function with no role. */
    int of(String function) {
        int slot = function.hashCode() & (knownFunctions.length - 1);
        String known = knownFunctions[slot];
        if (known == function || function.equals(known)) {
            return knownRoles[slot];
        }
        Integer role = ROLES.get(function);
        knownFunctions[slot] = function;
        knownRoles[slot] = role == null ? 0 : role;
        return knownRoles[slot];
    }
}
