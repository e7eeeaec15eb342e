package io.jenkins.plugins.valuestream.view;

import io.jenkins.plugins.valuestream.process.ProcessStep;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a source knows when a step worked and when it waited, the real intervals of its bar. A process step holds
 * only totals per cause; without this the bars show the totals as shares.
 */
@FunctionalInterface
public interface TimedSegments {
    /** Knows no intervals: every bar shows shares. */
    TimedSegments NONE = step -> null;

    /** The step's intervals, offsets from its start, or {@code null} where they are not known. */
    @Nullable List<BarSegment> of(ProcessStep step);
}
