/**
 * JMH benchmarks of extraction, the per-job store and aggregation (docs/performance.md). Run them with
 * {@code bash benchmarks/run}; {@link io.jenkins.plugins.valuestream.benchmarks.Figures} turns the results into the
 * ratios of docs/performance.md.
 */
@NullMarked
package io.jenkins.plugins.valuestream.benchmarks;

import org.jspecify.annotations.NullMarked;
