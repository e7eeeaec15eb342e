package io.jenkins.plugins.valuestream.export;

import io.jenkins.plugins.valuestream.export.MetricFigures.BudgetCounts;
import io.jenkins.plugins.valuestream.export.MetricFigures.JobFigures;
import io.jenkins.plugins.valuestream.export.MetricFigures.StepFigures;
import io.jenkins.plugins.valuestream.flags.FlagKind;
import io.jenkins.plugins.valuestream.budget.BudgetKind;
import io.jenkins.plugins.valuestream.graph.RunResult;
import io.jenkins.plugins.valuestream.process.WaitCause;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleGauge;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import java.util.List;
import java.util.Map;

/**
 * The figures recorded into an OpenTelemetry {@link Meter} (the API only: whoever calls supplies the SDK and its
 * exporter). The run duration follows the CI/CD semantic conventions (semconv 1.45.0, {@code
 * cicd.pipeline.run.duration} with {@code cicd.pipeline.name} and {@code cicd.pipeline.result}; steps are {@code
 * cicd.pipeline.task.name}); what the conventions do not define is under {@code jenkins.value_stream.}.
 * docs/export.md lists every instrument.
 */
public final class OpenTelemetryExport {
    /** The instrumentation scope's name, for {@code meterProvider.get(...)}. */
    public static final String SCOPE = "io.jenkins.plugins.valuestream";

    public static final String RUN_DURATION = "cicd.pipeline.run.duration";
    public static final String RUN_PROCESS_TIME = "jenkins.value_stream.run.process_time";
    public static final String RUN_WAIT_TIME = "jenkins.value_stream.run.wait_time";
    public static final String RUNS = "jenkins.value_stream.runs";
    public static final String STEP_PROCESS_TIME = "jenkins.value_stream.step.process_time";
    public static final String STEP_WAIT_TIME = "jenkins.value_stream.step.wait_time";
    public static final String AGENT_WAIT_TIME = "jenkins.value_stream.agent.wait_time";
    public static final String LOCK_WAIT_TIME = "jenkins.value_stream.lock.wait_time";
    public static final String FLAGS = "jenkins.value_stream.flags";
    public static final String BUDGET_CHECKS = "jenkins.value_stream.budget.checks";
    public static final String FLOW_EFFICIENCY = "jenkins.value_stream.flow_efficiency";
    public static final String STEP_FLOW_EFFICIENCY = "jenkins.value_stream.step.flow_efficiency";

    /** Semantic conventions: the pipeline's name (the job's full name). */
    public static final AttributeKey<String> PIPELINE_NAME = AttributeKey.stringKey("cicd.pipeline.name");
    /** Semantic conventions: the run's result, in the conventions' values ({@link #semconvResult}). */
    public static final AttributeKey<String> PIPELINE_RESULT = AttributeKey.stringKey("cicd.pipeline.result");
    /** Semantic conventions: a task of the pipeline, here a step of the process map. */
    public static final AttributeKey<String> TASK_NAME = AttributeKey.stringKey("cicd.pipeline.task.name");
    /** Jenkins' own result name (SUCCESS, UNSTABLE, FAILURE, NOT_BUILT, ABORTED), which keeps UNSTABLE apart. */
    public static final AttributeKey<String> JENKINS_RESULT = AttributeKey.stringKey("jenkins.value_stream.result");
    public static final AttributeKey<String> WAIT_CAUSE = AttributeKey.stringKey("jenkins.value_stream.wait.cause");
    public static final AttributeKey<String> AGENT_LABEL = AttributeKey.stringKey("jenkins.value_stream.agent.label");
    public static final AttributeKey<String> LOCK_RESOURCE =
            AttributeKey.stringKey("jenkins.value_stream.lock.resource");
    public static final AttributeKey<String> FLAG_KIND = AttributeKey.stringKey("jenkins.value_stream.flag.kind");
    public static final AttributeKey<String> BUDGET_KIND = AttributeKey.stringKey("jenkins.value_stream.budget.kind");
    public static final AttributeKey<String> BUDGET_VERDICT =
            AttributeKey.stringKey("jenkins.value_stream.budget.verdict");

    private OpenTelemetryExport() {
    }

    /**
     * The conventions' {@code cicd.pipeline.result} of a Jenkins result: SUCCESS {@code success}; UNSTABLE and
     * FAILURE {@code failure} (the run did not finish successfully, e.g. failing tests); ABORTED {@code
     * cancellation}; NOT_BUILT {@code skip}.
     */
    public static String semconvResult(RunResult result) {
        return switch (result) {
            case SUCCESS -> "success";
            case UNSTABLE, FAILURE -> "failure";
            case ABORTED -> "cancellation";
            case NOT_BUILT -> "skip";
        };
    }

    /**
     * Records the figures: every observation into its histogram, the counts into counters, the flow efficiencies into
     * gauges. Recording the same figures twice into one meter counts them twice: record once per meter provider
     * (as a one-off push does) or use the Prometheus export for figures that are recomputed.
     */
    public static void record(MetricFigures figures, Meter meter) {
        DoubleHistogram duration = histogram(meter, RUN_DURATION,
                "Duration of a pipeline run grouped by pipeline and result: its lead time, queue entry (or start) to"
                        + " completion.");
        DoubleHistogram process = histogram(meter, RUN_PROCESS_TIME, "Process time of completed runs.");
        DoubleHistogram runWait = histogram(meter, RUN_WAIT_TIME, "Wait of completed runs by cause.");
        DoubleHistogram stepProcess = histogram(meter, STEP_PROCESS_TIME, "Process time of each pass through a step.");
        DoubleHistogram stepWait = histogram(meter, STEP_WAIT_TIME, "Wait of each pass through a step by cause.");
        DoubleHistogram agentWait = histogram(meter, AGENT_WAIT_TIME,
                "Wait for an agent, per allocation, across all jobs, by label expression.");
        DoubleHistogram lockWait = histogram(meter, LOCK_WAIT_TIME,
                "Wait for a lock, per acquisition, across all jobs, by resource.");
        LongCounter runs = meter.counterBuilder(RUNS).setUnit("{run}").setDescription("Completed runs by result.")
                .build();
        LongCounter flags = meter.counterBuilder(FLAGS).setUnit("{flag}")
                .setDescription("Flags raised on completed runs, by kind.").build();
        LongCounter budgets = meter.counterBuilder(BUDGET_CHECKS).setUnit("{check}")
                .setDescription("Budget checks of completed runs, by budget kind and verdict.").build();
        DoubleGauge flowEfficiency = meter.gaugeBuilder(FLOW_EFFICIENCY).setUnit("1")
                .setDescription("Summed process time / summed lead time of the job's completed runs.").build();
        DoubleGauge stepFlowEfficiency = meter.gaugeBuilder(STEP_FLOW_EFFICIENCY).setUnit("1")
                .setDescription("Summed process time / summed elapsed time of a step over the job's completed runs.")
                .build();
        for (JobFigures job : figures.jobs()) {
            Attributes pipeline = Attributes.of(PIPELINE_NAME, job.job());
            for (Map.Entry<RunResult, List<Long>> entry : job.leadTimes().entrySet()) {
                observe(duration, Attributes.of(PIPELINE_NAME, job.job(), PIPELINE_RESULT,
                        semconvResult(entry.getKey())), entry.getValue());
                runs.add(entry.getValue().size(), Attributes.of(PIPELINE_NAME, job.job(), PIPELINE_RESULT,
                        semconvResult(entry.getKey()), JENKINS_RESULT, entry.getKey().name()));
            }
            observe(process, pipeline, job.processTimes());
            job.waits().forEach((cause, values) -> observe(runWait,
                    Attributes.of(PIPELINE_NAME, job.job(), WAIT_CAUSE, cause.name()), values));
            for (Map.Entry<String, StepFigures> entry : job.steps().entrySet()) {
                Attributes step = Attributes.of(PIPELINE_NAME, job.job(), TASK_NAME, entry.getKey());
                observe(stepProcess, step, entry.getValue().process());
                for (Map.Entry<WaitCause, List<Long>> wait : entry.getValue().waits().entrySet()) {
                    observe(stepWait, Attributes.of(PIPELINE_NAME, job.job(), TASK_NAME, entry.getKey(), WAIT_CAUSE,
                            wait.getKey().name()), wait.getValue());
                }
                stepFlowEfficiency.set(entry.getValue().flowEfficiency(), step);
            }
            for (Map.Entry<FlagKind, Long> entry : job.flags().entrySet()) {
                flags.add(entry.getValue(), Attributes.of(PIPELINE_NAME, job.job(), FLAG_KIND, entry.getKey().name()));
            }
            for (Map.Entry<BudgetKind, BudgetCounts> entry : job.budgets().entrySet()) {
                budgets.add(entry.getValue().kept(), Attributes.of(PIPELINE_NAME, job.job(), BUDGET_KIND,
                        entry.getKey().name(), BUDGET_VERDICT, "kept"));
                budgets.add(entry.getValue().exceeded(), Attributes.of(PIPELINE_NAME, job.job(), BUDGET_KIND,
                        entry.getKey().name(), BUDGET_VERDICT, "exceeded"));
            }
            flowEfficiency.set(job.flowEfficiency(), pipeline);
        }
        figures.agentWaits().forEach((label, values) -> observe(agentWait, Attributes.of(AGENT_LABEL, label), values));
        figures.lockWaits().forEach((resource, values) -> observe(lockWait, Attributes.of(LOCK_RESOURCE, resource),
                values));
    }

    private static DoubleHistogram histogram(Meter meter, String name, String description) {
        return meter.histogramBuilder(name).setUnit("s").setDescription(description)
                .setExplicitBucketBoundariesAdvice(MetricFigures.BUCKETS_SECONDS).build();
    }

    private static void observe(DoubleHistogram histogram, Attributes attributes, List<Long> millis) {
        for (long value : millis) {
            histogram.record(value / 1000.0, attributes);
        }
    }
}
