package io.jenkins.plugins.valuestream.process;

import io.jenkins.plugins.valuestream.graph.GraphNode;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One process-map step while the extraction defines it (from its block) and cuts its segments (which mark it as
 * rework or warned), until the sweep has split its time and {@link #finish} makes the {@link ProcessStep}.
 */
final class StepBuilder {
    /** The tag values that Declarative writes on a stage it skipped. */
    private static final Set<String> SKIPPED_STATUSES = Set.of("SKIPPED_FOR_CONDITIONAL", "SKIPPED_FOR_FAILURE",
            "SKIPPED_FOR_UNSTABLE", "SKIPPED_FOR_RESTART");

    private final NodeTable table;
    final StepPath path;
    final StepKind kind;
    final int startIndex;
    final int endIndex;
    final @Nullable StepBuilder parent;
    /** The position of its block start among the block starts, parents first: breaks ties of equal starts. */
    final int order;
    final long from;
    final long to;
    /** Its position among the steps when it was defined: its owner index in the timeline. */
    final int slot;
    final @Nullable String parallelGroup;
    /** Whether it deploys: a {@code processStep} with {@code deploys: true}. */
    final boolean deploys;
    boolean rework;
    boolean warned;

    StepBuilder(NodeTable table, StepPath path, StepKind kind, int startIndex, @Nullable StepBuilder parent,
            int order, int slot, @Nullable String parallelGroup, boolean deploys) {
        this.table = table;
        this.path = path;
        this.kind = kind;
        this.startIndex = startIndex;
        this.endIndex = table.endOf(startIndex);
        this.parent = parent;
        this.order = order;
        this.slot = slot;
        this.parallelGroup = parallelGroup;
        this.deploys = deploys;
        this.from = table.start(startIndex);
        this.to = endIndex < 0 ? table.asOf() : Math.max(from, table.start(endIndex));
    }

    /** Marks the step and every step around it as holding rework. */
    void markRework() {
        for (StepBuilder s = this; s != null && !s.rework; s = s.parent) {
            s.rework = true;
        }
    }

    /**
     * The step, its times from the sweep ({@code scratch} is for the waits, which are copied).
     *
     * @param runResult the run's result as a step's, for a step that has not ended
     */
    ProcessStep finish(int occurrence, Timeline.Result splits, long[] scratch, StepResult runResult) {
        StepResult result = result(runResult);
        return new ProcessStep(path, occurrence, kind, result, from, to - from, splits.process(slot),
                WaitBreakdown.ofArray(splits.waits(slot, scratch), Set.of()), splits.effort(slot),
                !rework && result == StepResult.SUCCESS, table.node(startIndex).id(), parallelGroup, deploys);
    }

    private StepResult result(StepResult runResult) {
        String status = statusTag();
        if (status != null && SKIPPED_STATUSES.contains(status)) {
            return StepResult.SKIPPED;
        }
        if (endIndex < 0) {
            return runResult;
        }
        String error = table.node(endIndex).error();
        int body = bodyOf();
        if (error == null && body >= 0 && table.endOf(body) >= 0) {
            error = table.node(table.endOf(body)).error();
        }
        if (error != null) {
            return error.contains("FlowInterruptedException") ? StepResult.ABORTED : StepResult.FAILURE;
        }
        if ("FAILED_AND_CONTINUED".equals(status)) {
            return StepResult.FAILURE;
        }
        if (warned || "UNSTABLE".equals(status)) {
            return StepResult.UNSTABLE;
        }
        return StepResult.SUCCESS;
    }

    private @Nullable String statusTag() {
        String tag = table.node(startIndex).tags().get(GraphNode.STAGE_STATUS);
        if (tag != null) {
            return tag;
        }
        int body = bodyOf();
        return body < 0 ? null : table.node(body).tags().get(GraphNode.STAGE_STATUS);
    }

    /** A branch is itself a body; a stage or processStep has one. */
    private int bodyOf() {
        return kind == StepKind.BRANCH ? -1 : table.bodyOf(startIndex);
    }
}
