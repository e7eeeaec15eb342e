package io.jenkins.plugins.valuestream.view;

import io.jenkins.plugins.valuestream.process.StepKind;
import io.jenkins.plugins.valuestream.process.StepResult;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One step of a run's process map: one lane of its Gantt chart.
 *
 * @param id a stable id within the map ({@code r0}, {@code r1}, ... in the run's step order)
 * @param name the step's own name ({@code #2} added for a repeated occurrence)
 * @param path the step's full display path
 * @param indent how many steps it is nested in
 * @param kind what made the step
 * @param result how it ended
 * @param parallelGroup the key shared with the branches it ran side by side with, or {@code null}
 * @param offsetMillis when it started, from the start of the run's lead time (queue entry where known)
 * @param offsetText that offset in words
 * @param elapsedMillis its elapsed time
 * @param elapsedText its elapsed time in words
 * @param processMillis its process time
 * @param processText its process time in words
 * @param waitMillis its wait
 * @param waitText its wait in words
 * @param waits its wait per cause, unknown causes listed as unknown
 * @param effortText its effort (working time summed over branches) in words
 * @param firstTime whether it succeeded without rework
 * @param segments the bar's pieces, offsets from the bar's start
 * @param segmentsTimed whether the pieces are the real intervals ({@code false}: shares of the totals, process
 *     first, which tell how much but not when)
 * @param flags the flags on this step
 * @param verdicts the budget verdicts on this step
 */
public record GanttRow(
        String id,
        String name,
        String path,
        int indent,
        StepKind kind,
        StepResult result,
        @Nullable String parallelGroup,
        long offsetMillis,
        String offsetText,
        long elapsedMillis,
        String elapsedText,
        long processMillis,
        String processText,
        long waitMillis,
        String waitText,
        List<WaitPart> waits,
        String effortText,
        boolean firstTime,
        List<BarSegment> segments,
        boolean segmentsTimed,
        List<FlagView> flags,
        List<VerdictView> verdicts) {

    public GanttRow {
        waits = List.copyOf(waits);
        segments = List.copyOf(segments);
        flags = List.copyOf(flags);
        verdicts = List.copyOf(verdicts);
    }
}
