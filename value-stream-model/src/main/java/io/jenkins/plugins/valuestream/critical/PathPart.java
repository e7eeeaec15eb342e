package io.jenkins.plugins.valuestream.critical;

import io.jenkins.plugins.valuestream.process.ProcessStep;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One stretch of a run's critical path. The parts of a path follow each other without gap or overlap from the start
 * of the run's lead time to its end.
 *
 * @param kind what the run was doing on its critical path then
 * @param step the step the stretch belongs to: the step itself for {@link Kind#STEP} and {@link Kind#LATE_START},
 *     the implicit {@code (outside stages)} step (where the map has one) for {@link Kind#OUTSIDE}, {@code null} for
 *     {@link Kind#QUEUE}
 * @param startedAt when the stretch began (epoch milliseconds)
 * @param millis how long it lasted, more than 0
 */
public record PathPart(Kind kind, @Nullable ProcessStep step, long startedAt, long millis) {

    /** What a stretch of the critical path is. */
    public enum Kind {
        /** The run waiting in the build queue. */
        QUEUE,
        /** The run's time outside every top-level step: the {@code (outside stages)} step. */
        OUTSIDE,
        /** Time of the step outside all of its child steps (all of it for a step without children). */
        STEP,
        /**
         * The step is the branch that ended its parallel block last, and started after the block began: the time
         * from the block's start to the branch's.
         */
        LATE_START
    }

    public PathPart {
        Objects.requireNonNull(kind, "kind");
        if (millis <= 0) {
            throw new IllegalArgumentException("A part of a critical path lasts some time, not " + millis);
        }
        if (kind == Kind.QUEUE && step != null) {
            throw new IllegalArgumentException("The queue wait belongs to no step, not to " + step.displayName());
        }
        if ((kind == Kind.STEP || kind == Kind.LATE_START) && step == null) {
            throw new IllegalArgumentException(kind + " part without its step");
        }
    }
}
