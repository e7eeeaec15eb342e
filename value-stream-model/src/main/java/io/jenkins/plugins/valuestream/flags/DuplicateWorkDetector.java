package io.jenkins.plugins.valuestream.flags;

import io.jenkins.plugins.valuestream.graph.StepFunctions;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.WorkItem;
import io.jenkins.plugins.valuestream.time.Durations;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Flags work done more than once in one run: the same step function with the same normalized arguments, e.g.
 * {@code sh 'npm ci'} in three parallel branches or two {@code checkout scm}.
 *
 * <p>Work shorter than {@code minDuplicateMillis} is left out before counting (a quick {@code sh 'git rev-parse HEAD'}
 * twice costs nothing worth a flag), and so are the functions in {@link StepFunctions#NOT_WORK}. One flag per repeated
 * work, on the step of its second occurrence (in start order). Every occurrence after the first is waste: the cost is
 * the total time of all occurrences minus the first one's.
 */
public final class DuplicateWorkDetector {
    /** Arguments longer than this are cut in messages (the evidence has where each ran). */
    static final int MAX_ARGUMENT_CHARS = 60;

    private DuplicateWorkDetector() {
    }

    /** One flag per piece of work done more than once in the run. */
    public static List<Flag> detect(ProcessMap run, DetectorSettings settings) {
        Map<WorkKey, List<WorkItem>> byWork = new LinkedHashMap<>();
        for (WorkItem item : run.work()) {
            if (item.durationMillis() >= settings.minDuplicateMillis() && isWork(item.function())) {
                byWork.computeIfAbsent(new WorkKey(item.function(), item.arguments()), k -> new ArrayList<>())
                        .add(item);
            }
        }
        List<Flag> flags = new ArrayList<>();
        for (Map.Entry<WorkKey, List<WorkItem>> entry : byWork.entrySet()) {
            List<WorkItem> items = entry.getValue();
            if (items.size() > 1) {
                items.sort(Comparator.comparingLong(WorkItem::startedAt));
                flags.add(flag(entry.getKey(), items));
            }
        }
        return flags;
    }

    private static boolean isWork(String function) {
        return !StepFunctions.NOT_WORK.contains(function)
                && !StepFunctions.NOT_WORK.contains(StepFunctions.displayName(function));
    }

    private static Flag flag(WorkKey work, List<WorkItem> items) {
        long total = 0;
        List<String> evidence = new ArrayList<>();
        List<String> places = new ArrayList<>();
        for (WorkItem item : items) {
            total += item.durationMillis();
            String place = item.branch().isEmpty() || item.step().name().equals(item.branch())
                    ? item.step().toString()
                    : item.step() + " (branch " + item.branch() + ")";
            places.add(place);
            evidence.add(place + ": " + Durations.format(item.durationMillis()));
        }
        long cost = total - items.get(0).durationMillis();
        String message = describe(work) + " ran " + items.size() + " times in this run, in " + String.join(", ", places)
                + "; the repeats took " + Durations.format(cost);
        return new Flag(FlagKind.DUPLICATE_WORK, items.get(1).step(), message, cost, evidence);
    }

    /**
     * The work as users write it, cut to a readable length: {@code sh 'npm ci'} for a step whose only argument is its
     * script (or message, or other single value), {@code checkout(scm=...)} for the others.
     */
    static String describe(WorkKey work) {
        String name = StepFunctions.displayName(work.function());
        String arguments = work.arguments();
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
    private static final java.util.Set<String> SINGLE_ARGUMENT_STEPS = java.util.Set.of("script", "message",
            "url", "file", "path", "name");

    record WorkKey(String function, String arguments) {
    }
}
