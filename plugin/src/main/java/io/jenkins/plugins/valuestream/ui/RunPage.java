package io.jenkins.plugins.valuestream.ui;

import io.jenkins.plugins.valuestream.budget.BudgetCheck;
import io.jenkins.plugins.valuestream.flags.Flag;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.ProcessStep;
import io.jenkins.plugins.valuestream.process.StepFailure;
import io.jenkins.plugins.valuestream.report.RunReport;
import io.jenkins.plugins.valuestream.time.Durations;
import io.jenkins.plugins.valuestream.view.FlagView;
import io.jenkins.plugins.valuestream.view.HumanText;
import io.jenkins.plugins.valuestream.view.WaitPart;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the build page's summary and the run's "Process Map" page show: process against wait, flow efficiency, the
 * flags with their evidence, the budget verdict, and the process map itself.
 */
public final class RunPage {
    /** How many flags the build page's box shows. */
    static final int SUMMARY_FLAGS = 3;
    /** An error message or input question is cut to its first line and this many characters. */
    private static final int MAX_TEXT = 300;

    private final RunReport report;
    private final ProcessMap map;
    private final List<Flag> flags;
    private final List<BudgetCheck> budgets;
    private @Nullable String svg;

    RunPage(RunReport report) {
        this.report = report;
        this.map = report.map();
        this.flags = report.flags();
        this.budgets = report.budgets();
    }

    public ProcessMap getMap() {
        return map;
    }

    /** The run as the report model holds it, for the JSON. */
    public RunReport report() {
        return report;
    }

    public boolean isRunning() {
        return map.running();
    }

    /** "Lead time 12m 30s: process 4m 10s, wait 8m 20s". */
    public String getTimeText() {
        return Messages.RunPage_Time(Durations.format(map.leadTimeMillis()), Durations.format(map.processMillis()),
                Durations.format(map.waitMillis()));
    }

    /** "Flow efficiency 33%". */
    public String getFlowEfficiencyText() {
        return Messages.RunPage_FlowEfficiency(HumanText.percent(map.flowEfficiency()));
    }

    /** The wait by cause, each cause with time, unknown causes said to be unknown. */
    public List<WaitPart> getWaits() {
        return WaitPart.of(map.waits());
    }

    /** The process share of the lead time in whole percent, for the process/wait bar. */
    public int getProcessPercent() {
        long lead = map.leadTimeMillis();
        if (lead <= 0) {
            return 100;
        }
        return (int) Math.max(0, Math.min(100, Math.round(100.0 * map.processMillis() / lead)));
    }

    /** What the source could not tell, in words. */
    public List<String> getNotes() {
        return map.notes();
    }

    /**
     * The run's errors, each where it arose: "Test (sh make test): script returned exit code 1", and those the
     * Pipeline caught said to be caught. The first line of a long message; the JSON has it whole.
     */
    public List<String> getFailureLines() {
        return map.failures().stream().map(failure -> failure.endedRun() ? failureLine(failure)
                : Messages.RunPage_Caught(failureLine(failure))).toList();
    }

    /** The error the run ended with, for the build page's box (the Process Map page lists every error). */
    public List<String> getEndingFailureLines() {
        return map.failures().stream().filter(StepFailure::endedRun).map(RunPage::failureLine).toList();
    }

    private static String failureLine(StepFailure failure) {
        String message = HumanText.firstLine(failure.message(), MAX_TEXT);
        String step = failure.step().label();
        if (failure.functionName().isEmpty()) {
            return Messages.RunPage_Failure(step, message);
        }
        String function = failure.command().isEmpty() ? failure.functionName()
                : failure.functionName() + " " + failure.command();
        return Messages.RunPage_FailureIn(step, function, message);
    }

    /** The run's inputs and who decided them: "Approve: “Ship it?” approved by alice after 2m 5s". */
    public List<String> getInputLines() {
        return map.inputs().stream().map(input -> {
            String asked = input.message().isEmpty() ? Messages.RunPage_InputUnasked(input.step().label())
                    : Messages.RunPage_InputAsked(input.step().label(), HumanText.firstLine(input.message(), MAX_TEXT));
            String waited = Durations.format(input.waitedMillis());
            return switch (input.decision()) {
                case WAITING -> Messages.RunPage_InputWaiting(asked, waited);
                case APPROVED -> input.user() == null ? Messages.RunPage_InputApproved(asked, waited)
                        : Messages.RunPage_InputApprovedBy(asked, input.user(), waited);
                case ABORTED -> input.user() == null ? Messages.RunPage_InputAborted(asked, waited)
                        : Messages.RunPage_InputAbortedBy(asked, input.user(), waited);
            };
        }).toList();
    }

    /** The flags with their evidence, costliest first. */
    public List<FlagView> getFlags() {
        return flags.stream().map(FlagView::of).toList();
    }

    /** The costliest flags, for the build page's box (the Process Map page lists them all). */
    public List<FlagView> getSummaryFlags() {
        return getFlags().subList(0, Math.min(SUMMARY_FLAGS, flags.size()));
    }

    /** How many flags the build page's box leaves to the Process Map page. */
    public int getMoreFlags() {
        return Math.max(0, flags.size() - SUMMARY_FLAGS);
    }

    /** Whether the run was held to a budget. */
    public boolean isBudgeted() {
        return !budgets.isEmpty();
    }

    /** Whether a budget was exceeded. */
    public boolean isBudgetExceeded() {
        return budgets.stream().anyMatch(BudgetCheck::exceeded);
    }

    /** One sentence per budget, e.g. "Wait budget 15m exceeded by 3m 10s: ...". */
    public List<String> getBudgetLines() {
        return budgets.stream().map(BudgetCheck::message).toList();
    }

    /** The steps, in start order, as table rows. */
    public List<StepLine> getSteps() {
        return map.steps().stream().map(StepLine::of).toList();
    }

    /** The process map (SVG drawn by the model, every user string escaped there). */
    public String getSvg() {
        if (svg == null) {
            svg = Pictures.processMap(report);
        }
        return svg;
    }

    /**
     * One step of the run as a table row, every number in words.
     *
     * @param name the step's display path
     * @param result how it ended
     * @param elapsed elapsed time
     * @param process process time
     * @param waitTime wait, with its largest cause
     * @param effort working time summed over branches
     */
    public record StepLine(String name, String result, String elapsed, String process, String waitTime,
            String effort) {
        static StepLine of(ProcessStep step) {
            String wait = Durations.format(step.waitMillis());
            if (step.waits().largest() != null) {
                wait = Messages.RunPage_WaitWithCause(wait, WaitPart.label(step.waits().largest()));
            }
            return new StepLine(step.displayName(), step.result().name(), Durations.format(step.elapsedMillis()),
                    Durations.format(step.processMillis()), wait, Durations.format(step.effortMillis()));
        }
    }
}
