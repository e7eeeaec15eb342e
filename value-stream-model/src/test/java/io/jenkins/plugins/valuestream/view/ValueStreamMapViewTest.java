package io.jenkins.plugins.valuestream.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.valuestream.process.WaitCause;
import io.jenkins.plugins.valuestream.stream.StepStats;
import io.jenkins.plugins.valuestream.stream.ValueStream;
import io.jenkins.plugins.valuestream.stream.ValueStreamAggregator;
import io.jenkins.plugins.valuestream.time.Durations;
import java.util.List;
import org.junit.Test;

public class ValueStreamMapViewTest {
    private final ValueStream webShop = ViewFixtures.aggregate("web-shop", ViewFixtures.webShopRuns(20));
    private final ValueStream matrix = ViewFixtures.aggregate("matrix", ViewFixtures.matrixRuns(6));

    @Test
    public void hasOneBoxPerStepInPipelineOrder() {
        ValueStreamMapView view = ValueStreamMapView.of(webShop);
        assertThat(view.boxes()).extracting(StepBox::path)
                .containsExactlyElementsOf(webShop.steps().stream().map(StepStats::displayName).toList());
    }

    @Test
    public void stacksParallelBranchesUnderTheirStageInOneColumn() {
        ValueStreamMapView view = ValueStreamMapView.of(webShop);
        MapColumn test = view.columns().stream()
                .filter(column -> column.boxes().get(0).path().equals("Test")).findFirst().orElseThrow();
        assertThat(test.parallel()).isTrue();
        assertThat(test.boxes()).extracting(StepBox::path)
                .containsExactly("Test", "Test/Unit", "Test/Integration", "Test/End-to-end");
        assertThat(test.boxes()).extracting(StepBox::indent).containsExactly(0, 1, 1, 1);
        assertThat(test.rung().stepName()).isEqualTo("Test");
    }

    @Test
    public void stacksTopLevelBranchesInOneColumnWithTheLongestOnTheLadder() {
        ValueStreamMapView view = ValueStreamMapView.of(matrix);
        assertThat(view.columns()).hasSize(1);
        MapColumn column = view.columns().get(0);
        assertThat(column.boxes()).extracting(StepBox::name).containsExactly("linux", "windows", "macos");
        long longest = column.boxes().stream().mapToLong(StepBox::elapsedMillis).max().orElseThrow();
        StepBox rung = column.boxes().stream().filter(b -> b.id().equals(column.rung().stepId())).findFirst()
                .orElseThrow();
        assertThat(rung.elapsedMillis()).isEqualTo(longest);
    }

    @Test
    public void keepsNestedSequentialStagesInTheirParentsColumn() {
        ValueStreamMapView view = ValueStreamMapView.of(webShop);
        MapColumn deploy = view.columns().stream()
                .filter(column -> column.boxes().get(0).path().equals("Deploy")).findFirst().orElseThrow();
        assertThat(deploy.parallel()).isFalse();
        assertThat(deploy.boxes()).extracting(StepBox::path)
                .containsExactly("Deploy", "Deploy/Staging", "Deploy/Production");
        assertThat(deploy.boxes().get(1).parent()).isEqualTo("Deploy");
    }

    @Test
    public void marksTheValueStreamsBottleneck() {
        ValueStreamMapView view = ValueStreamMapView.of(webShop);
        assertThat(view.boxes()).filteredOn(StepBox::bottleneck).extracting(StepBox::path)
                .containsExactly(webShop.bottleneck().displayName());
        assertThat(view.bottleneck()).isEqualTo(webShop.bottleneck().displayName());
    }

    @Test
    public void takesTheLadderTotalsFromTheValueStream() {
        LadderTotals totals = ValueStreamMapView.of(webShop).totals();
        assertThat(totals.leadTimeMillis()).isEqualTo(webShop.leadTime().median());
        assertThat(totals.leadTimeText()).isEqualTo(Durations.format(webShop.leadTime().median()));
        assertThat(totals.processMillis()).isEqualTo(webShop.process().median());
        assertThat(totals.flowEfficiency()).isEqualTo(webShop.flowEfficiency());
        assertThat(totals.flowEfficiencyText()).isEqualTo(HumanText.percent(webShop.flowEfficiency()));
    }

    @Test
    public void saysAQueueWaitNoRunRecordedIsUnknownNotZero() {
        ValueStreamMapView view = ValueStreamMapView.of(matrix);
        assertThat(view.queue().millis()).isNull();
        assertThat(view.queue().text()).isEqualTo("unknown");
        assertThat(view.legend().unknown()).contains(WaitCause.QUEUE, WaitCause.AGENT);
    }

    @Test
    public void listsACauseUnknownInEveryRunAsUnknownInEachBox() {
        ValueStreamMapView view = ValueStreamMapView.of(matrix);
        for (StepBox box : view.boxes()) {
            assertThat(box.waits()).contains(WaitPart.unknown(WaitCause.AGENT));
            assertThat(box.waits()).extracting(WaitPart::cause).doesNotContain(WaitCause.QUEUE);
        }
    }

    @Test
    public void speaksOfTheOnlyRunWhenThereIsOne() {
        ValueStreamMapView one = ValueStreamMapView.of(ViewFixtures.aggregate("web-shop",
                ViewFixtures.webShopRuns(1)));
        assertThat(one.notes()).singleElement().asString().startsWith("Queue wait is unknown in the only run;")
                .endsWith("The lead time of that run starts when it started, not when it was queued.");
    }

    @Test
    public void saysInHowManyRunsACauseWasUnknown() {
        ValueStreamMapView view = ValueStreamMapView.of(webShop);
        assertThat(view.notes()).singleElement().asString()
                .startsWith("Queue wait is unknown in 3 of 20 runs");
        assertThat(view.queue().millis()).isEqualTo(webShop.waitByCause().get(WaitCause.QUEUE).median());
    }

    @Test
    public void mapsAValueStreamWithoutRunsToAnEmptyMap() {
        ValueStream empty = ViewFixtures.aggregate("new-job", List.of());
        ValueStreamMapView view = ValueStreamMapView.of(empty);
        assertThat(view.columns()).isEmpty();
        assertThat(view.queue().text()).isEqualTo("unknown");
    }

    @Test
    public void serializesToJsonAndBack() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ValueStreamMapView view = ValueStreamMapView.of(matrix);
        String text = json.writeValueAsString(view);
        assertThat(text).contains("\"leadTimeText\"", "\"columns\"", "\"millis\":null");
        assertThat(json.readValue(text, ValueStreamMapView.class)).isEqualTo(view);
    }

    /** The web shop aggregated by the model, with each step's critical share (the fixture leaves it at 0). */
    private static final ValueStream AGGREGATED = ValueStreamAggregator.aggregate("web-shop",
            ViewFixtures.webShopRuns(20));

    @Test
    public void marksTheStepsOnTheCriticalPathInMoreThanHalfOfTheirRuns() {
        ValueStreamMapView view = ValueStreamMapView.of(AGGREGATED);

        assertThat(view.boxes()).filteredOn(StepBox::critical).extracting(StepBox::path)
                .containsExactlyInAnyOrderElementsOf(AGGREGATED.steps().stream()
                        .filter(step -> step.criticalShare() > 0.5).map(StepStats::displayName).toList())
                .isNotEmpty();
    }

    @Test
    public void aStepOnTheCriticalPathInHalfOfItsRunsIsNotMarked() {
        StepStats half = webShop.steps().get(0);
        StepStats halfOnPath = new StepStats(half.path(), half.occurrence(), half.kind(), half.runs(), half.process(),
                half.waitTime(), half.waitByCause(), half.elapsed(), half.effort(), half.successRate(),
                half.flowEfficiency(), half.medianStartOffset(), half.parallelGroup(), 0.5, half.exclusive());

        assertThat(ValueStreamMapView.onCriticalPathInMostRuns(halfOnPath)).isFalse();
    }

    @Test
    public void aBoxSaysHowOftenItsStepWasOnTheCriticalPathAndWhatItSaves() {
        StepStats first = AGGREGATED.steps().get(0);
        StepBox box = ValueStreamMapView.of(AGGREGATED).boxes().stream()
                .filter(b -> b.path().equals(first.displayName())).findFirst().orElseThrow();

        assertThat(box.criticalShareText()).isEqualTo(HumanText.percent(first.criticalShare()));
        assertThat(box.exclusiveText()).isEqualTo(Durations.format(first.exclusive().median()));
    }
}
