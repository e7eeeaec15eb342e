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

    /** A run that waits {@code wait} s for the lock {@code resource} in Deploy. */
    private static ProcessMap lockedOn(int number, String resource, long wait) {
        return run(number)
                .step("Deploy", s -> s.process(10 * SECOND).waited(WaitCause.LOCK, wait * SECOND))
                .lock(resource, "Deploy", 0, wait * SECOND, 10 * SECOND).build();
    }

    @Test
    public void lockWaitIsAddedUpByResourceAcrossJobs() {
        Map<String, List<ProcessMap>> runs = new LinkedHashMap<>();
        runs.put("shop", List.of(lockedOn(1, "db", 10), lockedOn(2, "db", 30)));
        runs.put("app", List.of(lockedOn(1, "db", 20), lockedOn(2, "label:phones", 50)));

        Contention contention = Contention.of(runs);

        assertThat(contention.resources()).extracting(Contention.ResourceWait::resource)
                .containsExactly("db", "label:phones");
        Contention.ResourceWait db = contention.resources().get(0);
        assertThat(db.acquisitions()).isEqualTo(3);
        assertThat(db.jobs()).isEqualTo(2);
        assertThat(db.totalWaitMillis()).isEqualTo(60 * SECOND);
        assertThat(db.waitTime().median()).isEqualTo(20 * SECOND);
    }

    @Test
    public void aLockThatNamedNoResourceIsShownUnnamed() {
        Contention contention = Contention.of(Map.of("release", List.of(lockedOn(1, "", 5))));

        assertThat(contention.resources()).singleElement().satisfies(wait -> {
            assertThat(wait.resource()).isEmpty();
            assertThat(wait.displayName()).isEqualTo("(unnamed)");
        });
    }

    @Test
    public void aLockGrantedAtOnceIsAnAcquisitionWithoutWait() {
        Contention contention = Contention.of(Map.of("release", List.of(
                lockedOn(1, "db", 0), lockedOn(2, "db", 8))));

        Contention.ResourceWait db = contention.resources().get(0);
        assertThat(db.acquisitions()).isEqualTo(2);
        assertThat(db.totalWaitMillis()).isEqualTo(8 * SECOND);
        assertThat(contention.locks()).as("by step: only the run that waited")
                .singleElement().extracting(Contention.LockWait::runs).isEqualTo(1);
    }

    @Test
    public void aRunRecordedBeforeLocksWereKeptCountsByStepButNotByResource() {
        ProcessMap recordedBefore = run(1)
                .step("Deploy", s -> s.process(10 * SECOND).waited(WaitCause.LOCK, 40 * SECOND)).build();

        Contention contention = Contention.of(Map.of("release", List.of(recordedBefore, lockedOn(2, "db", 20))));

        assertThat(contention.locks()).singleElement().satisfies(wait -> {
            assertThat(wait.runs()).isEqualTo(2);
            assertThat(wait.totalWaitMillis()).isEqualTo(60 * SECOND);
        });
        assertThat(contention.resources()).singleElement().satisfies(wait -> {
            assertThat(wait.acquisitions()).isEqualTo(1);
            assertThat(wait.totalWaitMillis()).isEqualTo(20 * SECOND);
        });
    }

    @Test
    public void aLockOfARunStillGoingIsNotCounted() {
        Contention contention = Contention.of(Map.of("release", List.of(
                run(1).runningFor(60 * SECOND).step("Deploy", s -> s.process(10 * SECOND))
                        .lock("db", "Deploy", 0, 50 * SECOND, 0).build())));

        assertThat(contention.resources()).isEmpty();
    }

    @Test
    public void noAgentsAndNoLocksIsNoContention() {
        Contention contention = Contention.of(Map.of("lint", List.of(run(1)
                .step("Lint", s -> s.process(5 * SECOND)).build())));

        assertThat(contention.labels()).isEmpty();
        assertThat(contention.locks()).isEmpty();
        assertThat(contention.resources()).isEmpty();
    }
}
