package io.jenkins.plugins.valuestream.api;

import io.jenkins.plugins.valuestream.dora.DeploymentFrequency;
import io.jenkins.plugins.valuestream.dora.DoraFigures;
import io.jenkins.plugins.valuestream.flags.AvoidableWork;
import io.jenkins.plugins.valuestream.flags.Flag;
import io.jenkins.plugins.valuestream.future.FutureAssumptions;
import io.jenkins.plugins.valuestream.future.FutureState;
import io.jenkins.plugins.valuestream.future.FutureStep;
import io.jenkins.plugins.valuestream.future.WhatIfResult;
import io.jenkins.plugins.valuestream.json.ReportJson;
import io.jenkins.plugins.valuestream.process.InputDecision;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.ProcessStep;
import io.jenkins.plugins.valuestream.process.StepFailure;
import io.jenkins.plugins.valuestream.process.StepPath;
import io.jenkins.plugins.valuestream.process.WaitBreakdown;
import io.jenkins.plugins.valuestream.process.WaitCause;
import io.jenkins.plugins.valuestream.report.JobReport;
import io.jenkins.plugins.valuestream.report.RunReport;
import io.jenkins.plugins.valuestream.stream.Distribution;
import io.jenkins.plugins.valuestream.stream.RunTrend;
import io.jenkins.plugins.valuestream.stream.StepStats;
import io.jenkins.plugins.valuestream.stream.ValueStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * The report of the command line's JSON ({@link ReportJson}) as beans of Jenkins' exported API, so that
 * {@code api/json}, {@code api/xml}, {@code ?tree=} and {@code ?depth=} work as everywhere in Jenkins. The field names
 * are those of {@link ReportJson} (a test compares the two); nested objects are inlined, so that the default depth
 * gives the whole report, as the command line does, and {@code tree=} picks parts of it.
 */
public final class ExportedReport {
    private ExportedReport() {
    }

    /**
     * The answer of {@code /job/X/value-stream/api/json}: {@code {"jobs":[{...}]}} with the one job, as the command
     * line's report of that job, so that a script reads either the same way.
     */
    @ExportedBean
    public static final class Report {
        private final Job job;

        public Report(JobReport job) {
            this.job = new Job(job);
        }

        @Exported(inline = true)
        public List<Job> getJobs() {
            return List.of(job);
        }
    }

    /** One job of a {@link Report}. */
    @ExportedBean
    public static final class Job {
        private final JobReport job;

        Job(JobReport job) {
            this.job = job;
        }

        @Exported
        public String getName() {
            return job.name();
        }

        @Exported(inline = true)
        public List<Run> getRuns() {
            return job.runs().stream().map(Run::new).toList();
        }

        @Exported(inline = true)
        public Figures getValueStream() {
            return new Figures(job.valueStream());
        }

        @Exported(inline = true)
        public Ledger getAvoidableWork() {
            return new Ledger(job.avoidableWork());
        }

        @Exported(inline = true)
        public FutureFigures getFutureState() {
            return new FutureFigures(job.futureState());
        }

        @Exported(inline = true)
        public List<WhatIfFigures> getWhatIf() {
            return job.whatIfs().stream().map(WhatIfFigures::new).toList();
        }

        @Exported(inline = true)
        public Delivery getDora() {
            return new Delivery(job.dora());
        }

        @Exported
        public List<String> getWarnings() {
            return job.warnings();
        }
    }

    /**
     * The job's delivery figures as DORA defines them (docs/definitions.md, "Delivery: DORA"); every figure
     * {@code null} where no run of the window deploys. The nested objects are always there, as in the JSON.
     */
    @ExportedBean
    public static final class Delivery {
        private final DoraFigures dora;

        Delivery(DoraFigures dora) {
            this.dora = dora;
        }

        @Exported(skipNull = false)
        public @Nullable Integer getDeployments() {
            return dora.deployments();
        }

        @Exported(skipNull = false)
        public @Nullable Integer getSuccessfulDeployments() {
            return dora.successfulDeployments();
        }

        @Exported(skipNull = false)
        public @Nullable Integer getFailedDeployments() {
            return dora.failedDeployments();
        }

        @Exported(inline = true)
        public LeadTime getLeadTimeForChanges() {
            return new LeadTime(dora);
        }

        @Exported(inline = true)
        public Frequency getDeploymentFrequency() {
            return new Frequency(dora.deploymentFrequency());
        }

        @Exported(skipNull = false)
        public @Nullable Double getChangeFailureRate() {
            return dora.changeFailureRate();
        }

        @Exported(inline = true)
        public Recovery getFailedDeploymentRecoveryMillis() {
            return new Recovery(dora);
        }

        @Exported
        public List<String> getDeployStages() {
            return dora.rule().stages().stream().sorted().toList();
        }
    }

    /** From each deployed commit to the end of the step that deployed it. */
    @ExportedBean
    public static final class LeadTime {
        private final DoraFigures dora;

        LeadTime(DoraFigures dora) {
            this.dora = dora;
        }

        @Exported(skipNull = false)
        public @Nullable Long getMedian() {
            return dora.leadTimeForChanges().median();
        }

        @Exported(skipNull = false)
        public @Nullable Long getP90() {
            return dora.leadTimeForChanges().p90();
        }

        @Exported(skipNull = false)
        public @Nullable Integer getChanges() {
            return dora.leadTimeForChanges().changes();
        }

        @Exported(skipNull = false)
        public @Nullable Integer getUnknown() {
            return dora.leadTimeForChanges().unknown();
        }

        @Exported(skipNull = false)
        public @Nullable Integer getRunsWithUnknownChanges() {
            return dora.deploys() ? dora.leadTimeForChanges().runsWithUnknownChanges() : null;
        }
    }

    /** Successful deployments per day and per week over the window's span. */
    @ExportedBean
    public static final class Frequency {
        private final @Nullable DeploymentFrequency frequency;

        Frequency(@Nullable DeploymentFrequency frequency) {
            this.frequency = frequency;
        }

        @Exported(skipNull = false)
        public @Nullable Double getPerDay() {
            return frequency == null ? null : frequency.perDay();
        }

        @Exported(skipNull = false)
        public @Nullable Double getPerWeek() {
            return frequency == null ? null : frequency.perWeek();
        }

        @Exported(skipNull = false)
        public @Nullable Double getDays() {
            return frequency == null ? null : frequency.days();
        }
    }

    /** From a failed deployment to the next successful one. */
    @ExportedBean
    public static final class Recovery {
        private final DoraFigures dora;

        Recovery(DoraFigures dora) {
            this.dora = dora;
        }

        @Exported(skipNull = false)
        public @Nullable Long getMedian() {
            return dora.recovery() == null ? null : dora.recovery().median();
        }

        @Exported(skipNull = false)
        public @Nullable Long getP90() {
            return dora.recovery() == null ? null : dora.recovery().p90();
        }

        @Exported(skipNull = false)
        public @Nullable Integer getRecoveries() {
            return dora.deploys() ? dora.recoveries() : null;
        }
    }

    /** The names of the given causes or kinds in their order, as {@link ReportJson} writes them. */
    private static List<String> names(Set<? extends Enum<?>> values) {
        return values.stream().sorted(Comparator.comparingInt(Enum::ordinal)).map(Enum::name).toList();
    }

    /** The job's future-state map beside its current state (docs/definitions.md, "Future state"). */
    @ExportedBean
    public static final class FutureFigures {
        private final FutureState future;

        FutureFigures(FutureState future) {
            this.future = future;
        }

        @Exported
        public List<String> getRemovedCauses() {
            return names(future.assumptions().removedCauses());
        }

        @Exported
        public List<String> getKeptCauses() {
            return names(future.assumptions().keptCauses());
        }

        @Exported
        public List<String> getRemovedFlagKinds() {
            return names(FutureAssumptions.WORK_KINDS);
        }

        @Exported
        public List<String> getKeptFlagKinds() {
            return names(FutureAssumptions.keptFlagKinds());
        }

        @Exported
        public int getRuns() {
            return future.runs();
        }

        @Exported(inline = true)
        public Median getLeadTimeMillis() {
            return new Median(future.leadTime());
        }

        @Exported(inline = true)
        public Median getProjectedLeadTimeMillis() {
            return new Median(future.projectedLeadTime());
        }

        @Exported
        public double getFlowEfficiency() {
            return future.flowEfficiency();
        }

        @Exported
        public double getProjectedFlowEfficiency() {
            return future.projectedFlowEfficiency();
        }

        @Exported
        public long getRemovedWaitMillis() {
            return future.removedWaitMillis();
        }

        @Exported
        public long getRemovedWorkMillis() {
            return future.removedWorkMillis();
        }

        @Exported(inline = true)
        public List<FutureStepFigures> getSteps() {
            return future.steps().stream().map(FutureStepFigures::new).toList();
        }
    }

    /** What names a step across runs: its path (escaped and as names), display name and occurrence. */
    @ExportedBean
    public abstract static class NamedStep {
        private final StepPath path;
        private final String name;
        private final int occurrence;

        NamedStep(StepPath path, String name, int occurrence) {
            this.path = path;
            this.name = name;
            this.occurrence = occurrence;
        }

        @Exported
        public String getPath() {
            return path.toString();
        }

        @Exported
        public List<String> getSegments() {
            return path.segments();
        }

        @Exported
        public String getName() {
            return name;
        }

        @Exported
        public int getOccurrence() {
            return occurrence;
        }
    }

    /** One step of the future-state map. */
    @ExportedBean
    public static final class FutureStepFigures extends NamedStep {
        private final FutureStep step;

        FutureStepFigures(FutureStep step) {
            super(step.path(), step.displayName(), step.occurrence());
            this.step = step;
        }

        @Exported
        public int getRuns() {
            return step.runs();
        }

        @Exported(inline = true)
        public Median getElapsedMillis() {
            return new Median(step.elapsed());
        }

        @Exported(inline = true)
        public Median getProjectedElapsedMillis() {
            return new Median(step.projectedElapsed());
        }

        @Exported
        public double getFlowEfficiency() {
            return step.flowEfficiency();
        }

        @Exported
        public double getProjectedFlowEfficiency() {
            return step.projectedFlowEfficiency();
        }
    }

    /** One what-if over the job's window. */
    @ExportedBean
    public static final class WhatIfFigures extends NamedStep {
        private final WhatIfResult result;

        WhatIfFigures(WhatIfResult result) {
            super(result.whatIf().path(), result.whatIf().stepName(), result.whatIf().occurrence());
            this.result = result;
        }

        @Exported
        public String getChange() {
            return result.whatIf().text();
        }

        @Exported
        public int getRuns() {
            return result.runs();
        }

        @Exported
        public int getStepRuns() {
            return result.stepRuns();
        }

        @Exported(inline = true)
        public Median getLeadTimeMillis() {
            return new Median(result.leadTime());
        }

        @Exported(inline = true)
        public Median getProjectedLeadTimeMillis() {
            return new Median(result.projectedLeadTime());
        }
    }

    /** The job's avoidable-work ledger: what the flags of the window would have saved, by kind and step. */
    @ExportedBean
    public static final class Ledger {
        private final AvoidableWork ledger;

        Ledger(AvoidableWork ledger) {
            this.ledger = ledger;
        }

        @Exported
        public int getRuns() {
            return ledger.runs();
        }

        @Exported
        public long getTotalMillis() {
            return ledger.totalMillis();
        }

        @Exported(inline = true)
        public List<LedgerEntry> getEntries() {
            return ledger.entries().stream().map(LedgerEntry::new).toList();
        }
    }

    /** One line of the ledger. */
    @ExportedBean
    public static final class LedgerEntry {
        private final AvoidableWork.Entry entry;

        LedgerEntry(AvoidableWork.Entry entry) {
            this.entry = entry;
        }

        @Exported
        public String getKind() {
            return entry.kind().name();
        }

        @Exported
        public String getStep() {
            return entry.step().toString();
        }

        @Exported
        public List<String> getSegments() {
            return entry.step().segments();
        }

        @Exported
        public long getTotalMillis() {
            return entry.totalMillis();
        }

        @Exported
        public int getRuns() {
            return entry.flaggedRuns();
        }

        @Exported
        public String getRemedy() {
            return entry.remedy();
        }
    }

    /** One run: {@code /job/X/N/process-map/api/json}. */
    @ExportedBean
    public static final class Run {
        private final ProcessMap map;
        private final List<Flag> flags;

        public Run(RunReport run) {
            this.map = run.map();
            this.flags = run.flags();
        }

        @Exported
        public int getNumber() {
            return map.number();
        }

        @Exported
        public @Nullable String getResult() {
            return map.result() == null ? null : map.result().name();
        }

        @Exported
        public boolean isRunning() {
            return map.running();
        }

        @Exported
        public @Nullable Long getQueuedAt() {
            return map.queuedAt();
        }

        @Exported
        public long getStartedAt() {
            return map.startedAt();
        }

        @Exported
        public @Nullable Long getCompletedAt() {
            return map.completedAt();
        }

        @Exported
        public long getAsOf() {
            return map.asOf();
        }

        @Exported
        public long getLeadTimeMillis() {
            return map.leadTimeMillis();
        }

        @Exported
        public long getProcessMillis() {
            return map.processMillis();
        }

        @Exported
        public long getWaitMillis() {
            return map.waitMillis();
        }

        @Exported
        public Map<String, @Nullable Long> getWaitByCause() {
            return waits(map.waits());
        }

        @Exported
        public List<String> getUnknownCauses() {
            return unknown(map.waits());
        }

        @Exported
        public double getFlowEfficiency() {
            return map.flowEfficiency();
        }

        @Exported
        public List<String> getNotes() {
            return map.notes();
        }

        @Exported(inline = true)
        public List<Step> getSteps() {
            return map.steps().stream().map(Step::new).toList();
        }

        @Exported(inline = true)
        public List<RaisedFlag> getFlags() {
            return flags.stream().map(RaisedFlag::new).toList();
        }

        @Exported(inline = true)
        public List<Failure> getFailures() {
            return map.failures().stream().map(Failure::new).toList();
        }

        @Exported(inline = true)
        public List<Input> getInputs() {
            return map.inputs().stream().map(Input::new).toList();
        }
    }

    /** An error of a run, where it arose. */
    @ExportedBean
    public static final class Failure {
        private final StepFailure failure;

        Failure(StepFailure failure) {
            this.failure = failure;
        }

        @Exported
        public String getPath() {
            return failure.step().toString();
        }

        @Exported
        public List<String> getSegments() {
            return failure.step().segments();
        }

        @Exported
        public String getStep() {
            return failure.step().label();
        }

        @Exported
        public String getFunction() {
            return failure.functionName();
        }

        @Exported
        public String getCommand() {
            return failure.command();
        }

        @Exported
        public String getError() {
            return failure.error();
        }

        @Exported
        public String getMessage() {
            return failure.message();
        }

        @Exported
        public boolean isInterruption() {
            return failure.interruption();
        }

        @Exported
        public boolean isEndedRun() {
            return failure.endedRun();
        }

        @Exported
        public long getAt() {
            return failure.at();
        }
    }

    /** An input of a run and what became of it. */
    @ExportedBean
    public static final class Input {
        private final InputDecision input;

        Input(InputDecision input) {
            this.input = input;
        }

        @Exported
        public String getPath() {
            return input.step().toString();
        }

        @Exported
        public List<String> getSegments() {
            return input.step().segments();
        }

        @Exported
        public String getStep() {
            return input.step().label();
        }

        @Exported
        public String getMessage() {
            return input.message();
        }

        @Exported
        public String getDecision() {
            return input.decision().name();
        }

        @Exported
        public @Nullable String getUser() {
            return input.user();
        }

        @Exported
        public long getAt() {
            return input.at();
        }

        @Exported
        public long getWaitedMillis() {
            return input.waitedMillis();
        }
    }

    /** One step of a run. */
    @ExportedBean
    public static final class Step extends NamedStep {
        private final ProcessStep step;

        Step(ProcessStep step) {
            super(step.path(), step.displayName(), step.occurrence());
            this.step = step;
        }

        @Exported
        public String getKind() {
            return step.kind().name();
        }

        @Exported
        public String getResult() {
            return step.result().name();
        }

        @Exported
        public long getStartedAt() {
            return step.startedAt();
        }

        @Exported
        public long getElapsedMillis() {
            return step.elapsedMillis();
        }

        @Exported
        public long getProcessMillis() {
            return step.processMillis();
        }

        @Exported
        public long getWaitMillis() {
            return step.waitMillis();
        }

        @Exported
        public long getEffortMillis() {
            return step.effortMillis();
        }

        @Exported
        public Map<String, @Nullable Long> getWaitByCause() {
            return waits(step.waits());
        }

        @Exported
        public List<String> getUnknownCauses() {
            return unknown(step.waits());
        }

        @Exported
        public boolean isFirstTime() {
            return step.firstTime();
        }

        @Exported
        public boolean isCounted() {
            return step.counted();
        }

        @Exported
        public @Nullable String getParallelGroup() {
            return step.parallelGroup();
        }
    }

    /** A flag raised on a run. */
    @ExportedBean
    public static final class RaisedFlag {
        private final Flag flag;

        RaisedFlag(Flag flag) {
            this.flag = flag;
        }

        @Exported
        public String getKind() {
            return flag.kind().name();
        }

        @Exported
        public String getStep() {
            return flag.step().toString();
        }

        @Exported
        public List<String> getSegments() {
            return flag.step().segments();
        }

        @Exported
        public String getMessage() {
            return flag.message();
        }

        @Exported
        public long getCostMillis() {
            return flag.costMillis();
        }

        @Exported
        public List<String> getEvidence() {
            return flag.evidence();
        }

        @Exported
        public String getRemedy() {
            return flag.remedy();
        }
    }

    /** The job's value stream over the window. */
    @ExportedBean
    public static final class Figures {
        private final ValueStream stream;

        Figures(ValueStream stream) {
            this.stream = stream;
        }

        @Exported
        public int getRuns() {
            return stream.runs();
        }

        @Exported(inline = true)
        public List<StepFigures> getSteps() {
            return stream.steps().stream().map(StepFigures::new).toList();
        }

        @Exported(inline = true)
        public Median getLeadTimeMillis() {
            return new Median(stream.leadTime());
        }

        @Exported(inline = true)
        public Median getProcessMillis() {
            return new Median(stream.process());
        }

        @Exported(inline = true)
        public Median getWaitMillis() {
            return new Median(stream.waitTime());
        }

        @Exported(inline = true)
        public Map<String, Median> getWaitByCause() {
            return distributions(stream.waitByCause());
        }

        @Exported
        public double getFlowEfficiency() {
            return stream.flowEfficiency();
        }

        @Exported
        public @Nullable String getBottleneck() {
            return stream.bottleneck() == null ? null : stream.bottleneck().displayName();
        }

        @Exported
        public @Nullable Integer getBottleneckIndex() {
            return indexOf(stream.bottleneck());
        }

        @Exported
        public @Nullable String getBottleneckByWait() {
            return stream.waitBottleneck() == null ? null : stream.waitBottleneck().displayName();
        }

        @Exported
        public @Nullable Integer getBottleneckByWaitIndex() {
            return indexOf(stream.waitBottleneck());
        }

        @Exported(inline = true)
        public List<TrendPoint> getTrend() {
            return stream.trend().stream().map(TrendPoint::new).toList();
        }

        private @Nullable Integer indexOf(@Nullable StepStats step) {
            int index = step == null ? -1 : stream.steps().indexOf(step);
            return index < 0 ? null : index;
        }
    }

    /** The figures of one step of the value stream. */
    @ExportedBean
    public static final class StepFigures extends NamedStep {
        private final StepStats stats;

        StepFigures(StepStats stats) {
            super(stats.path(), stats.displayName(), stats.occurrence());
            this.stats = stats;
        }

        @Exported
        public String getKind() {
            return stats.kind().name();
        }

        @Exported
        public int getRuns() {
            return stats.runs();
        }

        @Exported(inline = true)
        public Median getProcessMillis() {
            return new Median(stats.process());
        }

        @Exported(inline = true)
        public Median getWaitMillis() {
            return new Median(stats.waitTime());
        }

        @Exported(inline = true)
        public Median getElapsedMillis() {
            return new Median(stats.elapsed());
        }

        @Exported(inline = true)
        public Median getEffortMillis() {
            return new Median(stats.effort());
        }

        @Exported(inline = true)
        public Map<String, Median> getWaitByCause() {
            return distributions(stats.waitByCause());
        }

        @Exported
        public double getSuccessRate() {
            return stats.successRate();
        }

        @Exported
        public double getFlowEfficiency() {
            return stats.flowEfficiency();
        }

        @Exported
        public long getMedianStartOffsetMillis() {
            return stats.medianStartOffset();
        }

        @Exported
        public @Nullable String getParallelGroup() {
            return stats.parallelGroup();
        }

        @Exported
        public double getCriticalShare() {
            return stats.criticalShare();
        }

        @Exported(inline = true)
        public Median getExclusiveMillis() {
            return new Median(stats.exclusive());
        }
    }

    /** A median and 90th percentile, in milliseconds. */
    @ExportedBean
    public static final class Median {
        private final Distribution distribution;

        Median(Distribution distribution) {
            this.distribution = distribution;
        }

        @Exported
        public long getMedian() {
            return distribution.median();
        }

        @Exported
        public long getP90() {
            return distribution.p90();
        }
    }

    /** One run in the value stream's trend. */
    @ExportedBean
    public static final class TrendPoint {
        private final RunTrend point;

        TrendPoint(RunTrend point) {
            this.point = point;
        }

        @Exported
        public int getNumber() {
            return point.number();
        }

        @Exported
        public @Nullable String getResult() {
            return point.result() == null ? null : point.result().name();
        }

        @Exported
        public long getStartedAt() {
            return point.startedAt();
        }

        @Exported
        public long getLeadTimeMillis() {
            return point.leadTimeMillis();
        }

        @Exported
        public long getProcessMillis() {
            return point.processMillis();
        }

        @Exported
        public long getWaitMillis() {
            return point.waits().total();
        }

        @Exported
        public Map<String, @Nullable Long> getWaitByCause() {
            return waits(point.waits());
        }

        @Exported
        public double getFlowEfficiency() {
            return point.flowEfficiency();
        }
    }

    /**
     * Every cause of a run in enum order: its time, or {@code null} where the source could not tell it; and
     * {@code HANDOFF} where there is a hand-off (chains of jobs), as the model's JSON writes them.
     */
    private static Map<String, @Nullable Long> waits(WaitBreakdown waits) {
        Map<String, @Nullable Long> byCause = new LinkedHashMap<>();
        for (WaitCause cause : WaitCause.values()) {
            if (cause != WaitCause.HANDOFF || waits.millis(cause) != 0 || !waits.known(cause)) {
                byCause.put(cause.name(), waits.millisOrNull(cause));
            }
        }
        return byCause;
    }

    private static List<String> unknown(WaitBreakdown waits) {
        List<String> causes = new ArrayList<>();
        for (WaitCause cause : WaitCause.values()) {
            if (!waits.known(cause)) {
                causes.add(cause.name());
            }
        }
        return causes;
    }

    /** The causes present, in enum order. */
    private static Map<String, Median> distributions(Map<WaitCause, Distribution> byCause) {
        Map<String, Median> node = new LinkedHashMap<>();
        for (WaitCause cause : WaitCause.values()) {
            Distribution distribution = byCause.get(cause);
            if (distribution != null) {
                node.put(cause.name(), new Median(distribution));
            }
        }
        return node;
    }
}
