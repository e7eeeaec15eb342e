package io.jenkins.plugins.valuestream.process;

import io.jenkins.plugins.valuestream.graph.Change;
import io.jenkins.plugins.valuestream.graph.RunResult;
import io.jenkins.plugins.valuestream.graph.UpstreamCause;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The process map of one run: its steps in start order, and the run's own totals. The run's numbers cover the whole
 * run: {@code leadTime = QUEUE + process + the other waits}.
 *
 * @param number the build number
 * @param result the run's result, or {@code null} while it is running
 * @param queuedAt when the run entered the build queue, or {@code null} where unknown
 * @param startedAt when it started executing
 * @param completedAt when it completed, or {@code null} while it is running
 * @param asOf the instant the map was computed against: {@code completedAt} or, for a running run, "now"
 * @param processMillis the instants of the run at which some branch was working
 * @param waits the other instants of the run, by cause (the queue wait included where known)
 * @param steps the process-map steps, the implicit {@link StepPath#OUTSIDE} step last where it has time
 * @param work the work items, for the redundancy detector
 * @param agents the agent allocations, in start order
 * @param notes what the source could not tell, in words for users (e.g. that the REST API does not show agent
 *     waits inside stages); empty for a complete flow graph
 * @param upstream the runs that started this one ({@link io.jenkins.plugins.valuestream.graph.RunInfo#upstream}),
 *     which link the runs of several jobs into chains; empty where no run started it or the source did not say
 * @param changes the changes (commits) the run built ({@link io.jenkins.plugins.valuestream.graph.RunInfo#changes}),
 *     for DORA's lead time for changes; {@code null} where the source did not say, which is not "none"
 * @param locks the lock acquisitions, in start order; empty for a run without {@code lock} steps and for a run
 *     recorded before they were kept (its LOCK waits are still in the steps' waits)
 * @param failures the errors of the run, each where it arose, in the order they arose (at most
 *     {@link StepFailure#MAX_PER_RUN}); empty for a run without errors and for a run recorded before they were kept
 * @param inputs the run's {@code input} steps and what became of them, in start order; empty for a run without
 *     inputs and for a run recorded before decisions were kept
 */
public record ProcessMap(
        int number,
        @Nullable RunResult result,
        @Nullable Long queuedAt,
        long startedAt,
        @Nullable Long completedAt,
        long asOf,
        long processMillis,
        WaitBreakdown waits,
        List<ProcessStep> steps,
        List<WorkItem> work,
        List<AgentAllocation> agents,
        List<String> notes,
        List<UpstreamCause> upstream,
        @Nullable List<Change> changes,
        List<LockAcquisition> locks,
        List<StepFailure> failures,
        List<InputDecision> inputs) {

    /** A map of a run without errors and inputs (or whose errors and inputs are not known). */
    public ProcessMap(int number, @Nullable RunResult result, @Nullable Long queuedAt, long startedAt,
            @Nullable Long completedAt, long asOf, long processMillis, WaitBreakdown waits, List<ProcessStep> steps,
            List<WorkItem> work, List<AgentAllocation> agents, List<String> notes, List<UpstreamCause> upstream,
            @Nullable List<Change> changes, List<LockAcquisition> locks) {
        this(number, result, queuedAt, startedAt, completedAt, asOf, processMillis, waits, steps, work, agents, notes,
                upstream, changes, locks, List.of(), List.of());
    }

    /** A map of a run that took no locks (or whose locks are not known). */
    public ProcessMap(int number, @Nullable RunResult result, @Nullable Long queuedAt, long startedAt,
            @Nullable Long completedAt, long asOf, long processMillis, WaitBreakdown waits, List<ProcessStep> steps,
            List<WorkItem> work, List<AgentAllocation> agents, List<String> notes, List<UpstreamCause> upstream,
            @Nullable List<Change> changes) {
        this(number, result, queuedAt, startedAt, completedAt, asOf, processMillis, waits, steps, work, agents, notes,
                upstream, changes, List.of());
    }

    /** A map of a run whose changes are not known. */
    public ProcessMap(int number, @Nullable RunResult result, @Nullable Long queuedAt, long startedAt,
            @Nullable Long completedAt, long asOf, long processMillis, WaitBreakdown waits, List<ProcessStep> steps,
            List<WorkItem> work, List<AgentAllocation> agents, List<String> notes, List<UpstreamCause> upstream) {
        this(number, result, queuedAt, startedAt, completedAt, asOf, processMillis, waits, steps, work, agents, notes,
                upstream, null);
    }

    /** A map of a run that no other run started (or whose causes are not known). */
    public ProcessMap(int number, @Nullable RunResult result, @Nullable Long queuedAt, long startedAt,
            @Nullable Long completedAt, long asOf, long processMillis, WaitBreakdown waits, List<ProcessStep> steps,
            List<WorkItem> work, List<AgentAllocation> agents, List<String> notes) {
        this(number, result, queuedAt, startedAt, completedAt, asOf, processMillis, waits, steps, work, agents, notes,
                List.of());
    }

    public ProcessMap {
        Objects.requireNonNull(waits, "waits");
        steps = List.copyOf(steps);
        work = List.copyOf(work);
        agents = List.copyOf(agents);
        notes = List.copyOf(notes);
        upstream = List.copyOf(upstream);
        changes = changes == null ? null : List.copyOf(changes);
        locks = List.copyOf(locks);
        failures = List.copyOf(failures);
        inputs = List.copyOf(inputs);
    }

    public boolean running() {
        return completedAt == null;
    }

    /** When the lead time starts: the queue entry where known, else the start of the run. */
    public long leadStart() {
        return queuedAt != null ? queuedAt : startedAt;
    }

    /** Completion (or "now" while running) − queue entry (or start, where the queue entry is unknown). */
    public long leadTimeMillis() {
        return asOf - leadStart();
    }

    public long waitMillis() {
        return waits.total();
    }

    /** Process time ÷ lead time; 1 for a run of no time at all. */
    public double flowEfficiency() {
        long lead = leadTimeMillis();
        return lead <= 0 ? 1.0 : (double) processMillis / lead;
    }

    /** The same map with other steps. */
    public ProcessMap withSteps(List<ProcessStep> otherSteps) {
        return new ProcessMap(number, result, queuedAt, startedAt, completedAt, asOf, processMillis, waits, otherSteps,
                work, agents, notes, upstream, changes, locks, failures, inputs);
    }

    /** The same map with other waits of the run. */
    public ProcessMap withWaits(WaitBreakdown otherWaits) {
        return new ProcessMap(number, result, queuedAt, startedAt, completedAt, asOf, processMillis, otherWaits, steps,
                work, agents, notes, upstream, changes, locks, failures, inputs);
    }

    /** The same map with other work items. */
    public ProcessMap withWork(List<WorkItem> otherWork) {
        return new ProcessMap(number, result, queuedAt, startedAt, completedAt, asOf, processMillis, waits, steps,
                otherWork, agents, notes, upstream, changes, locks, failures, inputs);
    }

    /** The same map, started by the given upstream runs (what the source knew of the run's causes). */
    public ProcessMap withUpstream(List<UpstreamCause> causes) {
        return new ProcessMap(number, result, queuedAt, startedAt, completedAt, asOf, processMillis, waits, steps,
                work, agents, notes, causes, changes, locks, failures, inputs);
    }

    /** The same map with other notes. */
    public ProcessMap withNotes(List<String> otherNotes) {
        return new ProcessMap(number, result, queuedAt, startedAt, completedAt, asOf, processMillis, waits, steps,
                work, agents, otherNotes, upstream, changes, locks, failures, inputs);
    }

    /**
     * The same map with no end recorded, no result and no completion, as a run still going reads (or one whose
     * controller stopped before it ended); its times still run to {@link #asOf}.
     */
    public ProcessMap withoutEnd() {
        return new ProcessMap(number, null, queuedAt, startedAt, null, asOf, processMillis, waits, steps, work, agents,
                notes, upstream, changes, locks, failures, inputs);
    }

    /** The same map, having built the given changes ({@code null}: not known). */
    public ProcessMap withChanges(@Nullable List<Change> built) {
        return new ProcessMap(number, result, queuedAt, startedAt, completedAt, asOf, processMillis, waits, steps,
                work, agents, notes, upstream, built, locks, failures, inputs);
    }

    /** The same map with other lock acquisitions. */
    public ProcessMap withLocks(List<LockAcquisition> otherLocks) {
        return new ProcessMap(number, result, queuedAt, startedAt, completedAt, asOf, processMillis, waits, steps,
                work, agents, notes, upstream, changes, otherLocks, failures, inputs);
    }

    /** The same map with other errors and input decisions. */
    public ProcessMap withOutcomes(List<StepFailure> otherFailures, List<InputDecision> otherInputs) {
        return new ProcessMap(number, result, queuedAt, startedAt, completedAt, asOf, processMillis, waits, steps,
                work, agents, notes, upstream, changes, locks, otherFailures, otherInputs);
    }

    /** The first occurrence of the step with the given path. */
    public Optional<ProcessStep> step(StepPath path) {
        return steps.stream().filter(s -> s.path().equals(path) && s.occurrence() == 0).findFirst();
    }
}
