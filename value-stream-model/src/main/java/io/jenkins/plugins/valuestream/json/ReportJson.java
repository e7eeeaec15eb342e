package io.jenkins.plugins.valuestream.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.valuestream.chain.Chain;
import io.jenkins.plugins.valuestream.chain.ChainAggregator;
import io.jenkins.plugins.valuestream.chain.ChainStream;
import io.jenkins.plugins.valuestream.chain.Handoff;
import io.jenkins.plugins.valuestream.chain.JobRun;
import io.jenkins.plugins.valuestream.chain.RunKey;
import io.jenkins.plugins.valuestream.dora.DeploymentFrequency;
import io.jenkins.plugins.valuestream.dora.DoraFigures;
import io.jenkins.plugins.valuestream.dora.LeadTimeForChanges;
import io.jenkins.plugins.valuestream.flags.AvoidableWork;
import io.jenkins.plugins.valuestream.flags.Flag;
import io.jenkins.plugins.valuestream.future.FutureAssumptions;
import io.jenkins.plugins.valuestream.future.FutureState;
import io.jenkins.plugins.valuestream.future.FutureStep;
import io.jenkins.plugins.valuestream.future.WhatIfResult;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.InputDecision;
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
import java.io.IOException;
import java.io.Writer;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Writes the report of one or more jobs as JSON, the shape shared by the command line and the plugin's REST API:
 *
 * <pre>{@code
 * {"jobs":[{"name","runs":[{"number","result","queuedAt","startedAt","completedAt","leadTimeMillis",
 *   "processMillis","waitMillis","waitByCause":{"QUEUE":null,"AGENT":0,...},"flowEfficiency",
 *   "steps":[{"path","segments","result","startedAt","elapsedMillis","processMillis","waitMillis","effortMillis",
 *             "waitByCause":{...}}],
 *   "flags":[{"kind","step","message","costMillis","evidence","remedy"}],
 *   "failures":[{"path","segments","step","function","command","error","message","interruption","endedRun","at"}],
 *   "inputs":[{"path","segments","step","message","decision","user","at","waitedMillis"}]}],
 *  "avoidableWork":{"runs","totalMillis","entries":[{"kind","step","segments","totalMillis","runs","remedy"}]},
 *  "futureState":{"removedCauses","keptCauses","removedFlagKinds","keptFlagKinds","runs","leadTimeMillis",
 *                 "projectedLeadTimeMillis","flowEfficiency","projectedFlowEfficiency","removedWaitMillis",
 *                 "removedWorkMillis","steps":[{"path","name","runs","elapsedMillis","projectedElapsedMillis",
 *                 "flowEfficiency","projectedFlowEfficiency"}]},
 *  "whatIf":[{"path","name","change","runs","stepRuns","leadTimeMillis","projectedLeadTimeMillis"}],
 *  "dora":{"deployments","successfulDeployments","failedDeployments","leadTimeForChanges":{"median","p90","changes",
 *          "unknown","runsWithUnknownChanges"},"deploymentFrequency":{"perDay","perWeek","days"},"changeFailureRate",
 *          "failedDeploymentRecoveryMillis":{"median","p90","recoveries"},"deployStages"},
 *  "valueStream":{"steps":[{"path","runs","processMillis":{"median","p90"},"waitMillis":{...},
 *                 "elapsedMillis":{...},"successRate","criticalShare","exclusiveMillis":{...}}],"leadTimeMillis":{"median","p90"},"flowEfficiency",
 *                 "bottleneck"}}]}
 * }</pre>
 *
 * <p>Times are epoch milliseconds, durations milliseconds. What the source could not tell is {@code null}, never 0:
 * {@code queuedAt} and the {@code QUEUE} cause of a run without a queue stamp, the {@code AGENT} cause of runs read
 * from the Stage View REST API; {@code unknownCauses} lists those causes. Step paths are written twice: {@code path}
 * in the escaped form of {@link StepPath#toString()} (a {@code /} inside a name written {@code \/}) and
 * {@code segments}, the names as they are; those two are the keys. The fields people read ({@code name},
 * {@code bottleneck}, {@code bottleneckByWait}, a flag's and a ledger entry's {@code step}) give the names as they were
 * written ({@link StepPath#label()}): a stage named {@code Build / Test} reads {@code Build / Test}.
 *
 * <p>Strings are escaped by Jackson; {@code <}, {@code >}, {@code &} and the line separators U+2028/U+2029 are
 * written as {@code \}{@code uXXXX} as well, so the JSON can be embedded in an HTML page as it is.
 */
public final class ReportJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.CLOSE_CLOSEABLE)
            .build();

    static {
        MAPPER.getFactory().setCharacterEscapes(new HtmlSafeEscapes());
        MAPPER.getFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    private ReportJson() {
    }

    /** The report as a JSON tree. */
    public static ObjectNode toTree(List<JobReport> jobs) {
        ObjectNode root = NODES.objectNode();
        ArrayNode list = root.putArray("jobs");
        for (JobReport job : jobs) {
            list.add(job(job));
        }
        return root;
    }

    /** The report as indented JSON text. */
    public static String toJson(List<JobReport> jobs) {
        try {
            return MAPPER.writeValueAsString(toTree(jobs));
        } catch (IOException e) {
            throw new IllegalStateException("Writing JSON to a string failed", e);
        }
    }

    /** Writes the report to the given writer, which is left open. */
    public static void write(List<JobReport> jobs, Writer out) throws IOException {
        write(toTree(jobs), out);
    }

    /**
     * Writes a tree made by this class (the report, or one of its parts such as {@link #run}) as the report writes its
     * own: indented, with the HTML-safe escapes described above. The writer is left open.
     */
    public static void write(JsonNode tree, Writer out) throws IOException {
        MAPPER.writeValue(out, tree);
    }

    /** One run as a JSON object (the plugin's per-run API). */
    public static ObjectNode run(RunReport run) {
        ProcessMap map = run.map();
        ObjectNode node = NODES.objectNode();
        node.put("number", map.number());
        node.put("result", map.result() == null ? null : map.result().name());
        node.put("running", map.running());
        node.put("queuedAt", map.queuedAt());
        node.put("startedAt", map.startedAt());
        node.put("completedAt", map.completedAt());
        node.put("asOf", map.asOf());
        node.put("leadTimeMillis", map.leadTimeMillis());
        node.put("processMillis", map.processMillis());
        node.put("waitMillis", map.waitMillis());
        node.set("waitByCause", waits(map.waits()));
        node.set("unknownCauses", causes(map.waits()));
        node.put("flowEfficiency", map.flowEfficiency());
        ArrayNode notes = node.putArray("notes");
        map.notes().forEach(notes::add);
        ArrayNode steps = node.putArray("steps");
        for (ProcessStep step : map.steps()) {
            steps.add(step(step));
        }
        ArrayNode flags = node.putArray("flags");
        for (Flag flag : run.flags()) {
            flags.add(flag(flag));
        }
        ArrayNode failures = node.putArray("failures");
        for (StepFailure failure : map.failures()) {
            ObjectNode item = failures.addObject();
            item.put("path", failure.step().toString());
            item.set("segments", segments(failure.step()));
            item.put("step", failure.step().label());
            item.put("function", failure.functionName());
            item.put("command", failure.command());
            item.put("error", failure.error());
            item.put("message", failure.message());
            item.put("interruption", failure.interruption());
            item.put("endedRun", failure.endedRun());
            item.put("at", failure.at());
        }
        ArrayNode inputs = node.putArray("inputs");
        for (InputDecision input : map.inputs()) {
            ObjectNode item = inputs.addObject();
            item.put("path", input.step().toString());
            item.set("segments", segments(input.step()));
            item.put("step", input.step().label());
            item.put("message", input.message());
            item.put("decision", input.decision().name());
            item.put("user", input.user());
            item.put("at", input.at());
            item.put("waitedMillis", input.waitedMillis());
        }
        return node;
    }

    /**
     * DORA's delivery figures of a job (docs/definitions.md, "Delivery: DORA"): {@code {"deployments",
     * "successfulDeployments","failedDeployments","leadTimeForChanges":{"median","p90","changes","unknown",
     * "runsWithUnknownChanges"},"deploymentFrequency":{"perDay","perWeek","days"},"changeFailureRate",
     * "failedDeploymentRecoveryMillis":{"median","p90","recoveries"},"deployStages":[...]}}. What is not known is
     * {@code null}: every figure of a job none of whose runs deploys; the objects are there, their figures null.
     */
    public static ObjectNode dora(DoraFigures dora) {
        ObjectNode node = NODES.objectNode();
        node.put("deployments", dora.deployments());
        node.put("successfulDeployments", dora.successfulDeployments());
        node.put("failedDeployments", dora.failedDeployments());
        LeadTimeForChanges lead = dora.leadTimeForChanges();
        ObjectNode leadTime = node.putObject("leadTimeForChanges");
        leadTime.put("median", lead.median());
        leadTime.put("p90", lead.p90());
        leadTime.put("changes", lead.changes());
        leadTime.put("unknown", lead.unknown());
        leadTime.put("runsWithUnknownChanges", dora.deploys() ? lead.runsWithUnknownChanges() : null);
        DeploymentFrequency frequency = dora.deploymentFrequency();
        ObjectNode often = node.putObject("deploymentFrequency");
        often.put("perDay", frequency == null ? null : frequency.perDay());
        often.put("perWeek", frequency == null ? null : frequency.perWeek());
        often.put("days", frequency == null ? null : frequency.days());
        node.put("changeFailureRate", dora.changeFailureRate());
        ObjectNode recovery = node.putObject("failedDeploymentRecoveryMillis");
        recovery.put("median", dora.recovery() == null ? null : dora.recovery().median());
        recovery.put("p90", dora.recovery() == null ? null : dora.recovery().p90());
        recovery.put("recoveries", dora.deploys() ? dora.recoveries() : null);
        ArrayNode stages = node.putArray("deployStages");
        dora.rule().stages().stream().sorted().forEach(stages::add);
        return node;
    }

    /** A value stream as a JSON object (the plugin's per-job API). */
    public static ObjectNode valueStream(ValueStream stream) {
        ObjectNode node = NODES.objectNode();
        node.put("runs", stream.runs());
        ArrayNode steps = node.putArray("steps");
        int bottleneck = -1;
        int waitBottleneck = -1;
        for (int i = 0; i < stream.steps().size(); i++) {
            StepStats stats = stream.steps().get(i);
            steps.add(stepStats(stats));
            if (stats.equals(stream.bottleneck())) {
                bottleneck = i;
            }
            if (stats.equals(stream.waitBottleneck())) {
                waitBottleneck = i;
            }
        }
        node.set("leadTimeMillis", distribution(stream.leadTime()));
        node.set("processMillis", distribution(stream.process()));
        node.set("waitMillis", distribution(stream.waitTime()));
        node.set("waitByCause", distributions(stream.waitByCause()));
        node.put("flowEfficiency", stream.flowEfficiency());
        node.put("bottleneck", stream.bottleneck() == null ? null : stream.bottleneck().displayName());
        node.put("bottleneckIndex", bottleneck < 0 ? null : bottleneck);
        node.put("bottleneckByWait",
                stream.waitBottleneck() == null ? null : stream.waitBottleneck().displayName());
        node.put("bottleneckByWaitIndex", waitBottleneck < 0 ? null : waitBottleneck);
        ArrayNode trend = node.putArray("trend");
        for (RunTrend point : stream.trend()) {
            trend.add(trend(point));
        }
        return node;
    }

    /**
     * The end-to-end value streams of chains of jobs (docs/definitions.md, "Chains of jobs"), one per shape:
     * {@code [{"name","jobs","valueStream":{...},"handoffMillis":{"median","p90"},"chains":[{"root":{"job","number"},
     * "leadStartedAt","completedAt","leadTimeMillis","processMillis","handoffMillis","runs":[{"job","number","result",
     * "queuedAt","startedAt","completedAt","upstream"}],"handoffs":[{"from","to","triggeredAt","startedAt",
     * "waitMillis","byBuildStep"}]}]}]}.
     */
    public static ArrayNode chains(List<ChainStream> streams) {
        ArrayNode node = NODES.arrayNode();
        for (ChainStream stream : streams) {
            ObjectNode shape = node.addObject();
            shape.put("name", stream.name());
            ArrayNode jobs = shape.putArray("jobs");
            stream.jobs().forEach(jobs::add);
            shape.set("valueStream", valueStream(stream.stream()));
            shape.set("handoffMillis", distribution(stream.handoff()));
            ArrayNode chains = shape.putArray("chains");
            stream.chains().forEach(chain -> chains.add(chain(chain)));
        }
        return node;
    }

    private static ObjectNode chain(Chain chain) {
        ObjectNode node = NODES.objectNode();
        node.set("root", runKey(chain.key()));
        node.put("leadStartedAt", chain.leadStart());
        node.put("completedAt", chain.completedAt());
        node.put("leadTimeMillis", chain.leadTimeMillis());
        node.put("processMillis", ChainAggregator.asProcessMap(chain).processMillis());
        node.put("handoffMillis", chain.handoffs().stream().mapToLong(Handoff::waitMillis).sum());
        ArrayNode runs = node.putArray("runs");
        for (JobRun run : chain.runs()) {
            ObjectNode item = runs.addObject();
            item.put("job", run.job());
            item.put("number", run.map().number());
            item.put("result", run.map().result() == null ? null : run.map().result().name());
            item.put("queuedAt", run.map().queuedAt());
            item.put("startedAt", run.map().startedAt());
            item.put("completedAt", run.map().completedAt());
            Handoff into = chain.handoffTo(run.key());
            item.set("upstream", into == null ? NODES.nullNode() : runKey(into.from()));
        }
        ArrayNode handoffs = node.putArray("handoffs");
        for (Handoff handoff : chain.handoffs()) {
            ObjectNode item = handoffs.addObject();
            item.set("from", runKey(handoff.from()));
            item.set("to", runKey(handoff.to()));
            item.put("triggeredAt", handoff.triggeredAt());
            item.put("startedAt", handoff.startedAt());
            item.put("waitMillis", handoff.waitMillis());
            item.put("byBuildStep", handoff.byBuildStep());
        }
        return node;
    }

    private static ObjectNode runKey(RunKey key) {
        ObjectNode node = NODES.objectNode();
        node.put("job", key.job());
        node.put("number", key.number());
        return node;
    }

    private static ObjectNode job(JobReport job) {
        ObjectNode node = NODES.objectNode();
        node.put("name", job.name());
        ArrayNode runs = node.putArray("runs");
        for (RunReport run : job.runs()) {
            runs.add(run(run));
        }
        node.set("valueStream", valueStream(job.valueStream()));
        node.set("dora", dora(job.dora()));
        node.set("avoidableWork", avoidableWork(job.avoidableWork()));
        node.set("futureState", futureState(job.futureState()));
        ArrayNode whatIfs = node.putArray("whatIf");
        job.whatIfs().forEach(whatIf -> whatIfs.add(whatIf(whatIf)));
        ArrayNode warnings = node.putArray("warnings");
        job.warnings().forEach(warnings::add);
        return node;
    }

    /** The job's future-state map beside its current state (docs/definitions.md, "Future state"). */
    public static ObjectNode futureState(FutureState future) {
        ObjectNode node = NODES.objectNode();
        node.set("removedCauses", names(future.assumptions().removedCauses()));
        node.set("keptCauses", names(future.assumptions().keptCauses()));
        node.set("removedFlagKinds", names(FutureAssumptions.WORK_KINDS));
        node.set("keptFlagKinds", names(FutureAssumptions.keptFlagKinds()));
        node.put("runs", future.runs());
        nowAndProjected(node, "leadTimeMillis", future.leadTime(), future.projectedLeadTime());
        nowAndProjected(node, "flowEfficiency", future.flowEfficiency(), future.projectedFlowEfficiency());
        node.put("removedWaitMillis", future.removedWaitMillis());
        node.put("removedWorkMillis", future.removedWorkMillis());
        ArrayNode steps = node.putArray("steps");
        for (FutureStep step : future.steps()) {
            ObjectNode each = stepNamed(step.path(), step.displayName(), step.occurrence());
            steps.add(each);
            each.put("runs", step.runs());
            nowAndProjected(each, "elapsedMillis", step.elapsed(), step.projectedElapsed());
            nowAndProjected(each, "flowEfficiency", step.flowEfficiency(), step.projectedFlowEfficiency());
        }
        return node;
    }

    /** One what-if over the job's window. */
    public static ObjectNode whatIf(WhatIfResult result) {
        ObjectNode node = stepNamed(result.whatIf().path(), result.whatIf().stepName(), result.whatIf().occurrence());
        node.put("change", result.whatIf().text());
        node.put("runs", result.runs());
        node.put("stepRuns", result.stepRuns());
        nowAndProjected(node, "leadTimeMillis", result.leadTime(), result.projectedLeadTime());
        return node;
    }

    /** A figure as recorded under its name, and as projected under {@code projected} + its name. */
    private static void nowAndProjected(ObjectNode node, String figure, Distribution now, Distribution projected) {
        node.set(figure, distribution(now));
        node.set(projectedName(figure), distribution(projected));
    }

    private static void nowAndProjected(ObjectNode node, String figure, double now, double projected) {
        node.put(figure, now);
        node.put(projectedName(figure), projected);
    }

    private static String projectedName(String figure) {
        return "projected" + Character.toUpperCase(figure.charAt(0)) + figure.substring(1);
    }

    private static ArrayNode names(Set<? extends Enum<?>> values) {
        ArrayNode node = NODES.arrayNode();
        values.stream().sorted(Comparator.comparingInt(Enum::ordinal)).forEach(value -> node.add(value.name()));
        return node;
    }

    /** The job's avoidable-work ledger. */
    private static ObjectNode avoidableWork(AvoidableWork ledger) {
        ObjectNode node = NODES.objectNode();
        node.put("runs", ledger.runs());
        node.put("totalMillis", ledger.totalMillis());
        ArrayNode entries = node.putArray("entries");
        for (AvoidableWork.Entry entry : ledger.entries()) {
            ObjectNode each = entries.addObject();
            each.put("kind", entry.kind().name());
            each.put("step", entry.step().label());
            each.set("segments", segments(entry.step()));
            each.put("totalMillis", entry.totalMillis());
            each.put("runs", entry.flaggedRuns());
            each.put("remedy", entry.remedy());
        }
        return node;
    }

    private static ObjectNode step(ProcessStep step) {
        ObjectNode node = NODES.objectNode();
        node.put("path", step.path().toString());
        node.set("segments", segments(step.path()));
        node.put("name", step.displayName());
        node.put("occurrence", step.occurrence());
        node.put("kind", step.kind().name());
        node.put("result", step.result().name());
        node.put("startedAt", step.startedAt());
        node.put("elapsedMillis", step.elapsedMillis());
        node.put("processMillis", step.processMillis());
        node.put("waitMillis", step.waitMillis());
        node.put("effortMillis", step.effortMillis());
        node.set("waitByCause", waits(step.waits()));
        node.set("unknownCauses", causes(step.waits()));
        node.put("firstTime", step.firstTime());
        node.put("counted", step.counted());
        node.put("parallelGroup", step.parallelGroup());
        return node;
    }

    private static ObjectNode flag(Flag flag) {
        ObjectNode node = NODES.objectNode();
        node.put("kind", flag.kind().name());
        node.put("step", flag.step().label());
        node.set("segments", segments(flag.step()));
        node.put("message", flag.message());
        node.put("costMillis", flag.costMillis());
        ArrayNode evidence = node.putArray("evidence");
        flag.evidence().forEach(evidence::add);
        node.put("remedy", flag.remedy());
        return node;
    }

    /** A step across runs as its figures start: its path (escaped and as names), display name and occurrence. */
    private static ObjectNode stepNamed(StepPath path, String name, int occurrence) {
        ObjectNode node = NODES.objectNode();
        node.put("path", path.toString());
        node.set("segments", segments(path));
        node.put("name", name);
        node.put("occurrence", occurrence);
        return node;
    }

    private static ObjectNode stepStats(StepStats stats) {
        ObjectNode node = stepNamed(stats.path(), stats.displayName(), stats.occurrence());
        node.put("kind", stats.kind().name());
        node.put("runs", stats.runs());
        node.set("processMillis", distribution(stats.process()));
        node.set("waitMillis", distribution(stats.waitTime()));
        node.set("elapsedMillis", distribution(stats.elapsed()));
        node.set("effortMillis", distribution(stats.effort()));
        node.set("waitByCause", distributions(stats.waitByCause()));
        node.put("successRate", stats.successRate());
        node.put("flowEfficiency", stats.flowEfficiency());
        node.put("medianStartOffsetMillis", stats.medianStartOffset());
        node.put("parallelGroup", stats.parallelGroup());
        node.put("criticalShare", stats.criticalShare());
        node.set("exclusiveMillis", distribution(stats.exclusive()));
        return node;
    }

    private static ObjectNode trend(RunTrend point) {
        ObjectNode node = NODES.objectNode();
        node.put("number", point.number());
        node.put("result", point.result() == null ? null : point.result().name());
        node.put("startedAt", point.startedAt());
        node.put("leadTimeMillis", point.leadTimeMillis());
        node.put("processMillis", point.processMillis());
        node.put("waitMillis", point.waits().total());
        node.set("waitByCause", waits(point.waits()));
        node.put("flowEfficiency", point.flowEfficiency());
        return node;
    }

    /**
     * Every cause of a run in enum order: its time, or {@code null} where the source could not tell it; and
     * {@code HANDOFF} where there is a hand-off (chains of jobs), which a run's own time never has.
     */
    private static ObjectNode waits(WaitBreakdown waits) {
        ObjectNode node = NODES.objectNode();
        for (WaitCause cause : WaitCause.values()) {
            if (cause != WaitCause.HANDOFF || waits.millis(cause) != 0 || !waits.known(cause)) {
                node.put(cause.name(), waits.millisOrNull(cause));
            }
        }
        return node;
    }

    private static ArrayNode causes(WaitBreakdown waits) {
        ArrayNode node = NODES.arrayNode();
        for (WaitCause cause : WaitCause.values()) {
            if (!waits.known(cause)) {
                node.add(cause.name());
            }
        }
        return node;
    }

    /** The causes present, in enum order; a cause never seen is left out. */
    private static ObjectNode distributions(Map<WaitCause, Distribution> byCause) {
        ObjectNode node = NODES.objectNode();
        for (WaitCause cause : WaitCause.values()) {
            Distribution distribution = byCause.get(cause);
            if (distribution != null) {
                node.set(cause.name(), distribution(distribution));
            }
        }
        return node;
    }

    private static ObjectNode distribution(Distribution distribution) {
        ObjectNode node = NODES.objectNode();
        node.put("median", distribution.median());
        node.put("p90", distribution.p90());
        return node;
    }

    private static ArrayNode segments(StepPath path) {
        ArrayNode node = NODES.arrayNode();
        path.segments().forEach(node::add);
        return node;
    }

    /** Jackson's standard escapes, plus the characters that would let JSON break out of an HTML script block. */
    private static final class HtmlSafeEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] escapes;

        HtmlSafeEscapes() {
            escapes = CharacterEscapes.standardAsciiEscapesForJSON();
            escapes['<'] = CharacterEscapes.ESCAPE_STANDARD;
            escapes['>'] = CharacterEscapes.ESCAPE_STANDARD;
            escapes['&'] = CharacterEscapes.ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public @Nullable SerializableString getEscapeSequence(int ch) {
            if (ch == 0x2028) {
                return new SerializedString("\\u2028");
            }
            if (ch == 0x2029) {
                return new SerializedString("\\u2029");
            }
            return null;
        }
    }
}
