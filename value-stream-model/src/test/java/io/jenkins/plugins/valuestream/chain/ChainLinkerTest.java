package io.jenkins.plugins.valuestream.chain;

import static io.jenkins.plugins.valuestream.chain.ChainRuns.at;
import static io.jenkins.plugins.valuestream.chain.ChainRuns.by;
import static io.jenkins.plugins.valuestream.chain.ChainRuns.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.valuestream.graph.StepFunctions;
import io.jenkins.plugins.valuestream.graph.UpstreamCause;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.testing.RunFixture;
import java.util.List;
import org.junit.Test;

/** Linking runs of many jobs into chains by their upstream causes. */
public class ChainLinkerTest {

    private static List<RunKey> keys(Chain chain) {
        return chain.runs().stream().map(JobRun::key).toList();
    }

    @Test
    public void twoJobsMakeOneChainWithTheHandoffFromTheUpstreamEndToTheDownstreamStart() {
        List<Chain> chains = ChainLinker.link(List.of(
                run("build", 1, 0, 10, 70),
                run("deploy", 4, 75, 90, 120, by("build", 1))));

        assertThat(chains).singleElement().satisfies(chain -> {
            assertThat(keys(chain)).containsExactly(new RunKey("build", 1), new RunKey("deploy", 4));
            assertThat(chain.handoffs()).singleElement().satisfies(handoff -> {
                assertThat(handoff.triggeredAt()).isEqualTo(at(70));
                assertThat(handoff.waitMillis()).isEqualTo(20_000);
                assertThat(handoff.byBuildStep()).isFalse();
            });
        });
    }

    @Test
    public void aChainOfThreeJobsRunsFromTheRootsQueueEntryToTheLastCompletion() {
        List<Chain> chains = ChainLinker.link(List.of(
                run("test", 2, 62, 65, 100, by("build", 1)),
                run("deploy", 3, 101, 103, 130, by("test", 2)),
                run("build", 1, 5, 10, 60)));

        assertThat(chains).singleElement().satisfies(chain -> {
            assertThat(chain.jobs()).containsExactly("build", "test", "deploy");
            assertThat(chain.leadStart()).isEqualTo(at(5));
            assertThat(chain.completedAt()).isEqualTo(at(130));
            assertThat(chain.leadTimeMillis()).isEqualTo(125_000);
        });
    }

    @Test
    public void withoutAQueueEntryTheChainsLeadTimeStartsAtTheRootsStart() {
        Chain chain = ChainLinker.link(List.of(
                run("build", 1, null, 10, 60),
                run("test", 2, null, 65, 100, by("build", 1)))).get(0);

        assertThat(chain.leadTimeMillis()).isEqualTo(90_000);
    }

    @Test
    public void aFanOutKeepsBothDownstreamRunsInOneChainByJobName() {
        List<Chain> chains = ChainLinker.link(List.of(
                run("build", 1, 0, 0, 60),
                run("web-test", 7, 61, 62, 200, by("build", 1)),
                run("api-test", 9, 61, 63, 100, by("build", 1))));

        assertThat(chains).singleElement().satisfies(chain -> {
            assertThat(chain.jobs()).containsExactly("build", "api-test", "web-test");
            assertThat(chain.handoffs()).hasSize(2);
            assertThat(chain.completedAt()).isEqualTo(at(200));
        });
    }

    @Test
    public void jobsThatTriggerEachOtherInTurnMakeOneChainOfDistinctRuns() {
        List<Chain> chains = ChainLinker.link(List.of(
                run("third", 5, 0, 0, 1),
                run("fourth", 3, 7, 7, 8, by("third", 5)),
                run("third", 6, 17, 17, 18, by("fourth", 3)),
                run("fourth", 4, 27, 27, 28, by("third", 6))));

        assertThat(chains).singleElement().satisfies(chain -> assertThat(keys(chain)).containsExactly(
                new RunKey("third", 5), new RunKey("fourth", 3), new RunKey("third", 6), new RunKey("fourth", 4)));
    }

    @Test
    public void runsThatCauseEachOtherInALoopEndUpOnceEachRootedAtTheEarliest() {
        List<Chain> chains = ChainLinker.link(List.of(
                run("a", 1, 0, 0, 10, by("b", 1)),
                run("b", 1, 12, 12, 20, by("a", 1))));

        assertThat(chains).singleElement().satisfies(chain -> {
            assertThat(keys(chain)).containsExactly(new RunKey("a", 1), new RunKey("b", 1));
            assertThat(chain.handoffs()).hasSize(1);
        });
    }

    @Test
    public void aRunWhoseUpstreamRunWasNotReadRootsAChainOfItsOwn() {
        List<Chain> chains = ChainLinker.link(List.of(
                run("build", 1, 0, 0, 10),
                run("deploy", 2, 30, 30, 40, by("build", 99))));

        assertThat(chains).hasSize(2).allSatisfy(chain -> assertThat(chain.runs()).hasSize(1));
    }

    @Test
    public void aRunWithTwoCausesBelongsToTheChainOfItsFirst() {
        List<Chain> chains = ChainLinker.link(List.of(
                run("lib", 1, 0, 0, 10),
                run("app", 1, 0, 1, 12),
                run("deploy", 1, 20, 20, 30, by("app", 1), by("lib", 1))));

        assertThat(chains).hasSize(2);
        assertThat(chains.get(0).runs()).extracting(JobRun::job).containsExactly("lib");
        assertThat(chains.get(1).runs()).extracting(JobRun::job).containsExactly("app", "deploy");
    }

    @Test
    public void aPipelinesBuildStepTriggersAtItsStartNotAtTheRunsEnd() {
        ProcessMap upstream = RunFixture.run(1).step("Deploy", s -> s.at(0).process(100_000))
                .work(StepFunctions.BUILD, "job=deploy", "Deploy", "", 30_000, 60_000).build();
        long start = upstream.startedAt();
        ProcessMap downstream = RunFixture.run(8).build();
        ProcessMap later = new ProcessMap(8, downstream.result(), start + 31_000, start + 35_000,
                start + 80_000, start + 80_000, 45_000, downstream.waits(), List.of(), List.of(), List.of(),
                List.of(), List.of(new UpstreamCause("app", 1, "42")));

        Chain chain = ChainLinker.link(List.of(new JobRun("app", upstream), new JobRun("deploy", later))).get(0);

        assertThat(chain.handoffs()).singleElement().satisfies(handoff -> {
            assertThat(handoff.byBuildStep()).isTrue();
            assertThat(handoff.triggeredAt()).isEqualTo(start + 30_000);
            assertThat(handoff.waitMillis()).isEqualTo(5_000);
        });
    }

    @Test
    public void aTriggerRecordedAfterTheDownstreamStartIsTakenAsThatStart() {
        Chain chain = ChainLinker.link(List.of(
                run("build", 1, 0, 0, 60),
                run("test", 2, 50, 55, 90, by("build", 1)))).get(0);

        assertThat(chain.handoffs().get(0).triggeredAt()).isEqualTo(at(55));
        assertThat(chain.handoffs().get(0).waitMillis()).isZero();
    }
}
