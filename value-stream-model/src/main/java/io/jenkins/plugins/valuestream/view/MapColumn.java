package io.jenkins.plugins.valuestream.view;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One column of the value stream map: a top-level step with the steps nested in it, or the branches of one
 * {@code parallel} that ran side by side, stacked.
 *
 * @param index the column's place in pipeline order, from 0
 * @param parallelGroup the parallel group whose branches the column stacks, or {@code null}
 * @param parallel whether the column holds steps that ran side by side
 * @param boxes the column's boxes, top to bottom: each nested step under the step it is nested in
 * @param rung the column's rung of the timeline ladder
 */
public record MapColumn(int index, @Nullable String parallelGroup, boolean parallel, List<StepBox> boxes,
        LadderRung rung) {
    public MapColumn {
        boxes = List.copyOf(boxes);
    }
}
