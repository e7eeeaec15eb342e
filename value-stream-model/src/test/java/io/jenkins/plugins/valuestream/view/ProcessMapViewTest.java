package io.jenkins.plugins.valuestream.view;

import static io.jenkins.plugins.valuestream.testing.RunFixture.run;
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

    @Test
    public void putsFlagsAndVerdictsOnTheFirstTurnOfARepeatedStepOnly() {
        ProcessMap loop = run(3).queued(1_000)
                .step("Deploy", s -> s.at(0).process(10_000))
                .step("Deploy", s -> s.at(20_000).process(10_000).occurrence(1))
                .build();
        Flag slow = new Flag(FlagKind.SLOW_PROCESS, StepPath.of("Deploy"), "slow", 1_000, List.of());
        VerdictView over = new VerdictView(true, "over", StepPath.of("Deploy"));
        VerdictView gone = new VerdictView(false, "within", StepPath.of("Gone"));
        ProcessMapView view = ProcessMapView.of(loop, List.of(slow), List.of(over, gone));

        assertThat(view.rows()).extracting(GanttRow::name).containsExactly("Deploy", "Deploy #2");
        assertThat(view.rows().get(0).flags()).extracting(FlagView::step).containsExactly("Deploy");
        assertThat(view.rows().get(0).verdicts()).containsExactly(over);
        assertThat(view.rows().get(1).flags()).isEmpty();
        assertThat(view.rows().get(1).verdicts()).isEmpty();
        assertThat(view.runFlags()).isEmpty();
        assertThat(view.runVerdicts()).containsExactly(gone);
    }

    @Test
    public void stretchesTheTimeAxisToTheEndOfTheLongestBar() {
        ProcessMap overrun = run(4).queued(1_000).step("Build", s -> s.at(0).process(10_000).elapsed(60_000))
                .duration(30_000).build();
        ProcessMapView view = ProcessMapView.of(overrun, List.of(), List.of());

        assertThat(overrun.leadTimeMillis()).isEqualTo(31_000);
        assertThat(view.spanMillis()).isEqualTo(61_000);
    }

    @Test
    public void listsTheCausesOfTheBarsAndTheCausesNobodyCouldTellInTheLegend() {
        ProcessMap unknowns = run(5).queueUnknown()
                .step("Build", s -> s.at(0).process(10_000).waited(WaitCause.LOCK, 5_000))
                .step("Test", s -> s.at(15_000).process(1_000).unknown(WaitCause.AGENT))
                .build();
        List<BarSegment> slept = List.of(BarSegment.waiting(WaitCause.SLEEP, 0, 1_000),
                BarSegment.process(1_000, 1_000));
        ProcessMapView view = ProcessMapView.of(unknowns, List.of(), List.of(),
                step -> step.path().equals(StepPath.of("Test")) ? slept : null);

        // SLEEP is in no wait of the run: only the timed bar of Test shows it.
        assertThat(view.legend().known()).containsExactly(WaitCause.LOCK, WaitCause.SLEEP);
        assertThat(view.legend().unknown()).containsExactly(WaitCause.QUEUE, WaitCause.AGENT);
    }
}
