package io.jenkins.plugins.valuestream.future;

import io.jenkins.plugins.valuestream.critical.Rescheduled;
import io.jenkins.plugins.valuestream.critical.RunSchedule;
import io.jenkins.plugins.valuestream.flags.Flag;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.ProcessStep;
import io.jenkins.plugins.valuestream.process.StepPath;
import io.jenkins.plugins.valuestream.process.WaitCause;
import io.jenkins.plugins.valuestream.stream.Distribution;
import io.jenkins.plugins.valuestream.stream.StepStats;
import io.jenkins.plugins.valuestream.stream.ValueStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Projects a job's future state (docs/definitions.md, "Future state"): each finished run recomputed by its
 * {@link RunSchedule} with every step's removable time (its waits of the removed causes and the cost of its flags
 * of {@link FutureAssumptions#WORK_KINDS}) taken off its own time, then the job's and each step's figures over the
 * projected runs.
 */
public final class FutureStateProjector {

    private FutureStateProjector() {
    }

    /**
     * The future state of the given runs (running runs are left out), with the steps of {@code stream} in its
     * order.
     */
    public static FutureState project(ValueStream stream, List<FlaggedRun> runs, FutureAssumptions assumptions) {
        Map<StepKey, StepTally> tallies = new LinkedHashMap<>();
        for (StepStats step : stream.steps()) {
            tallies.put(new StepKey(step.path(), step.occurrence()), new StepTally());
        }
        List<Long> lead = new ArrayList<>();
        List<Long> projectedLead = new ArrayList<>();
        long process = 0;
        long projectedProcess = 0;
        long removedWait = 0;
        long removedWork = 0;
        for (FlaggedRun run : runs) {
            ProcessMap map = run.map();
            if (map.running()) {
                continue;
            }
            RunProjection projection = RunProjection.of(map, run.flags(), assumptions);
            lead.add(map.leadTimeMillis());
            projectedLead.add(projection.leadTimeMillis());
            process += map.processMillis();
            projectedProcess += projection.processMillis();
            removedWait += map.waits().total(assumptions.removedCauses());
            removedWork += projection.removedWorkMillis();
            List<ProcessStep> steps = map.steps();
            for (int i = 0; i < steps.size(); i++) {
                ProcessStep step = steps.get(i);
                StepTally tally = tallies.get(new StepKey(step.path(), step.occurrence()));
                if (tally != null && step.counted()) {
                    tally.add(step, projection.elapsedMillis(i), projection.processMillis(i));
                }
            }
        }
        List<FutureStep> steps = new ArrayList<>(stream.steps().size());
        tallies.forEach((key, tally) -> steps.add(tally.step(key.path(), key.occurrence())));
        long leadSum = lead.stream().mapToLong(Long::longValue).sum();
        long projectedSum = projectedLead.stream().mapToLong(Long::longValue).sum();
        return new FutureState(assumptions, lead.size(), distribution(lead), distribution(projectedLead),
                ratio(process, leadSum), ratio(projectedProcess, projectedSum), removedWait, removedWork, steps);
    }

    static Distribution distribution(List<Long> values) {
        return Distribution.ofSorting(values.stream().mapToLong(Long::longValue).toArray());
    }

    private static double ratio(long part, long whole) {
        return whole <= 0 ? 1.0 : Math.min(1.0, (double) part / whole);
    }

    private record StepKey(StepPath path, int occurrence) {
    }

    /** One step's values over the runs it ran in. */
    private static final class StepTally {
        final List<Long> elapsed = new ArrayList<>();
        final List<Long> projectedElapsed = new ArrayList<>();
        long process;
        long elapsedSum;
        long projectedProcess;
        long projectedElapsedSum;

        void add(ProcessStep step, long projectedElapsedMillis, long projectedProcessMillis) {
            elapsed.add(step.elapsedMillis());
            projectedElapsed.add(projectedElapsedMillis);
            process += step.processMillis();
            elapsedSum += step.elapsedMillis();
            projectedProcess += projectedProcessMillis;
            projectedElapsedSum += projectedElapsedMillis;
        }

        FutureStep step(StepPath path, int occurrence) {
            return new FutureStep(path, occurrence, elapsed.size(), distribution(elapsed),
                    distribution(projectedElapsed), ratio(process, elapsedSum),
                    ratio(projectedProcess, projectedElapsedSum));
        }
    }

    /**
     * One run projected: each step's removable time (at most its elapsed time), what of it its child steps do not
     * hold comes off its own time, and the schedule gives each step's and the run's new length.
     */
    private record RunProjection(Rescheduled schedule, List<Long> projectedProcess, long processMillis,
            long removedWorkMillis) {

        static RunProjection of(ProcessMap map, List<Flag> flags, FutureAssumptions assumptions) {
            List<ProcessStep> steps = map.steps();
            RunSchedule schedule = RunSchedule.of(map);
            Map<StepPath, Long> work = avoidableWork(flags);
            long[] waitCut = new long[steps.size()];
            long[] workCut = new long[steps.size()];
            long removedWork = 0;
            for (int i = 0; i < steps.size(); i++) {
                ProcessStep step = steps.get(i);
                if (!step.counted()) {
                    continue;
                }
                Long flagged = step.occurrence() == 0 ? work.get(step.path()) : null;
                workCut[i] = Math.min(step.processMillis(), flagged == null ? 0 : flagged);
                waitCut[i] = Math.min(step.elapsedMillis(), step.waits().total(assumptions.removedCauses()));
                removedWork += workCut[i];
            }
            long queueCut = assumptions.removedCauses().contains(WaitCause.QUEUE)
                    ? map.waits().millis(WaitCause.QUEUE) : 0;
            long[] both = new long[steps.size()];
            for (int i = 0; i < steps.size(); i++) {
                both[i] = Math.min(steps.get(i).elapsedMillis(), waitCut[i] + workCut[i]);
            }
            Rescheduled withoutWaits = schedule.withOwnTimeCut(ownCuts(schedule, waitCut), queueCut);
            Rescheduled withoutBoth = schedule.withOwnTimeCut(ownCuts(schedule, both), queueCut);
            // The work removed counts where it shortened something: a step's or the run's drop once the waits went.
            List<Long> projectedProcess = new ArrayList<>(steps.size());
            for (int i = 0; i < steps.size(); i++) {
                long workDrop = withoutWaits.elapsedMillis(i) - withoutBoth.elapsedMillis(i);
                projectedProcess.add(Math.max(0, Math.min(withoutBoth.elapsedMillis(i),
                        steps.get(i).processMillis() - workDrop)));
            }
            long runWorkDrop = withoutWaits.leadTimeMillis() - withoutBoth.leadTimeMillis();
            long process = Math.max(0, Math.min(withoutBoth.leadTimeMillis(), map.processMillis() - runWorkDrop));
            return new RunProjection(withoutBoth, List.copyOf(projectedProcess), process, removedWork);
        }

        /**
         * Each step's own-time cut: its removable time less what its child steps' removable time accounts for, at
         * least 0 (the schedule caps it at the own time).
         */
        private static long[] ownCuts(RunSchedule schedule, long[] removable) {
            long[] own = removable.clone();
            for (int i = 0; i < removable.length; i++) {
                int parent = schedule.parentOf(i);
                if (parent >= 0) {
                    own[parent] -= removable[i];
                }
            }
            for (int i = 0; i < own.length; i++) {
                own[i] = Math.max(0, own[i]);
            }
            return own;
        }

        /** The cost of the work flags by step. */
        private static Map<StepPath, Long> avoidableWork(List<Flag> flags) {
            Map<StepPath, Long> work = new HashMap<>();
            for (Flag flag : flags) {
                if (FutureAssumptions.WORK_KINDS.contains(flag.kind())) {
                    work.merge(flag.step(), flag.costMillis(), Long::sum);
                }
            }
            return work;
        }

        long leadTimeMillis() {
            return schedule.leadTimeMillis();
        }

        long elapsedMillis(int step) {
            return schedule.elapsedMillis(step);
        }

        long processMillis(int step) {
            return projectedProcess.get(step);
        }
    }
}
