/**
 * The controller's value stream across its jobs, at {@code /value-stream/}: the page of what the jobs wait for
 * together (the model's {@link io.jenkins.plugins.valuestream.stream.Contention}) and every job's figures as
 * Prometheus metrics at {@code /value-stream/prometheus} (the model's
 * {@link io.jenkins.plugins.valuestream.export.PrometheusExport}; docs/export.md lists every metric), each over the
 * recorded runs of the jobs the caller may read.
 */
@NullMarked
package io.jenkins.plugins.valuestream.controller;

import org.jspecify.annotations.NullMarked;
