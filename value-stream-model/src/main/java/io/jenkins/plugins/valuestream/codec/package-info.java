/**
 * Compact, versioned text forms of model values for keeping them with a build: a run's process map, written when the
 * run completes and read back without its flow graph, and the budget verdict a budgeted block reached.
 */
@NullMarked
package io.jenkins.plugins.valuestream.codec;

import org.jspecify.annotations.NullMarked;
