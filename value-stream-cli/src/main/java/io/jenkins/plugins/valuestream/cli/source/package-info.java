/**
 * Where the runs of a report come from: one job's runs as flow graphs (or cached process maps) with what the
 * source could not tell.
 */
@NullMarked
package io.jenkins.plugins.valuestream.cli.source;

import org.jspecify.annotations.NullMarked;
