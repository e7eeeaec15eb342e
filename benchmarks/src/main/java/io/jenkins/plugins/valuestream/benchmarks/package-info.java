/**
 * JMH benchmarks of extraction, the per-job store and aggregation (issue 4; DESIGN.md §5). Run them with
 * {@code bash benchmarks/run}; {@link io.jenkins.plugins.valuestream.benchmarks.Figures} turns the results into the
 * ratios of docs/performance.md.
 */
@NullMarked
package io.jenkins.plugins.valuestream.benchmarks;

import org.jspecify.annotations.NullMarked;
