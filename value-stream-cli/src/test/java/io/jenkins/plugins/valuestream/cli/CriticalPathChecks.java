package io.jenkins.plugins.valuestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.valuestream.critical.PathPart;
import io.jenkins.plugins.valuestream.critical.RunSchedule;
import io.jenkins.plugins.valuestream.process.ProcessMap;

/** What docs/definitions.md says of every run's critical path, for the tests over the demo and the real answers. */
public final class CriticalPathChecks {
    private CriticalPathChecks() {
    }

    /** The parts of the run's critical path add up to its lead time. */
    public static void assertPartsAddUpToTheLeadTime(ProcessMap run) {
        long parts = RunSchedule.of(run).criticalPath().parts().stream().mapToLong(PathPart::millis).sum();

        assertThat(parts).as("critical path of run %d", run.number()).isEqualTo(run.leadTimeMillis());
    }

    /**
     * Each step's exclusive time is the lead time less the lead time recomputed with the step taking no time.
     *
     * @return how many of the steps were parallel branches
     */
    public static int assertExclusiveTimesAreTheDropsWithoutTheStep(ProcessMap run) {
        RunSchedule schedule = RunSchedule.of(run);
        int branches = 0;
        for (int i = 0; i < run.steps().size(); i++) {
            assertThat(schedule.exclusiveMillis(i)).as("run %d, %s", run.number(), run.steps().get(i).displayName())
                    .isEqualTo(schedule.leadTimeMillis() - schedule.leadTimeIf(i, 0));
            branches += run.steps().get(i).parallelGroup() != null ? 1 : 0;
        }
        return branches;
    }
}
