package io.jenkins.plugins.valuestream.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.junit.Test;

public class DistributionTest {

    @Test
    public void selectionGivesTheSamePercentilesAsSortingForRandomInput() {
        Random random = new Random(42);
        for (int round = 0; round < 500; round++) {
            int size = 1 + random.nextInt(200);
            long[] values = new long[size];
            for (int i = 0; i < size; i++) {
                // Few distinct values in some rounds, to exercise equal keys.
                values[i] = round % 3 == 0 ? random.nextInt(4) : random.nextInt(1_000_000);
            }
            long[] sorted = values.clone();
            Arrays.sort(sorted);
            Distribution d = Distribution.ofSorting(values.clone());
            assertThat(d.median()).as("median of %s", Arrays.toString(values))
                    .isEqualTo(Distribution.percentileOfSorted(sorted, 0.5));
            assertThat(d.p90()).as("p90 of %s", Arrays.toString(values))
                    .isEqualTo(Distribution.percentileOfSorted(sorted, 0.9));
        }
    }

    @Test
    public void manyValuesGiveTheSamePercentilesAsSortingWhateverTheirSpread() {
        Random random = new Random(7);
        for (int round = 0; round < 300; round++) {
            int size = 256 + random.nextInt(round % 10 == 0 ? 20_000 : 2_000);
            long[] values = new long[size];
            for (int i = 0; i < size; i++) {
                values[i] = switch (round % 6) {
                    case 0 -> random.nextInt(1_000_000); // durations
                    case 1 -> random.nextInt(3); // few distinct values
                    case 2 -> i == 0 ? Long.MAX_VALUE / 2 : random.nextInt(100); // one outlier far off
                    case 3 -> random.nextLong() >> 2; // negative and positive, a wide range
                    case 4 -> 42; // all equal
                    default -> (long) (Math.exp(random.nextGaussian() * 3) * 1_000); // long tail
                };
            }
            Distribution d = Distribution.ofSorting(values.clone());
            assertThat(d.median()).as("median, round %d of %d values", round, size)
                    .isEqualTo(ofSorted(values, 0.5));
            assertThat(d.p90()).as("p90, round %d of %d values", round, size)
                    .isEqualTo(ofSorted(values, 0.9));
            assertThat(Distribution.percentile(values.clone(), 0.9)).isEqualTo(d.p90());
        }
    }

    @Test
    public void valuesSpanningMoreThanALongHoldsAreStillRanked() {
        long[] values = new long[1_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 2 == 0 ? Long.MIN_VALUE + i : Long.MAX_VALUE - i;
        }
        Distribution d = Distribution.ofSorting(values.clone());

        assertThat(d.p90()).isEqualTo(ofSorted(values, 0.9));
    }

    @Test
    public void zerosNeedNotBeMaterialized() {
        Random random = new Random(11);
        for (int round = 0; round < 300; round++) {
            int zeros = random.nextInt(round % 2 == 0 ? 20 : 5_000);
            long[] positive = new long[random.nextInt(round % 3 == 0 ? 10 : 3_000)];
            for (int i = 0; i < positive.length; i++) {
                positive[i] = 1 + random.nextInt(round % 5 == 0 ? 3 : 1_000_000);
            }
            long[] all = Arrays.copyOf(positive, positive.length + zeros);

            Distribution d = Distribution.ofSortingWithZeros(positive.clone(), zeros);

            assertThat(d).as("round %d: %d zeros and %d values", round, zeros, positive.length)
                    .isEqualTo(all.length == 0 ? Distribution.EMPTY
                            : new Distribution(ofSorted(all, 0.5), ofSorted(all, 0.9)));
        }
    }

    /** The percentile by its definition: sorted, the two closest ranks, interpolated and rounded. */
    private static long ofSorted(long[] values, double p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        double rank = p * (sorted.length - 1);
        int low = (int) Math.floor(rank);
        return rank == low ? sorted[low]
                : Math.round(sorted[low] + (rank - low) * (sorted[(int) Math.ceil(rank)] - sorted[low]));
    }

    @Test
    public void medianOfAnEvenCountInterpolates() {
        assertThat(Distribution.ofSorting(new long[] {40, 10, 30, 20}).median()).isEqualTo(25);
    }

    @Test
    public void p90InterpolatesBetweenTheClosestRanks() {
        long[] values = {10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110};
        assertThat(Distribution.ofSorting(values).p90()).isEqualTo(100);
    }

    @Test
    public void emptyInputIsTheEmptyDistribution() {
        assertThat(Distribution.ofSorting(new long[0])).isEqualTo(Distribution.EMPTY);
    }

    @Test
    public void percentileOfNothingIsRefused() {
        assertThatThrownBy(() -> Distribution.percentile(new long[0], 0.5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
