package io.jenkins.plugins.valuestream.export;

/**
 * How many label values the export keeps where the values come from users' pipelines, so that a job with generated
 * stage names or agent labels cannot multiply the series (docs/export.md, "Cardinality").
 *
 * @param stepsPerJob the steps of a job exported under their own name: those with the most elapsed time over the
 *     runs; the others are merged under {@link MetricFigures#OTHER}
 * @param agentLabels the agent labels exported under their own name across all jobs: those with the most agent wait;
 *     the others are merged under {@link MetricFigures#OTHER}
 * @param lockResources the lock resources exported under their own name across all jobs: those with the most lock
 *     wait; the others are merged under {@link MetricFigures#OTHER}
 */
public record ExportLimits(int stepsPerJob, int agentLabels, int lockResources) {
    /** 50 steps per job, 50 agent labels, 50 lock resources. */
    public static final ExportLimits DEFAULT = new ExportLimits(50, 50, 50);

    /** Limits that cap the lock resources as the agent labels. */
    public ExportLimits(int stepsPerJob, int agentLabels) {
        this(stepsPerJob, agentLabels, agentLabels);
    }

    public ExportLimits {
        if (stepsPerJob < 1) {
            throw new IllegalArgumentException("stepsPerJob must be 1 or more, got " + stepsPerJob);
        }
        if (agentLabels < 1) {
            throw new IllegalArgumentException("agentLabels must be 1 or more, got " + agentLabels);
        }
        if (lockResources < 1) {
            throw new IllegalArgumentException("lockResources must be 1 or more, got " + lockResources);
        }
    }
}
