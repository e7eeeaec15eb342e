package io.jenkins.plugins.valuestream.flags;

/**
 * The knobs of the slow-step and redundancy detectors (docs/flags.md). Every kind of flag has a floor on its cost:
 * its own absolute floor, and {@code leadTimeShare} of the run's lead time, whichever is larger; a flag below it is
 * not worth reading. The constructor rejects values that would make a detector meaningless, naming the setting and
 * the accepted range.
 *
 * @param baselineRuns N: how many recent successful runs make a step's baseline (and how many recent runs, this one
 *     included, the no-op detector looks at)
 * @param minSamples no slow flag for a step with fewer baseline samples than this
 * @param madFactor k: how many robust standard deviations (1.4826 × MAD) above the median a value must be
 * @param relativeFloor the least excess that counts, as a share of the median (0.25 = 25% slower)
 * @param absoluteFloorMillis the least excess of process time that counts
 * @param waitAbsoluteFloorMillis the least excess of wait time that counts; larger than the process floor by default
 *     because waits for agents and people vary far more from run to run than the work does
 * @param noOpMillis process time below which a step did next to nothing
 * @param noOpShare the share of recent runs in which a step must have done next to nothing to be a no-op
 * @param noOpMinRuns no no-op flag for a step seen in fewer recent runs than this
 * @param minDuplicateMillis the least cost of a duplicate-work or setup-on-each-agent flag (the time of the repeats)
 * @param repeatedAgentFloorMillis the least cost of a repeated-agent flag (the second allocation's wait, plus the
 *     setup it repeated)
 * @param noOpWindowFloorMillis the least time a no-op step must take over the recent runs, added up, to be flagged
 * @param leadTimeShare the least cost of any flag as a share of its run's lead time (0.01 = 1%)
 */
public record DetectorSettings(
        int baselineRuns,
        int minSamples,
        double madFactor,
        double relativeFloor,
        long absoluteFloorMillis,
        long waitAbsoluteFloorMillis,
        long noOpMillis,
        double noOpShare,
        int noOpMinRuns,
        long minDuplicateMillis,
        long repeatedAgentFloorMillis,
        long noOpWindowFloorMillis,
        double leadTimeShare) {

    private static final DetectorSettings DEFAULTS = new DetectorSettings(20, 5, 3.0, 0.25, 5_000, 30_000, 1_000, 0.9,
            5, 2_000, 10_000, 60_000, 0.01);

    public DetectorSettings {
        atLeast("baselineRuns", baselineRuns, 1);
        atLeast("minSamples", minSamples, 1);
        if (minSamples > baselineRuns) {
            throw new IllegalArgumentException("minSamples (" + minSamples + ") must not exceed baselineRuns ("
                    + baselineRuns + "), or no step could ever be flagged slow");
        }
        nonNegativeFinite("madFactor", madFactor);
        nonNegativeFinite("relativeFloor", relativeFloor);
        atLeast("absoluteFloorMillis", absoluteFloorMillis, 0);
        atLeast("waitAbsoluteFloorMillis", waitAbsoluteFloorMillis, 0);
        atLeast("noOpMillis", noOpMillis, 0);
        if (!(noOpShare > 0 && noOpShare <= 1)) {
            throw new IllegalArgumentException("noOpShare must be above 0 and at most 1 (e.g. 0.9 for 90%), got "
                    + noOpShare);
        }
        atLeast("noOpMinRuns", noOpMinRuns, 1);
        if (noOpMinRuns > baselineRuns) {
            throw new IllegalArgumentException("noOpMinRuns (" + noOpMinRuns + ") must not exceed baselineRuns ("
                    + baselineRuns + "), the number of recent runs the no-op detector looks at");
        }
        atLeast("minDuplicateMillis", minDuplicateMillis, 0);
        atLeast("repeatedAgentFloorMillis", repeatedAgentFloorMillis, 0);
        atLeast("noOpWindowFloorMillis", noOpWindowFloorMillis, 0);
        if (!(leadTimeShare >= 0 && leadTimeShare < 1)) {
            throw new IllegalArgumentException("leadTimeShare must be at least 0 and below 1 (e.g. 0.01 for 1% of"
                    + " the run's lead time), got " + leadTimeShare);
        }
    }

    /**
     * The least cost of a flag of this kind on a run of this lead time: the kind's absolute floor or the share of
     * the lead time, whichever is larger. A no-op's absolute floor is on its time over the window
     * ({@code noOpWindowFloorMillis}), which its detector checks; here it has the lead-time share only.
     */
    public long floorMillis(FlagKind kind, long leadTimeMillis) {
        long absolute = switch (kind) {
            case SLOW_PROCESS -> absoluteFloorMillis;
            case SLOW_WAIT -> waitAbsoluteFloorMillis;
            case DUPLICATE_WORK, SETUP_ON_EACH_AGENT -> minDuplicateMillis;
            case REPEATED_AGENT -> repeatedAgentFloorMillis;
            case NO_OP -> 0;
        };
        return Math.max(absolute, (long) Math.ceil(leadTimeShare * Math.max(0, leadTimeMillis)));
    }

    /**
     * N = 20 runs, at least 5 samples, k = 3, floors of 25%, 5 s (process) and 30 s (wait); no-op below 1 s of process
     * time in 90% of at least 5 runs, taking 1 min over them; duplicates costing 2 s, repeated agents 10 s; no flag
     * below 1% of its run's lead time. docs/flags.md says how real runs chose them.
     */
    public static DetectorSettings defaults() {
        return DEFAULTS;
    }

    /** A builder starting from these settings, for changing a few of them. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A builder starting from the {@linkplain #defaults() defaults}. */
    public static Builder builder() {
        return new Builder(DEFAULTS);
    }

    private static void atLeast(String name, long value, long least) {
        if (value < least) {
            throw new IllegalArgumentException(name + " must be at least " + least + ", got " + value);
        }
    }

    private static void nonNegativeFinite(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number of at least 0, got " + value);
        }
    }

    /** Changes some settings; {@link #build()} validates them together. */
    public static final class Builder {
        private int baselineRuns;
        private int minSamples;
        private double madFactor;
        private double relativeFloor;
        private long absoluteFloorMillis;
        private long waitAbsoluteFloorMillis;
        private long noOpMillis;
        private double noOpShare;
        private int noOpMinRuns;
        private long minDuplicateMillis;
        private long repeatedAgentFloorMillis;
        private long noOpWindowFloorMillis;
        private double leadTimeShare;

        private Builder(DetectorSettings from) {
            baselineRuns = from.baselineRuns;
            minSamples = from.minSamples;
            madFactor = from.madFactor;
            relativeFloor = from.relativeFloor;
            absoluteFloorMillis = from.absoluteFloorMillis;
            waitAbsoluteFloorMillis = from.waitAbsoluteFloorMillis;
            noOpMillis = from.noOpMillis;
            noOpShare = from.noOpShare;
            noOpMinRuns = from.noOpMinRuns;
            minDuplicateMillis = from.minDuplicateMillis;
            repeatedAgentFloorMillis = from.repeatedAgentFloorMillis;
            noOpWindowFloorMillis = from.noOpWindowFloorMillis;
            leadTimeShare = from.leadTimeShare;
        }

        public Builder baselineRuns(int value) {
            baselineRuns = value;
            return this;
        }

        public Builder minSamples(int value) {
            minSamples = value;
            return this;
        }

        public Builder madFactor(double value) {
            madFactor = value;
            return this;
        }

        public Builder relativeFloor(double value) {
            relativeFloor = value;
            return this;
        }

        public Builder absoluteFloorMillis(long value) {
            absoluteFloorMillis = value;
            return this;
        }

        public Builder waitAbsoluteFloorMillis(long value) {
            waitAbsoluteFloorMillis = value;
            return this;
        }

        public Builder noOpMillis(long value) {
            noOpMillis = value;
            return this;
        }

        public Builder noOpShare(double value) {
            noOpShare = value;
            return this;
        }

        public Builder noOpMinRuns(int value) {
            noOpMinRuns = value;
            return this;
        }

        public Builder minDuplicateMillis(long value) {
            minDuplicateMillis = value;
            return this;
        }

        public Builder repeatedAgentFloorMillis(long value) {
            repeatedAgentFloorMillis = value;
            return this;
        }

        public Builder noOpWindowFloorMillis(long value) {
            noOpWindowFloorMillis = value;
            return this;
        }

        public Builder leadTimeShare(double value) {
            leadTimeShare = value;
            return this;
        }

        /** @throws IllegalArgumentException naming the setting that is out of range */
        public DetectorSettings build() {
            return new DetectorSettings(baselineRuns, minSamples, madFactor, relativeFloor, absoluteFloorMillis,
                    waitAbsoluteFloorMillis, noOpMillis, noOpShare, noOpMinRuns, minDuplicateMillis,
                    repeatedAgentFloorMillis, noOpWindowFloorMillis, leadTimeShare);
        }
    }
}
