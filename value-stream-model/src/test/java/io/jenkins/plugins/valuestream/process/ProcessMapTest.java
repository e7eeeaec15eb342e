package io.jenkins.plugins.valuestream.process;

import static io.jenkins.plugins.valuestream.testing.RunFixture.SH;
import static io.jenkins.plugins.valuestream.testing.RunFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.Test;

/** The copies of a process map, its steps and its work that change one thing and keep the rest. */
public class ProcessMapTest {
    private final ProcessMap map = run(7).queued(3_000)
            .step("Build", s -> s.process(60_000).waited(WaitCause.AGENT, 5_000))
            .step("Deploy", s -> s.at(70_000).process(20_000))
            .work(SH, "script=make", "Build", "", 1_000, 50_000, new WorkContext("linux", "JDK=17"))
            .agent("linux", "Build", 0, 5_000, 60_000)
            .lock("db", "Deploy", 0, 2_000, 18_000)
            .build()
            .withNotes(List.of("The queue wait comes from the Metrics plugin"));

    @Test
    public void withLocksChangesTheLockAcquisitionsOnly() {
        ProcessMap changed = map.withLocks(List.of());

        assertThat(changed.locks()).isEmpty();
        assertThat(map.locks()).isNotEmpty();
        assertThat(changed).usingRecursiveComparison().ignoringFields("locks").isEqualTo(map);
    }

    @Test
    public void theOtherCopiesKeepTheLockAcquisitions() {
        assertThat(map.withoutEnd().locks()).isEqualTo(map.locks());
        assertThat(map.withChanges(List.of()).locks()).isEqualTo(map.locks());
        assertThat(map.withUpstream(List.of()).locks()).isEqualTo(map.locks());
    }

    @Test
    public void aMapMadeWithoutLocksHasNone() {
        ProcessMap made = new ProcessMap(1, null, null, 0, 10L, 10, 10, WaitBreakdown.none(), List.of(), List.of(),
                List.of(), List.of(), List.of(), null);

        assertThat(made.locks()).isEmpty();
    }

    @Test
    public void withStepsChangesTheStepsOnly() {
        List<ProcessStep> one = List.of(map.steps().get(1));
        ProcessMap changed = map.withSteps(one);

        assertThat(changed.steps()).isEqualTo(one);
        assertThat(changed).usingRecursiveComparison().ignoringFields("steps").isEqualTo(map);
    }

    @Test
    public void withWaitsChangesTheRunsWaitsOnly() {
        WaitBreakdown agentUnknown = map.waits().withUnknown(Set.of(WaitCause.AGENT));
        ProcessMap changed = map.withWaits(agentUnknown);

        assertThat(changed.waits()).isEqualTo(agentUnknown).isNotEqualTo(map.waits());
        assertThat(changed).usingRecursiveComparison().ignoringFields("waits").isEqualTo(map);
    }

    @Test
    public void withWorkChangesTheWorkOnly() {
        ProcessMap changed = map.withWork(List.of());

        assertThat(map.work()).isNotEmpty();
        assertThat(changed.work()).isEmpty();
        assertThat(changed).usingRecursiveComparison().ignoringFields("work").isEqualTo(map);
    }

    @Test
    public void withNotesChangesTheNotesOnly() {
        ProcessMap changed = map.withNotes(List.of("No agent waits inside stages"));

        assertThat(changed.notes()).containsExactly("No agent waits inside stages");
        assertThat(changed).usingRecursiveComparison().ignoringFields("notes").isEqualTo(map);
    }

    @Test
    public void withoutEndHasNoResultNorCompletionAndTheSameTimes() {
        ProcessMap unended = map.withoutEnd();

        assertThat(map.running()).isFalse();
        assertThat(unended.running()).isTrue();
        assertThat(unended.result()).isNull();
        assertThat(unended.completedAt()).isNull();
        assertThat(unended.leadTimeMillis()).isEqualTo(map.leadTimeMillis());
        assertThat(unended).usingRecursiveComparison().ignoringFields("result", "completedAt").isEqualTo(map);
    }

    @Test
    public void aStepWithWaitsChangesItsWaitsOnly() {
        ProcessStep build = map.steps().get(0);
        WaitBreakdown input = WaitBreakdown.of(Map.of(WaitCause.INPUT, 1_000L), Set.of());
        ProcessStep changed = build.withWaits(input);

        assertThat(changed.waits()).isEqualTo(input).isNotEqualTo(build.waits());
        assertThat(changed).usingRecursiveComparison().ignoringFields("waits").isEqualTo(build);
    }

    @Test
    public void aStepWithResultChangesItsResultOnly() {
        ProcessStep build = map.steps().get(0);
        ProcessStep changed = build.withResult(StepResult.RUNNING);

        assertThat(build.result()).isNotEqualTo(StepResult.RUNNING);
        assertThat(changed.result()).isEqualTo(StepResult.RUNNING);
        assertThat(changed).usingRecursiveComparison().ignoringFields("result").isEqualTo(build);
    }

    @Test
    public void workWithUnknownContextKeepsEverythingElse() {
        WorkItem make = map.work().get(0);
        WorkItem changed = make.withUnknownContext();

        assertThat(make.context()).isNotNull();
        assertThat(changed.context()).isNull();
        assertThat(changed).usingRecursiveComparison().ignoringFields("context").isEqualTo(make);
    }
}
