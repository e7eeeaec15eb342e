package io.jenkins.plugins.valuestream.graph;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One flow node, reduced to what the value stream needs.
 *
 * @param id the node id, unique within its run
 * @param parentIds the ids of the nodes that ran right before this one (two or more on the end node of a
 *     {@code parallel})
 * @param kind the node's shape
 * @param startMillis its {@code TimingAction} start (epoch milliseconds), or {@code null} where the source lacks it
 * @param function the step descriptor id ({@code org.jenkinsci.plugins.workflow.support.steps.StageStep}, ...), or
 *     {@code null} for flow start and end nodes
 * @param startId for a {@link NodeKind#BLOCK_END}, the id of the block start it closes; otherwise {@code null}
 * @param body whether this block start is the body of its step ({@code BodyInvocationAction}) rather than its outer
 *     block
 * @param label the display name of a {@code LabelAction} (a stage body's name), or {@code null}
 * @param branchName the branch name of a {@code parallel} body ({@code ParallelLabelAction}), or {@code null}
 * @param arguments the step arguments ({@code ArgumentsAction}), each value normalized to a string
 * @param pauses the node's pauses ({@code PauseAction}), in order
 * @param error the class and message of an {@code ErrorAction}, or {@code null}
 * @param tags the node's tags ({@code TagsAction}), e.g. {@code STAGE_STATUS} of a skipped Declarative stage
 * @param warning the result of a {@code WarningAction} ({@code UNSTABLE}, ...), or {@code null}
 * @param decidedBy the id of the user who approved an {@code input} ({@code InputSubmittedAction}'s approver) or, on a
 *     node with an {@code error}, who aborted it (the {@code Rejection} or {@code UserInterruption} of the
 *     interruption), or {@code null} where neither is recorded
 */
public record GraphNode(
        String id,
        List<String> parentIds,
        NodeKind kind,
        @Nullable Long startMillis,
        @Nullable String function,
        @Nullable String startId,
        boolean body,
        @Nullable String label,
        @Nullable String branchName,
        Map<String, String> arguments,
        List<Pause> pauses,
        @Nullable String error,
        Map<String, String> tags,
        @Nullable String warning,
        @Nullable String decidedBy) {

    /** The tag that Declarative writes on the body of a stage it skipped or let fail. */
    public static final String STAGE_STATUS = "STAGE_STATUS";

    public GraphNode {
        Objects.requireNonNull(id, "id");
        parentIds = List.copyOf(parentIds);
        Objects.requireNonNull(kind, "kind");
        arguments = Map.copyOf(arguments);
        pauses = List.copyOf(pauses);
        tags = Map.copyOf(tags);
    }

    /** Starts a builder for a node with the given id and kind. */
    public static Builder builder(String id, NodeKind kind) {
        return new Builder(id, kind);
    }

    /** Whether this node is a step of the given descriptor id. */
    public boolean is(String descriptorId) {
        return descriptorId.equals(function);
    }

    /** Builder: most nodes carry only a few of the optional fields. */
    public static final class Builder {
        private final String id;
        private final NodeKind kind;
        private List<String> parentIds = List.of();
        private @Nullable Long startMillis;
        private @Nullable String function;
        private @Nullable String startId;
        private boolean body;
        private @Nullable String label;
        private @Nullable String branchName;
        private Map<String, String> arguments = Map.of();
        private List<Pause> pauses = List.of();
        private @Nullable String error;
        private Map<String, String> tags = Map.of();
        private @Nullable String warning;
        private @Nullable String decidedBy;

        private Builder(String id, NodeKind kind) {
            this.id = id;
            this.kind = kind;
        }

        public Builder parents(String... ids) {
            this.parentIds = List.of(ids);
            return this;
        }

        public Builder parents(List<String> ids) {
            this.parentIds = List.copyOf(ids);
            return this;
        }

        public Builder start(@Nullable Long millis) {
            this.startMillis = millis;
            return this;
        }

        public Builder function(@Nullable String descriptorId) {
            this.function = descriptorId;
            return this;
        }

        public Builder startId(@Nullable String id) {
            this.startId = id;
            return this;
        }

        public Builder body(boolean isBody) {
            this.body = isBody;
            return this;
        }

        public Builder label(@Nullable String displayName) {
            this.label = displayName;
            return this;
        }

        public Builder branchName(@Nullable String name) {
            this.branchName = name;
            return this;
        }

        public Builder arguments(Map<String, String> args) {
            this.arguments = args;
            return this;
        }

        public Builder pauses(List<Pause> list) {
            this.pauses = list;
            return this;
        }

        public Builder error(@Nullable String text) {
            this.error = text;
            return this;
        }

        public Builder tags(Map<String, String> map) {
            this.tags = map;
            return this;
        }

        public Builder warning(@Nullable String result) {
            this.warning = result;
            return this;
        }

        public Builder decidedBy(@Nullable String userId) {
            this.decidedBy = userId;
            return this;
        }

        public GraphNode build() {
            return new GraphNode(id, parentIds, kind, startMillis, function, startId, body, label, branchName,
                    arguments, pauses, error, tags, warning, decidedBy);
        }
    }
}
