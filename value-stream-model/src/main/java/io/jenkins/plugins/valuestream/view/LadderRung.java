package io.jenkins.plugins.valuestream.view;

import java.util.List;

/**
 * One rung of the timeline ladder under the map: the wait (bottom line) and process time (top line) of one column.
 * In a column of steps that ran side by side, the rung is the step with the longest median elapsed time, the one
 * the others wait for.
 *
 * @param stepId the id of the box the rung stands for
 * @param stepName that step's display path
 * @param waitMillis its median wait
 * @param waitText its median wait in words
 * @param waits its median wait per cause
 * @param processMillis its median process time
 * @param processText its median process time in words
 */
public record LadderRung(String stepId, String stepName, long waitMillis, String waitText, List<WaitPart> waits,
        long processMillis, String processText) {
    public LadderRung {
        waits = List.copyOf(waits);
    }
}
