package io.jenkins.plugins.valuestream.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.valuestream.cli.CriticalPathChecks;
import io.jenkins.plugins.valuestream.cli.source.RunExtraction;
import io.jenkins.plugins.valuestream.cli.source.SourceRun;
import io.jenkins.plugins.valuestream.graph.RunResult;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.ProcessStep;
import io.jenkins.plugins.valuestream.process.StepPath;
import io.jenkins.plugins.valuestream.process.StepResult;
import io.jenkins.plugins.valuestream.process.WaitCause;
import io.jenkins.plugins.valuestream.process.WorkItem;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import org.junit.BeforeClass;
import org.junit.Test;

/** The demo data set holds every finding it promises, and is the same each time. */
public class DemoDataSetTest {
    private static DemoDataSet.Demo demo;
    private static List<ProcessMap> maps;

    @BeforeClass
    public static void generate() {
        demo = DemoDataSet.generate();
        maps = new ArrayList<>();
        for (SourceRun run : demo.job().runs()) {
            maps.add(RunExtraction.processMap(run, demo.now()));
        }
    }

    private static long median(List<ProcessMap> runs, ToLongFunction<ProcessMap> value) {
        long[] values = runs.stream().mapToLong(value).sorted().toArray();
        return values[values.length / 2];
    }

    private static long stepValue(ProcessMap map, String path, ToLongFunction<ProcessStep> value) {
        return map.step(StepPath.parse(path)).map(value::applyAsLong).orElse(0L);
    }

    private static List<ProcessMap> finished(int from, int to) {
        return maps.subList(from - 1, to).stream().filter(m -> !m.running()).toList();
    }

    @Test
    public void oneJobOfSixtyRunsEveryOneConsistent() {
        assertThat(demo.job().name()).isEqualTo(DemoDataSet.JOB);
        assertThat(maps).hasSize(60);
        for (ProcessMap map : maps) {
            assertThat(map.processMillis() + map.waitMillis()).isEqualTo(map.leadTimeMillis());
            for (ProcessStep step : map.steps()) {
                assertThat(step.processMillis() + step.waitMillis()).isEqualTo(step.elapsedMillis());
            }
        }
    }

    @Test
    public void theSameSeedGivesTheSameRuns() {
        DemoDataSet.Demo again = DemoDataSet.generate();

        assertThat(again.now()).isEqualTo(demo.now());
        for (int i = 0; i < maps.size(); i++) {
            assertThat(RunExtraction.processMap(again.job().runs().get(i), again.now())).isEqualTo(maps.get(i));
        }
    }

    @Test
    public void agentWaitsGrowOverTheRuns() {
        long early = median(finished(1, 15), m -> m.waits().millis(WaitCause.AGENT));
        long late = median(finished(46, 60), m -> m.waits().millis(WaitCause.AGENT));

        assertThat(late).isGreaterThan(4 * early);
    }

    @Test
    public void buildRegressesFromRun42() {
        long before = median(finished(20, 41), m -> stepValue(m, "Build", ProcessStep::processMillis));
        long after = median(finished(42, 60), m -> stepValue(m, "Build", ProcessStep::processMillis));

        assertThat(after).isGreaterThan(before * 3 / 2);
    }

    @Test
    public void npmCiRunsInThreeParallelBranchesOfEachRun() {
        for (ProcessMap map : maps) {
            List<String> where = map.work().stream().filter(w -> w.arguments().equals("script=npm ci"))
                    .map(w -> w.step().toString()).sorted().toList();
            assertThat(where).containsExactly("Test/Integration", "Test/Lint", "Test/Unit");
        }
        ProcessStep unit = maps.get(0).step(StepPath.of("Test", "Unit")).orElseThrow();
        assertThat(unit.parallelGroup()).isNotNull();
    }

    @Test
    public void theIntegrationTestIsFlaky() {
        // Failed attempts are rework inside the Integration step (the run as a whole is busy in the other branches).
        long reworked = maps.stream().filter(m -> stepValue(m, "Test/Integration",
                s -> s.waits().millis(WaitCause.REWORK)) > 0).count();
        List<ProcessMap> failed = maps.stream().filter(m -> m.result() == RunResult.FAILURE).toList();

        assertThat(reworked).isBetween(8L, 30L);
        assertThat(failed).isNotEmpty().allSatisfy(m -> {
            assertThat(m.step(StepPath.of("Test", "Integration")).orElseThrow().result())
                    .isEqualTo(StepResult.FAILURE);
            assertThat(m.step(StepPath.of("Deploy")).orElseThrow().result()).isEqualTo(StepResult.SKIPPED);
        });
    }

    @Test
    public void approvalsWaitForPeopleAndTwoAreRejected() {
        assertThat(maps).filteredOn(m -> m.result() == RunResult.ABORTED).extracting(ProcessMap::number)
                .containsExactly(17, 38);
        long medianInput = median(finished(1, 60).stream().filter(m -> m.result() == RunResult.SUCCESS).toList(),
                m -> m.waits().millis(WaitCause.INPUT));
        assertThat(medianInput).isBetween(60_000L, 60 * 60_000L);
    }

    @Test
    public void theLastRunIsStillWaitingForItsApproval() {
        ProcessMap last = maps.get(59);

        assertThat(last.running()).isTrue();
        assertThat(last.asOf()).isEqualTo(demo.now());
        ProcessStep approve = last.step(StepPath.of("Approve")).orElseThrow();
        assertThat(approve.result()).isEqualTo(StepResult.RUNNING);
        assertThat(approve.waits().millis(WaitCause.INPUT)).isGreaterThanOrEqualTo(40 * 60_000L);
    }

    @Test
    public void locksSleepsAndQueueWaitsAreThere() {
        ProcessMap first = maps.get(0);

        assertThat(first.waits().known(WaitCause.QUEUE)).isTrue();
        // Every cause of a run's time (a hand-off lies between runs, in chains).
        assertThat(WaitCause.OF_A_RUN.stream().filter(c -> maps.stream()
                .anyMatch(m -> m.waits().millis(c) > 0))).containsExactlyElementsOf(WaitCause.OF_A_RUN);
        assertThat(maps.stream().flatMap(m -> m.work().stream()).map(WorkItem::function).distinct())
                .contains("org.jenkinsci.plugins.workflow.steps.durable_task.ShellStep");
    }

    @Test
    public void everyDemoRunsCriticalPathAddsUpToItsLeadTime() {
        maps.forEach(CriticalPathChecks::assertPartsAddUpToTheLeadTime);
    }

    @Test
    public void everyDemoStepsExclusiveTimeIsTheDropOfTheLeadTimeWithoutIt() {
        int branches = 0;
        for (ProcessMap map : maps) {
            branches += CriticalPathChecks.assertExclusiveTimesAreTheDropsWithoutTheStep(map);
        }
        assertThat(branches).isPositive();
    }
}
