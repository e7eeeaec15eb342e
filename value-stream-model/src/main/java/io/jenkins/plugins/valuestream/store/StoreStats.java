package io.jenkins.plugins.valuestream.store;

import java.util.Locale;

/**
 * How big a store is and what its records cost.
 *
 * @param fileBytes the size of the store file
 * @param runs the runs it holds
 * @param steps the process-map steps of those runs
 * @param workItems their work items
 * @param agentAllocations their agent allocations
 * @param strings the distinct strings in its string table
 * @param stepRecordBytes the bytes the step records take (without the run headers, work items, agents, notes and
 *     the string table)
 */
public record StoreStats(long fileBytes, int runs, long steps, long workItems, long agentAllocations, int strings,
        long stepRecordBytes) {

    /** The average size of one step record. */
    public double bytesPerStepRecord() {
        return steps == 0 ? 0 : (double) stepRecordBytes / steps;
    }

    /** The whole file divided by the steps: what a step costs with everything else of its run. */
    public double fileBytesPerStep() {
        return steps == 0 ? 0 : (double) fileBytes / steps;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d bytes, %d runs, %d steps (%.1f bytes per step record, %.1f file bytes"
                + " per step), %d work items, %d agent allocations, %d strings", fileBytes, runs, steps,
                bytesPerStepRecord(), fileBytesPerStep(), workItems, agentAllocations, strings);
    }
}
