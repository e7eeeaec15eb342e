package io.jenkins.plugins.valuestream.flags;

import io.jenkins.plugins.valuestream.process.AgentAllocation;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.ProcessStep;
import io.jenkins.plugins.valuestream.process.StepKind;
import io.jenkins.plugins.valuestream.process.StepPath;
import io.jenkins.plugins.valuestream.process.WorkItem;
import io.jenkins.plugins.valuestream.time.Durations;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Flags an agent given back and asked for again with the same label in the very next step: two consecutive agent
 * allocations (in start order) in two consecutive, different top-level steps that ran one after the other (neither a
 * parallel branch, the first agent released before the second was asked for). The flag is on the second allocation's
 * step, and costs its wait plus the setup the fresh workspace made it repeat (a checkout or dependency install that
 * the first agent had already done): what staying on the first agent would have saved. {@link Detectors} drops it
 * below its floor, so a prompt re-allocation that repeats nothing is not flagged.
 *
 * <p>Top-level steps skipped by {@code when} do not separate two steps; any other step does (an approval stage between
 * two builds rightly gives its agent back).
 */
public final class RepeatedAgentDetector {
    private RepeatedAgentDetector() {
    }

    /** One flag per agent allocated again right after the same label was released. */
    public static List<Flag> detect(ProcessMap run) {
        List<ProcessStep> topLevel = new ArrayList<>();
        for (ProcessStep step : run.steps()) {
            if (step.path().depth() == 1 && step.counted() && step.kind() != StepKind.OUTSIDE
                    && !step.path().equals(StepPath.OUTSIDE)) {
                topLevel.add(step);
            }
        }
        topLevel.sort(Comparator.comparingLong(ProcessStep::startedAt));
        List<AgentAllocation> agents = new ArrayList<>(run.agents());
        agents.sort(Comparator.comparingLong(AgentAllocation::startedAt));
        List<Flag> flags = new ArrayList<>();
        List<WorkItem> setupWork = null;
        for (int i = 1; i < agents.size(); i++) {
            AgentAllocation first = agents.get(i - 1);
            AgentAllocation second = agents.get(i);
            if (!first.label().equals(second.label()) || released(first) > second.startedAt()) {
                continue;
            }
            int firstStep = topLevelIndex(topLevel, first);
            int secondStep = topLevelIndex(topLevel, second);
            if (firstStep < 0 || secondStep != firstStep + 1
                    || topLevel.get(firstStep).parallelGroup() != null
                    || topLevel.get(secondStep).parallelGroup() != null) {
                continue;
            }
            if (setupWork == null) {
                setupWork = setupWork(run);
            }
            flags.add(flag(first, second, repeatedSetup(setupWork, first, second), inParallelBranch(run, second)));
        }
        return flags;
    }

    private static long released(AgentAllocation allocation) {
        return allocation.startedAt() + allocation.waitMillis() + allocation.holdMillis();
    }

    /** The index of the top-level step the allocation was made in, or -1 (outside every step). */
    private static int topLevelIndex(List<ProcessStep> topLevel, AgentAllocation allocation) {
        StepPath top = StepPath.of(allocation.step().segments().get(0));
        int found = -1;
        for (int i = 0; i < topLevel.size(); i++) {
            ProcessStep step = topLevel.get(i);
            if (step.path().equals(top) && step.startedAt() <= allocation.startedAt()) {
                found = i; // the latest occurrence that started before the allocation
            }
        }
        return found;
    }

    /**
     * The run's checkouts and installs, in the run's order: told apart once per run (a pattern over each script),
     * not once per pair of allocations.
     */
    private static List<WorkItem> setupWork(ProcessMap run) {
        List<WorkItem> setup = new ArrayList<>();
        for (WorkItem item : run.work()) {
            if (item.comparable() && (Remedies.isCheckout(item.function())
                    || Remedies.isInstall(item.function(), item.arguments()))) {
                setup.add(item);
            }
        }
        return setup;
    }

    /** The checkouts and installs done during the second allocation that the first one had already done. */
    private static List<WorkItem> repeatedSetup(List<WorkItem> setupWork, AgentAllocation first,
            AgentAllocation second) {
        List<WorkItem> before = new ArrayList<>();
        List<WorkItem> repeated = new ArrayList<>();
        for (WorkItem item : setupWork) {
            if (within(item, first)) {
                before.add(item);
            } else if (within(item, second) && before.stream().anyMatch(b -> sameWork(b, item))) {
                repeated.add(item);
            }
        }
        return repeated;
    }

    private static boolean within(WorkItem item, AgentAllocation allocation) {
        long bodyStart = allocation.startedAt() + allocation.waitMillis();
        return item.startedAt() >= bodyStart && item.startedAt() <= bodyStart + allocation.holdMillis();
    }

    private static boolean sameWork(WorkItem a, WorkItem b) {
        return a.function().equals(b.function()) && a.arguments().equals(b.arguments());
    }

    /** Whether the allocation was made inside a parallel branch (the top-level step fans out). */
    private static boolean inParallelBranch(ProcessMap run, AgentAllocation allocation) {
        for (ProcessStep step : run.steps()) {
            if (step.parallelGroup() != null && allocation.step().startsWith(step.path())) {
                return true;
            }
        }
        return false;
    }

    private static Flag flag(AgentAllocation first, AgentAllocation second, List<WorkItem> repeated,
            boolean intoParallelBranch) {
        String label = second.label().isEmpty() ? "any agent" : "agent '" + second.label() + "'";
        // The steps where the agents were asked for, which may lie inside the top-level steps compared.
        long setup = repeated.stream().mapToLong(WorkItem::durationMillis).sum();
        String message = second.step().label() + ": asked for " + label + " again right after "
                + first.step().label() + " gave one back; waited " + Durations.format(second.waitMillis())
                + (setup > 0 ? " and repeated its setup for " + Durations.format(setup) : "");
        List<String> evidence = new ArrayList<>(List.of(
                first.step().label() + ": " + label + " held " + Durations.format(first.holdMillis()) + " after a wait of "
                        + Durations.format(first.waitMillis()),
                second.step().label() + ": " + label + " asked for "
                        + Durations.format(second.startedAt() - released(first)) + " after release, waited "
                        + Durations.format(second.waitMillis())));
        for (WorkItem item : repeated) {
            evidence.add("repeated in the new workspace: "
                    + DuplicateWorkDetector.describe(item.function(), item.arguments()) + ", "
                    + Durations.format(item.durationMillis()));
        }
        return new Flag(FlagKind.REPEATED_AGENT, second.step(), message, second.waitMillis() + setup, evidence,
                Remedies.repeatedAgent(intoParallelBranch));
    }
}
