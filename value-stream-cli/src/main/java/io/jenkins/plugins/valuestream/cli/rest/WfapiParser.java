package io.jenkins.plugins.valuestream.cli.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.jenkins.plugins.valuestream.graph.Change;
import io.jenkins.plugins.valuestream.graph.UpstreamCause;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads the JSON answers of the Stage View REST API. Lenient where real servers and captures differ (numbers written
 * as strings, fields absent in older versions), strict where the model needs a value: a run without a start time or
 * a stage without an id is a malformed answer, named with the field that is wrong.
 */
public final class WfapiParser {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private WfapiParser() {
    }

    /** The part of a build's {@code api/json} tree that holds its causes. */
    public static final String CAUSES_TREE = "actions[causes[_class,upstreamProject,upstreamBuild,upstreamUrl]]";

    /** The part of a build list's tree that asks for each build's changes (a {@code WorkflowRun}'s change sets). */
    public static final String CHANGES_TREE = "changeSets[kind,items[commitId,timestamp]]";

    /**
     * The changes of a build of the job's list ({@code changeSets[kind,items[commitId,timestamp]]}): each item with a
     * commit id, at its {@code timestamp} (epoch milliseconds; the git plugin's is the committer time), in the order
     * given, each commit once. {@code null} where the answer has no {@code changeSets} (a server or job type that does
     * not export them): unknown, not none. An item without a commit id is left out; one without a usable timestamp
     * (missing, or the {@code -1} of an SCM that does not know it) has no time.
     */
    public static @Nullable List<Change> changes(JsonNode build) {
        JsonNode sets = build.get("changeSets");
        if (sets == null || !sets.isArray()) {
            return null;
        }
        java.util.Map<String, Change> changes = new java.util.LinkedHashMap<>();
        for (JsonNode set : sets) {
            for (JsonNode item : set.path("items")) {
                String id = item.path("commitId").asText("").strip();
                if (id.isEmpty()) {
                    continue;
                }
                JsonNode timestamp = item.path("timestamp");
                Long at = timestamp.canConvertToLong() && timestamp.asLong() > 0 ? timestamp.asLong() : null;
                changes.putIfAbsent(id, new Change(id, at));
            }
        }
        return new ArrayList<>(changes.values());
    }

    /**
     * The upstream causes of a build of the job's list ({@code actions[causes[...]]}): every cause with an
     * {@code upstreamProject} and an {@code upstreamBuild} ({@code hudson.model.Cause$UpstreamCause}, the
     * {@code build} step's {@code BuildUpstreamCause}, ...), in the order given; other causes and actions are left
     * out, as are causes that lack either field.
     */
    public static List<UpstreamCause> upstreamCauses(JsonNode build) {
        List<UpstreamCause> causes = new ArrayList<>();
        for (JsonNode action : build.path("actions")) {
            for (JsonNode cause : action.path("causes")) {
                String project = cause.path("upstreamProject").asText("").strip();
                JsonNode number = cause.path("upstreamBuild");
                if (!project.isEmpty() && number.canConvertToInt() && number.asInt() >= 0) {
                    causes.add(UpstreamCause.of(project, number.asInt()));
                }
            }
        }
        return causes;
    }

    /** Parses JSON text, or says that it is not JSON. */
    public static JsonNode tree(String json, String what) throws MalformedAnswerException {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new MalformedAnswerException(what + " is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new MalformedAnswerException(what + " is not JSON (" + e.getOriginalMessage() + ")", e);
        }
    }

    /** A run's describe ({@code <run>/wfapi/describe}), or one element of {@code <job>/wfapi/runs}. */
    public static WfapiRun run(JsonNode node) throws MalformedAnswerException {
        requireObject(node, "the run");
        String status = text(node, "status", "the run");
        if (!WfapiStatus.known(status)) {
            throw new MalformedAnswerException("the run has an unknown status '" + status + "' (accepted: "
                    + String.join(", ", WfapiStatus.ALL) + ")");
        }
        long start = number(node, "startTimeMillis", "the run");
        if (start <= 0) {
            throw new MalformedAnswerException("the run has no start time (startTimeMillis " + start + ")");
        }
        List<WfapiStage> stages = new ArrayList<>();
        JsonNode list = node.get("stages");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw new MalformedAnswerException("the run's 'stages' is not an array");
            }
            for (int i = 0; i < list.size(); i++) {
                stages.add(stage(list.get(i), "stage " + (i + 1)));
            }
        }
        return new WfapiRun(optionalText(node, "id"), optionalText(node, "name"), status, start,
                optionalNumber(node, "endTimeMillis", "the run", 0), optionalNumber(node, "durationMillis", "the run",
                        0),
                node.hasNonNull("queueDurationMillis") ? number(node, "queueDurationMillis", "the run") : null,
                optionalNumber(node, "pauseDurationMillis", "the run", 0), stages);
    }

    /** The atom steps of a stage's describe ({@code execution/node/<id>/wfapi/describe}). */
    public static List<WfapiNode> stageFlowNodes(JsonNode node, String stageName) throws MalformedAnswerException {
        String what = "stage '" + stageName + "'";
        requireObject(node, what);
        JsonNode list = node.get("stageFlowNodes");
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new MalformedAnswerException(what + ": 'stageFlowNodes' is not an array");
        }
        List<WfapiNode> nodes = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            nodes.add(flowNode(list.get(i), what + ", flow node " + (i + 1)));
        }
        return nodes;
    }

    private static WfapiStage stage(JsonNode node, String what) throws MalformedAnswerException {
        requireObject(node, what);
        String id = optionalText(node, "id"); // absent before 2015
        String name = text(node, "name", what);
        String label = "stage '" + name + "'";
        String status = text(node, "status", label);
        long start = optionalNumber(node, "startTimeMillis", label, 0);
        long duration = optionalNumber(node, "durationMillis", label, 0);
        if (duration < 0) {
            throw new MalformedAnswerException(label + " has a negative duration (" + duration + ")");
        }
        return new WfapiStage(id, name, status, start, duration,
                optionalNumber(node, "pauseDurationMillis", label, 0), error(node), null);
    }

    private static WfapiNode flowNode(JsonNode node, String what) throws MalformedAnswerException {
        requireObject(node, what);
        String id = text(node, "id", what);
        List<String> parents = new ArrayList<>();
        JsonNode list = node.get("parentNodes");
        if (list != null && list.isArray()) {
            list.forEach(p -> parents.add(p.asText()));
        }
        long duration = optionalNumber(node, "durationMillis", what, 0);
        if (duration < 0) {
            throw new MalformedAnswerException(what + " has a negative duration (" + duration + ")");
        }
        JsonNode description = node.get("parameterDescription");
        return new WfapiNode(id, optionalText(node, "name"),
                description == null || description.isNull() ? null : description.asText(),
                node.hasNonNull("status") ? node.get("status").asText() : WfapiStatus.SUCCESS,
                optionalNumber(node, "startTimeMillis", what, 0), duration,
                optionalNumber(node, "pauseDurationMillis", what, 0), parents, error(node));
    }

    private static @Nullable String error(JsonNode node) {
        JsonNode error = node.get("error");
        if (error == null || !error.isObject()) {
            return null;
        }
        String type = error.path("type").asText("");
        String message = error.path("message").asText("");
        return type.isEmpty() ? message : message.isEmpty() ? type : type + ": " + message;
    }

    private static void requireObject(JsonNode node, String what) throws MalformedAnswerException {
        if (node == null || !node.isObject()) {
            throw new MalformedAnswerException(what + " is not a JSON object");
        }
    }

    private static String text(JsonNode node, String field, String what) throws MalformedAnswerException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            throw new MalformedAnswerException(what + " has no '" + field + "'");
        }
        return value.asText();
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? "" : value.asText();
    }

    private static long number(JsonNode node, String field, String what) throws MalformedAnswerException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new MalformedAnswerException(what + " has no '" + field + "'");
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        if (value.isNumber()) {
            return Math.round(value.doubleValue());
        }
        if (value.isTextual()) {
            // Some clients and captures write the numbers as strings.
            try {
                return Long.parseLong(value.asText().trim());
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw new MalformedAnswerException(what + ": '" + field + "' is not a number (" + abbreviate(value) + ")");
    }

    private static long optionalNumber(JsonNode node, String field, String what, long absent)
            throws MalformedAnswerException {
        return node.hasNonNull(field) ? number(node, field, what) : absent;
    }

    private static String abbreviate(JsonNode value) {
        String text = value.toString();
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
