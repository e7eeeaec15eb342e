/**
 * Recording: the live flow graph of a Pipeline run turned into the model's flow graph, the run's build-queue wait
 * stamped, the process map computed when the run completes and kept on the run, back-filled for older runs, with a
 * global switch and a per-job opt-out.
 */
@NullMarked
package io.jenkins.plugins.valuestream.recording;

import org.jspecify.annotations.NullMarked;
