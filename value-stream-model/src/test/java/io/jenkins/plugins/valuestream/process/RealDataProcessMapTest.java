package io.jenkins.plugins.valuestream.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.valuestream.graph.GraphNode;
import io.jenkins.plugins.valuestream.graph.xml.RunRecord;
import io.jenkins.plugins.valuestream.graph.xml.SkippedRun;
import io.jenkins.plugins.valuestream.testing.RealData;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The definitions of docs/definitions.md hold on every run that real Jenkins controllers (and the workflow plugins' own
 * test suites) recorded: every run with a flow graph yields a process map, whose numbers add up.
 */
public class RealDataProcessMapTest {
    private static final List<RunRecord> runs = new ArrayList<>();
    private static final List<SkippedRun> skipped = new ArrayList<>();
    private static final Map<RunRecord, ProcessMap> maps = new LinkedHashMap<>();
    private static final Map<RunRecord, Throwable> failures = new LinkedHashMap<>();

    @BeforeClass
    public static void extractEveryRun() throws IOException {
        runs.addAll(RealData.pipelineRuns(RealData.folderOrSkip(), skipped));
        for (RunRecord run : runs) {
            if (run.graph() == null) {
                continue;
            }
            try {
                maps.put(run, ProcessMapExtractor.extract(run.info(), run.graph(), run.info().startedAt()));
            } catch (RuntimeException e) {
                failures.put(run, e);
            }
        }
        printSummary();
    }

    private static void printSummary() {
        int steps = maps.values().stream().mapToInt(m -> m.steps().size()).sum();
        RunRecord largest = maps.keySet().stream().max((a, b) -> Integer.compare(a.graph().size(),
                b.graph().size())).orElse(null);
        Map<String, Integer> reasons = new TreeMap<>();
        skipped.forEach(s -> reasons.merge(s.reason().replaceAll("\\d+", "N"), 1, Integer::sum));
        long withoutGraph = runs.stream().filter(r -> r.graph() == null).count();
        System.out.printf("Real data: %d runs read, %d process maps with %d steps, %d runs without a flow graph,"
                + " %d runs skipped%n", runs.size(), maps.size(), steps, withoutGraph, skipped.size());
        reasons.forEach((reason, count) -> System.out.printf("  skipped %d x: %s%n", count, reason));
        if (largest != null) {
            ProcessMap map = maps.get(largest);
            System.out.printf("Largest graph: %s #%d, %d nodes, %d steps, lead %d ms, flow efficiency %.2f%n",
                    largest.job(), largest.number(), largest.graph().size(), map.steps().size(),
                    map.leadTimeMillis(), map.flowEfficiency());
        }
    }

    @Test
    public void everyRunWithAFlowGraphYieldsAProcessMap() {
        assertThat(failures).isEmpty();
        assertThat(maps).hasSizeGreaterThan(50);
    }

    @Test
    public void elapsedIsProcessPlusWaitForEveryStep() {
        int checked = 0;
        for (Map.Entry<RunRecord, ProcessMap> entry : maps.entrySet()) {
            for (ProcessStep step : entry.getValue().steps()) {
                assertThat(step.processMillis() + step.waitMillis())
                        .as("%s #%d %s", entry.getKey().job(), entry.getKey().number(), step.displayName())
                        .isEqualTo(step.elapsedMillis());
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(100);
    }

    @Test
    public void causesAddUpToTheWait() {
        for (Map.Entry<RunRecord, ProcessMap> entry : maps.entrySet()) {
            ProcessMap map = entry.getValue();
            assertThat(sum(map.waits().asMap())).as("run %s #%d", entry.getKey().job(), map.number())
                    .isEqualTo(map.waitMillis());
            for (ProcessStep step : map.steps()) {
                assertThat(sum(step.waits().asMap())).isEqualTo(step.waitMillis());
            }
        }
    }

    @Test
    public void leadTimeIsTheBuildDurationPlusTheKnownQueueWait() {
        int withQueue = 0;
        for (Map.Entry<RunRecord, ProcessMap> entry : maps.entrySet()) {
            ProcessMap map = entry.getValue();
            if (map.running()) {
                continue;
            }
            long duration = map.completedAt() - map.startedAt();
            Long queue = map.waits().millisOrNull(WaitCause.QUEUE);
            if (queue != null) {
                withQueue++;
            }
            assertThat(map.leadTimeMillis()).as("%s #%d", entry.getKey().job(), map.number())
                    .isEqualTo(duration + (queue == null ? 0 : queue));
            assertThat(map.processMillis() + map.waitMillis()).isEqualTo(map.leadTimeMillis());
        }
        assertThat(withQueue).as("runs with a Metrics plugin queue time").isPositive();
    }

    @Test
    public void stepStartsAreTheirTimingActions() {
        int compared = 0;
        for (Map.Entry<RunRecord, ProcessMap> entry : maps.entrySet()) {
            ProcessMap map = entry.getValue();
            for (ProcessStep step : map.steps()) {
                if (step.nodeId() == null) {
                    continue;
                }
                GraphNode node = entry.getKey().graph().node(step.nodeId());
                assertThat(node).isNotNull();
                Long timing = node.startMillis();
                long upper = map.completedAt() == null ? map.asOf() : map.completedAt();
                if (timing == null || timing < map.startedAt() || timing > upper) {
                    continue; // clamped into the run: nothing to compare
                }
                assertThat(step.startedAt()).as("%s #%d %s", entry.getKey().job(), map.number(), step.displayName())
                        .isEqualTo(timing);
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(100);
    }

    @Test
    public void realParallelBranchesAreStepsThatShareAGroup() {
        long grouped = maps.values().stream().flatMap(m -> m.steps().stream())
                .filter(s -> s.parallelGroup() != null).count();
        assertThat(grouped).isGreaterThan(1);
    }

    @Test
    public void aRealApprovedInputNamesItsApprover() {
        InputDecision input = onlyInput("devops_pipe", 10);

        assertThat(input.decision()).isEqualTo(InputDecision.Decision.APPROVED);
        assertThat(input.user()).isEqualTo("admin");
        assertThat(input.message()).startsWith("Finished using the web site?");
    }

    @Test
    public void aRealRejectedInputIsAnAbortByTheUserTheRejectionNames() {
        ProcessMap map = mapOf("devops_pipe", 9);
        InputDecision input = onlyInput("devops_pipe", 9);

        assertThat(input.decision()).isEqualTo(InputDecision.Decision.ABORTED);
        assertThat(input.user()).isEqualTo("SYSTEM");
        assertThat(input.waitedMillis()).isEqualTo(1603286128670L - 1603285587314L);
        assertThat(map.failures()).as("the rejection is the input's decision, not an error beside it").isEmpty();
    }

    @Test
    public void aRealFailedShellStepIsTheRunsOneErrorWithItsMessage() {
        ProcessMap map = mapOf("Build FiveM", 8);

        assertThat(map.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.functionName()).isEqualTo("sh");
            assertThat(failure.message()).isEqualTo("script returned exit code 1");
            assertThat(failure.step()).isNotEqualTo(StepPath.OUTSIDE);
        });
    }

    @Test
    public void aRealRunTellsTheErrorItCaughtFromTheOneItEndedWith() {
        ProcessMap map = mapOf("Deploy FiveM", 2);

        assertThat(map.failures()).extracting(f -> f.step().label(), StepFailure::endedRun)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Prepare", false),
                        org.assertj.core.groups.Tuple.tuple("deploy", true));
        assertThat(map.failures()).allSatisfy(f -> assertThat(f.command()).isNotEmpty());
    }

    @Test
    public void aRealStageSkippedAfterAFailureAddsNoErrorOfItsOwn() {
        ProcessMap map = mapOf("email_job", 7);

        assertThat(map.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.step().label()).isEqualTo("Error");
            assertThat(failure.functionName()).isEqualTo("error");
            assertThat(failure.endedRun()).isTrue();
        });
    }

    @Test
    public void everyRealRunThatEndedWithAnErrorSaysWhichOneItWas() {
        int checked = 0;
        for (Map.Entry<RunRecord, ProcessMap> entry : maps.entrySet()) {
            ProcessMap map = entry.getValue();
            boolean endedWithError = entry.getKey().graph().nodes().stream()
                    .anyMatch(n -> n.kind() == io.jenkins.plugins.valuestream.graph.NodeKind.FLOW_END
                            && n.error() != null);
            long ended = map.failures().stream().filter(StepFailure::endedRun).count();
            boolean decidedInput = map.inputs().stream()
                    .anyMatch(input -> input.decision() == InputDecision.Decision.ABORTED && input.user() != null);
            if (endedWithError && !decidedInput && map.failures().size() < StepFailure.MAX_PER_RUN) {
                assertThat(ended).as("%s #%d: %s", entry.getKey().job(), map.number(), map.failures()).isOne();
                checked++;
            } else {
                assertThat(ended).as("%s #%d", entry.getKey().job(), map.number()).isLessThanOrEqualTo(1);
            }
        }
        assertThat(checked).isGreaterThan(3);
    }

    private static ProcessMap mapOf(String job, int number) {
        return maps.entrySet().stream()
                .filter(e -> e.getKey().job().equals(job) && e.getKey().number() == number)
                .map(Map.Entry::getValue).findFirst()
                .orElseThrow(() -> new AssertionError("no real run " + job + " #" + number));
    }

    private static InputDecision onlyInput(String job, int number) {
        List<InputDecision> inputs = mapOf(job, number).inputs();
        assertThat(inputs).as("inputs of %s #%d", job, number).hasSize(1);
        return inputs.get(0);
    }

    private static long sum(Map<WaitCause, Long> byCause) {
        return byCause.values().stream().mapToLong(Long::longValue).sum();
    }
}
