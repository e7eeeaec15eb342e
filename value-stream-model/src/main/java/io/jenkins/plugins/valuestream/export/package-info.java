/**
 * The figures of reports as metrics for monitoring systems: Prometheus snapshots and text (0.0.4 and OpenMetrics), and
 * measurements recorded into an OpenTelemetry {@code Meter}. Both read the same {@link
 * io.jenkins.plugins.valuestream.export.MetricFigures}, which bounds the series (docs/export.md).
 */
@NullMarked
package io.jenkins.plugins.valuestream.export;

import org.jspecify.annotations.NullMarked;
