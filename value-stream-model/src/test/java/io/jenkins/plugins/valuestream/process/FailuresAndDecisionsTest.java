package io.jenkins.plugins.valuestream.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.valuestream.graph.FlowGraph;
import io.jenkins.plugins.valuestream.graph.FlowGraphBuilder;
import io.jenkins.plugins.valuestream.graph.RunInfo;
import io.jenkins.plugins.valuestream.graph.RunResult;
import io.jenkins.plugins.valuestream.graph.StepFunctions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.Test;

/** Where a run's errors arose and what became of its inputs (docs/definitions.md, "Failures and decisions"). */
public class FailuresAndDecisionsTest {
    private static final long T0 = 1_700_000_000_000L;
    private static final String EXIT_1 = "hudson.AbortException: script returned exit code 1";
    private static final String REJECTED = "org.jenkinsci.plugins.workflow.steps.FlowInterruptedException:"
            + " Rejected by bob";

    private static ProcessMap extract(FlowGraphBuilder run, RunResult result, String endError) {
        FlowGraph graph = run.finish(endError);
        return ProcessMapExtractor.extract(run.runInfo(7, result, 0L), graph, Long.MAX_VALUE);
    }

    @Test
    public void anErrorIsKeptOnceWhereItAroseNotOnEveryBlockItTravelledUpThrough() {
        FlowGraphBuilder run = FlowGraphBuilder.startingAt(T0);
        run.stage("Build", s -> s.sh("make", 1_000));
        run.stage("Test", s -> s.stage("Unit", u -> u.failingSh("make test", 2_000, EXIT_1).fail(EXIT_1)).fail(EXIT_1));

        ProcessMap map = extract(run, RunResult.FAILURE, EXIT_1);

        assertThat(map.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.step()).isEqualTo(StepPath.of("Test", "Unit"));
            assertThat(failure.function()).isEqualTo(StepFunctions.SHELL);
            assertThat(failure.functionName()).isEqualTo("sh");
            assertThat(failure.message()).isEqualTo("script returned exit code 1");
            assertThat(failure.interruption()).isFalse();
            assertThat(failure.command()).isEqualTo("make test");
            assertThat(failure.endedRun()).isTrue();
            assertThat(failure.at()).isEqualTo(map.step(StepPath.of("Test", "Unit")).orElseThrow().startedAt() + 2_002);
        });
    }

    @Test
    public void twoDifferentErrorsOfParallelBranchesAreBothKeptInTheOrderTheyArose() {
        FlowGraphBuilder run = FlowGraphBuilder.startingAt(T0);
        Map<String, Consumer<FlowGraphBuilder.Scope>> branches = new LinkedHashMap<>();
        branches.put("linux", b -> b.failingSh("make", 5_000, "hudson.AbortException: script returned exit code 2"));
        branches.put("windows", b -> b.failingSh("nmake", 1_000, "java.io.IOException: disk full"));
        run.stage("Build", s -> s.parallel(branches));

        ProcessMap map = extract(run, RunResult.FAILURE, "hudson.AbortException: script returned exit code 2");

        assertThat(map.failures()).extracting(StepFailure::message)
                .containsExactly("IOException: disk full", "script returned exit code 2");
    }

    @Test
    public void anErrorTheRunWentOnAfterIsCaughtAndTheOneItEndedWithEndedIt() {
        FlowGraphBuilder run = FlowGraphBuilder.startingAt(T0);
        run.stage("Lint", s -> s.failingSh("npm run lint\nnpm run format", 1_000, EXIT_1));
        run.stage("Deploy", s -> s.failingSh("./deploy.sh", 1_000, "hudson.AbortException: script returned exit code 7")
                .fail("hudson.AbortException: script returned exit code 7"));

        ProcessMap map = extract(run, RunResult.FAILURE, "hudson.AbortException: script returned exit code 7");

        assertThat(map.failures()).extracting(StepFailure::step, StepFailure::command, StepFailure::endedRun)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(StepPath.of("Lint"), "npm run lint\u2026", false),
                        org.assertj.core.groups.Tuple.tuple(StepPath.of("Deploy"), "./deploy.sh", true));
    }

    @Test
    public void theSameMessageInAnotherStepAfterTheFirstWasCaughtIsAnotherErrorAndTheOneTheRunEndedWith() {
        FlowGraphBuilder run = FlowGraphBuilder.startingAt(T0);
        run.stage("Lint", s -> s.failingSh("npm run lint", 1_000, EXIT_1));
        run.stage("Deploy", s -> s.failingSh("./deploy.sh", 1_000, EXIT_1).fail(EXIT_1));

        ProcessMap map = extract(run, RunResult.FAILURE, EXIT_1);

        assertThat(map.failures()).extracting(StepFailure::step, StepFailure::endedRun)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(StepPath.of("Lint"), false),
                        org.assertj.core.groups.Tuple.tuple(StepPath.of("Deploy"), true));
    }

    @Test
    public void aStageDeclarativeSkippedAfterTheFailureOnlyCarriesThatFailure() {
        String failed = "hudson.AbortException: failure test";
        FlowGraphBuilder run = FlowGraphBuilder.startingAt(T0);
        run.stage("Error", s -> s.atom(StepFunctions.ERROR, Map.of("message", "failure test"), 10).fail(failed));
        // Declarative records the failure that made it skip the stage on the skipped stage's end nodes.
        run.root().block(StepFunctions.STAGE, Map.of("name", "Success"), 0, "Success",
                Map.of(io.jenkins.plugins.valuestream.graph.GraphNode.STAGE_STATUS, "SKIPPED_FOR_FAILURE"),
                s -> s.advance(2).fail(failed));

        ProcessMap map = extract(run, RunResult.FAILURE, failed);

        assertThat(map.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.step()).isEqualTo(StepPath.of("Error"));
            assertThat(failure.endedRun()).isTrue();
        });
    }

    @Test
    public void eachFailedRetryAttemptIsAnErrorOfItsOwn() {
        FlowGraphBuilder run = FlowGraphBuilder.startingAt(T0);
        run.stage("Test", s -> s.retry(EXIT_1, a -> a.failingSh("make test", 1_000, EXIT_1),
                a -> a.failingSh("make test", 1_000, EXIT_1), a -> a.sh("make test", 1_000)));

        ProcessMap map = extract(run, RunResult.SUCCESS, null);

        assertThat(map.failures()).hasSize(2).allSatisfy(failure -> {
            assertThat(failure.step()).isEqualTo(StepPath.of("Test"));
            assertThat(failure.command()).isEqualTo("make test");
            assertThat(failure.endedRun()).isFalse();
        });
    }

    @Test
    public void aScriptLongerThanTheLimitIsCutWithAnEllipsis() {
        FlowGraphBuilder run = FlowGraphBuilder.startingAt(T0);
        run.stage("Build", s -> s.failingSh("x".repeat(500), 1_000, EXIT_1));

        ProcessMap map = extract(run, RunResult.FAILURE, EXIT_1);

        assertThat(map.failures().get(0).command()).hasSize(StepFailure.MAX_COMMAND + 1).endsWith("x\u2026");
    }

    @Test
    public void anErrorThatOnlyTheFlowEndCarriesIsOutsideEveryStepAndNamesNoStepFunction() {
        FlowGraphBuilder run = FlowGraphBuilder.startingAt(T0);
        run.stage("Build", s -> s.sh("make", 1_000));

        ProcessMap map = extract(run, RunResult.FAILURE,
                "org.codehaus.groovy.control.MultipleCompilationErrorsException: startup failed:\nWorkflowScript: 3");

        assertThat(map.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.step()).isEqualTo(StepPath.OUTSIDE);
            assertThat(failure.functionName()).isEmpty();
            assertThat(failure.command()).isEmpty();
            assertThat(failure.endedRun()).isTrue();
            assertThat(failure.message()).startsWith("MultipleCompilationErrorsException: startup failed:");
        });
    }

    @Test
    public void aRunWithoutErrorsHasNoFailures() {
        FlowGraphBuilder run = FlowGraphBuilder.startingAt(T0);
        run.stage("Build", s -> s.sh("make", 1_000));

        ProcessMap map = extract(run, RunResult.SUCCESS, null);

        assertThat(map.failures()).isEmpty();
        assertThat(map.inputs()).isEmpty();
    }

    @Test
    public void anApprovedInputNamesItsApproverAndHowLongItWaited() {
        FlowGraphBuilder run = FlowGraphBuilder.startingAt(T0);
        run.stage("Approve", s -> s.input("Ship it?", 300_000, "alice", null));
        run.stage("Deploy", s -> s.sh("ship", 1_000));

        ProcessMap map = extract(run, RunResult.SUCCESS, null);

        assertThat(map.inputs()).singleElement().satisfies(input -> {
            assertThat(input.step()).isEqualTo(StepPath.of("Approve"));
            assertThat(input.message()).isEqualTo("Ship it?");
            assertThat(input.decision()).isEqualTo(InputDecision.Decision.APPROVED);
            assertThat(input.user()).isEqualTo("alice");
            assertThat(input.waitedMillis()).isEqualTo(300_000);
            assertThat(input.describe()).isEqualTo("approved by alice");
        });
        assertThat(map.failures()).isEmpty();
    }

    @Test
    public void aRejectedInputIsAnAbortByItsUserAndNoFailureBesideIt() {
        FlowGraphBuilder run = FlowGraphBuilder.startingAt(T0);
        run.stage("Approve", s -> s.input("Ship it?", 60_000, "bob", REJECTED).fail(REJECTED));

        ProcessMap map = extract(run, RunResult.ABORTED, REJECTED);

        assertThat(map.inputs()).singleElement().satisfies(input -> {
            assertThat(input.decision()).isEqualTo(InputDecision.Decision.ABORTED);
            assertThat(input.describe()).isEqualTo("aborted by bob");
        });
        assertThat(map.failures()).as("the rejection travels up through the stage and the flow end").isEmpty();
    }

    @Test
    public void anInputStillOpenIsWaitingSinceItStarted() {
        FlowGraphBuilder run = FlowGraphBuilder.startingAt(T0);
        run.stage("Approve", s -> s.input("Ship it?", -1));
        FlowGraph graph = run.running();
        long now = run.now() + 90_000;

        ProcessMap map = ProcessMapExtractor.extract(new RunInfo(7, null, T0, T0, null), graph, now);

        assertThat(map.inputs()).singleElement().satisfies(input -> {
            assertThat(input.decision()).isEqualTo(InputDecision.Decision.WAITING);
            assertThat(input.user()).isNull();
            assertThat(input.waitedMillis()).isGreaterThanOrEqualTo(90_000).isLessThanOrEqualTo(now - T0);
            assertThat(input.describe()).isEqualTo("waiting");
        });
    }
}
