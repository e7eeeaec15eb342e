package io.jenkins.plugins.valuestream.chain;

import static io.jenkins.plugins.valuestream.chain.ChainRuns.by;
import static io.jenkins.plugins.valuestream.chain.ChainRuns.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.ProcessStep;
import io.jenkins.plugins.valuestream.process.WaitCause;
import io.jenkins.plugins.valuestream.stream.StepStats;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/** The end-to-end value stream of chains: a chain as one run, chains of one shape aggregated together. */
public class ChainAggregatorTest {

    /** build (queued 5 s, 50 s) → test (hand-off 5 + d s, 35 s): the chain's lead time is 95 + d s. */
    private static List<JobRun> buildThenTest(int offset, int handoff) {
        int o = offset;
        return List.of(
                run("build", 1 + o, o, o + 5, o + 55),
                run("test", 1 + o, o + 57, o + 60 + handoff, o + 95 + handoff, by("build", 1 + o)));
    }

    @Test
    public void aChainsStepsAreItsRunsStepsAndHandoffsInChainOrder() {
        Chain chain = ChainLinker.link(buildThenTest(0, 0)).get(0);

        ProcessMap map = ChainAggregator.asProcessMap(chain);

        assertThat(map.steps()).extracting(step -> step.displayName())
                .containsExactly("build", "test » (hand-off)", "test");
        assertThat(map.leadTimeMillis()).isEqualTo(95_000);
    }

    @Test
    public void theDownstreamQueueIsCountedOnceInItsHandoff() {
        Chain chain = ChainLinker.link(buildThenTest(0, 0)).get(0);

        ProcessMap map = ChainAggregator.asProcessMap(chain);

        // the root's queue (5 s), and the hand-off from build's end (55 s) to test's start (60 s); not test's own 3 s
        assertThat(map.waits().millis(WaitCause.QUEUE)).isEqualTo(5_000);
        assertThat(map.waits().millis(WaitCause.HANDOFF)).isEqualTo(5_000);
        assertThat(map.processMillis()).isEqualTo(85_000);
    }

    @Test
    public void chainsOfOneShapeGiveMediansPerStepAndLeadTime() {
        List<JobRun> runs = new ArrayList<>();
        runs.addAll(buildThenTest(0, 0));
        runs.addAll(buildThenTest(1_000, 10));
        runs.addAll(buildThenTest(2_000, 20));

        List<ChainStream> streams = ChainAggregator.aggregate(ChainLinker.link(runs));

        assertThat(streams).singleElement().satisfies(stream -> {
            assertThat(stream.name()).isEqualTo("build → test");
            assertThat(stream.stream().runs()).isEqualTo(3);
            assertThat(stream.stream().leadTime().median()).isEqualTo(105_000);
            assertThat(stream.handoff().median()).isEqualTo(15_000);
            StepStats handoff = stream.stream().steps().stream()
                    .filter(step -> step.displayName().equals("test » (hand-off)")).findFirst().orElseThrow();
            assertThat(handoff.waitTime().median()).isEqualTo(15_000);
            assertThat(handoff.process().median()).isZero();
        });
    }

    @Test
    public void theHandOffStepWaitsAsAHandOffAndNotAsTheQueue() {
        Chain chain = ChainLinker.link(buildThenTest(0, 0)).get(0);

        ProcessStep handoff = ChainAggregator.asProcessMap(chain).steps().stream()
                .filter(step -> step.displayName().equals("test » (hand-off)")).findFirst().orElseThrow();

        assertThat(handoff.waits().asMap()).containsEntry(WaitCause.HANDOFF, 5_000L)
                .containsEntry(WaitCause.QUEUE, 0L);
        assertThat(handoff.waitMillis()).isEqualTo(5_000);
    }

    @Test
    public void chainsOfAnotherShapeAreAggregatedApart() {
        List<JobRun> runs = new ArrayList<>(buildThenTest(0, 0));
        runs.add(run("build", 50, 500, 500, 510));
        runs.add(run("deploy", 3, 520, 520, 530, by("build", 50)));

        List<ChainStream> streams = ChainAggregator.aggregate(ChainLinker.link(runs));

        assertThat(streams).extracting(ChainStream::name).containsExactly("build → test", "build → deploy");
    }

    @Test
    public void aFanOutsProcessTimeIsAtMostItsLeadTime() {
        Chain chain = ChainLinker.link(List.of(
                run("build", 1, 0, 0, 10),
                run("a", 1, 10, 10, 100, by("build", 1)),
                run("b", 1, 10, 10, 100, by("build", 1)))).get(0);

        ProcessMap map = ChainAggregator.asProcessMap(chain);

        assertThat(map.processMillis()).isEqualTo(chain.leadTimeMillis()).isEqualTo(100_000);
    }

    @Test
    public void aChainWithARunStillGoingIsLeftOutOfTheFigures() {
        List<JobRun> runs = new ArrayList<>(buildThenTest(0, 0));
        JobRun going = run("build", 9, 300, 300, 310);
        runs.add(going);
        runs.add(new JobRun("test", run("test", 9, 311, 312, 400, by("build", 9)).map().withoutEnd()));

        ChainStream stream = ChainAggregator.aggregate(ChainLinker.link(runs)).get(0);

        assertThat(stream.chains()).hasSize(2);
        assertThat(stream.stream().runs()).isEqualTo(1);
    }
}
