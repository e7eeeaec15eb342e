package io.jenkins.plugins.valuestream.stream;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The order in which a job's pipeline runs its steps, merged from the order of the steps in each run (their start
 * order, parallel branches as the flow graph lists them): the newest run's steps in its order, then each step that
 * only older runs had right after the step it followed there (at the front where it was first). A stage that ran in
 * a few runs only, or late in some, keeps its place in the pipeline, where a median start time would move it.
 *
 * <p>Steps are numbered by the caller (0, 1, ...); each run gives its sequence once, oldest run first.
 */
final class PipelineOrder {
    private final List<int[]> runs = new ArrayList<>();
    private int[] current = new int[16];
    private int length;

    /** Starts the next run's sequence (runs oldest first). */
    void startRun() {
        finishRun();
    }

    /** The next step of the current run. */
    void add(int step) {
        if (length == current.length) {
            current = Arrays.copyOf(current, length * 2);
        }
        current[length++] = step;
    }

    private void finishRun() {
        if (length > 0) {
            int[] sequence = Arrays.copyOf(current, length);
            // Most runs repeat the sequence of the run before: kept once.
            if (runs.isEmpty() || !Arrays.equals(runs.get(runs.size() - 1), sequence)) {
                runs.add(sequence);
            }
        }
        length = 0;
    }

    /** Each step's rank in the pipeline order, by step number ({@code steps} of them). */
    int[] ranks(int steps) {
        finishRun();
        List<Integer> order = new ArrayList<>(steps);
        boolean[] placed = new boolean[steps];
        for (int r = runs.size() - 1; r >= 0; r--) {
            int after = -1;
            for (int step : runs.get(r)) {
                if (placed[step]) {
                    after = order.indexOf(step);
                } else {
                    order.add(after + 1, step);
                    placed[step] = true;
                    after++;
                }
            }
        }
        int[] ranks = new int[steps];
        Arrays.fill(ranks, Integer.MAX_VALUE);
        for (int i = 0; i < order.size(); i++) {
            ranks[order.get(i)] = i;
        }
        return ranks;
    }
}
