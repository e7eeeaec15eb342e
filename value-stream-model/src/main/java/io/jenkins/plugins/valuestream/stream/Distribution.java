package io.jenkins.plugins.valuestream.stream;

/**
 * The median and 90th percentile of a set of durations (milliseconds), by linear interpolation between the closest
 * ranks, rounded to the millisecond.
 */
public record Distribution(long median, long p90) {
    public static final Distribution EMPTY = new Distribution(0, 0);

    /** The distribution of the given values; the array is sorted in place. */
    public static Distribution ofSorting(long[] values) {
        if (values.length == 0) {
            return EMPTY;
        }
        java.util.Arrays.sort(values);
        return new Distribution(percentileOfSorted(values, 0.5), percentileOfSorted(values, 0.9));
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
