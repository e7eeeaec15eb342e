package io.jenkins.plugins.valuestream.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.Test;

/** The one sweep that splits a run and its steps, on hand-made segments. */
public class TimelineTest {
    private static final int AGENT = WaitCause.AGENT.ordinal();
    private static final int GAP = WaitCause.GAP.ordinal();
    private static final int INPUT = WaitCause.INPUT.ordinal();

    /** Owner 0 is a stage, [0, 500); owner 1 a branch inside it, [100, 400). */
    private static Timeline.Result sweep(long from, long to) {
        Timeline timeline = new Timeline(from, to, 4);
        timeline.add(from, from + 100, AGENT, 0);
        timeline.add(from + 100, from + 300, Timeline.WORKING, 1);
        timeline.add(from + 150, from + 400, INPUT, 1);
        timeline.add(from + 450, from + 500, Timeline.WORKING, 0);
        return timeline.sweep(new long[] {from, from + 100}, new long[] {from + 500, from + 400}, new int[] {-1, 0},
                new long[] {from + 500, to});
    }

    @Test
    public void aStepIsSplitOverItsOwnSegmentsAndThoseOfTheStepsInsideIt() {
        Timeline.Result result = sweep(0, 1_000);
        long[] waits = result.waits(0, new long[WaitCause.values().length]);

        assertThat(result.process(0)).isEqualTo(200 + 50);
        assertThat(waits[AGENT]).isEqualTo(100);
        assertThat(waits[INPUT]).isEqualTo(100);
        assertThat(waits[GAP]).isEqualTo(50);
        assertThat(result.effort(0)).isEqualTo(250);
    }

    @Test
    public void timeOutsideEveryStepIsAGapOfTheRunAndOfTheOutsideRegion() {
        Timeline.Result result = sweep(0, 1_000);

        assertThat(result.run().waits()[GAP]).isEqualTo(50 + 500);
        assertThat(result.outside().waits()[GAP]).isEqualTo(500);
        assertThat(result.outside().process()).isZero();
    }

    @Test
    public void aRunLongerThanPackedEventsHoldSplitsItsStepsTheSame() {
        Timeline.Result usual = sweep(1_717_000_000_000L, 1_717_000_001_000L);
        // Offsets of 2^62 ms and 4 segments do not fit one long together: times are ranked instead.
        Timeline.Result vast = sweep(0, 1L << 62);
        long[] usualWaits = usual.waits(1, new long[WaitCause.values().length]);
        long[] vastWaits = vast.waits(1, new long[WaitCause.values().length]);

        assertThat(vast.process(1)).isEqualTo(usual.process(1)).isEqualTo(200);
        assertThat(vastWaits).containsExactly(usualWaits);
        assertThat(vast.run().waits()[GAP] - usual.run().waits()[GAP]).isEqualTo((1L << 62) - 1_000);
    }

    @Test
    public void eventsAreOrderedByTimeAndKeepTheirOrderWithinAnInstant() {
        Random random = new Random(3);
        for (int round = 0; round < 200; round++) {
            int count = 1 + random.nextInt(3_000);
            int lowBits = 1 + random.nextInt(20);
            int timeBits = 1 + random.nextInt(62 - lowBits);
            long[] keys = new long[count];
            for (int i = 0; i < count; i++) {
                long time = random.nextLong() >>> (64 - timeBits);
                if (round % 4 == 0) {
                    time &= 7; // many events at the same instants
                }
                keys[i] = time << lowBits | (i & ((1L << lowBits) - 1));
            }
            long[] expected = stableByTime(keys, lowBits);

            TimeOrder.sortByHighBits(keys, count, lowBits, timeBits);

            assertThat(keys).as("round %d", round).containsExactly(expected);
        }
    }

    private static long[] stableByTime(long[] keys, int lowBits) {
        return Arrays.stream(keys).boxed().sorted((a, b) -> Long.compare(a >>> lowBits, b >>> lowBits))
                .mapToLong(Long::longValue).toArray();
    }
}
