package io.jenkins.plugins.valuestream.stream;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The median and 90th percentile of a set of durations (milliseconds), by linear interpolation between the closest
 * ranks, rounded to the millisecond.
 */
public record Distribution(long median, long p90) {
    public static final Distribution EMPTY = new Distribution(0, 0);

    /** From this many values on, the ranks are found through a histogram first. */
    private static final int HISTOGRAM_MIN = 256;
    private static final int BUCKET_BITS = 11;

    /**
     * The distribution of the given values; the array may be reordered in place. The ranks each percentile needs are
     * found by selection, not by sorting the whole array: aggregating thousands of runs stays linear.
     */
    public static Distribution ofSorting(long[] values) {
        return ofSortingWithZeros(values, 0);
    }

    /**
     * The distribution of the given values and {@code zeros} zeros more, which are not materialized: where a wait
     * cause had no time in most runs, only the runs where it had are kept. With zeros, no value may be negative.
     * The array may be reordered in place.
     */
    static Distribution ofSortingWithZeros(long[] values, int zeros) {
        int n = values.length + zeros;
        if (n == 0) {
            return EMPTY;
        }
        double medianRank = 0.5 * (n - 1);
        double p90Rank = 0.9 * (n - 1);
        int[] ranks = {(int) Math.floor(medianRank), (int) Math.ceil(medianRank), (int) Math.floor(p90Rank),
            (int) Math.ceil(p90Rank)};
        long[] atRank = new long[ranks.length];
        // The zeros are the smallest values: ranks below their count are theirs, the others the values'.
        int[] ofValues = new int[ranks.length];
        int count = 0;
        for (int rank : ranks) {
            if (rank >= zeros) {
                ofValues[count++] = rank - zeros;
            }
        }
        long[] found = orderStatistics(values, Arrays.copyOf(ofValues, count));
        for (int r = 0, next = 0; r < ranks.length; r++) {
            atRank[r] = ranks[r] < zeros ? 0 : found[next++];
        }
        return new Distribution(interpolate(medianRank, atRank[0], atRank[1]),
                interpolate(p90Rank, atRank[2], atRank[3]));
    }

    /** The given percentile ({@code 0..1}) of unsorted values, by linear interpolation; reorders the array. */
    public static long percentile(long[] values, double p) {
        if (values.length == 0) {
            throw new IllegalArgumentException("No values");
        }
        double rank = p * (values.length - 1);
        long[] found = orderStatistics(values, new int[] {(int) Math.floor(rank), (int) Math.ceil(rank)});
        return interpolate(rank, found[0], found[1]);
    }

    /**
     * The values at the given ranks (0 the smallest), each rank below {@code values.length}; may reorder the array.
     * Many values go through a histogram first ({@link #byHistogram}); few, or values whose range does not fit a
     * long, by selection in the whole array, each rank searched right of the one before.
     */
    private static long[] orderStatistics(long[] values, int[] ranks) {
        long[] found = new long[ranks.length];
        if (ranks.length == 0) {
            return found;
        }
        int[] ascending = ranks.clone();
        Arrays.sort(ascending);
        long[] atAscending = values.length >= HISTOGRAM_MIN ? byHistogram(values, ascending) : null;
        if (atAscending == null) {
            atAscending = new long[ascending.length];
            int from = 0;
            for (int r = 0; r < ascending.length; r++) {
                atAscending[r] = select(values, ascending[r], from);
                // Every value right of this rank is at least as large: the next ranks lie among them.
                from = ascending[r];
            }
        }
        for (int r = 0; r < ranks.length; r++) {
            found[r] = atAscending[Arrays.binarySearch(ascending, ranks[r])];
        }
        return found;
    }

    /**
     * The values at the given ascending ranks in three linear passes that compare little: the range, a histogram of
     * 2048 buckets over it, then selection among the values of only the buckets that hold the wanted ranks. Exactly
     * the values of those ranks. {@code null} where the range does not fit a long.
     */
    private static long @Nullable [] byHistogram(long[] values, int[] ranks) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (long value : values) {
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        long range = max - min;
        if (range < 0) {
            return null;
        }
        long[] atRank = new long[ranks.length];
        if (range == 0) {
            Arrays.fill(atRank, min);
            return atRank;
        }
        int shift = Math.max(0, 64 - Long.numberOfLeadingZeros(range) - BUCKET_BITS);
        int[] counts = new int[(int) (range >>> shift) + 1];
        for (long value : values) {
            counts[(int) ((value - min) >>> shift)]++;
        }
        // Each wanted rank lies in the bucket where the running count passes it, and is selected among that
        // bucket's values only.
        int bucket = 0;
        int before = 0;
        int gathered = -1;
        long[] members = new long[0];
        for (int r = 0; r < ranks.length; r++) {
            while (before + counts[bucket] <= ranks[r]) {
                before += counts[bucket++];
            }
            if (bucket != gathered) {
                members = bucketValues(values, min, shift, bucket, counts[bucket]);
                gathered = bucket;
            }
            atRank[r] = select(members, ranks[r] - before, 0);
        }
        return atRank;
    }

    private static long[] bucketValues(long[] values, long min, int shift, int bucket, int count) {
        long[] members = new long[count];
        int found = 0;
        for (long value : values) {
            if ((int) ((value - min) >>> shift) == bucket) {
                members[found++] = value;
            }
        }
        return members;
    }

    private static long interpolate(double rank, long lowValue, long highValue) {
        int low = (int) Math.floor(rank);
        return rank == low ? lowValue : Math.round(lowValue + (rank - low) * (highValue - lowValue));
    }

    /** Hoare's selection: puts the k-th smallest value at index k, smaller ones left of it, larger ones right. */
    private static long select(long[] a, int k, int from) {
        int left = from;
        int right = a.length - 1;
        while (right > left) {
            int mid = (left + right) >>> 1;
            // Median of three as pivot keeps sorted and reversed input linear.
            if (a[mid] < a[left]) {
                swap(a, mid, left);
            }
            if (a[right] < a[left]) {
                swap(a, right, left);
            }
            if (a[right] < a[mid]) {
                swap(a, right, mid);
            }
            long pivot = a[mid];
            int i = left;
            int j = right;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(a, i++, j--);
                }
            }
            if (k <= j) {
                right = j;
            } else if (k >= i) {
                left = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }

    private static void swap(long[] a, int i, int j) {
        long t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    /** The given percentile ({@code 0..1}) of sorted values, by linear interpolation. */
    public static long percentileOfSorted(long[] sorted, double p) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("No values");
        }
        double rank = p * (sorted.length - 1);
        int low = (int) Math.floor(rank);
        int high = (int) Math.ceil(rank);
        double value = sorted[low] + (rank - low) * (sorted[high] - sorted[low]);
        return Math.round(value);
    }
}
