package io.jenkins.plugins.valuestream.benchmarks;

import io.jenkins.plugins.valuestream.graph.FlowGraph;
import io.jenkins.plugins.valuestream.graph.GraphNode;
import io.jenkins.plugins.valuestream.graph.NodeKind;
import io.jenkins.plugins.valuestream.graph.Pause;
import io.jenkins.plugins.valuestream.graph.RunInfo;
import io.jenkins.plugins.valuestream.graph.StepFunctions;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes the build folder of a completed Pipeline run the way Jenkins leaves it under the performance-optimized
 * durability: {@code build.xml} (a {@code flow-build} with the Metrics plugin's queue time and the execution, whose
 * {@code storageDir} is {@code workflow-completed}) and {@code workflow-completed/flowNodeStore.xml}, the bulk store
 * of the flow nodes: a map of {@code <entry><string>id</string><Tag>...</Tag></entry>} in XStream's form, nodes with
 * their parents, descriptor and start ids, actions with the plugin versions Jenkins stamps on them, arguments,
 * timings, labels, pauses, errors with a stack trace. What a design without a store has to read back on every
 * request.
 *
 * <p>Only what a {@link FlowGraph} and {@link RunInfo} hold is written, so {@code BuildFolderReader} reads back the
 * same run (checked by {@code ValueStreamBenchmark} before it measures).
 */
final class BuildFolderWriter {
    private static final String SUPPORT = "workflow-support@865.v43e78cc44e0d";
    private static final String CPS = "workflow-cps@3837.v305192405b_c0";
    private static final String API = "workflow-api@1283.v99c10937efcb_";
    private static final String DURABLE_TASK = "workflow-durable-task-step@1313.vcb_970b_d2a_fb_3";
    /** A failed step's stack trace as Jenkins stores it (the usual frames of a failed {@code sh}). */
    private static final List<String> TRACE = List.of(
            "org.jenkinsci.plugins.workflow.steps.durable_task.DurableTaskStep$Execution.handleExit("
                    + "DurableTaskStep.java:668)",
            "org.jenkinsci.plugins.workflow.steps.durable_task.DurableTaskStep$Execution.check("
                    + "DurableTaskStep.java:614)",
            "org.jenkinsci.plugins.workflow.steps.durable_task.DurableTaskStep$Execution.run("
                    + "DurableTaskStep.java:555)",
            "java.base/java.util.concurrent.Executors$RunnableAdapter.call(Executors.java:539)",
            "java.base/java.util.concurrent.FutureTask.run(FutureTask.java:264)",
            "java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1136)",
            "java.base/java.lang.Thread.run(Thread.java:840)");

    private BuildFolderWriter() {
    }

    /**
     * Writes {@code runFolder/build.xml} and {@code runFolder/workflow-completed/flowNodeStore.xml}.
     *
     * @param script the Jenkinsfile, which Jenkins keeps in {@code build.xml}
     */
    static void write(Path runFolder, RunInfo info, FlowGraph graph, String script) throws IOException {
        Long completedAt = info.completedAt();
        if (completedAt == null || info.result() == null) {
            throw new IllegalArgumentException("Run #" + info.number() + " has not completed; Jenkins moves the flow"
                    + " nodes to workflow-completed/ only when a run completes");
        }
        Path store = runFolder.resolve("workflow-completed");
        Files.createDirectories(store);
        try (Writer out = Files.newBufferedWriter(runFolder.resolve("build.xml"), StandardCharsets.UTF_8)) {
            writeBuild(out, info, completedAt, graph, script);
        }
        try (Writer out = Files.newBufferedWriter(store.resolve("flowNodeStore.xml"), StandardCharsets.UTF_8)) {
            writeNodes(out, graph);
        }
    }

    private static void writeBuild(Writer out, RunInfo info, long completedAt, FlowGraph graph, String script)
            throws IOException {
        // Jenkins stamps the run's creation (when it left the queue) as timestamp; the queue time is the Metrics
        // plugin's, measured up to then.
        long leftQueue = info.startedAt();
        String last = graph.isEmpty() ? "2" : graph.nodes().get(graph.size() - 1).id();
        out.write("<?xml version='1.1' encoding='UTF-8'?>\n<flow-build plugin=\"workflow-job@1385.vb_58b_86ea_fff1\">\n"
                + "  <actions>\n    <hudson.model.CauseAction>\n      <causeBag class=\"linked-hash-map\">\n"
                + "        <entry>\n          <hudson.triggers.SCMTrigger_-SCMTriggerCause>\n"
                + "            <data></data>\n          </hudson.triggers.SCMTrigger_-SCMTriggerCause>\n"
                + "          <int>1</int>\n        </entry>\n      </causeBag>\n    </hudson.model.CauseAction>\n");
        if (info.queuedAt() != null) {
            long queued = leftQueue - info.queuedAt();
            out.write("    <jenkins.metrics.impl.TimeInQueueAction plugin=\"metrics@4.2.18-442.v02e107157925\">\n"
                    + "      <queuingDurationMillis>" + queued + "</queuingDurationMillis>\n"
                    + "      <blockedDurationMillis>0</blockedDurationMillis>\n"
                    + "      <buildableDurationMillis>" + queued + "</buildableDurationMillis>\n"
                    + "      <waitingDurationMillis>0</waitingDurationMillis>\n"
                    + "    </jenkins.metrics.impl.TimeInQueueAction>\n");
        }
        out.write("    <org.jenkinsci.plugins.workflow.libs.LibrariesAction plugin=\"pipeline-groovy-lib@689."
                + "veec561a_dee13\">\n      <libraries/>\n    </org.jenkinsci.plugins.workflow.libs.LibrariesAction>\n"
                + "  </actions>\n"
                + "  <queueId>" + (info.number() + 1000) + "</queueId>\n"
                + "  <timestamp>" + leftQueue + "</timestamp>\n"
                + "  <startTime>" + info.startedAt() + "</startTime>\n"
                + "  <result>" + info.result().name() + "</result>\n"
                + "  <duration>" + (completedAt - info.startedAt()) + "</duration>\n"
                + "  <charset>UTF-8</charset>\n  <keepLog>false</keepLog>\n"
                + "  <execution class=\"org.jenkinsci.plugins.workflow.cps.CpsFlowExecution\">\n"
                + "    <result>" + info.result().name() + "</result>\n"
                + "    <script>" + escape(script) + "</script>\n"
                + "    <loadedScripts class=\"map\"/>\n"
                + "    <durabilityHint>PERFORMANCE_OPTIMIZED</durabilityHint>\n"
                + "    <timings class=\"map\">\n"
                + "      <entry>\n        <string>flowNode</string>\n        <long>239727000</long>\n      </entry>\n"
                + "      <entry>\n        <string>classLoad</string>\n        <long>361945260</long>\n      </entry>\n"
                + "      <entry>\n        <string>run</string>\n        <long>3101599500</long>\n      </entry>\n"
                + "      <entry>\n        <string>parse</string>\n        <long>83225350</long>\n      </entry>\n"
                + "    </timings>\n"
                + "    <internalCalls class=\"sorted-set\"/>\n"
                + "    <sandbox>true</sandbox>\n"
                + "    <iota>" + escape(last) + "</iota>\n"
                + "    <head>1:" + escape(last) + "</head>\n"
                + "    <done>true</done>\n"
                + "    <resumeBlocked>false</resumeBlocked>\n"
                + "    <storageDir>workflow-completed</storageDir>\n"
                + "  </execution>\n"
                + "  <completed>true</completed>\n"
                + "  <checkouts class=\"hudson.util.PersistedList\"/>\n"
                + "</flow-build>");
    }

    /** The bulk store; Jenkins keeps the nodes in a hash map, so they are written in its order, not by id. */
    private static void writeNodes(Writer out, FlowGraph graph) throws IOException {
        Map<String, Integer> byId = new HashMap<>();
        for (int i = 0; i < graph.size(); i++) {
            byId.put(graph.nodes().get(i).id(), i);
        }
        StringBuilder text = new StringBuilder(1024);
        out.write("<?xml version='1.1' encoding='UTF-8'?>\n<map>\n");
        for (int i : byId.values()) {
            text.setLength(0);
            writeNode(text, graph, i);
            out.write(text.toString());
        }
        out.write("</map>");
    }

    private static void writeNode(StringBuilder out, FlowGraph graph, int index) {
        GraphNode node = graph.nodes().get(index);
        String id = escape(node.id());
        out.append("  <entry>\n    <string>").append(id).append("</string>\n    <Tag plugin=\"").append(SUPPORT)
                .append("\">\n      <node class=\"").append(nodeClass(node.kind())).append("\" plugin=\"")
                .append(node.kind() == NodeKind.FLOW_START || node.kind() == NodeKind.FLOW_END ? API : CPS)
                .append("\">\n");
        if (node.parentIds().isEmpty()) {
            out.append("        <parentIds/>\n");
        } else {
            out.append("        <parentIds>\n");
            for (String parent : node.parentIds()) {
                out.append("          <string>").append(escape(parent)).append("</string>\n");
            }
            out.append("        </parentIds>\n");
        }
        out.append("        <id>").append(id).append("</id>\n");
        // End nodes name their start instead of their descriptor, which Jenkins takes from the start.
        if (node.function() != null && (node.kind() == NodeKind.ATOM || node.kind() == NodeKind.BLOCK_START)) {
            out.append("        <descriptorId>").append(escape(node.function())).append("</descriptorId>\n");
        }
        if (node.startId() != null && (node.kind() == NodeKind.BLOCK_END || node.kind() == NodeKind.FLOW_END)) {
            out.append("        <startId>").append(escape(node.startId())).append("</startId>\n");
        }
        if (node.kind() == NodeKind.FLOW_END) {
            out.append("        <result>\n          <name>SUCCESS</name>\n          <ordinal>0</ordinal>\n"
                    + "          <color>BLUE</color>\n          <completeBuild>true</completeBuild>\n"
                    + "        </result>\n");
        }
        out.append("      </node>\n      <actions>\n");
        writeActions(out, graph, index, node);
        out.append("      </actions>\n    </Tag>\n  </entry>\n");
    }

    private static void writeActions(StringBuilder out, FlowGraph graph, int index, GraphNode node) {
        boolean outer = node.kind() == NodeKind.BLOCK_START && !node.body();
        if (node.body() || closesBody(graph, index)) {
            out.append("        <wf.a.BodyInvocationAction plugin=\"").append(API).append("\"/>\n");
        }
        if (outer || node.kind() == NodeKind.ATOM) {
            out.append("        <s.a.LogStorageAction/>\n");
        }
        if (!node.arguments().isEmpty()) {
            out.append("        <cps.a.ArgumentsActionImpl plugin=\"").append(CPS).append("\">\n          <arguments>\n");
            node.arguments().forEach((key, value) -> out.append("            <entry>\n              <string>")
                    .append(escape(key)).append("</string>\n              <string>").append(escape(value))
                    .append("</string>\n            </entry>\n"));
            out.append("          </arguments>\n          <sensitiveVariables/>\n"
                    + "          <isUnmodifiedBySanitization>true</isUnmodifiedBySanitization>\n"
                    + "        </cps.a.ArgumentsActionImpl>\n");
        }
        if (node.branchName() != null) {
            out.append("        <org.jenkinsci.plugins.workflow.cps.steps.ParallelStepExecution_-ParallelLabelAction"
                    + " plugin=\"").append(CPS).append("\">\n          <branchName>").append(escape(node.branchName()))
                    .append("</branchName>\n        </org.jenkinsci.plugins.workflow.cps.steps."
                            + "ParallelStepExecution_-ParallelLabelAction>\n");
        }
        // A parallel branch's label is derived from its branch name; any other label is a LabelAction of its own.
        if (node.label() != null
                && !(node.branchName() != null && node.label().equals("Branch: " + node.branchName()))) {
            out.append("        <wf.a.LabelAction plugin=\"").append(API).append("\">\n          <displayName>")
                    .append(escape(node.label())).append("</displayName>\n        </wf.a.LabelAction>\n");
        }
        if (!node.tags().isEmpty()) {
            out.append("        <wf.a.TagsAction plugin=\"").append(API).append("\">\n          <tags>\n");
            node.tags().forEach((key, value) -> out.append("            <entry>\n              <string>")
                    .append(escape(key)).append("</string>\n              <string>").append(escape(value))
                    .append("</string>\n            </entry>\n"));
            out.append("          </tags>\n        </wf.a.TagsAction>\n");
        }
        if (node.startMillis() != null) {
            out.append("        <wf.a.TimingAction plugin=\"").append(API).append("\">\n          <startTime>")
                    .append(node.startMillis()).append("</startTime>\n        </wf.a.TimingAction>\n");
        }
        if (outer && node.function() != null && StepFunctions.AGENT_BLOCKS.contains(node.function())) {
            out.append("        <org.jenkinsci.plugins.workflow.support.steps.ExecutorStepExecution_-"
                    + "QueueItemActionImpl plugin=\"").append(DURABLE_TASK).append("\">\n          <id>")
                    .append(Math.abs(node.id().hashCode() % 10_000)).append("</id>\n        </org.jenkinsci.plugins"
                            + ".workflow.support.steps.ExecutorStepExecution_-QueueItemActionImpl>\n"
                            + "        <s.a.WorkspaceActionImpl>\n          <node>agent-7</node>\n"
                            + "          <path>/home/jenkins/agent/workspace/shop_main</path>\n"
                            + "          <labels class=\"sorted-set\">\n            <string>linux</string>\n"
                            + "          </labels>\n        </s.a.WorkspaceActionImpl>\n");
        }
        for (Pause pause : node.pauses()) {
            out.append("        <s.a.PauseAction>\n          <cause>").append(escape(pause.cause()))
                    .append("</cause>\n          <startTime>").append(pause.startMillis())
                    .append("</startTime>\n          <endTime>").append(pause.endMillis() == null ? 0 : pause.endMillis())
                    .append("</endTime>\n        </s.a.PauseAction>\n");
        }
        if (node.error() != null) {
            writeError(out, node.error());
        }
        if (node.warning() != null) {
            out.append("        <wf.a.WarningAction plugin=\"").append(API).append("\">\n          <result>")
                    .append(escape(node.warning())).append("</result>\n        </wf.a.WarningAction>\n");
        }
    }

    /** {@code Class: message}, as the reader gives it, written back as the throwable it came from. */
    private static void writeError(StringBuilder out, String error) {
        int colon = error.indexOf(": ");
        String type = colon < 0 ? error : error.substring(0, colon);
        @Nullable String message = colon < 0 ? null : error.substring(colon + 2);
        out.append("        <wf.a.ErrorAction plugin=\"").append(API).append("\">\n          <error class=\"")
                .append(escape(type)).append("\">\n");
        if (message != null) {
            out.append("            <detailMessage>").append(escape(message)).append("</detailMessage>\n");
        }
        out.append("            <stackTrace>\n");
        for (String frame : TRACE) {
            out.append("              <trace>").append(escape(frame)).append("</trace>\n");
        }
        out.append("            </stackTrace>\n            <suppressedExceptions class=\"empty-list\"/>\n"
                + "          </error>\n        </wf.a.ErrorAction>\n");
    }

    private static boolean closesBody(FlowGraph graph, int index) {
        int start = graph.blockStartIndex(index);
        return graph.nodes().get(index).kind() == NodeKind.BLOCK_END && start >= 0
                && graph.nodes().get(start).body();
    }

    private static String nodeClass(NodeKind kind) {
        return switch (kind) {
            case FLOW_START -> "org.jenkinsci.plugins.workflow.graph.FlowStartNode";
            case FLOW_END -> "org.jenkinsci.plugins.workflow.graph.FlowEndNode";
            case ATOM -> "cps.n.StepAtomNode";
            case BLOCK_START -> "cps.n.StepStartNode";
            case BLOCK_END -> "cps.n.StepEndNode";
        };
    }

    /** Text as XStream writes it into XML 1.1. */
    static String escape(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&apos;";
                default -> null;
            };
            if (replacement != null) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append(replacement);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /** Writes the run folders {@code buildsFolder/<number>} of the given runs. */
    static void writeAll(Path buildsFolder, List<SyntheticRuns.Recorded> runs, String script) throws IOException {
        for (SyntheticRuns.Recorded run : runs) {
            write(buildsFolder.resolve(Integer.toString(run.info().number())), run.info(), run.graph(), script);
        }
    }
}
