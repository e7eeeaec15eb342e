package io.jenkins.plugins.valuestream.stream;

import io.jenkins.plugins.valuestream.graph.RunResult;
import io.jenkins.plugins.valuestream.process.WaitBreakdown;
import org.jspecify.annotations.Nullable;

/** One point of a job's trend: one run's totals. */
public record RunTrend(int number, @Nullable RunResult result, long startedAt, long leadTimeMillis,
        long processMillis, WaitBreakdown waits, double flowEfficiency) {
}
