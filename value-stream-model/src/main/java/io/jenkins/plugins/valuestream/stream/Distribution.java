package io.jenkins.plugins.valuestream.stream;

/**
 * The median and 90th percentile of a set of durations (milliseconds), by linear interpolation between the closest
 * ranks, rounded to the millisecond.
 */
public record Distribution(long median, long p90) {
    public static final Distribution EMPTY = new Distribution(0, 0);

    /**
     * The distribution of the given values; the array is reordered in place. The two ranks each percentile needs are
     * found by selection, not by sorting the whole array: aggregating thousands of runs stays linear.
     */
    public static Distribution ofSorting(long[] values) {
        if (values.length == 0) {
            return EMPTY;
        }
        return new Distribution(percentile(values, 0.5), percentile(values, 0.9));
    }

    /** The given percentile ({@code 0..1}) of unsorted values, by linear interpolation; reorders the array. */
    public static long percentile(long[] values, double p) {
        if (values.length == 0) {
            throw new IllegalArgumentException("No values");
        }
        double rank = p * (values.length - 1);
        int low = (int) Math.floor(rank);
        long lowValue = select(values, low);
        if (rank == low) {
            return lowValue;
        }
        // After selection every value right of `low` is >= it: the next rank is their minimum.
        long highValue = Long.MAX_VALUE;
        for (int i = low + 1; i < values.length; i++) {
            highValue = Math.min(highValue, values[i]);
        }
        return Math.round(lowValue + (rank - low) * (highValue - lowValue));
    }

    /** Hoare's selection: puts the k-th smallest value at index k, smaller ones left of it, larger ones right. */
    private static long select(long[] a, int k) {
        int left = 0;
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
