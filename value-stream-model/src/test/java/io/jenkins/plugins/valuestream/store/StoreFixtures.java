package io.jenkins.plugins.valuestream.store;

import io.jenkins.plugins.valuestream.graph.FlowGraph;
import io.jenkins.plugins.valuestream.graph.FlowGraphBuilder;
import io.jenkins.plugins.valuestream.graph.RunResult;
import io.jenkins.plugins.valuestream.process.AgentAllocation;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.ProcessMapExtractor;
import io.jenkins.plugins.valuestream.process.ProcessStep;
import io.jenkins.plugins.valuestream.process.StepKind;
import io.jenkins.plugins.valuestream.process.StepPath;
import io.jenkins.plugins.valuestream.process.StepResult;
import io.jenkins.plugins.valuestream.process.WaitBreakdown;
import io.jenkins.plugins.valuestream.process.WaitCause;
import io.jenkins.plugins.valuestream.process.WorkItem;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

/** Process maps like those of real jobs: extracted from flow graphs written as Jenkins records them, and by hand. */
final class StoreFixtures {
    static final long T0 = 1_717_000_000_000L;

    private StoreFixtures() {
    }

    /**
     * A run of a typical Declarative pipeline (checkout, build, parallel tests with a retried flaky suite, a locked
     * staging deploy, an approval, a production deploy skipped on some runs), extracted by the real extractor; the
     * times vary with the seed, the shape with the run.
     */
    static ProcessMap pipelineRun(int number, long seed) {
        Random random = new Random(seed * 31 + number);
        long startedAt = T0 + number * 900_000L + random.nextInt(60_000);
        FlowGraphBuilder run = FlowGraphBuilder.startingAt(startedAt);
        run.stage("Checkout", s -> s.node("linux", ms(random, 30_000), n -> n.checkout(ms(random, 20_000))));
        run.stage("Build", s -> s.node("linux && docker", ms(random, 90_000),
                n -> n.sh("mvn -B -ntp package -DskipTests", ms(random, 240_000))));
        Map<String, Consumer<FlowGraphBuilder.Scope>> tests = new LinkedHashMap<>();
        tests.put("Unit tests", b -> b.node("linux", ms(random, 20_000),
                n -> n.sh("npm ci", ms(random, 45_000)).sh("mvn -B -ntp test", ms(random, 200_000))));
        tests.put("Integration tests", b -> b.node("linux && docker", ms(random, 60_000), n -> {
            n.sh("npm ci", ms(random, 45_000));
            if (random.nextInt(4) == 0) {
                n.retry("script returned exit code 1",
                        a -> a.sh("mvn -B -ntp verify -Pit", ms(random, 300_000)),
                        a -> a.sh("mvn -B -ntp verify -Pit", ms(random, 300_000)));
            } else {
                n.sh("mvn -B -ntp verify -Pit", ms(random, 300_000));
            }
        }));
        run.stage("Test", s -> s.parallelStages(tests));
        run.stage("Deploy", s -> s.stage("Staging", st -> st.lock("staging-environment", ms(random, 120_000),
                l -> l.sh("./deploy.sh staging build-" + number, ms(random, 60_000)))));
        run.stage("Approve", s -> s.input("Ship build " + number + " to production?", ms(random, 1_800_000)));
        if (random.nextInt(5) == 0) {
            run.root().skippedStage("Production", "SKIPPED_FOR_CONDITIONAL");
        } else {
            run.stage("Production", s -> s.processStep("Release", p -> p.sh("./deploy.sh production",
                    ms(random, 90_000))));
        }
        FlowGraph graph = run.finish();
        RunResult result = random.nextInt(10) == 0 ? RunResult.UNSTABLE : RunResult.SUCCESS;
        Long queue = random.nextInt(3) == 0 ? null : (long) ms(random, 120_000);
        return ProcessMapExtractor.extract(run.runInfo(number, result, queue), graph, Long.MAX_VALUE);
    }

    /** A run of a wide pipeline: {@code stages} stages one after the other, each on an agent. */
    static ProcessMap wideRun(int number, int stages, long seed) {
        Random random = new Random(seed * 17 + number);
        FlowGraphBuilder run = FlowGraphBuilder.startingAt(T0 + number * 3_600_000L);
        for (int i = 0; i < stages; i++) {
            String name = "Module " + (char) ('A' + i % 26) + (i / 26 == 0 ? "" : Integer.toString(i / 26));
            run.stage(name, s -> s.node(random.nextBoolean() ? "linux" : "windows", ms(random, 40_000),
                    n -> n.sh("gradle :" + name.toLowerCase().replace(' ', '-') + ":build", ms(random, 100_000))));
        }
        FlowGraph graph = run.finish();
        return ProcessMapExtractor.extract(run.runInfo(number, RunResult.SUCCESS, (long) ms(random, 30_000)), graph,
                Long.MAX_VALUE);
    }

    /**
     * A run as the Stage View REST API shows it: stages and their durations, agent waits inside stages unknown, the
     * queue wait unknown, and a note saying so.
     */
    static ProcessMap restRun(int number) {
        long start = T0 + number * 600_000L;
        WaitBreakdown agentUnknown = WaitBreakdown.none().withUnknown(Set.of(WaitCause.AGENT));
        List<ProcessStep> steps = List.of(
                new ProcessStep(StepPath.of("Build"), 0, StepKind.STAGE, StepResult.SUCCESS, start + 1_000, 60_000,
                        60_000, agentUnknown, 60_000, true, "6", null),
                new ProcessStep(StepPath.of("Deploy"), 0, StepKind.STAGE, StepResult.FAILURE, start + 61_500, 30_000,
                        25_000, WaitBreakdown.of(Map.of(WaitCause.INPUT, 5_000L), Set.of(WaitCause.AGENT)), 25_000,
                        false, "19", null),
                new ProcessStep(StepPath.OUTSIDE, 0, StepKind.OUTSIDE, StepResult.SUCCESS, start, 1_500, 1_500,
                        WaitBreakdown.none(), 1_500, true, null, null));
        return new ProcessMap(number, RunResult.FAILURE, null, start, start + 91_500, start + 91_500, 86_500,
                WaitBreakdown.of(Map.of(WaitCause.INPUT, 5_000L), Set.of(WaitCause.QUEUE, WaitCause.AGENT)), steps,
                List.of(), List.of(), List.of("The REST API does not show agent waits inside stages",
                        "The queue wait is unknown: the run was read without a queue stamp"));
    }

    /** A map with every field set to random, legal and sometimes extreme values. */
    static ProcessMap randomMap(Random random, int number) {
        long start = random.nextInt(8) == 0 ? random.nextLong() : T0 + random.nextInt(1_000_000_000);
        long completed = start + (random.nextInt(8) == 0 ? random.nextLong() : random.nextInt(10_000_000));
        long asOf = random.nextInt(4) == 0 ? completed + random.nextInt(1000) - 500 : completed;
        Long queued = random.nextBoolean() ? null : start - random.nextInt(1_000_000);
        RunResult result = random.nextInt(6) == 0 ? null
                : RunResult.values()[random.nextInt(RunResult.values().length)];
        List<StepPath> paths = new ArrayList<>();
        for (int i = 0; i < 1 + random.nextInt(5); i++) {
            paths.add(randomPath(random));
        }
        List<ProcessStep> steps = new ArrayList<>();
        int stepCount = random.nextInt(12);
        for (int i = 0; i < stepCount; i++) {
            long elapsed = random.nextInt(4) == 0 ? Math.abs(random.nextLong() >> 2) : random.nextInt(1_000_000);
            long process = elapsed == 0 ? 0 : Math.floorMod(random.nextLong(), elapsed);
            steps.add(new ProcessStep(paths.get(random.nextInt(paths.size())), random.nextInt(3),
                    StepKind.values()[random.nextInt(StepKind.values().length)],
                    StepResult.values()[random.nextInt(StepResult.values().length)],
                    start + random.nextInt(2_000_000) - 1_000_000, elapsed, process, randomWaits(random),
                    random.nextInt(3_000_000), random.nextBoolean(), randomNodeId(random), randomNodeId(random)));
        }
        List<WorkItem> work = new ArrayList<>();
        for (int i = 0; i < random.nextInt(6); i++) {
            work.add(new WorkItem(randomText(random), randomText(random), paths.get(random.nextInt(paths.size())),
                    random.nextBoolean() ? "" : randomText(random), start + random.nextInt(1_000_000),
                    random.nextInt(8) == 0 ? -random.nextInt(100) : random.nextInt(600_000)));
        }
        List<AgentAllocation> agents = new ArrayList<>();
        for (int i = 0; i < random.nextInt(4); i++) {
            agents.add(new AgentAllocation(random.nextBoolean() ? "" : randomText(random),
                    random.nextBoolean() ? StepPath.OUTSIDE : paths.get(random.nextInt(paths.size())),
                    start + random.nextInt(1_000_000), random.nextInt(100_000), random.nextLong()));
        }
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < random.nextInt(3); i++) {
            notes.add(randomText(random));
        }
        return new ProcessMap(number, result, queued, start, completed, asOf, random.nextLong(), randomWaits(random),
                steps, work, agents, notes);
    }

    private static WaitBreakdown randomWaits(Random random) {
        if (random.nextInt(3) == 0) {
            return WaitBreakdown.none();
        }
        Map<WaitCause, Long> byCause = new EnumMap<>(WaitCause.class);
        Set<WaitCause> unknown = EnumSet.noneOf(WaitCause.class);
        // A hand-off lies between the runs of a chain: no run's record has one.
        for (WaitCause cause : WaitCause.OF_A_RUN) {
            switch (random.nextInt(4)) {
                case 0 -> byCause.put(cause, (long) random.nextInt(1_000_000));
                case 1 -> unknown.add(cause);
                case 2 -> byCause.put(cause, Math.abs(random.nextLong() >> 4));
                default -> { }
            }
        }
        return WaitBreakdown.of(byCause, unknown);
    }

    private static StepPath randomPath(Random random) {
        List<String> segments = new ArrayList<>();
        for (int i = 0; i < 1 + random.nextInt(3); i++) {
            segments.add(randomText(random));
        }
        return new StepPath(segments);
    }

    private static String randomNodeId(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> null;
            case 1 -> Integer.toString(random.nextInt(100_000));
            case 2 -> "0" + random.nextInt(100);
            case 3 -> Long.toString(Long.MAX_VALUE - random.nextInt(10));
            case 4 -> "";
            default -> randomText(random);
        };
    }

    /** Text of the kinds stage names and arguments hold: slashes, quotes, non-ASCII, even lone surrogates and NUL. */
    static String randomText(Random random) {
        String[] pieces = {"Build", "Deploy/Staging", "a\\b", "", "日本語テスト", "émoji 🚀", "\uD800", "\u0000",
            "sh 'npm ci'", "<script>alert(1)</script>", "x".repeat(300), "\uDFFF\uD83D", " ", "\u07FF\u0800"};
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 1 + random.nextInt(3); i++) {
            text.append(pieces[random.nextInt(pieces.length)]);
        }
        return text.toString();
    }

    private static int ms(Random random, int max) {
        return random.nextInt(max);
    }
}
