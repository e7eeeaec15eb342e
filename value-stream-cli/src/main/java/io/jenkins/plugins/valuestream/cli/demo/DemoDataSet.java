package io.jenkins.plugins.valuestream.cli.demo;

import io.jenkins.plugins.valuestream.cli.source.JobRuns;
import io.jenkins.plugins.valuestream.cli.source.SourceRun;
import io.jenkins.plugins.valuestream.graph.Change;
import io.jenkins.plugins.valuestream.graph.FlowGraph;
import io.jenkins.plugins.valuestream.graph.FlowGraphBuilder;
import io.jenkins.plugins.valuestream.graph.GraphNode;
import io.jenkins.plugins.valuestream.graph.RunInfo;
import io.jenkins.plugins.valuestream.graph.RunResult;
import io.jenkins.plugins.valuestream.graph.StepFunctions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The demo data set: one Declarative Pipeline job, {@code demo/web-shop}, and {@value #RUNS} of its runs written as
 * Jenkins would record them ({@link FlowGraphBuilder}), from a fixed seed so every report of it is the same. Its
 * Jenkinsfile would read:
 *
 * <pre>
 * stage('Checkout')  { agent { label 'linux' }; checkout scm; stash 'src' }
 * stage('Build')     { agent { label 'linux' }; unstash 'src'; sh 'npm run build' }
 * stage('Test') { parallel {
 *     stage('Unit')        { agent { label 'linux' }; sh 'npm ci'; sh 'npm test' }
 *     stage('Integration') { agent { label 'linux' }; sh 'npm ci'; retry(3) { sh 'npm run test:integration' } }
 *     stage('Lint')        { agent { label 'linux' }; sh 'npm ci'; sh 'npm run lint' } } }
 * stage('Approve')   { input 'Deploy to production?' }
 * stage('Deploy')    { lock('production') { agent { label 'linux' }; sh './deploy.sh production' } }
 * stage('Smoke test') { sleep 30; sh 'npm run smoke' }
 * </pre>
 *
 * <p>What the report should find in it: agent waits that grow run after run (the pool of {@code linux} agents does not
 * keep up), {@code npm run build} that gets about 70% slower from run {@value #REGRESSION_FROM} on, {@code npm ci}
 * done three times in each run (once per test branch), an agent of the same label taken again right after Checkout,
 * a flaky integration test (failed attempts inside {@code retry}; some runs fail), approvals that take from minutes
 * to hours (two rejected), and the last run still waiting for its approval.
 */
public final class DemoDataSet {
    /** The job's name. */
    public static final String JOB = "demo/web-shop";
    /** How many runs. */
    public static final int RUNS = 60;
    /** The first run whose build is slower. */
    public static final int REGRESSION_FROM = 42;
    /** The seed of every random duration. */
    public static final long SEED = 20250303L;
    /** The first run's start: Monday 3 March 2025, 08:00 UTC. */
    public static final long FIRST_START = Instant.parse("2025-03-03T08:00:00Z").toEpochMilli();

    private static final String STASH = "org.jenkinsci.plugins.workflow.support.steps.stash.StashStep";
    private static final String UNSTASH = "org.jenkinsci.plugins.workflow.support.steps.stash.UnstashStep";
    private static final String SCRIPT_FAILED = "hudson.AbortException: script returned exit code 1";
    private static final String REJECTED = "org.jenkinsci.plugins.workflow.steps.FlowInterruptedException:"
            + " Rejected by release-manager";
    /** Who approves (or rejects) the deployments of the demo. */
    private static final String APPROVER = "release-manager";
    private static final long SECOND = 1_000;
    private static final long MINUTE = 60 * SECOND;

    /** The runs and the instant they are looked at (the last run is still waiting then). */
    public record Demo(JobRuns job, long now) {
    }

    private DemoDataSet() {
    }

    /** The demo job, always the same. */
    public static Demo generate() {
        SplittableRandom random = new SplittableRandom(SEED);
        // The commits draw from a generator of their own, so that the runs' other draws stay as they were.
        SplittableRandom commits = new SplittableRandom(SEED + 1);
        List<SourceRun> runs = new ArrayList<>();
        long start = FIRST_START;
        long previousStart = FIRST_START - 24 * 60 * MINUTE;
        long now = start;
        for (int number = 1; number <= RUNS; number++) {
            boolean last = number == RUNS;
            List<Change> changes = changes(commits, previousStart, start);
            previousStart = start;
            RunScript script = new RunScript(number, random, last);
            FlowGraphBuilder run = FlowGraphBuilder.startingAt(start);
            script.write(run, last);
            long queue = around(random, 8 * SECOND, 0.8) + (number % 9 == 0 ? 6 * MINUTE : 0);
            if (last) {
                FlowGraph graph = openAtTheApproval(run.running());
                now = run.now() + 42 * MINUTE;
                runs.add(SourceRun.complete(new RunInfo(number, null, start - queue, start, null)
                        .withChanges(changes), graph));
            } else {
                FlowGraph graph = run.finish(script.failure());
                runs.add(SourceRun.complete(run.runInfo(number, script.result(), queue).withChanges(changes), graph));
            }
            start = run.now() + around(random, 3 * 60 * MINUTE, 0.6);
        }
        return new Demo(new JobRuns(JOB, runs, List.of()), now);
    }

    /**
     * The commits a run built: one to three, committed between the start of the run before and its own start (the
     * Deploy stage ships them: {@code --deploy-stage Deploy} gives the demo its DORA figures).
     */
    private static List<Change> changes(SplittableRandom random, long from, long to) {
        int count = 1 + random.nextInt(3);
        List<Change> changes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String id = String.format(Locale.ROOT, "%016x%016x%08x", random.nextLong(), random.nextLong(),
                    random.nextInt());
            changes.add(new Change(id, from + (long) (random.nextDouble() * (to - from))));
        }
        return changes;
    }

    /** The graph up to the pending approval: the input step and the blocks around it have not ended. */
    private static FlowGraph openAtTheApproval(FlowGraph graph) {
        List<GraphNode> kept = new ArrayList<>();
        for (GraphNode node : graph.nodes()) {
            kept.add(node);
            if (node.is(StepFunctions.INPUT)) {
                break;
            }
        }
        return FlowGraph.of(kept);
    }

    /** A duration around {@code millis}, up to {@code spread} (a fraction) shorter or longer. */
    private static long around(SplittableRandom random, long millis, double spread) {
        return Math.max(1, Math.round(millis * (1 + spread * (2 * random.nextDouble() - 1))));
    }

    /** One run's script: its random draws made once, in a fixed order. */
    private static final class RunScript {
        private final int number;
        private final SplittableRandom random;
        private final int failedAttempts;
        private final boolean testFails;
        private final boolean rejected;
        private RunResult result = RunResult.SUCCESS;
        private @Nullable String failure;

        RunScript(int number, SplittableRandom random, boolean last) {
            this.number = number;
            this.random = random;
            double flaky = random.nextDouble();
            this.failedAttempts = flaky < 0.07 ? 2 : flaky < 0.3 ? 1 : 0;
            this.testFails = flaky < 0.07 && !last;
            this.rejected = number == 17 || number == 38;
        }

        RunResult result() {
            return result;
        }

        @Nullable String failure() {
            return failure;
        }

        /** Agent waits grow with the run number: the {@code linux} pool does not keep up with demand. */
        private long agentWait(double share) {
            long base = 4 * SECOND + Math.round(number * number * 45.0 * share);
            return around(random, base, 0.5);
        }

        void write(FlowGraphBuilder run, boolean pendingApproval) {
            FlowGraphBuilder.Scope root = run.root();
            root.advance(around(random, 2 * SECOND, 0.5));
            root.stage("Checkout", s -> s.node("linux", agentWait(1.0), n -> n
                    .checkout(around(random, 25 * SECOND, 0.3))
                    .atom(STASH, Map.of("name", "src"), around(random, 3 * SECOND, 0.3))));
            long build = number >= REGRESSION_FROM ? 170 * SECOND : 100 * SECOND;
            root.stage("Build", s -> s.node("linux", agentWait(0.6), n -> n
                    .atom(UNSTASH, Map.of("name", "src"), around(random, 2 * SECOND, 0.3))
                    .sh("npm run build", around(random, build, 0.08))));
            Map<String, Consumer<FlowGraphBuilder.Scope>> tests = new LinkedHashMap<>();
            tests.put("Unit", s -> s.node("linux", agentWait(1.4), n -> n
                    .sh("npm ci", around(random, 65 * SECOND, 0.15))
                    .sh("npm test", around(random, 80 * SECOND, 0.1))));
            tests.put("Integration", s -> {
                s.node("linux", agentWait(1.4), n -> {
                    n.sh("npm ci", around(random, 65 * SECOND, 0.15));
                    integration(n);
                });
                if (testFails) {
                    s.fail(SCRIPT_FAILED);
                }
            });
            tests.put("Lint", s -> s.node("linux", agentWait(1.4), n -> n
                    .sh("npm ci", around(random, 65 * SECOND, 0.15))
                    .sh("npm run lint", around(random, 25 * SECOND, 0.2))));
            root.stage("Test", s -> {
                s.parallelStages(tests);
                if (testFails) {
                    s.fail(SCRIPT_FAILED);
                }
            });
            if (testFails) {
                result = RunResult.FAILURE;
                failure = SCRIPT_FAILED;
                skipRest(root, "Approve", "Deploy", "Smoke test");
                return;
            }
            long approval = pendingApproval ? -1 : approvalWait();
            root.stage("Approve", s -> {
                if (pendingApproval) {
                    s.input("Deploy to production?", approval);
                } else {
                    s.input("Deploy to production?", approval, APPROVER, rejected ? REJECTED : null);
                }
                if (rejected) {
                    s.fail(REJECTED);
                }
            });
            if (pendingApproval) {
                return;
            }
            if (rejected) {
                result = RunResult.ABORTED;
                failure = REJECTED;
                skipRest(root, "Deploy", "Smoke test");
                return;
            }
            root.stage("Deploy", s -> s.lock("production", around(random, 20 * SECOND, 1.0), l -> l
                    .node("linux", agentWait(0.3), n -> n.sh("./deploy.sh production", around(random, 50 * SECOND,
                            0.2)))));
            root.stage("Smoke test", s -> s.sleep(30 * SECOND).sh("npm run smoke", around(random, 20 * SECOND,
                    0.3)));
        }

        /** {@code retry(3) { sh 'npm run test:integration' }}: the flaky step, failing before it passes. */
        private void integration(FlowGraphBuilder.Scope n) {
            String script = "npm run test:integration";
            long firstFailure = around(random, 70 * SECOND, 0.4);
            long secondFailure = around(random, 70 * SECOND, 0.4);
            long pass = around(random, 150 * SECOND, 0.1);
            // The last attempt fails too where the stage fails: retry(3) gives up.
            Consumer<FlowGraphBuilder.Scope> last = testFails ? a -> a.failingSh(script, pass, SCRIPT_FAILED)
                    : a -> a.sh(script, pass);
            switch (failedAttempts) {
                case 0:
                    n.retry(SCRIPT_FAILED, last);
                    break;
                case 1:
                    n.retry(SCRIPT_FAILED, a -> a.failingSh(script, firstFailure, SCRIPT_FAILED), last);
                    break;
                default:
                    n.retry(SCRIPT_FAILED, a -> a.failingSh(script, firstFailure, SCRIPT_FAILED),
                            a -> a.failingSh(script, secondFailure, SCRIPT_FAILED), last);
                    break;
            }
        }

        /** People approve within minutes, sometimes hours (a meeting, the end of the day). */
        private long approvalWait() {
            double draw = random.nextDouble();
            double minutes = draw < 0.6 ? 2 + 13 * random.nextDouble() : draw < 0.9 ? 15 + 45 * random.nextDouble()
                    : 60 + 180 * random.nextDouble();
            return Math.round(minutes * MINUTE);
        }

        private static void skipRest(FlowGraphBuilder.Scope root, String... stages) {
            for (String stage : stages) {
                root.skippedStage(stage, "SKIPPED_FOR_FAILURE");
            }
        }
    }
}
