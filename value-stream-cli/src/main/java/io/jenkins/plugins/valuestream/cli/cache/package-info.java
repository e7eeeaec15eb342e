/**
 * The report's cache: the process maps of completed runs kept in one {@code JobStore} per job and source, so a second
 * report reads only the runs it has not seen.
 */
@NullMarked
package io.jenkins.plugins.valuestream.cli.cache;

import org.jspecify.annotations.NullMarked;
