/**
 * View models: what the value stream map, a run's process map and a job's trends show, computed from the model
 * ({@link io.jenkins.plugins.valuestream.stream.ValueStream}, {@link io.jenkins.plugins.valuestream.process.ProcessMap},
 * {@link io.jenkins.plugins.valuestream.flags.Flag}) with every duration already in words ("4m 10s") and every
 * unknown time said to be unknown. The renderers draw from these alone; the records serialize to JSON with Jackson
 * as they are, so the plugin can serve them too.
 */
@NullMarked
package io.jenkins.plugins.valuestream.view;

import org.jspecify.annotations.NullMarked;
