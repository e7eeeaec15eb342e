package io.jenkins.plugins.valuestream.view;

import io.jenkins.plugins.valuestream.process.StepKind;
import java.util.List;
import java.util.Objects;
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
 * @param critical whether the step was on the run's critical path in most of its runs (more than half)
 * @param criticalShareText the share of its runs in which it was on the critical path, in words
 * @param exclusiveText its median exclusive time in words
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
        @Nullable String parallelGroup,
        boolean critical,
        String criticalShareText,
        String exclusiveText) {

    public StepBox {
        waits = List.copyOf(waits);
    }

    /**
     * A box built figure by figure, each figure with its words, rather than from 23 values in a row. Left out, a box
     * is at the top (no parent, indent 0), shows no wait by cause, is no bottleneck, in no parallel group and off the
     * critical path (on it in no run, no exclusive time); its
     * process, wait and elapsed time, %C&amp;A and flow efficiency must be given.
     */
    public static Builder builder(String id, String name, String path, StepKind kind) {
        return new Builder(id, name, path, kind);
    }

    /** Builds a {@link StepBox}: see {@link StepBox#builder}. */
    public static final class Builder {
        private final String id;
        private final String name;
        private final String path;
        private final StepKind kind;
        private @Nullable String parent;
        private int indent;
        private int runs;
        private long processMillis;
        private @Nullable String processText;
        private @Nullable String processP90Text;
        private long waitMillis;
        private @Nullable String waitText;
        private @Nullable String waitP90Text;
        private List<WaitPart> waits = List.of();
        private long elapsedMillis;
        private @Nullable String elapsedText;
        private double successRate;
        private @Nullable String successRateText;
        private double flowEfficiency;
        private @Nullable String flowEfficiencyText;
        private boolean bottleneck;
        private boolean waitBottleneck;
        private @Nullable String parallelGroup;
        private boolean critical;
        private String criticalShareText = "0%";
        private String exclusiveText = "0s";

        private Builder(String id, String name, String path, StepKind kind) {
            this.id = id;
            this.name = name;
            this.path = path;
            this.kind = kind;
        }

        /** The step it is nested in ({@code null} at the top) and how deep under its column's top step. */
        public Builder nestedIn(@Nullable String parentPath, int depth) {
            parent = parentPath;
            indent = depth;
            return this;
        }

        public Builder runs(int count) {
            runs = count;
            return this;
        }

        public Builder process(long medianMillis, String medianText, String p90Text) {
            processMillis = medianMillis;
            processText = medianText;
            processP90Text = p90Text;
            return this;
        }

        public Builder waitTime(long medianMillis, String medianText, String p90Text, List<WaitPart> byCause) {
            waitMillis = medianMillis;
            waitText = medianText;
            waitP90Text = p90Text;
            waits = byCause;
            return this;
        }

        public Builder elapsed(long medianMillis, String medianText) {
            elapsedMillis = medianMillis;
            elapsedText = medianText;
            return this;
        }

        public Builder successRate(double rate, String text) {
            successRate = rate;
            successRateText = text;
            return this;
        }

        public Builder flowEfficiency(double efficiency, String text) {
            flowEfficiency = efficiency;
            flowEfficiencyText = text;
            return this;
        }

        public Builder bottleneck(boolean value) {
            bottleneck = value;
            return this;
        }

        public Builder waitBottleneck(boolean value) {
            waitBottleneck = value;
            return this;
        }

        public Builder parallelGroup(@Nullable String group) {
            parallelGroup = group;
            return this;
        }

        /**
         * What the step is to the runs' critical paths.
         *
         * @param inMostRuns on the path in more than half of its runs
         * @param shareText the share of its runs in which it was on the path, in words
         * @param exclusive its median exclusive time in words
         */
        public Builder criticalPath(boolean inMostRuns, String shareText, String exclusive) {
            critical = inMostRuns;
            criticalShareText = shareText;
            exclusiveText = exclusive;
            return this;
        }

        /** The box; fails where a figure that every box has was not given. */
        public StepBox build() {
            return new StepBox(id, name, path, parent, indent, kind, runs,
                    processMillis, given(processText, "process time"), given(processP90Text, "process time"),
                    waitMillis, given(waitText, "wait time"), given(waitP90Text, "wait time"),
                    elapsedMillis, given(elapsedText, "elapsed time"), waits,
                    successRate, given(successRateText, "%C&A"),
                    flowEfficiency, given(flowEfficiencyText, "flow efficiency"),
                    bottleneck, waitBottleneck, parallelGroup, critical, criticalShareText, exclusiveText);
        }

        private String given(@Nullable String text, String figure) {
            return Objects.requireNonNull(text, () -> "The box of " + path + " needs its " + figure);
        }
    }
}
