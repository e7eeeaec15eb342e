package io.jenkins.plugins.valuestream.stream;

import static io.jenkins.plugins.valuestream.testing.RunFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.WaitCause;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class ContentionTest {
    private static final long SECOND = 1_000;

    /** A run that waits {@code wait} s for a {@code label} agent in Build. */
    private static ProcessMap waitingFor(int number, String label, long wait) {
        return run(number)
                .step("Build", s -> s.process(30 * SECOND).waited(WaitCause.AGENT, wait * SECOND))
                .agent(label, "Build", 0, wait * SECOND, 30 * SECOND).build();
    }

    @Test
    public void agentWaitIsAddedUpByLabelAcrossJobs() {
        Map<String, List<ProcessMap>> runs = new LinkedHashMap<>();
        runs.put("shop", List.of(waitingFor(1, "linux", 10), waitingFor(2, "linux", 30)));
        runs.put("app", List.of(waitingFor(1, "linux", 20), waitingFor(2, "windows", 5)));

        Contention contention = Contention.of(runs);

        assertThat(contention.labels()).extracting(Contention.LabelWait::label).containsExactly("linux", "windows");
        Contention.LabelWait linux = contention.labels().get(0);
        assertThat(linux.allocations()).isEqualTo(3);
        assertThat(linux.jobs()).isEqualTo(2);
        assertThat(linux.totalWaitMillis()).isEqualTo(60 * SECOND);
        assertThat(linux.waitTime().median()).isEqualTo(20 * SECOND);
        assertThat(contention.jobs()).isEqualTo(2);
        assertThat(contention.runs()).isEqualTo(4);
    }

    @Test
    public void aRunStillGoingIsNotCounted() {
        Contention contention = Contention.of(Map.of("shop", List.of(
                run(1).runningFor(60 * SECOND).step("Build", s -> s.process(30 * SECOND))
                        .agent("linux", "Build", 0, 30 * SECOND, 0).build(),
                waitingFor(2, "linux", 10))));

        assertThat(contention.runs()).isEqualTo(1);
        assertThat(contention.labels().get(0).allocations()).isEqualTo(1);
    }

    @Test
    public void lockWaitBelongsToTheInnermostStepThatWaited() {
        ProcessMap deploy = run(1)
                .step("Deploy", s -> s.process(10 * SECOND).waited(WaitCause.LOCK, 40 * SECOND))
                .step("Deploy/Staging", s -> s.process(5 * SECOND).waited(WaitCause.LOCK, 40 * SECOND))
                .build();

        Contention contention = Contention.of(Map.of("release", List.of(deploy)));

        assertThat(contention.locks()).hasSize(1);
        assertThat(contention.locks().get(0).step()).isEqualTo("Deploy/Staging");
        assertThat(contention.locks().get(0).totalWaitMillis()).isEqualTo(40 * SECOND);
    }

    @Test
    public void noAgentsAndNoLocksIsNoContention() {
        Contention contention = Contention.of(Map.of("lint", List.of(run(1)
                .step("Lint", s -> s.process(5 * SECOND)).build())));

        assertThat(contention.labels()).isEmpty();
        assertThat(contention.locks()).isEmpty();
    }
}
