package io.jenkins.plugins.valuestream.critical;

import java.util.List;

/**
 * The critical path of one run (docs/definitions.md, "Critical path of a run"), from
 * {@link RunSchedule#criticalPath()}.
 *
 * @param leadTimeMillis the run's lead time, which the parts add up to
 * @param parts the chain of waits and steps that set the lead time, in time order
 * @param steps every step of the run's map, in the map's order, with its exclusive time
 */
public record CriticalPath(long leadTimeMillis, List<PathPart> parts, List<CriticalStep> steps) {

    public CriticalPath {
        parts = List.copyOf(parts);
        steps = List.copyOf(steps);
    }
}
