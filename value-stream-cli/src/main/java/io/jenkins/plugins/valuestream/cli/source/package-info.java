/**
 * Where the runs of a report come from: one job's runs as flow graphs (or cached process maps) with what the
 * source could not tell, and {@code DiskSource}, which reads a JENKINS_HOME or a builds folder. The server and demo
 * sources implement {@code RunSource} next to what they read ({@code cli.rest}, {@code cli.demo}), so that this
 * package knows none of them.
 */
@NullMarked
package io.jenkins.plugins.valuestream.cli.source;

import org.jspecify.annotations.NullMarked;
