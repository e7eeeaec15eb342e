package io.jenkins.plugins.valuestream.process;

import java.util.Arrays;

/**
 * Puts packed events in time order: longs whose high bits are a time (or a rank) and whose low bits are what the
 * event is about. A least-significant-digit radix sort over the time bits only, stable, so that events at the same
 * instant keep the order they were given in; a flow graph's events are sorted in a few linear passes instead of
 * {@code n log n} comparisons.
 */
final class TimeOrder {
    /** At most this many bits per pass: a count table that stays in the first-level cache. */
    private static final int MAX_DIGIT_BITS = 11;

    private TimeOrder() {
    }

    /**
     * Sorts {@code keys[0, count)} by their bits {@code [lowBits, lowBits + timeBits)}, stably; the bits above must be
     * zero.
     */
    static void sortByHighBits(long[] keys, int count, int lowBits, int timeBits) {
        if (count < 2 || timeBits <= 0 || isSorted(keys, count, lowBits)) {
            return;
        }
        int passes = (timeBits + MAX_DIGIT_BITS - 1) / MAX_DIGIT_BITS;
        int digitBits = (timeBits + passes - 1) / passes;
        int mask = (1 << digitBits) - 1;
        int[] counts = new int[mask + 1];
        long[] source = keys;
        long[] target = new long[count];
        for (int pass = 0; pass < passes; pass++) {
            int shift = lowBits + pass * digitBits;
            Arrays.fill(counts, 0);
            for (int i = 0; i < count; i++) {
                counts[(int) (source[i] >>> shift) & mask]++;
            }
            int sum = 0;
            for (int digit = 0; digit <= mask; digit++) {
                int digitCount = counts[digit];
                counts[digit] = sum;
                sum += digitCount;
            }
            for (int i = 0; i < count; i++) {
                long key = source[i];
                target[counts[(int) (key >>> shift) & mask]++] = key;
            }
            long[] swap = source;
            source = target;
            target = swap;
        }
        if (source != keys) {
            System.arraycopy(source, 0, keys, 0, count);
        }
    }

    private static boolean isSorted(long[] keys, int count, int lowBits) {
        for (int i = 1; i < count; i++) {
            if (keys[i - 1] >>> lowBits > keys[i] >>> lowBits) {
                return false;
            }
        }
        return true;
    }
}
