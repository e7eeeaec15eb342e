package io.jenkins.plugins.valuestream.stream;

import io.jenkins.plugins.valuestream.process.AgentAllocation;
import io.jenkins.plugins.valuestream.process.LockAcquisition;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.ProcessStep;
import io.jenkins.plugins.valuestream.process.WaitCause;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the jobs of a controller wait for together (docs/definitions.md, "Contention across jobs"): the wait for an
 * agent by label expression, over every allocation of every job's completed runs, the wait for locks by resource,
 * over every acquisition, and by the step that waited, so that a team sees which pool of agents or which lock holds
 * its runs up.
 *
 * @param labels the agent labels, the one with the most wait first
 * @param locks the steps that waited for a lock, the most wait first (runs recorded before lock acquisitions were
 *     kept count here too: their LOCK waits are known by step only)
 * @param jobs how many jobs the runs came from
 * @param runs how many completed runs were counted
 * @param resources the lock resources, the one with the most wait first, over the runs that recorded their lock
 *     acquisitions
 */
public record Contention(List<LabelWait> labels, List<LockWait> locks, int jobs, int runs,
        List<ResourceWait> resources) {
    public Contention {
        labels = List.copyOf(labels);
        locks = List.copyOf(locks);
        resources = List.copyOf(resources);
    }

    /** The contention of runs without lock acquisitions (or whose acquisitions are not known). */
    public Contention(List<LabelWait> labels, List<LockWait> locks, int jobs, int runs) {
        this(labels, locks, jobs, runs, List.of());
    }

    /**
     * The wait for agents of one label expression.
     *
     * @param label the label expression as the {@code node} step or the Declarative agent named it ({@code ""} for
     *     any agent)
     * @param allocations how many times an agent was asked for
     * @param jobs how many jobs asked for one
     * @param waitTime the median and p90 of the wait per allocation
     * @param totalWaitMillis the wait of all allocations added up
     */
    public record LabelWait(String label, int allocations, int jobs, Distribution waitTime, long totalWaitMillis) {
        public LabelWait {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(waitTime, "waitTime");
        }
    }

    /**
     * The wait for one lock resource, across jobs.
     *
     * @param resource the resource as the {@code lock} step named it ({@code label:<label>} for a lock by label,
     *     {@code ""} for one that named neither: {@link #UNNAMED} where shown)
     * @param acquisitions how many times the lock was asked for
     * @param jobs how many jobs asked for it
     * @param waitTime the median and p90 of the wait per acquisition
     * @param totalWaitMillis the wait of all acquisitions added up
     */
    public record ResourceWait(String resource, int acquisitions, int jobs, Distribution waitTime,
            long totalWaitMillis) {
        /** How a lock that named no resource is shown. */
        public static final String UNNAMED = "(unnamed)";

        public ResourceWait {
            Objects.requireNonNull(resource, "resource");
            Objects.requireNonNull(waitTime, "waitTime");
        }

        /** The resource as shown: {@link #UNNAMED} for a lock that named none. */
        public String displayName() {
            return resource.isEmpty() ? UNNAMED : resource;
        }
    }

    /**
     * The wait for locks of one step of one job.
     *
     * @param job the job's full name
     * @param step the step's display name
     * @param runs in how many runs the step waited for a lock
     * @param waitTime the median and p90 of its lock wait over those runs
     * @param totalWaitMillis its lock wait added up over those runs
     */
    public record LockWait(String job, String step, int runs, Distribution waitTime, long totalWaitMillis) {
        public LockWait {
            Objects.requireNonNull(job, "job");
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(waitTime, "waitTime");
        }
    }

    /**
     * The contention of the given jobs' runs; runs still going are left out (their waits are not over).
     *
     * @param runsByJob each job's runs by its full name
     */
    public static Contention of(Map<String, ? extends Collection<ProcessMap>> runsByJob) {
        Map<String, List<Long>> labelWaits = new TreeMap<>();
        Map<String, Set<String>> labelJobs = new TreeMap<>();
        Map<String, List<Long>> resourceWaits = new TreeMap<>();
        Map<String, Set<String>> resourceJobs = new TreeMap<>();
        Map<List<String>, List<Long>> lockWaits = new TreeMap<>(Comparator.comparing((List<String> key) -> key.get(0))
                .thenComparing(key -> key.get(1)));
        int runs = 0;
        for (Map.Entry<String, ? extends Collection<ProcessMap>> job : runsByJob.entrySet()) {
            for (ProcessMap map : job.getValue()) {
                if (map.running()) {
                    continue;
                }
                runs++;
                for (AgentAllocation agent : map.agents()) {
                    labelWaits.computeIfAbsent(agent.label(), label -> new ArrayList<>()).add(agent.waitMillis());
                    labelJobs.computeIfAbsent(agent.label(), label -> new TreeSet<>()).add(job.getKey());
                }
                for (LockAcquisition lock : map.locks()) {
                    resourceWaits.computeIfAbsent(lock.resource(), r -> new ArrayList<>()).add(lock.waitMillis());
                    resourceJobs.computeIfAbsent(lock.resource(), r -> new TreeSet<>()).add(job.getKey());
                }
                List<ProcessStep> waited = map.steps().stream()
                        .filter(step -> step.waits().millis(WaitCause.LOCK) > 0).toList();
                for (ProcessStep step : waited) {
                    // A stage's waits hold its nested steps' waits: the lock wait is the innermost step's.
                    boolean nestedWaited = waited.stream().anyMatch(other -> other != step
                            && other.path().depth() > step.path().depth() && other.path().startsWith(step.path()));
                    if (!nestedWaited) {
                        lockWaits.computeIfAbsent(List.of(job.getKey(), step.displayName()),
                                key -> new ArrayList<>()).add(step.waits().millis(WaitCause.LOCK));
                    }
                }
            }
        }
        List<LabelWait> labels = new ArrayList<>();
        labelWaits.forEach((label, waits) -> labels.add(new LabelWait(label, waits.size(),
                labelJobs.getOrDefault(label, Set.of()).size(), distribution(waits), sum(waits))));
        labels.sort(Comparator.comparingLong(LabelWait::totalWaitMillis).reversed());
        List<LockWait> locks = new ArrayList<>();
        lockWaits.forEach((key, waits) -> locks.add(new LockWait(key.get(0), key.get(1), waits.size(),
                distribution(waits), sum(waits))));
        locks.sort(Comparator.comparingLong(LockWait::totalWaitMillis).reversed());
        List<ResourceWait> resources = new ArrayList<>();
        resourceWaits.forEach((resource, waits) -> resources.add(new ResourceWait(resource, waits.size(),
                resourceJobs.getOrDefault(resource, Set.of()).size(), distribution(waits), sum(waits))));
        resources.sort(Comparator.comparingLong(ResourceWait::totalWaitMillis).reversed());
        return new Contention(labels, locks, runsByJob.size(), runs, resources);
    }

    private static Distribution distribution(List<Long> values) {
        return Distribution.ofSorting(values.stream().mapToLong(Long::longValue).toArray());
    }

    private static long sum(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).sum();
    }
}
