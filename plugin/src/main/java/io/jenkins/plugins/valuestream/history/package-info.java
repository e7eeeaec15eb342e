/**
 * Each Pipeline job's recorded history: the model's {@link io.jenkins.plugins.valuestream.store.JobStore} in the
 * job's folder ({@code value-stream/runs.vsj}), appended whenever a run's process map is recorded, the record of a
 * deleted build removed, rebuilt from the runs when it is missing or on request. The Value Stream tab reads it and
 * never loads a run.
 */
@NullMarked
package io.jenkins.plugins.valuestream.history;

import org.jspecify.annotations.NullMarked;
