/**
 * The figures of every Pipeline job as Prometheus metrics, at {@code /value-stream/prometheus}: the model's
 * {@link io.jenkins.plugins.valuestream.export.PrometheusExport} over each job's recorded runs, for the jobs the
 * caller may read. docs/export.md lists every metric.
 */
@NullMarked
package io.jenkins.plugins.valuestream.metrics;

import org.jspecify.annotations.NullMarked;
