package io.jenkins.plugins.valuestream.graph.xml;

import io.jenkins.plugins.valuestream.graph.GraphNode;
import io.jenkins.plugins.valuestream.graph.Interruptions;
import io.jenkins.plugins.valuestream.graph.NodeKind;
import io.jenkins.plugins.valuestream.graph.Pause;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads one flow node as Jenkins stores it: a {@code <Tag>} holding the {@code <node class=...>} and its
 * {@code <actions>}. Node and action classes are recognised under every name Jenkins has written them with: the
 * XStream aliases of today ({@code cps.n.StepStartNode}, {@code wf.a.TimingAction}, ...) and the full class names of
 * 2015-2017 records. Unknown node classes are reported and left out; unknown actions are ignored.
 *
 * <p>One instance reads the nodes of one run (it shares the run's id strings between a node and its children).
 */
final class FlowNodeXml {
    private static final String FLOW_START = "org.jenkinsci.plugins.workflow.graph.FlowStartNode";
    private static final String FLOW_END = "org.jenkinsci.plugins.workflow.graph.FlowEndNode";
    private static final String CPS_NODES = "org.jenkinsci.plugins.workflow.cps.nodes.";
    private static final String API_ACTIONS = "org.jenkinsci.plugins.workflow.actions.";
    private static final String SUPPORT_ACTIONS = "org.jenkinsci.plugins.workflow.support.actions.";
    private static final String CPS_ACTIONS = "org.jenkinsci.plugins.workflow.cps.actions.";

    private static final Map<String, NodeKind> NODE_CLASSES = Map.of(
            FLOW_START, NodeKind.FLOW_START,
            FLOW_END, NodeKind.FLOW_END,
            "cps.n.StepStartNode", NodeKind.BLOCK_START,
            CPS_NODES + "StepStartNode", NodeKind.BLOCK_START,
            "cps.n.StepAtomNode", NodeKind.ATOM,
            CPS_NODES + "StepAtomNode", NodeKind.ATOM,
            "cps.n.StepEndNode", NodeKind.BLOCK_END,
            CPS_NODES + "StepEndNode", NodeKind.BLOCK_END);

    /** The actions the value stream reads. */
    private enum ActionKind { TIMING, ARGUMENTS, LABEL, BODY, PARALLEL_LABEL, THREAD_NAME, PAUSE, ERROR, TAGS,
        WARNING, QUEUE_ITEM, INPUT_SUBMITTED }

    private static final Map<String, ActionKind> ACTIONS = actions();

    private static Map<String, ActionKind> actions() {
        Map<String, ActionKind> map = new HashMap<>();
        alias(map, ActionKind.TIMING, "wf.a.TimingAction", API_ACTIONS + "TimingAction");
        alias(map, ActionKind.ARGUMENTS, "cps.a.ArgumentsActionImpl", CPS_ACTIONS + "ArgumentsActionImpl");
        alias(map, ActionKind.LABEL, "wf.a.LabelAction", API_ACTIONS + "LabelAction");
        alias(map, ActionKind.BODY, "wf.a.BodyInvocationAction", API_ACTIONS + "BodyInvocationAction");
        alias(map, ActionKind.PARALLEL_LABEL,
                "org.jenkinsci.plugins.workflow.cps.steps.ParallelStepExecution_-ParallelLabelAction",
                "org.jenkinsci.plugins.workflow.cps.steps.ParallelStep_-ParallelLabelAction");
        alias(map, ActionKind.THREAD_NAME, "wf.a.ThreadNameAction", API_ACTIONS + "ThreadNameAction");
        alias(map, ActionKind.PAUSE, "s.a.PauseAction", SUPPORT_ACTIONS + "PauseAction");
        alias(map, ActionKind.ERROR, "wf.a.ErrorAction", API_ACTIONS + "ErrorAction");
        alias(map, ActionKind.TAGS, "wf.a.TagsAction", API_ACTIONS + "TagsAction");
        alias(map, ActionKind.WARNING, "wf.a.WarningAction", API_ACTIONS + "WarningAction");
        alias(map, ActionKind.INPUT_SUBMITTED,
                "org.jenkinsci.plugins.workflow.support.steps.input.InputSubmittedAction");
        alias(map, ActionKind.QUEUE_ITEM,
                "org.jenkinsci.plugins.workflow.support.steps.ExecutorStepExecution_-QueueItemActionImpl");
        return Map.copyOf(map);
    }

    private static void alias(Map<String, ActionKind> map, ActionKind kind, String... names) {
        for (String name : names) {
            map.put(name, kind);
        }
    }

    private final Interner shared;
    private final Interner ids = new Interner();

    /** @param shared strings that repeat across runs (descriptor ids, labels, ...) */
    FlowNodeXml(Interner shared) {
        this.shared = shared;
    }

    /**
     * Reads the {@code <Tag>} element the cursor is on, up to its end.
     *
     * @param fallbackId the id to use when the node itself names none (the file name, the bulk store's key)
     * @param warnings where to note what was left out
     * @return the node, or {@code null} for a node of a class this reader does not know
     */
    @Nullable GraphNode readTag(XmlCursor cursor, @Nullable String fallbackId, List<String> warnings)
            throws UnreadableFileException {
        NodeFields fields = new NodeFields();
        int depth = cursor.depth();
        while (cursor.nextChild(depth)) {
            switch (cursor.name()) {
                case "node" -> readNode(cursor, fields);
                case "actions" -> readActions(cursor, fields);
                default -> cursor.skip();
            }
        }
        String id = fields.id != null ? fields.id : fallbackId;
        if (fields.nodeClass == null) {
            throw new UnreadableFileException(cursor.file(),
                    "flow node " + (id == null ? "" : id + " ") + "has no <node class=...>");
        }
        if (id == null) {
            throw new UnreadableFileException(cursor.file(), "flow node of class " + fields.nodeClass + " has no id");
        }
        NodeKind kind = NODE_CLASSES.get(fields.nodeClass);
        if (kind == null) {
            warnings.add("flow node " + id + " in " + cursor.file() + " is of an unknown class ("
                    + fields.nodeClass + "); left out");
            return null;
        }
        String label = fields.label;
        if (label == null && fields.parallelLabel != null) {
            label = shared.intern(fields.parallelLabel);
        }
        return GraphNode.builder(id, kind)
                .parents(fields.parents)
                .start(fields.start)
                .function(kind == NodeKind.FLOW_START || kind == NodeKind.FLOW_END ? null : fields.descriptor)
                .startId(kind == NodeKind.BLOCK_END ? fields.startId : null)
                .body(fields.body)
                .label(label)
                .branchName(fields.branchName)
                .arguments(fields.arguments)
                .pauses(fields.pauses)
                .error(fields.error)
                .tags(fields.tags)
                .warning(fields.warning)
                .decidedBy(fields.decidedBy)
                .build();
    }

    private void readNode(XmlCursor cursor, NodeFields fields) throws UnreadableFileException {
        fields.nodeClass = cursor.attribute("class");
        int depth = cursor.depth();
        while (cursor.nextChild(depth)) {
            switch (cursor.name()) {
                // parentIds: <string> items; parents (before 2017): one element per parent, named for its class
                case "parentIds", "parents" -> readParents(cursor, fields.parents);
                case "id" -> fields.id = ids.internNonNull(cursor.text().strip());
                case "descriptorId" -> fields.descriptor = shared.intern(cursor.text().strip());
                case "startId" -> fields.startId = ids.internNonNull(cursor.text().strip());
                default -> cursor.skip();
            }
        }
    }

    private void readParents(XmlCursor cursor, List<String> parents) throws UnreadableFileException {
        int depth = cursor.depth();
        while (cursor.nextChild(depth)) {
            String parent = cursor.text().strip();
            if (!parent.isEmpty()) {
                parents.add(ids.internNonNull(parent));
            }
        }
    }

    private void readActions(XmlCursor cursor, NodeFields fields) throws UnreadableFileException {
        int depth = cursor.depth();
        while (cursor.nextChild(depth)) {
            ActionKind kind = ACTIONS.get(cursor.name());
            if (kind == null) {
                cursor.skip();
                continue;
            }
            switch (kind) {
                case TIMING -> readTiming(cursor, fields);
                case ARGUMENTS -> readArguments(cursor, fields);
                case LABEL -> {
                    String displayName = childText(cursor, "displayName");
                    if (fields.label == null && displayName != null) {
                        fields.label = shared.intern(displayName);
                    }
                }
                case BODY -> {
                    fields.body = true;
                    cursor.skip();
                }
                case PARALLEL_LABEL -> readParallelLabel(cursor, fields);
                case THREAD_NAME -> {
                    String threadName = childText(cursor, "threadName");
                    if (fields.branchName == null && threadName != null) {
                        fields.branchName = shared.intern(threadName);
                    }
                }
                case PAUSE -> readPause(cursor, fields);
                case ERROR -> readError(cursor, fields);
                case TAGS -> readTags(cursor, fields);
                case WARNING -> readWarning(cursor, fields);
                // Recognised: it only names the queue item of a node block that waits for an agent, which the
                // graph already shows as an outer block start without a body yet.
                case QUEUE_ITEM -> cursor.skip();
                case INPUT_SUBMITTED -> {
                    String approver = childText(cursor, "approver");
                    if (approver != null && !approver.isBlank()) {
                        fields.decidedBy = shared.internNonNull(approver.strip());
                    }
                }
                default -> cursor.skip();
            }
        }
    }

    private static void readTiming(XmlCursor cursor, NodeFields fields) throws UnreadableFileException {
        int depth = cursor.depth();
        while (cursor.nextChild(depth)) {
            if (cursor.name().equals("startTime")) {
                long start = cursor.longValue("TimingAction startTime");
                if (fields.start == null) {
                    fields.start = start;
                }
            }
        }
    }

    private void readArguments(XmlCursor cursor, NodeFields fields) throws UnreadableFileException {
        int depth = cursor.depth();
        while (cursor.nextChild(depth)) {
            if (cursor.name().equals("arguments")) {
                Map<String, String> arguments = readMap(cursor);
                if (fields.arguments.isEmpty()) {
                    fields.arguments = arguments;
                }
            }
        }
    }

    /** Reads a map of {@code <entry>} elements: the first child the key, the second the value. */
    private Map<String, String> readMap(XmlCursor cursor) throws UnreadableFileException {
        Map<String, String> map = new LinkedHashMap<>();
        int depth = cursor.depth();
        while (cursor.nextChild(depth)) {
            if (!cursor.name().equals("entry")) {
                continue;
            }
            String key = null;
            String value = null;
            int entryDepth = cursor.depth();
            while (cursor.nextChild(entryDepth)) {
                if (key == null) {
                    key = shared.internNonNull(ArgumentValues.render(cursor));
                } else if (value == null) {
                    value = ArgumentValues.render(cursor);
                }
            }
            if (key != null && value != null) {
                map.putIfAbsent(key, value);
            }
        }
        return map;
    }

    private void readParallelLabel(XmlCursor cursor, NodeFields fields) throws UnreadableFileException {
        String branchName = null;
        String displayName = null;
        int depth = cursor.depth();
        while (cursor.nextChild(depth)) {
            switch (cursor.name()) {
                case "branchName" -> branchName = cursor.text();
                case "displayName" -> displayName = cursor.text();
                default -> cursor.skip();
            }
        }
        if (branchName != null && fields.branchName == null) {
            fields.branchName = shared.intern(branchName);
        }
        // It is also the node's LabelAction, whose display name Jenkins derives from the branch.
        if (fields.parallelLabel == null) {
            fields.parallelLabel = displayName != null ? displayName
                    : branchName != null ? "Branch: " + branchName : null;
        }
    }

    private void readPause(XmlCursor cursor, NodeFields fields) throws UnreadableFileException {
        String cause = null;
        Long start = null;
        Long end = null;
        int depth = cursor.depth();
        while (cursor.nextChild(depth)) {
            switch (cursor.name()) {
                case "cause" -> cause = cursor.text().strip();
                case "startTime" -> start = cursor.longValue("PauseAction startTime");
                case "endTime" -> end = cursor.longValue("PauseAction endTime");
                default -> cursor.skip();
            }
        }
        if (start == null) {
            throw cursor.problem("PauseAction without a startTime");
        }
        if (fields.pauses.isEmpty()) {
            fields.pauses = new ArrayList<>(1);
        }
        // Jenkins writes endTime 0 while the pause is still open.
        fields.pauses.add(new Pause(shared.internNonNull(cause == null ? "" : cause), start,
                end == null || end <= 0 ? null : end));
    }

    private void readError(XmlCursor cursor, NodeFields fields) throws UnreadableFileException {
        int depth = cursor.depth();
        while (cursor.nextChild(depth)) {
            if (!cursor.name().equals("error")) {
                continue;
            }
            String[] error = readThrowable(cursor);
            if (fields.error == null) {
                fields.error = error[0];
                if (error[1] != null && fields.decidedBy == null) {
                    fields.decidedBy = error[1];
                }
            }
        }
    }

    /**
     * Reads a {@code Throwable} as {@code Class: message} (its {@code toString()}) and the user its interruption
     * names, if any. Jenkins stores an error that travels up through several blocks once, and points to it from the
     * others; such a reference is looked up among the errors read earlier in the same file. A
     * {@code FlowInterruptedException} has no message of its own: its causes of interruption make it, as their short
     * descriptions read in Jenkins ("Rejected by alice", "Aborted by alice", "Timeout has been exceeded").
     *
     * @return the text, and the id of the user who interrupted (or {@code null})
     */
    private @Nullable String[] readThrowable(XmlCursor cursor) throws UnreadableFileException {
        String declared = cursor.attribute("class");
        String type = shared.internNonNull(declared != null ? declared : "java.lang.Throwable");
        String reference = cursor.attribute("reference");
        if (reference != null) {
            String target = cursor.resolve(reference);
            String earlier = cursor.recall(target);
            String user = cursor.recall(target == null ? null : target + "#user");
            cursor.skip();
            return new String[] {earlier != null ? earlier : type, user};
        }
        String path = cursor.path();
        String message = null;
        List<String> interruptions = new ArrayList<>(1);
        String[] user = new String[1];
        int depth = cursor.depth();
        while (cursor.nextChild(depth)) {
            switch (cursor.name()) {
                case "detailMessage" -> message = cursor.text();
                case "causes" -> readInterruptions(cursor, interruptions, user);
                default -> cursor.skip();
            }
        }
        String text = Interruptions.errorText(type, message, interruptions);
        cursor.remember(path, text);
        if (user[0] != null) {
            cursor.remember(path + "#user", user[0]);
        }
        return new String[] {text, user[0]};
    }

    /**
     * Reads the causes of an interruption ({@code CauseOfInterruption}s, in the list or array XStream wraps them in),
     * as Jenkins describes them; {@code user[0]} gets the first user named.
     */
    private void readInterruptions(XmlCursor cursor, List<String> descriptions, @Nullable String[] user)
            throws UnreadableFileException {
        int depth = cursor.depth();
        while (cursor.nextChild(depth)) {
            String name = cursor.name();
            String named = null;
            if (name.endsWith(".Rejection")) {
                named = childText(cursor, "userName");
                descriptions.add(Interruptions.rejected(named));
            } else if (name.endsWith("CauseOfInterruption_-UserInterruption")) {
                named = childText(cursor, "user");
                descriptions.add(Interruptions.aborted(named));
            } else if (name.endsWith("_-ExceededTimeout")) {
                cursor.skip();
                descriptions.add(Interruptions.TIMEOUT);
            } else if (name.equals("a") || name.equals("list") || name.equals("c")) {
                readInterruptions(cursor, descriptions, user);
            } else {
                cursor.skip();
                descriptions.add(Interruptions.other(name));
            }
            if (named != null && !named.isBlank() && user[0] == null) {
                user[0] = shared.internNonNull(named.strip());
            }
        }
    }

    private void readTags(XmlCursor cursor, NodeFields fields) throws UnreadableFileException {
        int depth = cursor.depth();
        while (cursor.nextChild(depth)) {
            if (cursor.name().equals("tags")) {
                Map<String, String> tags = readMap(cursor);
                tags.replaceAll((key, value) -> shared.internNonNull(value));
                if (fields.tags.isEmpty()) {
                    fields.tags = tags;
                }
            }
        }
    }

    private void readWarning(XmlCursor cursor, NodeFields fields) throws UnreadableFileException {
        int depth = cursor.depth();
        while (cursor.nextChild(depth)) {
            if (!cursor.name().equals("result")) {
                continue;
            }
            // Jenkins' converter writes <result>UNSTABLE</result>; plain XStream would write the Result's fields.
            StringBuilder text = new StringBuilder();
            String name = null;
            int resultDepth = cursor.depth();
            while (cursor.nextChild(resultDepth, text)) {
                if (cursor.name().equals("name")) {
                    name = cursor.text().strip();
                }
            }
            String result = name != null ? name : text.toString().strip();
            if (fields.warning == null && !result.isEmpty()) {
                fields.warning = shared.internNonNull(result);
            }
        }
    }

    /** The text of the named child of the current element, or {@code null}; the element is read to its end. */
    private static @Nullable String childText(XmlCursor cursor, String child) throws UnreadableFileException {
        String text = null;
        int depth = cursor.depth();
        while (cursor.nextChild(depth)) {
            if (text == null && cursor.name().equals(child)) {
                text = cursor.text();
            }
        }
        return text;
    }

    /** The fields of one node while it is being read. */
    private static final class NodeFields {
        @Nullable String nodeClass;
        @Nullable String id;
        final List<String> parents = new ArrayList<>(2);
        @Nullable String descriptor;
        @Nullable String startId;
        @Nullable Long start;
        boolean body;
        @Nullable String label;
        @Nullable String parallelLabel;
        @Nullable String branchName;
        Map<String, String> arguments = Map.of();
        List<Pause> pauses = List.of();
        @Nullable String error;
        Map<String, String> tags = Map.of();
        @Nullable String warning;
        @Nullable String decidedBy;
    }
}
