package io.jenkins.plugins.valuestream.view;

import io.jenkins.plugins.valuestream.graph.RunResult;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One run in a job's trends.
 *
 * @param number the build number
 * @param result the run's result, or {@code null} while it runs
 * @param startedText when it started, in words (UTC)
 * @param leadTimeMillis its lead time
 * @param leadTimeText its lead time in words
 * @param processMillis its process time
 * @param processText its process time in words
 * @param waits its wait per cause, unknown causes listed as unknown
 * @param flowEfficiency process time ÷ lead time
 * @param flowEfficiencyText flow efficiency in words
 */
public record TrendPoint(int number, @Nullable RunResult result, String startedText, long leadTimeMillis,
        String leadTimeText, long processMillis, String processText, List<WaitPart> waits, double flowEfficiency,
        String flowEfficiencyText) {
    public TrendPoint {
        waits = List.copyOf(waits);
    }
}
