package io.jenkins.plugins.valuestream.view;

/**
 * The totals at the end of the timeline ladder: the value stream's own numbers over its runs (medians of the runs'
 * totals, so the rungs need not add up to them).
 *
 * @param leadTimeMillis median lead time
 * @param leadTimeText median lead time in words
 * @param leadTimeP90Text 90th percentile of lead time in words
 * @param processMillis median process time
 * @param processText median process time in words
 * @param processP90Text 90th percentile of process time in words
 * @param waitMillis median wait
 * @param waitText median wait in words
 * @param waitP90Text 90th percentile of wait in words
 * @param flowEfficiency summed process time ÷ summed lead time
 * @param flowEfficiencyText flow efficiency in words
 */
public record LadderTotals(long leadTimeMillis, String leadTimeText, String leadTimeP90Text, long processMillis,
        String processText, String processP90Text, long waitMillis, String waitText, String waitP90Text,
        double flowEfficiency, String flowEfficiencyText) {
}
