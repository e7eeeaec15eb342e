package io.jenkins.plugins.valuestream.codec;

import static io.jenkins.plugins.valuestream.codec.StoredForm.writeLong;
import static io.jenkins.plugins.valuestream.codec.StoredForm.writePath;
import static io.jenkins.plugins.valuestream.codec.StoredForm.writeString;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.valuestream.graph.Change;
import io.jenkins.plugins.valuestream.graph.RunResult;
import io.jenkins.plugins.valuestream.graph.UpstreamCause;
import io.jenkins.plugins.valuestream.process.AgentAllocation;
import io.jenkins.plugins.valuestream.process.InputDecision;
import io.jenkins.plugins.valuestream.process.LockAcquisition;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.ProcessStep;
import io.jenkins.plugins.valuestream.process.StepFailure;
import io.jenkins.plugins.valuestream.process.StepKind;
import io.jenkins.plugins.valuestream.process.StepResult;
import io.jenkins.plugins.valuestream.process.WaitBreakdown;
import io.jenkins.plugins.valuestream.process.WaitCause;
import io.jenkins.plugins.valuestream.process.WorkContext;
import io.jenkins.plugins.valuestream.process.WorkItem;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A compact, versioned JSON form of a {@link ProcessMap}, for keeping it with its build: what {@link #write} writes,
 * {@link #read} reads back equal. Compact: waits of zero, empty lists, {@code null}s and defaults are left out, so a
 * process map of 30 steps takes a few kilobytes. Versioned: the first field is {@code format}; a form written by a
 * newer version that this one cannot read is refused with a message saying so, never misread.
 *
 * <p>Thread-safe.
 */
public final class ProcessMapCodec {
    /** The version of the form {@link #write} writes. */
    public static final int FORMAT = 1;

    private static final StoredForm FORM = new StoredForm("process map");

    private ProcessMapCodec() {
    }

    /** The JSON form of a process map. */
    public static String write(ProcessMap map) {
        StringWriter out = new StringWriter(256 + 160 * map.steps().size() + 120 * map.work().size());
        try (JsonGenerator json = StoredForm.FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("format", FORMAT);
            json.writeNumberField("number", map.number());
            writeString(json, "result", map.result() == null ? null : map.result().name());
            writeLong(json, "queuedAt", map.queuedAt());
            json.writeNumberField("startedAt", map.startedAt());
            writeLong(json, "completedAt", map.completedAt());
            json.writeNumberField("asOf", map.asOf());
            json.writeNumberField("process", map.processMillis());
            writeWaits(json, map.waits());
            if (!map.steps().isEmpty()) {
                json.writeArrayFieldStart("steps");
                for (ProcessStep step : map.steps()) {
                    writeStep(json, step);
                }
                json.writeEndArray();
            }
            if (!map.work().isEmpty()) {
                json.writeArrayFieldStart("work");
                for (WorkItem item : map.work()) {
                    writeWork(json, item);
                }
                json.writeEndArray();
            }
            if (!map.agents().isEmpty()) {
                json.writeArrayFieldStart("agents");
                for (AgentAllocation agent : map.agents()) {
                    writeAgent(json, agent);
                }
                json.writeEndArray();
            }
            if (!map.notes().isEmpty()) {
                json.writeArrayFieldStart("notes");
                for (String note : map.notes()) {
                    json.writeString(note);
                }
                json.writeEndArray();
            }
            if (!map.upstream().isEmpty()) {
                json.writeArrayFieldStart("upstream");
                for (UpstreamCause cause : map.upstream()) {
                    json.writeStartObject();
                    json.writeStringField("job", cause.job());
                    json.writeNumberField("build", cause.build());
                    writeString(json, "nodeId", cause.nodeId());
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            List<Change> changes = map.changes();
            if (changes != null) {
                // Written even when empty: a run known to have built no change is not one whose changes are unknown.
                json.writeArrayFieldStart("changes");
                for (Change change : changes) {
                    json.writeStartObject();
                    json.writeStringField("id", change.id());
                    writeLong(json, "committedAt", change.committedAt());
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            if (!map.locks().isEmpty()) {
                json.writeArrayFieldStart("locks");
                for (LockAcquisition lock : map.locks()) {
                    writeLock(json, lock);
                }
                json.writeEndArray();
            }
            if (!map.failures().isEmpty()) {
                json.writeArrayFieldStart("failures");
                for (StepFailure failure : map.failures()) {
                    json.writeStartObject();
                    writePath(json, "step", failure.step());
                    if (!failure.function().isEmpty()) {
                        json.writeStringField("function", failure.function());
                    }
                    if (!failure.command().isEmpty()) {
                        json.writeStringField("command", failure.command());
                    }
                    json.writeStringField("error", failure.error());
                    json.writeNumberField("at", failure.at());
                    if (failure.endedRun()) {
                        json.writeBooleanField("endedRun", true);
                    }
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            if (!map.inputs().isEmpty()) {
                json.writeArrayFieldStart("inputs");
                for (InputDecision input : map.inputs()) {
                    json.writeStartObject();
                    writePath(json, "step", input.step());
                    if (!input.message().isEmpty()) {
                        json.writeStringField("message", input.message());
                    }
                    json.writeStringField("decision", input.decision().name());
                    writeString(json, "user", input.user());
                    json.writeNumberField("at", input.at());
                    if (input.waitedMillis() != 0) {
                        json.writeNumberField("waited", input.waitedMillis());
                    }
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing to a string cannot fail", e);
        }
        return out.toString();
    }

    /**
     * Reads what {@link #write} wrote.
     *
     * @throws IllegalArgumentException when the text is not such a form, naming what is wrong (the field, or the
     *     format version this reader does not know)
     */
    public static ProcessMap read(String text) {
        JsonNode root = FORM.root(text, FORMAT);
        List<ProcessStep> steps = new ArrayList<>();
        for (JsonNode step : FORM.array(root, "steps")) {
            steps.add(readStep(step));
        }
        List<WorkItem> work = new ArrayList<>();
        for (JsonNode item : FORM.array(root, "work")) {
            work.add(new WorkItem(
                    FORM.requiredText(item, "function", "a work item"),
                    FORM.text(item, "arguments", ""),
                    FORM.path(item, "step", "a work item"),
                    FORM.text(item, "branch", ""),
                    FORM.requiredLong(item, "startedAt", "a work item"),
                    FORM.optionalLong(item, "duration", 0),
                    readContext(item)));
        }
        List<AgentAllocation> agents = new ArrayList<>();
        for (JsonNode agent : FORM.array(root, "agents")) {
            agents.add(new AgentAllocation(
                    FORM.text(agent, "label", ""),
                    FORM.path(agent, "step", "an agent allocation"),
                    FORM.requiredLong(agent, "startedAt", "an agent allocation"),
                    FORM.optionalLong(agent, "wait", 0),
                    FORM.optionalLong(agent, "hold", 0)));
        }
        List<String> notes = new ArrayList<>();
        for (JsonNode note : FORM.array(root, "notes")) {
            notes.add(note.asText());
        }
        // Forms written before upstream causes were kept have none: such a run starts no chain link.
        List<UpstreamCause> upstream = new ArrayList<>();
        for (JsonNode cause : FORM.array(root, "upstream")) {
            upstream.add(new UpstreamCause(
                    FORM.requiredText(cause, "job", "an upstream cause"),
                    FORM.requiredLong(cause, "build", "an upstream cause").intValue(),
                    FORM.nullableText(cause, "nodeId")));
        }
        // Forms written before changes were kept have none: the run's changes are unknown, not none.
        List<Change> changes = null;
        if (root.has("changes")) {
            changes = new ArrayList<>();
            for (JsonNode change : FORM.array(root, "changes")) {
                changes.add(new Change(FORM.requiredText(change, "id", "a change"),
                        FORM.nullableLong(change, "committedAt")));
            }
        }
        // Forms written before lock acquisitions were kept have none: their LOCK waits are only in the steps' waits.
        List<LockAcquisition> locks = new ArrayList<>();
        for (JsonNode lock : FORM.array(root, "locks")) {
            locks.add(new LockAcquisition(
                    FORM.text(lock, "resource", ""),
                    FORM.path(lock, "step", "a lock acquisition"),
                    FORM.requiredLong(lock, "startedAt", "a lock acquisition"),
                    FORM.optionalLong(lock, "wait", 0),
                    FORM.optionalLong(lock, "hold", 0)));
        }
        // Forms written before errors and input decisions were kept have none.
        List<StepFailure> failures = new ArrayList<>();
        for (JsonNode failure : FORM.array(root, "failures")) {
            failures.add(new StepFailure(
                    FORM.path(failure, "step", "an error"),
                    FORM.text(failure, "function", ""),
                    FORM.text(failure, "command", ""),
                    FORM.requiredText(failure, "error", "an error"),
                    FORM.requiredLong(failure, "at", "an error"),
                    failure.path("endedRun").asBoolean(false)));
        }
        List<InputDecision> inputs = new ArrayList<>();
        for (JsonNode input : FORM.array(root, "inputs")) {
            inputs.add(new InputDecision(
                    FORM.path(input, "step", "an input decision"),
                    FORM.text(input, "message", ""),
                    FORM.enumValue(InputDecision.Decision.class,
                            FORM.requiredText(input, "decision", "an input decision"), "decision"),
                    FORM.nullableText(input, "user"),
                    FORM.requiredLong(input, "at", "an input decision"),
                    FORM.optionalLong(input, "waited", 0)));
        }
        return new ProcessMap(
                FORM.requiredLong(root, "number", "the process map").intValue(),
                result(FORM.nullableText(root, "result")),
                FORM.nullableLong(root, "queuedAt"),
                FORM.requiredLong(root, "startedAt", "the process map"),
                FORM.nullableLong(root, "completedAt"),
                FORM.requiredLong(root, "asOf", "the process map"),
                FORM.optionalLong(root, "process", 0),
                readWaits(root),
                steps,
                work,
                agents,
                notes,
                upstream,
                changes,
                locks,
                failures,
                inputs);
    }

    // ---- writing ---------------------------------------------------------------------------------------------

    private static void writeStep(JsonGenerator json, ProcessStep step) throws IOException {
        json.writeStartObject();
        writePath(json, "path", step.path());
        if (step.occurrence() != 0) {
            json.writeNumberField("occurrence", step.occurrence());
        }
        json.writeStringField("kind", step.kind().name());
        json.writeStringField("result", step.result().name());
        json.writeNumberField("startedAt", step.startedAt());
        json.writeNumberField("elapsed", step.elapsedMillis());
        json.writeNumberField("process", step.processMillis());
        writeWaits(json, step.waits());
        if (step.effortMillis() != 0) {
            json.writeNumberField("effort", step.effortMillis());
        }
        if (!step.firstTime()) {
            json.writeBooleanField("firstTime", false);
        }
        writeString(json, "nodeId", step.nodeId());
        writeString(json, "parallelGroup", step.parallelGroup());
        if (step.deploys()) {
            json.writeBooleanField("deploys", true);
        }
        json.writeEndObject();
    }

    private static void writeWork(JsonGenerator json, WorkItem item) throws IOException {
        json.writeStartObject();
        json.writeStringField("function", item.function());
        if (!item.arguments().isEmpty()) {
            json.writeStringField("arguments", item.arguments());
        }
        writePath(json, "step", item.step());
        if (!item.branch().isEmpty()) {
            json.writeStringField("branch", item.branch());
        }
        json.writeNumberField("startedAt", item.startedAt());
        if (item.durationMillis() != 0) {
            json.writeNumberField("duration", item.durationMillis());
        }
        WorkContext context = item.context();
        if (context != null) {
            json.writeObjectFieldStart("context");
            json.writeStringField("agent", context.agent());
            json.writeStringField("environment", context.environment());
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    /** A form written before contexts were kept has none: the work's context is unknown. */
    private static @Nullable WorkContext readContext(JsonNode item) {
        JsonNode context = item.get("context");
        if (context == null || !context.isObject()) {
            return null;
        }
        return new WorkContext(FORM.text(context, "agent", ""), FORM.text(context, "environment", ""));
    }

    private static void writeAgent(JsonGenerator json, AgentAllocation agent) throws IOException {
        json.writeStartObject();
        if (!agent.label().isEmpty()) {
            json.writeStringField("label", agent.label());
        }
        writePath(json, "step", agent.step());
        json.writeNumberField("startedAt", agent.startedAt());
        if (agent.waitMillis() != 0) {
            json.writeNumberField("wait", agent.waitMillis());
        }
        if (agent.holdMillis() != 0) {
            json.writeNumberField("hold", agent.holdMillis());
        }
        json.writeEndObject();
    }

    private static void writeLock(JsonGenerator json, LockAcquisition lock) throws IOException {
        json.writeStartObject();
        if (!lock.resource().isEmpty()) {
            json.writeStringField("resource", lock.resource());
        }
        writePath(json, "step", lock.step());
        json.writeNumberField("startedAt", lock.startedAt());
        if (lock.waitMillis() != 0) {
            json.writeNumberField("wait", lock.waitMillis());
        }
        if (lock.holdMillis() != 0) {
            json.writeNumberField("hold", lock.holdMillis());
        }
        json.writeEndObject();
    }

    /** Waits as {@code "waits": {"AGENT": 45000}} (known, non-zero causes) and {@code "unknownWaits": ["QUEUE"]}. */
    private static void writeWaits(JsonGenerator json, WaitBreakdown waits) throws IOException {
        boolean any = false;
        for (WaitCause cause : WaitCause.values()) {
            long millis = waits.millis(cause);
            if (millis != 0) {
                if (!any) {
                    json.writeObjectFieldStart("waits");
                    any = true;
                }
                json.writeNumberField(cause.name(), millis);
            }
        }
        if (any) {
            json.writeEndObject();
        }
        if (!waits.unknown().isEmpty()) {
            json.writeArrayFieldStart("unknownWaits");
            for (WaitCause cause : WaitCause.values()) {
                if (!waits.known(cause)) {
                    json.writeString(cause.name());
                }
            }
            json.writeEndArray();
        }
    }

    // ---- reading ---------------------------------------------------------------------------------------------

    private static ProcessStep readStep(JsonNode step) {
        String where = "a step";
        return new ProcessStep(
                FORM.path(step, "path", where),
                (int) FORM.optionalLong(step, "occurrence", 0),
                FORM.enumValue(StepKind.class, FORM.requiredText(step, "kind", where), "kind"),
                FORM.enumValue(StepResult.class, FORM.requiredText(step, "result", where), "result"),
                FORM.requiredLong(step, "startedAt", where),
                FORM.requiredLong(step, "elapsed", where),
                FORM.optionalLong(step, "process", 0),
                readWaits(step),
                FORM.optionalLong(step, "effort", 0),
                !step.has("firstTime") || step.get("firstTime").asBoolean(true),
                FORM.nullableText(step, "nodeId"),
                FORM.nullableText(step, "parallelGroup"),
                step.has("deploys") && step.get("deploys").asBoolean(false));
    }

    private static WaitBreakdown readWaits(JsonNode parent) {
        long[] millis = new long[WaitCause.values().length];
        JsonNode waits = parent.get("waits");
        if (waits != null && waits.isObject()) {
            waits.fields().forEachRemaining(entry -> millis[FORM.enumValue(WaitCause.class, entry.getKey(), "waits")
                    .ordinal()] = entry.getValue().asLong());
        }
        Set<WaitCause> unknown = EnumSet.noneOf(WaitCause.class);
        for (JsonNode cause : FORM.array(parent, "unknownWaits")) {
            unknown.add(FORM.enumValue(WaitCause.class, cause.asText(), "unknownWaits"));
        }
        return WaitBreakdown.ofArray(millis, unknown);
    }

    private static @Nullable RunResult result(@Nullable String name) {
        return name == null ? null : FORM.enumValue(RunResult.class, name, "result");
    }
}
