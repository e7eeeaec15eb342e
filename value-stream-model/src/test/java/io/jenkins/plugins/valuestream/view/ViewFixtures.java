package io.jenkins.plugins.valuestream.view;

import io.jenkins.plugins.valuestream.budget.BudgetCheck;
import io.jenkins.plugins.valuestream.budget.BudgetKind;
import io.jenkins.plugins.valuestream.flags.Flag;
import io.jenkins.plugins.valuestream.flags.FlagKind;
import io.jenkins.plugins.valuestream.graph.RunResult;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.ProcessStep;
import io.jenkins.plugins.valuestream.process.StepKind;
import io.jenkins.plugins.valuestream.process.StepPath;
import io.jenkins.plugins.valuestream.process.StepResult;
import io.jenkins.plugins.valuestream.process.WaitBreakdown;
import io.jenkins.plugins.valuestream.process.WaitCause;
import io.jenkins.plugins.valuestream.report.JobReport;
import io.jenkins.plugins.valuestream.report.RunReport;
import io.jenkins.plugins.valuestream.stream.Distribution;
import io.jenkins.plugins.valuestream.stream.RunTrend;
import io.jenkins.plugins.valuestream.stream.StepStats;
import io.jenkins.plugins.valuestream.stream.ValueStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Hand-built runs shaped like real Jenkins data (a Declarative pipeline with a parallel stage and a gated deploy, a
 * scripted one with top-level parallel branches read from the REST API, a job whose stage names try to break out of
 * the markup), and their value streams, aggregated here the simple way (the real aggregator lives elsewhere).
 */
public final class ViewFixtures {
    public static final String XSS_STAGE = "<img src=x onerror=alert(1)>";
    public static final String QUOTES_STAGE = "\"quotes\" & 'apos'";
    public static final String CONTROL_STAGE = "bell\u0007and\u0000nul";
    public static final long START = 1_740_000_000_000L;
    private static final long S = 1_000;
    private static final long M = 60 * S;

    private ViewFixtures() {
    }

    /** One step under construction. */
    private static final class StepDraft {
        final StepPath path;
        final StepKind kind;
        StepResult result = StepResult.SUCCESS;
        long start;
        long process;
        final Map<WaitCause, Long> waits = new EnumMap<>(WaitCause.class);
        boolean firstTime = true;
        String group;

        StepDraft(StepPath path, StepKind kind) {
            this.path = path;
            this.kind = kind;
        }

        long elapsed() {
            return process + waits.values().stream().mapToLong(Long::longValue).sum();
        }

        ProcessStep build(Set<WaitCause> unknown, long effort) {
            return new ProcessStep(path, 0, kind, result, start, elapsed(), process,
                    WaitBreakdown.of(waits, unknown), effort, firstTime, kind == StepKind.OUTSIDE ? null : "n" + start,
                    group);
        }
    }

    /** The runs of a Declarative web-shop pipeline: Checkout, Build, Test (3 parallel branches), Deploy (2 nested). */
    public static List<ProcessMap> webShopRuns(int count) {
        Random random = new Random(42);
        List<ProcessMap> runs = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            boolean queueKnown = n > 3;
            long queue = between(random, 5 * S, 2 * M);
            long queuedAt = START + n * 3 * 3_600_000L;
            long startedAt = queuedAt + queue;
            boolean failed = n == 9 || n == 15;
            List<StepDraft> steps = new ArrayList<>();
            long t = startedAt + 4 * S;

            StepDraft checkout = draft(steps, StepPath.of("Checkout"), StepKind.STAGE, t);
            checkout.process = between(random, 18 * S, 40 * S);
            checkout.waits.put(WaitCause.GAP, 600L);
            t += checkout.elapsed();

            StepDraft build = draft(steps, StepPath.of("Build"), StepKind.STAGE, t);
            build.waits.put(WaitCause.AGENT, n == 12 ? 9 * M : between(random, 10 * S, 3 * M));
            build.process = between(random, 3 * M, 5 * M) + (n == 17 ? 4 * M : 0);
            t += build.elapsed();

            StepDraft test = draft(steps, StepPath.of("Test"), StepKind.STAGE, t);
            StepDraft unit = draft(steps, StepPath.of("Test", "Unit"), StepKind.STAGE, t + S);
            unit.group = "p-test";
            unit.process = between(random, 2 * M, 3 * M);
            StepDraft integration = draft(steps, StepPath.of("Test", "Integration"), StepKind.STAGE, t + S);
            integration.group = "p-test";
            integration.waits.put(WaitCause.LOCK, n == 12 ? 5 * M : between(random, 0, 2 * M));
            integration.process = between(random, 3 * M, 5 * M);
            StepDraft e2e = draft(steps, StepPath.of("Test", "End-to-end"), StepKind.STAGE, t + S);
            e2e.group = "p-test";
            e2e.waits.put(WaitCause.AGENT, between(random, 30 * S, 2 * M));
            e2e.process = between(random, 4 * M, 6 * M);
            if (n % 4 == 0) {
                e2e.waits.put(WaitCause.REWORK, between(random, 1 * M, 2 * M));
                e2e.firstTime = false;
            }
            if (failed) {
                e2e.result = StepResult.FAILURE;
            }
            long longest = Math.max(unit.elapsed(), Math.max(integration.elapsed(), e2e.elapsed()));
            // The parent works whenever a branch works; its wait is the rest, given to the longest branch's causes.
            test.process = Math.max(unit.process, Math.max(integration.process, e2e.process));
            long testWait = longest + S - test.process;
            test.waits.put(WaitCause.AGENT, Math.min(testWait, e2e.waits.get(WaitCause.AGENT)));
            test.waits.put(WaitCause.GAP, testWait - test.waits.get(WaitCause.AGENT));
            test.result = failed ? StepResult.FAILURE : StepResult.SUCCESS;
            t += test.elapsed();

            StepDraft deploy = draft(steps, StepPath.of("Deploy"), StepKind.STAGE, t);
            StepDraft staging = draft(steps, StepPath.of("Deploy", "Staging"), StepKind.STAGE, t + S);
            StepDraft production = draft(steps, StepPath.of("Deploy", "Production"), StepKind.STAGE, 0);
            if (failed) {
                for (StepDraft skipped : List.of(deploy, staging, production)) {
                    skipped.result = StepResult.SKIPPED;
                    skipped.start = t;
                }
            } else {
                staging.process = between(random, 60 * S, 100 * S);
                staging.waits.put(WaitCause.LOCK, between(random, 0, 40 * S));
                production.start = staging.start + staging.elapsed();
                production.waits.put(WaitCause.INPUT, between(random, 2 * M, 25 * M));
                production.process = between(random, 50 * S, 90 * S);
                deploy.process = staging.process + production.process;
                deploy.waits.put(WaitCause.LOCK, staging.waits.get(WaitCause.LOCK));
                deploy.waits.put(WaitCause.INPUT, production.waits.get(WaitCause.INPUT));
                deploy.waits.put(WaitCause.GAP, S);
                t += deploy.elapsed();
            }
            StepDraft outside = new StepDraft(StepPath.OUTSIDE, StepKind.OUTSIDE);
            outside.start = startedAt;
            outside.process = 3 * S;
            outside.waits.put(WaitCause.GAP, 2 * S);
            steps.add(outside);
            long completedAt = t + 1 * S;

            Set<WaitCause> unknown = queueKnown ? Set.of() : Set.of(WaitCause.QUEUE);
            List<ProcessStep> built = new ArrayList<>();
            long process = outside.process;
            Map<WaitCause, Long> waits = new EnumMap<>(WaitCause.class);
            if (queueKnown) {
                waits.put(WaitCause.QUEUE, queue);
            }
            outside.waits.forEach((cause, millis) -> waits.merge(cause, millis, Long::sum));
            for (StepDraft step : steps) {
                long effort = step.process;
                if (step == test) {
                    effort = unit.process + integration.process + e2e.process;
                }
                built.add(step.build(Set.of(), effort));
                if (step.path.depth() == 1 && step.kind != StepKind.OUTSIDE) {
                    process += step.process;
                    step.waits.forEach((cause, millis) -> waits.merge(cause, millis, Long::sum));
                }
            }
            long lead = completedAt - (queueKnown ? queuedAt : startedAt);
            long waitTotal = waits.values().stream().mapToLong(Long::longValue).sum();
            if (lead != process + waitTotal) {
                throw new IllegalStateException("Fixture run " + n + " does not add up: lead " + lead + ", process "
                        + process + ", wait " + waitTotal);
            }
            runs.add(new ProcessMap(n, failed ? RunResult.FAILURE : RunResult.SUCCESS, queueKnown ? queuedAt : null, startedAt,
                    completedAt, completedAt, process, WaitBreakdown.of(waits, unknown), built, List.of(), List.of(),
                    queueKnown ? List.of() : List.of("The build queue wait was not recorded for this run: it ran "
                            + "before queue times were stamped.")));
        }
        return runs;
    }

    /** The runs of a scripted pipeline with three top-level parallel branches, read from the REST API. */
    public static List<ProcessMap> matrixRuns(int count) {
        Random random = new Random(7);
        List<ProcessMap> runs = new ArrayList<>();
        Set<WaitCause> unknown = EnumSet.of(WaitCause.AGENT, WaitCause.QUEUE);
        for (int n = 101; n < 101 + count; n++) {
            long startedAt = START + n * 3_600_000L;
            List<ProcessStep> steps = new ArrayList<>();
            long longest = 0;
            long maxProcess = 0;
            for (String os : List.of("linux", "windows", "macos")) {
                long process = between(random, 2 * M, os.equals("windows") ? 9 * M : 5 * M);
                long gap = between(random, S, 5 * S);
                maxProcess = Math.max(maxProcess, process);
                longest = Math.max(longest, process + gap);
                steps.add(new ProcessStep(StepPath.of(os), 0, StepKind.BRANCH, StepResult.SUCCESS, startedAt + 2 * S,
                        process + gap, process, WaitBreakdown.of(Map.of(WaitCause.GAP, gap), Set.of(WaitCause.AGENT)),
                        process, true, "b-" + os, "p-matrix"));
            }
            long completedAt = startedAt + 2 * S + longest + S;
            long lead = completedAt - startedAt;
            runs.add(new ProcessMap(n, RunResult.SUCCESS, null, startedAt, completedAt, completedAt, maxProcess,
                    WaitBreakdown.of(Map.of(WaitCause.GAP, lead - maxProcess), unknown), steps, List.of(), List.of(),
                    List.of("Read from the Stage View REST API: agent waits inside branches are not shown there, and "
                            + "the build queue wait is not known.")));
        }
        return runs;
    }

    /** Runs whose stage names try to break out of the markup: a tag, quotes and ampersands, control characters. */
    public static List<ProcessMap> hostileRuns(int count) {
        List<ProcessMap> runs = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            long queuedAt = START + n * 60 * M;
            long startedAt = queuedAt + 20 * S;
            List<ProcessStep> steps = new ArrayList<>();
            long t = startedAt + S;
            for (String name : List.of(XSS_STAGE, QUOTES_STAGE, CONTROL_STAGE)) {
                long process = (40 + 10L * n) * S;
                long wait = 15 * S;
                steps.add(new ProcessStep(StepPath.of(name), 0, StepKind.STAGE, StepResult.SUCCESS, t, process + wait,
                        process, WaitBreakdown.of(Map.of(WaitCause.AGENT, wait)), process, true, "n" + t, null));
                t += process + wait;
            }
            long process = steps.stream().mapToLong(ProcessStep::processMillis).sum();
            long completedAt = t + S;
            long agent = steps.stream().mapToLong(ProcessStep::waitMillis).sum();
            long gap = completedAt - startedAt - process - agent;
            runs.add(new ProcessMap(n, RunResult.SUCCESS, queuedAt, startedAt, completedAt, completedAt, process,
                    WaitBreakdown.of(Map.of(WaitCause.QUEUE, 20 * S, WaitCause.AGENT, agent, WaitCause.GAP, gap)),
                    steps, List.of(), List.of(), List.of()));
        }
        return runs;
    }

    /**
     * The value stream of runs, aggregated the simple way: per step (path and occurrence) in median start order,
     * medians and p90 over the runs in which it ran; the bottleneck is the leaf step with the largest median elapsed
     * time.
     */
    public static ValueStream aggregate(String job, List<ProcessMap> runs) {
        Map<String, List<ProcessStep>> byStep = new LinkedHashMap<>();
        Map<String, List<Long>> offsets = new LinkedHashMap<>();
        for (ProcessMap run : runs) {
            for (ProcessStep step : run.steps()) {
                if (!step.counted()) {
                    continue;
                }
                String key = step.path() + "#" + step.occurrence();
                byStep.computeIfAbsent(key, k -> new ArrayList<>()).add(step);
                offsets.computeIfAbsent(key, k -> new ArrayList<>()).add(step.kind() == StepKind.OUTSIDE
                        ? Long.MAX_VALUE / 2 : step.startedAt() - run.startedAt());
            }
        }
        List<StepStats> stats = new ArrayList<>();
        for (Map.Entry<String, List<ProcessStep>> entry : byStep.entrySet()) {
            List<ProcessStep> steps = entry.getValue();
            ProcessStep first = steps.get(0);
            Map<WaitCause, Distribution> byCause = new EnumMap<>(WaitCause.class);
            for (WaitCause cause : WaitCause.values()) {
                if (steps.stream().anyMatch(s -> s.waits().millis(cause) > 0)) {
                    byCause.put(cause, distribution(steps.stream().mapToLong(s -> s.waits().millis(cause)).toArray()));
                }
            }
            long process = steps.stream().mapToLong(ProcessStep::processMillis).sum();
            long elapsed = steps.stream().mapToLong(ProcessStep::elapsedMillis).sum();
            stats.add(new StepStats(first.path(), first.occurrence(), first.kind(), steps.size(),
                    distribution(steps.stream().mapToLong(ProcessStep::processMillis).toArray()),
                    distribution(steps.stream().mapToLong(ProcessStep::waitMillis).toArray()), byCause,
                    distribution(steps.stream().mapToLong(ProcessStep::elapsedMillis).toArray()),
                    distribution(steps.stream().mapToLong(ProcessStep::effortMillis).toArray()),
                    steps.stream().filter(s -> s.result().completed() && s.firstTime()).count()
                            / (double) steps.size(),
                    elapsed == 0 ? 1 : process / (double) elapsed,
                    distribution(offsets.get(entry.getKey()).stream().mapToLong(Long::longValue).toArray()).median(),
                    first.parallelGroup(), 0.0, Distribution.EMPTY));
        }
        stats.sort(Comparator.comparingLong(StepStats::medianStartOffset));
        StepStats bottleneck = null;
        StepStats waitBottleneck = null;
        for (StepStats step : stats) {
            boolean leaf = stats.stream().noneMatch(o -> o != step && o.path().depth() > step.path().depth()
                    && o.path().startsWith(step.path()));
            if (!leaf || step.kind() == StepKind.OUTSIDE) {
                continue;
            }
            if (bottleneck == null || step.elapsed().median() > bottleneck.elapsed().median()) {
                bottleneck = step;
            }
            if (step.waitTime().median() > 0
                    && (waitBottleneck == null || step.waitTime().median() > waitBottleneck.waitTime().median())) {
                waitBottleneck = step;
            }
        }
        Map<WaitCause, Distribution> waitByCause = new EnumMap<>(WaitCause.class);
        for (WaitCause cause : WaitCause.values()) {
            long[] known = runs.stream().filter(r -> r.waits().known(cause)).mapToLong(r -> r.waits().millis(cause))
                    .toArray();
            if (known.length > 0 && (cause == WaitCause.QUEUE || java.util.Arrays.stream(known).anyMatch(v -> v > 0))) {
                waitByCause.put(cause, distribution(known));
            }
        }
        long process = runs.stream().mapToLong(ProcessMap::processMillis).sum();
        long lead = runs.stream().mapToLong(ProcessMap::leadTimeMillis).sum();
        List<RunTrend> trend = runs.stream().sorted(Comparator.comparingInt(ProcessMap::number))
                .map(r -> new RunTrend(r.number(), r.result(), r.startedAt(), r.leadTimeMillis(), r.processMillis(),
                        r.waits(), r.flowEfficiency()))
                .toList();
        return new ValueStream(job, runs.size(), stats,
                distribution(runs.stream().mapToLong(ProcessMap::leadTimeMillis).toArray()),
                distribution(runs.stream().mapToLong(ProcessMap::processMillis).toArray()),
                distribution(runs.stream().mapToLong(ProcessMap::waitMillis).toArray()), waitByCause,
                lead == 0 ? 1 : process / (double) lead, bottleneck, waitBottleneck, trend);
    }

    /** The web shop's report: flags on some runs, budgets on all. */
    public static JobReport webShopReport(int count) {
        List<ProcessMap> runs = webShopRuns(count);
        List<RunReport> reports = new ArrayList<>();
        for (ProcessMap run : runs) {
            List<Flag> flags = new ArrayList<>();
            if (run.number() == 17) {
                flags.add(new Flag(FlagKind.SLOW_PROCESS, StepPath.of("Build"),
                        "Build: process time 8m 12s, baseline 4m 1s (median of 16 runs)", 4 * M + 11 * S,
                        List.of("baseline median 4m 1s, MAD 22s", "threshold 4m 50s (k=3)", "this run 8m 12s")));
            }
            if (run.number() % 5 == 0) {
                flags.add(new Flag(FlagKind.DUPLICATE_WORK, StepPath.of("Test", "Unit"),
                        "checkout scm ran 3 times in this run", 38 * S,
                        List.of("Test/Unit: checkout scm (12s)", "Test/Integration: checkout scm (13s)",
                                "Test/End-to-end: checkout scm (13s)"),
                        "The workspace already holds this checkout: keep the first one and drop the others."));
            }
            List<BudgetCheck> budgets = new ArrayList<>();
            budgets.add(new BudgetCheck(BudgetKind.WAIT, 15 * M, run.waits().total(WaitCause.defaultCounted()),
                    null, 0, null, Set.of(), false));
            run.step(StepPath.of("Deploy", "Production")).filter(ProcessStep::counted).ifPresent(step ->
                    budgets.add(new BudgetCheck(BudgetKind.STEP_WAIT, 20 * M, step.waitMillis(), step.path(), 0,
                            null, Set.of(), false)));
            reports.add(new RunReport(run, flags, budgets));
        }
        return new JobReport("acme/web-shop/main", aggregate("acme/web-shop/main", runs), reports, List.of());
    }

    public static JobReport matrixReport(int count) {
        List<ProcessMap> runs = matrixRuns(count);
        return new JobReport("acme/native-matrix", aggregate("acme/native-matrix", runs),
                runs.stream().map(RunReport::of).toList(), List.of());
    }

    public static JobReport hostileReport(int count) {
        List<ProcessMap> runs = hostileRuns(count);
        String name = "legacy/" + XSS_STAGE;
        List<RunReport> reports = new ArrayList<>();
        for (ProcessMap run : runs) {
            reports.add(new RunReport(run, List.of(new Flag(FlagKind.NO_OP, StepPath.of(XSS_STAGE),
                    XSS_STAGE + " does nothing </script><script>alert(2)</script>", 2 * S,
                    List.of("evidence " + QUOTES_STAGE + " " + CONTROL_STAGE))),
                    List.of(new BudgetCheck(BudgetKind.STEP_WAIT, S, 3 * S, StepPath.of(QUOTES_STAGE), 0, null,
                            Set.of(), false))));
        }
        return new JobReport(name, aggregate(name, runs), reports, List.of());
    }

    private static StepDraft draft(List<StepDraft> steps, StepPath path, StepKind kind, long start) {
        StepDraft step = new StepDraft(path, kind);
        step.start = start;
        steps.add(step);
        return step;
    }

    private static long between(Random random, long low, long high) {
        return high <= low ? low : low + (long) (random.nextDouble() * (high - low));
    }

    private static Distribution distribution(long[] values) {
        return Distribution.ofSorting(values.clone());
    }
}
