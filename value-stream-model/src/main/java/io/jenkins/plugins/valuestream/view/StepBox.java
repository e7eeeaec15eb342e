package io.jenkins.plugins.valuestream.view;

import io.jenkins.plugins.valuestream.process.StepKind;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One step of the value stream map: its box.
 *
 * @param id a stable id within the map ({@code s0}, {@code s1}, ... in the value stream's step order)
 * @param name the step's own name ({@code #2} added for a repeated occurrence)
 * @param path the step's full display path
 * @param parent the display path of the step it is nested in, or {@code null} at the top
 * @param indent how deep it sits under the top step of its column ({@code 0} at the top)
 * @param kind what made the step
 * @param runs in how many runs the step ran
 * @param processMillis median process time
 * @param processText median process time in words
 * @param processP90Text 90th percentile of process time in words
 * @param waitMillis median wait
 * @param waitText median wait in words
 * @param waitP90Text 90th percentile of wait in words
 * @param elapsedMillis median elapsed time
 * @param elapsedText median elapsed time in words
 * @param waits median wait per cause; causes the sources could not tell are listed as unknown
 * @param successRate %C&amp;A, {@code 0..1}
 * @param successRateText %C&amp;A in words
 * @param flowEfficiency the step's flow efficiency, {@code 0..1}
 * @param flowEfficiencyText the step's flow efficiency in words
 * @param bottleneck whether this is the job's bottleneck (largest median elapsed time)
 * @param waitBottleneck whether this step has the largest median wait
 * @param parallelGroup the key shared with the steps it ran side by side with, or {@code null}
 */
public record StepBox(
        String id,
        String name,
        String path,
        @Nullable String parent,
        int indent,
        StepKind kind,
        int runs,
        long processMillis,
        String processText,
        String processP90Text,
        long waitMillis,
        String waitText,
        String waitP90Text,
        long elapsedMillis,
        String elapsedText,
        List<WaitPart> waits,
        double successRate,
        String successRateText,
        double flowEfficiency,
        String flowEfficiencyText,
        boolean bottleneck,
        boolean waitBottleneck,
        @Nullable String parallelGroup) {

    public StepBox {
        waits = List.copyOf(waits);
    }
}
