/**
 * The report of one or more jobs, as every output reads it: the JSON writer ({@code json}), the HTML page
 * ({@code view.html}) and the plugin's pages and REST API. {@link ReportAssembler} is the one place that turns a
 * job's process maps into a {@link JobReport}: the value stream of the window, and each run flagged against the runs
 * of its baseline.
 */
@NullMarked
package io.jenkins.plugins.valuestream.report;

import org.jspecify.annotations.NullMarked;
