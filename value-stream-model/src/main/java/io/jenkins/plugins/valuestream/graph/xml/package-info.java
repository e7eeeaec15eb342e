/**
 * Reads Pipeline runs from the build folders Jenkins writes ({@code jobs/<job>/builds/<n>/build.xml} and the flow
 * nodes under {@code workflow/} or {@code workflow-completed/}) into the model's {@link
 * io.jenkins.plugins.valuestream.graph.RunInfo} and {@link io.jenkins.plugins.valuestream.graph.FlowGraph}.
 *
 * <p>Entry point: {@link io.jenkins.plugins.valuestream.graph.xml.BuildFolderReader}. Files are read in one streaming
 * pass (StAX); DTDs and external entities are never resolved. A file that cannot be read skips its run with a
 * reason ({@link io.jenkins.plugins.valuestream.graph.xml.SkippedRun}); it never stops the other runs.
 */
@NullMarked
package io.jenkins.plugins.valuestream.graph.xml;

import org.jspecify.annotations.NullMarked;
