package io.jenkins.plugins.valuestream.report;

import io.jenkins.plugins.valuestream.budget.BudgetCheck;
import io.jenkins.plugins.valuestream.dora.DeploymentRule;
import io.jenkins.plugins.valuestream.flags.AvoidableWork;
import io.jenkins.plugins.valuestream.flags.BaselineReset;
import io.jenkins.plugins.valuestream.flags.DetectorSettings;
import io.jenkins.plugins.valuestream.flags.Detectors;
import io.jenkins.plugins.valuestream.flags.Flag;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.stream.ValueStream;
import io.jenkins.plugins.valuestream.stream.ValueStreamAggregator;
import io.jenkins.plugins.valuestream.future.FutureAssumptions;
import io.jenkins.plugins.valuestream.future.WhatIf;
import io.jenkins.plugins.valuestream.future.WhatIfProjector;
import io.jenkins.plugins.valuestream.future.WhatIfResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Puts reports together, the same way for the command line, the plugin's pages and its REST API: the value stream
 * over the completed runs of the window, and each run flagged by the detectors against the runs of the job's history
 * before it within the same baseline. This is the only place that runs the detectors for a report.
 *
 * @param settings the detectors' settings
 * @param baseline where the job's baseline starts ({@link BaselineReset#NONE} where it was never reset)
 * @param maxFlaggedRuns how many of the newest runs of a job get flags computed (the others carry none)
 */
public record ReportAssembler(DetectorSettings settings, BaselineReset baseline, int maxFlaggedRuns) {

    public ReportAssembler {
        if (maxFlaggedRuns < 0) {
            throw new IllegalArgumentException("maxFlaggedRuns must be 0 or more, got " + maxFlaggedRuns);
        }
    }

    /** Every run flagged, no baseline reset. */
    public static ReportAssembler of(DetectorSettings settings) {
        return new ReportAssembler(settings, BaselineReset.NONE, Integer.MAX_VALUE);
    }

    /** Whether a window of this many runs has runs left without flags. */
    public boolean leavesRunsUnflagged(int windowSize) {
        return windowSize > maxFlaggedRuns;
    }

    /**
     * One job's report.
     *
     * @param name the job's full name
     * @param window the runs to report, in any order
     * @param history the job's runs that flags compare with, in any order (the window is usually part of it)
     * @param warnings what the report must say about the job (runs skipped, back-fill under way)
     */
    public JobReport assemble(String name, Collection<ProcessMap> window, Collection<ProcessMap> history,
            List<String> warnings) {
        return assemble(name, window, history, warnings, FutureAssumptions.defaults(), List.of());
    }

    /**
     * One job's report with its future state under the given assumptions and the what-ifs whose step the job has
     * (the others are left out: a report of several jobs asks the same of each).
     */
    public JobReport assemble(String name, Collection<ProcessMap> window, Collection<ProcessMap> history,
            List<String> warnings, FutureAssumptions future, List<WhatIf> whatIfs) {
        return assemble(name, window, history, warnings, future, whatIfs, DeploymentRule.PROCESS_STEPS);
    }

    /**
     * One job's report as {@link #assemble(String, Collection, Collection, List, FutureAssumptions, List)}, its DORA
     * figures with the deploying steps the rule tells (the {@code processStep}s that say so, and the stages named).
     */
    public JobReport assemble(String name, Collection<ProcessMap> window, Collection<ProcessMap> history,
            List<String> warnings, FutureAssumptions future, List<WhatIf> whatIfs, DeploymentRule deployments) {
        List<ProcessMap> ordered = new ArrayList<>(window);
        ordered.sort(Comparator.comparingInt(ProcessMap::number));
        int firstFlagged = Math.max(0, ordered.size() - maxFlaggedRuns);
        // The history of each baseline is prepared once for all the runs flagged against it.
        Collection<ProcessMap> older = Detectors.history(olderBaseline(ordered, history));
        Collection<ProcessMap> newer = Detectors.history(newerBaseline(ordered, history));
        // Each run is flagged on its own against the same history: on every core, in the runs' order.
        List<RunReport> runs = IntStream.range(0, ordered.size()).parallel()
                .mapToObj(i -> i < firstFlagged ? RunReport.of(ordered.get(i))
                        : new RunReport(ordered.get(i), Detectors.flag(ordered.get(i),
                                ordered.get(i).number() >= baseline.firstBuild() ? newer : older, settings), List.of()))
                .toList();
        List<List<Flag>> flagged = runs.subList(firstFlagged, runs.size()).stream().map(RunReport::flags).toList();
        ValueStream stream = ValueStreamAggregator.aggregate(name, ordered);
        List<WhatIfResult> projected = new ArrayList<>();
        for (WhatIf whatIf : whatIfs) {
            if (stream.steps().stream().anyMatch(step -> step.path().equals(whatIf.path())
                    && step.occurrence() == whatIf.occurrence())) {
                projected.add(WhatIfProjector.project(whatIf, ordered));
            }
        }
        return new JobReport(name, stream, runs, warnings, AvoidableWork.of(flagged),
                JobReport.futureState(stream, runs, future), projected, JobReport.dora(runs, deployments));
    }

    /** The history of the runs before the baseline's reset ({@link BaselineReset#sameBaseline}); empty without one. */
    private Collection<ProcessMap> olderBaseline(List<ProcessMap> ordered, Collection<ProcessMap> history) {
        for (ProcessMap run : ordered) {
            if (run.number() < baseline.firstBuild()) {
                return baseline.sameBaseline(run, history);
            }
        }
        return List.of();
    }

    /** The history of the runs from the baseline's reset on, or of every run where it was never reset. */
    private Collection<ProcessMap> newerBaseline(List<ProcessMap> ordered, Collection<ProcessMap> history) {
        for (int i = ordered.size() - 1; i >= 0; i--) {
            if (ordered.get(i).number() >= baseline.firstBuild()) {
                return baseline.sameBaseline(ordered.get(i), history);
            }
        }
        return List.of();
    }

    /**
     * One run's report: its flags against the runs of {@code history} in its baseline (an empty history raises only
     * the flags that need none, duplicated work and repeated agents).
     */
    public RunReport run(ProcessMap run, Collection<ProcessMap> history, List<BudgetCheck> budgets) {
        return new RunReport(run, Detectors.flag(run, baseline.sameBaseline(run, history), settings), budgets);
    }
}
