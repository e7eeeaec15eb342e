package io.jenkins.plugins.valuestream.report;

import io.jenkins.plugins.valuestream.dora.DeploymentRule;
import io.jenkins.plugins.valuestream.dora.DoraCalculator;
import io.jenkins.plugins.valuestream.dora.DoraFigures;
import io.jenkins.plugins.valuestream.flags.AvoidableWork;
import io.jenkins.plugins.valuestream.future.FlaggedRun;
import io.jenkins.plugins.valuestream.future.FutureAssumptions;
import io.jenkins.plugins.valuestream.future.FutureState;
import io.jenkins.plugins.valuestream.future.FutureStateProjector;
import io.jenkins.plugins.valuestream.future.WhatIfResult;
import io.jenkins.plugins.valuestream.stream.ValueStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One job of a report.
 *
 * @param name the job's full name
 * @param valueStream the value stream of the runs of the window
 * @param runs the runs of the window, oldest first
 * @param warnings what the report must say about the job (runs skipped, back-fill under way)
 * @param avoidableWork the ledger of the flags of the runs that were flagged
 * @param futureState the window's runs projected without the waste of its assumptions
 * @param whatIfs the what-ifs asked for whose step the job has, in the order asked
 * @param dora DORA's delivery figures of the window's runs
 */
public record JobReport(String name, ValueStream valueStream, List<RunReport> runs, List<String> warnings,
        AvoidableWork avoidableWork, FutureState futureState, List<WhatIfResult> whatIfs, DoraFigures dora) {
    public JobReport {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(valueStream, "valueStream");
        runs = List.copyOf(runs);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(avoidableWork, "avoidableWork");
        Objects.requireNonNull(futureState, "futureState");
        whatIfs = List.copyOf(whatIfs);
        Objects.requireNonNull(dora, "dora");
    }

    /** A job whose deployments are the {@code processStep}s that say they deploy. */
    public JobReport(String name, ValueStream valueStream, List<RunReport> runs, List<String> warnings,
            AvoidableWork avoidableWork, FutureState futureState, List<WhatIfResult> whatIfs) {
        this(name, valueStream, runs, warnings, avoidableWork, futureState, whatIfs,
                dora(runs, DeploymentRule.PROCESS_STEPS));
    }

    /** The delivery figures of the runs, their deploying steps told by the rule. */
    static DoraFigures dora(List<RunReport> runs, DeploymentRule rule) {
        return DoraCalculator.compute(runs.stream().map(RunReport::map).toList(), rule);
    }

    /** A job with the default future state ({@link FutureAssumptions#defaults()}) and no what-ifs. */
    public JobReport(String name, ValueStream valueStream, List<RunReport> runs, List<String> warnings,
            AvoidableWork avoidableWork) {
        this(name, valueStream, runs, warnings, avoidableWork,
                futureState(valueStream, runs, FutureAssumptions.defaults()), List.of());
    }

    /** The future state of the runs' value stream under the given assumptions. */
    static FutureState futureState(ValueStream valueStream, List<RunReport> runs, FutureAssumptions assumptions) {
        return FutureStateProjector.project(valueStream,
                runs.stream().map(run -> new FlaggedRun(run.map(), run.flags())).toList(), assumptions);
    }

    /** A job whose every run was flagged: the ledger adds up all their flags. */
    public JobReport(String name, ValueStream valueStream, List<RunReport> runs, List<String> warnings) {
        this(name, valueStream, runs, warnings, AvoidableWork.of(runs.stream().map(RunReport::flags).toList()));
    }

    /** The newest runs of the report, at most {@code count}, newest first. */
    public List<RunReport> newest(int count) {
        List<RunReport> newest = new ArrayList<>(Math.min(count, runs.size()));
        for (int i = runs.size() - 1; i >= 0 && newest.size() < count; i--) {
            newest.add(runs.get(i));
        }
        return newest;
    }
}
