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
