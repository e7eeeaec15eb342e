package io.jenkins.plugins.valuestream.view.html;

import io.jenkins.plugins.valuestream.flags.FlagKind;
import io.jenkins.plugins.valuestream.future.FutureAssumptions;
import io.jenkins.plugins.valuestream.future.FutureState;
import io.jenkins.plugins.valuestream.future.FutureStep;
import io.jenkins.plugins.valuestream.future.WhatIfResult;
import io.jenkins.plugins.valuestream.process.WaitCause;
import io.jenkins.plugins.valuestream.stream.Distribution;
import io.jenkins.plugins.valuestream.time.Durations;
import io.jenkins.plugins.valuestream.view.FlagView;
import io.jenkins.plugins.valuestream.view.HumanText;
import io.jenkins.plugins.valuestream.view.WaitPart;
import io.jenkins.plugins.valuestream.view.markup.MarkupWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The report's future-state section and its what-ifs: the job and each step now and projected, with what was removed
 * and what stays (docs/definitions.md, "Future state").
 */
final class FutureStateSection {

    private FutureStateSection() {
    }

    static void write(MarkupWriter out, FutureState future, String jobId) {
        out.open("div", "class", "vs-future", "id", jobId + "-future", "role", "region", "aria-labelledby",
                jobId + "-future-title");
        out.element("h3", "Future state", "id", jobId + "-future-title");
        if (future.runs() == 0) {
            out.element("p", "No completed runs to project.", "class", "vs-empty");
            out.close();
            return;
        }
        out.element("p", "Each of the " + future.runs() + " completed runs recomputed along its critical path with"
                + " the waste below removed: a step that no longer waits ends earlier and what follows it starts"
                + " earlier, a parallel block still lasts until its last branch ends.", "class", "vs-muted");
        assumptions(out, future.assumptions(), future);
        out.open("table", "class", "vs-table vs-future-job");
        Tables.head(out, List.of("", "Now", "Future"));
        out.open("tbody");
        row(out, "Lead time, median", Durations.format(future.leadTime().median()),
                Durations.format(future.projectedLeadTime().median()));
        row(out, "Lead time, p90", Durations.format(future.leadTime().p90()),
                Durations.format(future.projectedLeadTime().p90()));
        row(out, "Flow efficiency", HumanText.percent(future.flowEfficiency()),
                HumanText.percent(future.projectedFlowEfficiency()));
        out.close().close();
        out.open("table", "class", "vs-table vs-future-steps");
        Tables.head(out, List.of("Step", "Runs", "Elapsed now", "Elapsed in the future", "Flow efficiency now",
                "Flow efficiency in the future"));
        out.open("tbody");
        for (FutureStep step : future.steps()) {
            out.open("tr", "data-step", step.displayName());
            out.element("td", step.displayName());
            out.element("td", String.valueOf(step.runs()), "class", "vs-num");
            out.element("td", Durations.format(step.elapsed().median()), "class", "vs-num");
            out.element("td", Durations.format(step.projectedElapsed().median()), "class", "vs-num");
            out.element("td", HumanText.percent(step.flowEfficiency()), "class", "vs-num");
            out.element("td", HumanText.percent(step.projectedFlowEfficiency()), "class", "vs-num");
            out.close();
        }
        out.close().close();
        out.element("p", "Elapsed times are medians over the runs each step ran in; the job's lead time is over all"
                + " the runs, so the steps need not add up to it.", "class", "vs-muted");
        out.close();
    }

    private static void assumptions(MarkupWriter out, FutureAssumptions assumptions, FutureState future) {
        out.open("ul", "class", "vs-future-assumptions");
        out.element("li", "Removed: " + (assumptions.removedCauses().isEmpty() ? "no wait"
                : "the waits for " + causes(assumptions.removedCauses())) + " ("
                + Durations.format(future.removedWaitMillis()) + " over the runs), and the work of the flags "
                + kinds(FutureAssumptions.WORK_KINDS) + " (" + Durations.format(future.removedWorkMillis()) + ").");
        out.element("li", "Stays: " + (assumptions.keptCauses().isEmpty() ? "no wait"
                : "the waits for " + causes(assumptions.keptCauses())) + "; the flags "
                + kinds(FutureAssumptions.keptFlagKinds()) + " beyond the waits removed; every step's order, and"
                + " the work of runs without flags.");
        out.close();
    }

    /** The what-ifs asked for, each the lead time now and with the step's time changed. */
    static void whatIfs(MarkupWriter out, List<WhatIfResult> results, String jobId) {
        out.open("div", "class", "vs-what-if", "id", jobId + "-what-if", "role", "region", "aria-labelledby",
                jobId + "-what-if-title");
        out.element("h3", "What if", "id", jobId + "-what-if-title");
        out.open("table", "class", "vs-table");
        Tables.head(out, List.of("What if", "Runs with the step", "Lead time now", "Projected lead time",
                "Change"));
        out.open("tbody");
        for (WhatIfResult result : results) {
            Distribution now = result.leadTime();
            Distribution then = result.projectedLeadTime();
            out.open("tr", "data-what-if", result.whatIf().toString());
            out.element("td", result.whatIf().stepName() + " " + result.whatIf().text());
            out.element("td", result.stepRuns() + " of " + result.runs(), "class", "vs-num");
            out.element("td", Durations.format(now.median()) + " (p90 " + Durations.format(now.p90()) + ")",
                    "class", "vs-num");
            out.element("td", Durations.format(then.median()) + " (p90 " + Durations.format(then.p90()) + ")",
                    "class", "vs-num");
            long change = then.median() - now.median();
            out.element("td", change == 0 ? "none" : (change < 0 ? "\u2212" : "+")
                    + Durations.format(Math.abs(change)), "class", "vs-num");
            out.close();
        }
        out.close().close();
        out.element("p", "Medians over the completed runs; each run's lead time is recomputed along its critical path"
                + " with the step's time changed and everything else as it was.", "class", "vs-muted");
        out.close();
    }

    private static void row(MarkupWriter out, String label, String now, String future) {
        out.open("tr");
        out.element("th", label, "scope", "row");
        out.element("td", now, "class", "vs-num");
        out.element("td", future, "class", "vs-num vs-future-value");
        out.close();
    }

    private static String causes(Set<WaitCause> causes) {
        return Arrays.stream(WaitCause.values()).filter(causes::contains)
                .map(cause -> WaitPart.label(cause).toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }

    private static String kinds(Set<FlagKind> kinds) {
        return Arrays.stream(FlagKind.values()).filter(kinds::contains)
                .map(kind -> FlagView.label(kind).toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }
}
