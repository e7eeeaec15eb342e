package io.jenkins.plugins.valuestream.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.valuestream.flags.Flag;
import io.jenkins.plugins.valuestream.flags.FlagKind;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.ProcessStep;
import io.jenkins.plugins.valuestream.process.StepPath;
import io.jenkins.plugins.valuestream.process.WaitCause;
import java.util.List;
import org.junit.Test;

public class ProcessMapViewTest {
    private final ProcessMap run = ViewFixtures.webShopRuns(12).get(11);
    private final ProcessMap withoutQueue = ViewFixtures.webShopRuns(1).get(0);

    @Test
    public void putsNestedStepsRightUnderTheirParentIndented() {
        ProcessMapView view = ProcessMapView.of(run, List.of(), List.of());
        assertThat(view.rows()).extracting(GanttRow::path).containsExactly("Checkout", "Build", "Test", "Test/Unit",
                "Test/Integration", "Test/End-to-end", "Deploy", "Deploy/Staging", "Deploy/Production",
                "(outside stages)");
        assertThat(view.rows()).extracting(GanttRow::indent).containsExactly(0, 0, 0, 1, 1, 1, 0, 1, 1, 0);
    }

    @Test
    public void placesStepsFromTheMomentTheRunWasQueued() {
        ProcessMapView view = ProcessMapView.of(run, List.of(), List.of());
        ProcessStep build = run.step(StepPath.of("Build")).orElseThrow();
        GanttRow row = view.rows().stream().filter(r -> r.path().equals("Build")).findFirst().orElseThrow();
        assertThat(row.offsetMillis()).isEqualTo(build.startedAt() - run.queuedAt());
        assertThat(view.spanMillis()).isEqualTo(run.leadTimeMillis());
    }

    @Test
    public void splitsEachBarIntoSharesProcessFirst() {
        ProcessMapView view = ProcessMapView.of(run, List.of(), List.of());
        GanttRow build = view.rows().get(1);
        assertThat(build.segmentsTimed()).isFalse();
        assertThat(build.segments().get(0).cause()).isNull();
        assertThat(build.segments().get(0).millis()).isEqualTo(build.processMillis());
        assertThat(build.segments()).extracting(BarSegment::cause).containsExactly(null, WaitCause.AGENT);
        assertThat(build.segments().stream().mapToLong(BarSegment::millis).sum()).isEqualTo(build.elapsedMillis());
    }

    @Test
    public void usesRealIntervalsWhereTheSourceKnowsThem() {
        List<BarSegment> timed = List.of(BarSegment.waiting(WaitCause.AGENT, 0, 1_000), BarSegment.process(1_000, 5));
        ProcessMapView view = ProcessMapView.of(run, List.of(), List.of(),
                step -> step.path().equals(StepPath.of("Build")) ? timed : null);
        assertThat(view.rows().get(1).segments()).isEqualTo(timed);
        assertThat(view.rows().get(1).segmentsTimed()).isTrue();
        assertThat(view.rows().get(0).segmentsTimed()).isFalse();
    }

    @Test
    public void putsFlagsOnTheStepsTheyConcern() {
        Flag slow = new Flag(FlagKind.SLOW_PROCESS, StepPath.of("Test", "Integration"), "slow", 60_000, List.of("x"));
        Flag elsewhere = new Flag(FlagKind.NO_OP, StepPath.of("Gone"), "no such step", 0, List.of());
        ProcessMapView view = ProcessMapView.of(run, List.of(slow, elsewhere), List.of());
        assertThat(view.rows()).filteredOn(row -> !row.flags().isEmpty()).extracting(GanttRow::path)
                .containsExactly("Test/Integration");
        assertThat(view.runFlags()).extracting(FlagView::step).containsExactly("Gone");
    }

    @Test
    public void putsStepVerdictsOnTheirStepAndRunVerdictsOnTheRun() {
        VerdictView step = new VerdictView(true, "over", StepPath.of("Deploy", "Production"));
        VerdictView whole = new VerdictView(false, "within", null);
        ProcessMapView view = ProcessMapView.of(run, List.of(), List.of(step, whole));
        assertThat(view.rows()).filteredOn(row -> !row.verdicts().isEmpty()).extracting(GanttRow::path)
                .containsExactly("Deploy/Production");
        assertThat(view.runVerdicts()).containsExactly(whole);
    }

    @Test
    public void saysAQueueWaitTheSourceCouldNotTellIsUnknown() {
        ProcessMapView view = ProcessMapView.of(withoutQueue, List.of(), List.of());
        assertThat(view.queueMillis()).isNull();
        assertThat(view.queueText()).isEqualTo("unknown");
        assertThat(view.waits()).contains(WaitPart.unknown(WaitCause.QUEUE));
        assertThat(view.notes()).isEqualTo(withoutQueue.notes());
    }

    @Test
    public void serializesToJsonAndBack() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ProcessMapView view = ProcessMapView.of(run, List.of(new Flag(FlagKind.DUPLICATE_WORK,
                StepPath.of("Build"), "twice", 1_000, List.of("a", "b"))),
                List.of(new VerdictView(true, "over", StepPath.of("Build"))));
        assertThat(json.readValue(json.writeValueAsString(view), ProcessMapView.class)).isEqualTo(view);
    }
}
