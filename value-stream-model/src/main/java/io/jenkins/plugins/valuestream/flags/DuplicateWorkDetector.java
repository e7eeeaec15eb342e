package io.jenkins.plugins.valuestream.flags;

import io.jenkins.plugins.valuestream.graph.StepFunctions;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.WorkContext;
import io.jenkins.plugins.valuestream.process.WorkItem;
import io.jenkins.plugins.valuestream.time.Durations;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Flags work done more than once in one run (docs/flags.md).
 *
 * <p><b>Duplicate work</b> is the same work in the same context: the same step function with the same normalized
 * arguments, on the same agent allocation, under the same {@code withEnv}/{@code dir}/matrix cell
 * ({@link WorkContext}); e.g. {@code sh 'npm ci'} in two stages on one agent, or an explicit {@code checkout scm} after
 * Declarative's own. Every occurrence after the first is waste: the cost is their time. Work whose arguments or
 * context the source did not record is never "the same" (the REST API gives neither), nor are the functions in
 * {@link StepFunctions#NOT_WORK}; parallel branches that differ in agent or environment are different work.
 *
 * <p><b>Setup on each agent</b> is the same checkout (whatever the environment) or the same dependency install (in
 * the same environment) done once on each of several agents: right where every agent needs it, avoidable with
 * {@code stash}/{@code unstash} or a dependency cache; worded as a choice. Its cost is the time of all but the first
 * agent's setup.
 *
 * <p>One flag per repeated work, on the step of its second occurrence (in start order). The cost floors are applied
 * by {@link Detectors}.
 */
public final class DuplicateWorkDetector {
    /** Arguments longer than this are cut in messages (the evidence has where each ran). */
    static final int MAX_ARGUMENT_CHARS = 60;
    /** The step Declarative runs its implicit {@code checkout scm} in. */
    static final String DECLARATIVE_CHECKOUT = "Declarative: Checkout SCM";

    private DuplicateWorkDetector() {
    }

    /** One flag per piece of work done more than once in one context, and per setup done on several agents. */
    public static List<Flag> detect(ProcessMap run) {
        Map<WorkKey, List<WorkItem>> sameContext = new LinkedHashMap<>();
        Map<WorkKey, List<WorkItem>> acrossAgents = new LinkedHashMap<>();
        for (WorkItem item : run.work()) {
            WorkContext context = item.context();
            if (!item.comparable() || context == null || !isWork(item.function())) {
                continue;
            }
            sameContext.computeIfAbsent(new WorkKey(item.function(), item.arguments(), context), k -> new ArrayList<>())
                    .add(item);
            boolean checkout = Remedies.isCheckout(item.function());
            if (!context.agent().isEmpty() && (checkout || Remedies.isInstall(item.function(), item.arguments()))) {
                // A checkout fetches the same files whatever the environment; an install may not.
                WorkContext anyAgent = new WorkContext("", checkout ? "" : context.environment());
                acrossAgents.computeIfAbsent(new WorkKey(item.function(), item.arguments(), anyAgent),
                        k -> new ArrayList<>()).add(item);
            }
        }
        List<Flag> flags = new ArrayList<>();
        for (Map.Entry<WorkKey, List<WorkItem>> entry : sameContext.entrySet()) {
            List<WorkItem> items = entry.getValue();
            if (items.size() > 1) {
                items.sort(Comparator.comparingLong(WorkItem::startedAt));
                flags.add(duplicate(entry.getKey(), items));
            }
        }
        for (Map.Entry<WorkKey, List<WorkItem>> entry : acrossAgents.entrySet()) {
            List<WorkItem> firstOnEachAgent = firstOnEachAgent(entry.getValue());
            if (firstOnEachAgent.size() > 1) {
                flags.add(setupOnEachAgent(entry.getKey(), firstOnEachAgent));
            }
        }
        return flags;
    }

    private static boolean isWork(String function) {
        return !StepFunctions.NOT_WORK.contains(function)
                && !StepFunctions.NOT_WORK.contains(StepFunctions.displayName(function));
    }

    /** The earliest item on each agent, in start order (repeats on one agent are duplicate work, flagged apart). */
    private static List<WorkItem> firstOnEachAgent(List<WorkItem> items) {
        List<WorkItem> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparingLong(WorkItem::startedAt));
        Map<String, WorkItem> byAgent = new LinkedHashMap<>();
        for (WorkItem item : sorted) {
            byAgent.putIfAbsent(Objects.requireNonNull(item.context()).agent(), item);
        }
        return new ArrayList<>(byAgent.values());
    }

    /** The time of every item but the first: what doing it once would have saved. */
    private static long repeatsMillis(List<WorkItem> items) {
        long repeats = 0;
        for (int i = 1; i < items.size(); i++) {
            repeats += items.get(i).durationMillis();
        }
        return repeats;
    }

    private static Flag duplicate(WorkKey work, List<WorkItem> items) {
        long repeats = repeatsMillis(items);
        List<String> evidence = new ArrayList<>();
        List<String> places = new ArrayList<>();
        Set<String> branches = new HashSet<>();
        boolean afterDeclarativeCheckout = false;
        for (WorkItem item : items) {
            branches.add(item.branch());
            afterDeclarativeCheckout |= item.step().name().equals(DECLARATIVE_CHECKOUT);
            String place = place(item);
            places.add(place);
            evidence.add(place + ": " + Durations.format(item.durationMillis()));
        }
        evidence.add("all on " + work.context().describe());
        String where = work.context().agent().isEmpty() ? " times on the controller, in the same environment: "
                : " times on the same agent, in the same workspace and environment: ";
        String message = describe(work.function(), work.arguments()) + " ran " + items.size() + where + String.join(", ", places)
                + "; the repeats took " + Durations.format(repeats);
        boolean parallel = branches.size() > 1 && !branches.contains("");
        return new Flag(FlagKind.DUPLICATE_WORK, items.get(1).step(), message, repeats, evidence,
                Remedies.duplicateWork(work.function(), work.arguments(), afterDeclarativeCheckout, parallel));
    }

    private static Flag setupOnEachAgent(WorkKey work, List<WorkItem> items) {
        long repeats = repeatsMillis(items);
        List<String> evidence = new ArrayList<>();
        for (WorkItem item : items) {
            evidence.add(place(item) + " on " + Objects.requireNonNull(item.context()).describe() + ": "
                    + Durations.format(item.durationMillis()));
        }
        String what = Remedies.isCheckout(work.function()) ? "the same checkout" : "the same install";
        String message = describe(work.function(), work.arguments()) + ": " + what + " on " + items.size() + " agents; on all but the first it"
                + " took " + Durations.format(repeats);
        return new Flag(FlagKind.SETUP_ON_EACH_AGENT, items.get(1).step(), message, repeats, evidence,
                Remedies.setupOnEachAgent(work.function()));
    }

    private static String place(WorkItem item) {
        return item.branch().isEmpty() || item.step().name().equals(item.branch()) ? item.step().label()
                : item.step().label() + " (branch " + item.branch() + ")";
    }

    /**
     * The work as users write it, cut to a readable length: {@code sh 'npm ci'} for a step whose only argument is its
     * script (or message, or other single value), {@code checkout(scm=...)} for the others.
     */
    static String describe(String function, String arguments) {
        String name = StepFunctions.displayName(function);
        if (arguments.isEmpty()) {
            return name;
        }
        int equals = arguments.indexOf('=');
        boolean single = equals > 0 && !arguments.contains(", ")
                && SINGLE_ARGUMENT_STEPS.contains(arguments.substring(0, equals));
        String shown = single ? arguments.substring(equals + 1) : arguments;
        if (shown.length() > MAX_ARGUMENT_CHARS) {
            shown = shown.substring(0, MAX_ARGUMENT_CHARS - 1) + "…";
        }
        return single ? name + " '" + shown + "'" : name + "(" + shown + ")";
    }

    /** Argument names that a Pipeline author writes without naming them ({@code sh 'make'}). */
    private static final Set<String> SINGLE_ARGUMENT_STEPS = Set.of("script", "message", "url", "file", "path",
            "name");

    record WorkKey(String function, String arguments, WorkContext context) {
    }
}
