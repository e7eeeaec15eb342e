/**
 * The process map of one run: its process-map steps with elapsed time split into process time and wait time by
 * cause (docs/definitions.md), extracted from a {@link io.jenkins.plugins.valuestream.graph.FlowGraph} by
 * {@link io.jenkins.plugins.valuestream.process.ProcessMapExtractor}.
 */
@NullMarked
package io.jenkins.plugins.valuestream.process;

import org.jspecify.annotations.NullMarked;
