package io.jenkins.plugins.valuestream.testing;

import io.jenkins.plugins.valuestream.graph.RunResult;
import io.jenkins.plugins.valuestream.process.AgentAllocation;
import io.jenkins.plugins.valuestream.process.ProcessMap;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Builds process maps by hand, the way the extractor would produce them for a job built every hour: run {@code n}
 * starts at {@link #EPOCH} + n hours, steps start at an offset from the run's start, times in milliseconds.
 *
 * <p>Unless set, a run's process time and waits are the sums over its top-level steps (plus the queue wait), and it
 * completes when its last step ends; a step's elapsed time is its process time plus its waits.
 */
public final class RunFixture {
    /** 2024-06-03T08:00:00Z, a Monday morning. */
    public static final long EPOCH = 1_717_401_600_000L;
    public static final long HOUR = 3_600_000L;

    public static final String SH = "org.jenkinsci.plugins.workflow.steps.durable_task.ShellStep";
    public static final String CHECKOUT = "org.jenkinsci.plugins.workflow.steps.scm.GenericSCMStep";
    public static final String ECHO = "org.jenkinsci.plugins.workflow.steps.EchoStep";
    public static final String JUNIT = "hudson.tasks.junit.pipeline.JUnitResultsStep";

    private final int number;
    private RunResult result = RunResult.SUCCESS;
    private boolean resultGiven;
    private boolean running;
    private long runningFor;
    private long queueMillis;
    private boolean queueKnown = true;
    private Long processOverride;
    private WaitBreakdown waitsOverride;
    private Long durationOverride;
    private final List<StepFixture> steps = new ArrayList<>();
    private final List<WorkItem> work = new ArrayList<>();
    private final List<AgentAllocation> agents = new ArrayList<>();
    private final List<io.jenkins.plugins.valuestream.process.LockAcquisition> locks = new ArrayList<>();
    private int nextNodeId = 3;

    private RunFixture(int number) {
        this.number = number;
    }

    public static RunFixture run(int number) {
        return new RunFixture(number);
    }

    public long startedAt() {
        return EPOCH + number * HOUR;
    }

    public RunFixture result(RunResult value) {
        result = value;
        resultGiven = true;
        return this;
    }

    /**
     * The run is still going, {@code millis} after its start; its result is {@code null} unless one was given (Jenkins
     * can set a result before a run ends).
     */
    public RunFixture runningFor(long millis) {
        running = true;
        runningFor = millis;
        return this;
    }

    public RunFixture queued(long millis) {
        queueMillis = millis;
        queueKnown = true;
        return this;
    }

    /** Read from disk without a queue stamp: the queue wait is unknown. */
    public RunFixture queueUnknown() {
        queueKnown = false;
        return this;
    }

    /** The run's process time, instead of the sum over its top-level steps. */
    public RunFixture process(long millis) {
        processOverride = millis;
        return this;
    }

    /** The run's waits (the queue wait is added), instead of the sum over its top-level steps. */
    public RunFixture waits(Map<WaitCause, Long> byCause) {
        waitsOverride = WaitBreakdown.of(byCause);
        return this;
    }

    /** Start to completion, instead of the end of the last step. */
    public RunFixture duration(long millis) {
        durationOverride = millis;
        return this;
    }

    /** A stage at the given path (names from the outermost down). */
    public RunFixture step(String path, Consumer<StepFixture> configure) {
        StepFixture step = new StepFixture(StepPath.parse(path), StepKind.STAGE, String.valueOf(nextNodeId));
        nextNodeId += 4;
        configure.accept(step);
        steps.add(step);
        return this;
    }

    /** The implicit step holding the run's time outside every stage. */
    public RunFixture outside(Consumer<StepFixture> configure) {
        StepFixture step = new StepFixture(StepPath.OUTSIDE, StepKind.OUTSIDE, null);
        configure.accept(step);
        steps.add(step);
        return this;
    }

    public RunFixture work(String function, String arguments, String step, String branch, long at, long duration) {
        work.add(new WorkItem(function, arguments, StepPath.parse(step), branch, startedAt() + at, duration));
        return this;
    }

    /** Work that ran in the given context ({@code null}: a source that does not tell). */
    public RunFixture work(String function, String arguments, String step, String branch, long at, long duration,
            io.jenkins.plugins.valuestream.process.@org.jspecify.annotations.Nullable WorkContext context) {
        work.add(new WorkItem(function, arguments, StepPath.parse(step), branch, startedAt() + at, duration,
                context));
        return this;
    }

    public RunFixture agent(String label, String step, long at, long wait, long hold) {
        agents.add(new AgentAllocation(label, StepPath.parse(step), startedAt() + at, wait, hold));
        return this;
    }

    /** A lock acquisition of the resource ({@code ""}: unnamed) in the given step, {@code at} ms into the run. */
    public RunFixture lock(String resource, String step, long at, long wait, long hold) {
        locks.add(new io.jenkins.plugins.valuestream.process.LockAcquisition(resource, StepPath.parse(step),
                startedAt() + at, wait, hold));
        return this;
    }

    public ProcessMap build() {
        long start = startedAt();
        List<ProcessStep> built = new ArrayList<>();
        long end = 0;
        long process = 0;
        long[] waits = new long[WaitCause.values().length];
        for (StepFixture step : steps) {
            ProcessStep made = step.build(start);
            built.add(made);
            end = Math.max(end, step.at + made.elapsedMillis());
            if (made.path().depth() == 1) {
                process += made.processMillis();
                long[] stepWaits = made.waits().toArray();
                for (int i = 0; i < waits.length; i++) {
                    waits[i] += stepWaits[i];
                }
            }
        }
        built.sort((a, b) -> Boolean.compare(a.kind() == StepKind.OUTSIDE, b.kind() == StepKind.OUTSIDE) != 0
                ? Boolean.compare(a.kind() == StepKind.OUTSIDE, b.kind() == StepKind.OUTSIDE)
                : Long.compare(a.startedAt(), b.startedAt()));
        if (waitsOverride != null) {
            waits = waitsOverride.toArray();
        }
        waits[WaitCause.QUEUE.ordinal()] += queueKnown ? queueMillis : 0;
        Set<WaitCause> unknown = queueKnown ? Set.of() : EnumSet.of(WaitCause.QUEUE);
        long duration = durationOverride != null ? durationOverride : end;
        Long completedAt = running ? null : start + duration;
        long asOf = running ? start + runningFor : start + duration;
        return new ProcessMap(number, running && !resultGiven ? null : result,
                queueKnown ? start - queueMillis : null, start,
                completedAt, asOf, processOverride != null ? processOverride : process,
                WaitBreakdown.ofArray(waits, unknown), built, work, agents, List.of()).withLocks(locks);
    }

    /** One step of a fixture run. */
    public static final class StepFixture {
        private final StepPath path;
        private StepKind kind;
        private final String nodeId;
        private int occurrence;
        private StepResult result = StepResult.SUCCESS;
        private long at;
        private long process;
        private Long elapsed;
        private Long effort;
        private final Map<WaitCause, Long> waits = new EnumMap<>(WaitCause.class);
        private final Set<WaitCause> unknown = EnumSet.noneOf(WaitCause.class);
        private boolean firstTime = true;
        private String parallelGroup;
        private boolean deploys;

        StepFixture(StepPath path, StepKind kind, String nodeId) {
            this.path = path;
            this.kind = kind;
            this.nodeId = nodeId;
        }

        /** Starts this long after the run. */
        public StepFixture at(long offset) {
            at = offset;
            return this;
        }

        public StepFixture process(long millis) {
            process = millis;
            return this;
        }

        public StepFixture waited(WaitCause cause, long millis) {
            waits.merge(cause, millis, Long::sum);
            return this;
        }

        public StepFixture unknown(WaitCause cause) {
            unknown.add(cause);
            return this;
        }

        /** Elapsed time, instead of process + waits. */
        public StepFixture elapsed(long millis) {
            elapsed = millis;
            return this;
        }

        public StepFixture effort(long millis) {
            effort = millis;
            return this;
        }

        public StepFixture result(StepResult value) {
            result = value;
            return this;
        }

        /** A failed attempt inside {@code retry} before it succeeded. */
        public StepFixture reworked() {
            firstTime = false;
            return this;
        }

        public StepFixture occurrence(int value) {
            occurrence = value;
            return this;
        }

        public StepFixture kind(StepKind value) {
            kind = value;
            return this;
        }

        /** A branch of the {@code parallel} block with this node id. */
        public StepFixture parallel(String groupNodeId) {
            parallelGroup = groupNodeId;
            return this;
        }

        /** A {@code processStep} with {@code deploys: true}. */
        public StepFixture deploys() {
            kind = StepKind.PROCESS_STEP;
            deploys = true;
            return this;
        }

        ProcessStep build(long runStart) {
            WaitBreakdown breakdown = WaitBreakdown.of(waits, unknown);
            long elapsedMillis = elapsed != null ? elapsed : process + breakdown.total();
            return new ProcessStep(path, occurrence, kind, result, runStart + at, elapsedMillis, process, breakdown,
                    effort != null ? effort : process, firstTime, nodeId, parallelGroup, deploys);
        }
    }
}
