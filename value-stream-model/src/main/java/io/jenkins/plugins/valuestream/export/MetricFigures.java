package io.jenkins.plugins.valuestream.export;

import io.jenkins.plugins.valuestream.budget.BudgetCheck;
import io.jenkins.plugins.valuestream.budget.BudgetKind;
import io.jenkins.plugins.valuestream.flags.Flag;
import io.jenkins.plugins.valuestream.flags.FlagKind;
import io.jenkins.plugins.valuestream.graph.RunResult;
import io.jenkins.plugins.valuestream.process.AgentAllocation;
import io.jenkins.plugins.valuestream.process.LockAcquisition;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.ProcessStep;
import io.jenkins.plugins.valuestream.process.WaitBreakdown;
import io.jenkins.plugins.valuestream.process.WaitCause;
import io.jenkins.plugins.valuestream.report.JobReport;
import io.jenkins.plugins.valuestream.report.RunReport;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the metrics export says, computed once from reports for both Prometheus ({@link PrometheusExport}) and
 * OpenTelemetry ({@link OpenTelemetryExport}): per job the completed runs' lead, process and wait times, each step's
 * process and wait times, the flags by kind, the budget checks and the flow efficiency; across jobs the agent waits by
 * label and the lock waits by resource. Every figure is a set of observations (milliseconds) or a count, never one
 * series per run: a job's series do not grow with its runs, and the steps, agent labels and lock resources are capped
 * by {@link ExportLimits}.
 *
 * <p>Only completed runs count, as in the value stream: a run still going has no lead time yet, and its flags and
 * budgets can still change.
 *
 * @param jobs the jobs with at least one completed run, in the order of the reports
 * @param agentWaits each agent allocation's wait across all jobs, by label expression ({@link #ANY_AGENT} for "any
 *     agent"), the labels with most wait first, {@link #OTHER} last where labels were merged
 * @param lockWaits each lock acquisition's wait across all jobs, by resource ({@link #UNNAMED_LOCK} for a lock that
 *     named none), the resources with most wait first, {@link #OTHER} last where resources were merged
 */
public record MetricFigures(List<JobFigures> jobs, Map<String, List<Long>> agentWaits,
        Map<String, List<Long>> lockWaits) {
    /** The label value of the steps (or agent labels) merged beyond the cap. */
    public static final String OTHER = "(other)";
    /** The label value of an agent asked for without a label. */
    public static final String ANY_AGENT = "(any)";
    /** The label value of a lock that named no resource. */
    public static final String UNNAMED_LOCK = "(unnamed)";
    /**
     * The upper bounds of the histograms' buckets, in seconds, suited to CI durations: 1s, 5s, 15s, 30s, 1m, 2m, 5m,
     * 10m, 15m, 30m, 1h, 2h, 4h (and +Inf).
     */
    public static final List<Double> BUCKETS_SECONDS = List.of(1.0, 5.0, 15.0, 30.0, 60.0, 120.0, 300.0, 600.0, 900.0,
            1800.0, 3600.0, 7200.0, 14400.0);

    public MetricFigures {
        jobs = List.copyOf(jobs);
        agentWaits = Collections.unmodifiableMap(new LinkedHashMap<>(agentWaits));
        lockWaits = Collections.unmodifiableMap(new LinkedHashMap<>(lockWaits));
    }

    /** Figures without lock waits. */
    public MetricFigures(List<JobFigures> jobs, Map<String, List<Long>> agentWaits) {
        this(jobs, agentWaits, Map.of());
    }

    /**
     * One job's figures.
     *
     * @param job the job's full name
     * @param runs how many completed runs the figures cover
     * @param leadTimes each completed run's lead time, by result (a run without a readable result counts as
     *     {@link RunResult#FAILURE}, as Jenkins reads it)
     * @param processTimes each completed run's process time
     * @param waits each completed run's wait of each cause that had time in some run, where the run knows the cause
     *     (zero included: the count is the runs that know the cause)
     * @param steps the steps by label value, the ones with most elapsed time first, {@link #OTHER} last where steps
     *     were merged
     * @param flags the flags raised on the completed runs, by kind (kinds never raised are left out)
     * @param budgets the budget checks of the completed runs, by kind (kinds never checked are left out)
     * @param flowEfficiency the value stream's flow efficiency: summed process time ÷ summed lead time
     */
    public record JobFigures(String job, int runs, Map<RunResult, List<Long>> leadTimes, List<Long> processTimes,
            Map<WaitCause, List<Long>> waits, Map<String, StepFigures> steps, Map<FlagKind, Long> flags,
            Map<BudgetKind, BudgetCounts> budgets, double flowEfficiency) {
        public JobFigures {
            leadTimes = Collections.unmodifiableMap(new EnumMap<>(leadTimes));
            processTimes = List.copyOf(processTimes);
            waits = Collections.unmodifiableMap(new EnumMap<>(waits));
            steps = Collections.unmodifiableMap(new LinkedHashMap<>(steps));
            flags = Collections.unmodifiableMap(new EnumMap<>(flags));
            budgets = Collections.unmodifiableMap(new EnumMap<>(budgets));
        }
    }

    /**
     * One step of a job (or the steps merged under {@link #OTHER}) over the completed runs in which it ran (skipped
     * stages left out).
     *
     * @param process each pass's process time
     * @param waits each pass's wait of each cause that had time in some pass, where the pass knows the cause
     * @param processMillis the summed process time
     * @param elapsedMillis the summed elapsed time
     */
    public record StepFigures(List<Long> process, Map<WaitCause, List<Long>> waits, long processMillis,
            long elapsedMillis) {
        public StepFigures {
            process = List.copyOf(process);
            waits = Collections.unmodifiableMap(new EnumMap<>(waits));
        }

        /** Summed process time ÷ summed elapsed time, as the value stream defines it; 1 for no time at all. */
        public double flowEfficiency() {
            return elapsedMillis <= 0 ? 1.0 : (double) processMillis / elapsedMillis;
        }
    }

    /** How many budget checks were kept and how many exceeded. */
    public record BudgetCounts(long kept, long exceeded) {
        BudgetCounts plus(BudgetCheck check) {
            return check.exceeded() ? new BudgetCounts(kept, exceeded + 1) : new BudgetCounts(kept + 1, exceeded);
        }
    }

    /** The figures of the given reports with the {@link ExportLimits#DEFAULT default limits}. */
    public static MetricFigures of(Collection<JobReport> reports) {
        return of(reports, ExportLimits.DEFAULT);
    }

    /**
     * The figures of the given reports.
     *
     * @throws IllegalArgumentException when two reports have the same job name (their series would clash)
     */
    public static MetricFigures of(Collection<JobReport> reports, ExportLimits limits) {
        List<JobFigures> jobs = new ArrayList<>();
        Set<String> names = new java.util.HashSet<>();
        Map<String, List<Long>> agentWaits = new HashMap<>();
        Map<String, List<Long>> lockWaits = new HashMap<>();
        for (JobReport report : reports) {
            if (!names.add(report.name())) {
                throw new IllegalArgumentException("Job '" + report.name() + "' is reported twice; each job's metrics"
                        + " must come from one report");
            }
            List<RunReport> completed = report.runs().stream().filter(run -> !run.map().running()).toList();
            if (completed.isEmpty()) {
                continue;
            }
            jobs.add(job(report, completed, limits));
            for (RunReport run : completed) {
                for (AgentAllocation agent : run.map().agents()) {
                    agentWaits.computeIfAbsent(agent.label().isEmpty() ? ANY_AGENT : agent.label(),
                            label -> new ArrayList<>()).add(agent.waitMillis());
                }
                for (LockAcquisition lock : run.map().locks()) {
                    lockWaits.computeIfAbsent(lock.unnamed() ? UNNAMED_LOCK : lock.resource(),
                            resource -> new ArrayList<>()).add(lock.waitMillis());
                }
            }
        }
        return new MetricFigures(jobs, capped(agentWaits, limits.agentLabels()),
                capped(lockWaits, limits.lockResources()));
    }

    private static JobFigures job(JobReport report, List<RunReport> completed, ExportLimits limits) {
        Map<RunResult, List<Long>> leadTimes = new EnumMap<>(RunResult.class);
        List<Long> processTimes = new ArrayList<>();
        List<WaitBreakdown> runWaits = new ArrayList<>();
        Map<FlagKind, Long> flags = new EnumMap<>(FlagKind.class);
        Map<BudgetKind, BudgetCounts> budgets = new EnumMap<>(BudgetKind.class);
        Map<String, List<ProcessStep>> steps = new HashMap<>();
        for (RunReport run : completed) {
            ProcessMap map = run.map();
            RunResult given = map.result();
            RunResult result = given == null ? RunResult.FAILURE : given;
            leadTimes.computeIfAbsent(result, r -> new ArrayList<>()).add(map.leadTimeMillis());
            processTimes.add(map.processMillis());
            runWaits.add(map.waits());
            for (Flag flag : run.flags()) {
                flags.merge(flag.kind(), 1L, Long::sum);
            }
            for (BudgetCheck check : run.budgets()) {
                budgets.put(check.kind(), budgets.getOrDefault(check.kind(), new BudgetCounts(0, 0)).plus(check));
            }
            for (ProcessStep step : map.steps()) {
                if (step.counted()) {
                    steps.computeIfAbsent(stepLabel(step), label -> new ArrayList<>()).add(step);
                }
            }
        }
        Map<String, StepFigures> stepFigures = new LinkedHashMap<>();
        cappedSteps(steps, limits.stepsPerJob()).forEach((label, passes) -> stepFigures.put(label, step(passes)));
        return new JobFigures(report.name(), completed.size(), leadTimes, processTimes, waits(runWaits), stepFigures,
                flags, budgets, report.valueStream().flowEfficiency());
    }

    /** The label value of a step: its path as the JSON writes it, and {@code #2}, {@code #3}... for later passes. */
    static String stepLabel(ProcessStep step) {
        return step.occurrence() == 0 ? step.path().toString() : step.path() + " #" + (step.occurrence() + 1);
    }

    private static StepFigures step(List<ProcessStep> passes) {
        List<Long> process = new ArrayList<>(passes.size());
        long processSum = 0;
        long elapsedSum = 0;
        for (ProcessStep pass : passes) {
            process.add(pass.processMillis());
            processSum += pass.processMillis();
            elapsedSum += pass.elapsedMillis();
        }
        return new StepFigures(process, waits(passes.stream().map(ProcessStep::waits).toList()), processSum,
                elapsedSum);
    }

    /** Each breakdown's time of each cause that had time in one of them, where the breakdown knows the cause. */
    private static Map<WaitCause, List<Long>> waits(List<WaitBreakdown> breakdowns) {
        Set<WaitCause> withTime = EnumSet.noneOf(WaitCause.class);
        for (WaitBreakdown waits : breakdowns) {
            for (WaitCause cause : WaitCause.values()) {
                if (waits.millis(cause) > 0) {
                    withTime.add(cause);
                }
            }
        }
        Map<WaitCause, List<Long>> byCause = new EnumMap<>(WaitCause.class);
        for (WaitCause cause : withTime) {
            List<Long> values = new ArrayList<>(breakdowns.size());
            for (WaitBreakdown waits : breakdowns) {
                Long millis = waits.millisOrNull(cause);
                if (millis != null) {
                    values.add(millis);
                }
            }
            byCause.put(cause, values);
        }
        return byCause;
    }

    /** The {@code cap} steps with most elapsed time under their own label, the others merged under {@link #OTHER}. */
    private static Map<String, List<ProcessStep>> cappedSteps(Map<String, List<ProcessStep>> steps, int cap) {
        Map<String, Long> elapsed = new HashMap<>();
        steps.forEach((label, passes) -> elapsed.put(label,
                passes.stream().mapToLong(ProcessStep::elapsedMillis).sum()));
        return capped(steps, elapsed, cap);
    }

    private static Map<String, List<Long>> capped(Map<String, List<Long>> values, int cap) {
        Map<String, Long> totals = new HashMap<>();
        values.forEach((label, list) -> totals.put(label, list.stream().mapToLong(Long::longValue).sum()));
        return capped(values, totals, cap);
    }

    /**
     * The {@code cap} entries with the largest weight, heaviest first (ties by label), then the others' values merged
     * under {@link #OTHER} (with the values of an entry that was itself labelled so).
     */
    private static <T> Map<String, List<T>> capped(Map<String, List<T>> values, Map<String, Long> weights, int cap) {
        List<String> labels = new ArrayList<>(values.keySet());
        labels.sort(Comparator.comparing((String label) -> weights.getOrDefault(label, 0L)).reversed()
                .thenComparing(Comparator.naturalOrder()));
        Map<String, List<T>> kept = new LinkedHashMap<>();
        List<T> other = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            if (i < cap && !label.equals(OTHER)) {
                kept.put(label, values.get(label));
            } else {
                other.addAll(values.get(label));
            }
        }
        if (!other.isEmpty()) {
            kept.put(OTHER, other);
        }
        return kept;
    }
}
