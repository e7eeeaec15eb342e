package io.jenkins.plugins.valuestream.critical;

import io.jenkins.plugins.valuestream.process.ProcessStep;
import java.util.Objects;

/**
 * What one step of a run did to its lead time.
 *
 * @param step the step
 * @param onPath whether the step is on the run's critical path
 * @param exclusiveMillis how much the run's lead time would drop if the step took no time, the other steps as they
 *     were: 0 for a step off the path, at most its elapsed time
 */
public record CriticalStep(ProcessStep step, boolean onPath, long exclusiveMillis) {

    public CriticalStep {
        Objects.requireNonNull(step, "step");
        if (exclusiveMillis < 0 || exclusiveMillis > step.elapsedMillis()) {
            throw new IllegalArgumentException("Exclusive time " + exclusiveMillis + " of " + step.displayName()
                    + " outside 0.." + step.elapsedMillis());
        }
    }
}
