/**
 * The model's own, Jenkins-free view of a Pipeline flow graph ({@link io.jenkins.plugins.valuestream.graph.FlowGraph})
 * and of the run it belongs to ({@link io.jenkins.plugins.valuestream.graph.RunInfo}). Every source (live flow
 * nodes in the plugin, flow-node XML in a build folder, Stage View REST answers) produces these types; everything
 * downstream consumes only them.
 */
@NullMarked
package io.jenkins.plugins.valuestream.graph;

import org.jspecify.annotations.NullMarked;
