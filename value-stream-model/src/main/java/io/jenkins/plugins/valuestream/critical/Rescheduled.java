package io.jenkins.plugins.valuestream.critical;

import java.util.List;

/**
 * A run recomputed with some of its steps' time removed ({@link RunSchedule#withOwnTimeCut}).
 *
 * @param leadTimeMillis the lead time the run would have had
 * @param elapsedMillis each step's elapsed time it would have had, by index in the map's steps
 */
public record Rescheduled(long leadTimeMillis, List<Long> elapsedMillis) {

    public Rescheduled {
        elapsedMillis = List.copyOf(elapsedMillis);
    }

    /** The elapsed time the step at this index of the map's steps would have had. */
    public long elapsedMillis(int step) {
        return elapsedMillis.get(step);
    }
}
