package io.jenkins.plugins.valuestream.ui;

import io.jenkins.plugins.valuestream.chain.ChainStream;
import io.jenkins.plugins.valuestream.dora.DoraFigures;
import io.jenkins.plugins.valuestream.flags.AvoidableWork;
import io.jenkins.plugins.valuestream.future.FutureState;
import io.jenkins.plugins.valuestream.future.FutureStep;
import io.jenkins.plugins.valuestream.future.WhatIfResult;
import io.jenkins.plugins.valuestream.report.JobReport;
import io.jenkins.plugins.valuestream.report.RunReport;
import io.jenkins.plugins.valuestream.stream.StepStats;
import io.jenkins.plugins.valuestream.stream.ValueStream;
import io.jenkins.plugins.valuestream.time.Durations;
import io.jenkins.plugins.valuestream.view.DoraView;
import io.jenkins.plugins.valuestream.view.FlagView;
import io.jenkins.plugins.valuestream.view.HumanText;
import io.jenkins.plugins.valuestream.view.WaitPart;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What the Value Stream tab shows for one window of runs: the value stream of the runs in the window, its pictures,
 * the steps as a table, and the flags of the newest runs. Computed from the job's store alone.
 */
public final class ValueStreamPage {
    /** How many of the newest runs in the window have their flags listed. */
    static final int FLAGGED_RUNS = 5;
    /** How many of the newest runs in the window the avoidable-work ledger adds up. */
    static final int LEDGER_RUNS = 50;

    private final String jobUrl;
    private final WindowChoice window;
    private final ValueStream stream;
    private final List<RunFlags> recentFlags;
    private final AvoidableWork ledger;
    private final FutureState future;
    private final List<String> notices;
    private final int recordedRuns;
    private final WhatIfAsked whatIf;
    private final DoraFigures dora;
    private @Nullable ChainStream chain;
    private @Nullable String chainSvg;
    private @Nullable String mapSvg;
    private @Nullable String trendSvg;

    private ValueStreamPage(String jobUrl, WindowChoice window, ValueStream stream, List<RunFlags> recentFlags,
            AvoidableWork ledger, FutureState future, List<String> notices, int recordedRuns, WhatIfAsked whatIf,
            DoraFigures dora) {
        this.ledger = ledger;
        this.dora = dora;
        this.whatIf = whatIf;
        this.future = future;
        this.jobUrl = jobUrl;
        this.window = window;
        this.stream = stream;
        this.recentFlags = List.copyOf(recentFlags);
        this.notices = List.copyOf(notices);
        this.recordedRuns = recordedRuns;
    }

    /**
     * The page of a job.
     *
     * @param jobUrl the job's URL relative to the Jenkins root, ending in {@code /}
     * @param report the job's report over the window, its newest {@link #LEDGER_RUNS} runs flagged
     * @param window the runs shown
     * @param notices what the page must say before anything else (back-fill under way, store warnings)
     * @param recordedRuns how many runs the job has recorded in all
     * @param whatIf the what-if the request asked for, if any, as read
     */
    static ValueStreamPage of(String jobUrl, JobReport report, WindowChoice window, List<String> notices,
            int recordedRuns, WhatIfAsked whatIf) {
        List<RunFlags> flagged = new ArrayList<>();
        for (RunReport run : report.newest(FLAGGED_RUNS)) {
            if (!run.flags().isEmpty()) {
                int number = run.map().number();
                flagged.add(new RunFlags(number, jobUrl + number + "/" + ProcessMapRunAction.URL_NAME + "/",
                        run.flags().stream().map(FlagView::of).toList()));
            }
        }
        return new ValueStreamPage(jobUrl, window, report.valueStream(), flagged, report.avoidableWork(),
                report.futureState(), notices, recordedRuns, whatIf.answeredBy(report), report.dora());
    }

    /** The avoidable-work ledger of the newest runs of the window, costliest first. */
    public List<LedgerRow> getLedger() {
        return ledger.entries().stream().map(LedgerRow::of).toList();
    }

    /** "4m 10s over the 20 newest runs", or {@code null} where nothing was flagged. */
    public @Nullable String getLedgerTotalText() {
        return ledger.entries().isEmpty() ? null
                : Messages.ValueStreamPage_LedgerTotal(Durations.format(ledger.totalMillis()), ledger.runs());
    }

    /** One line of the ledger as shown. */
    public record LedgerRow(String label, String step, String total, int runs, String remedy) {
        static LedgerRow of(AvoidableWork.Entry entry) {
            return new LedgerRow(FlagView.label(entry.kind()), entry.step().toString(),
                    Durations.format(entry.totalMillis()), entry.flaggedRuns(), entry.remedy());
        }
    }

    /** The value stream of the window. */
    public ValueStream getStream() {
        return stream;
    }

    public WindowChoice getWindow() {
        return window;
    }

    /** The window in words, e.g. "the last 50 runs". */
    public String getWindowText() {
        return window.describe();
    }

    public List<WindowChoice.WindowLink> getSizeLinks() {
        return window.sizeLinks();
    }

    public List<WindowChoice.WindowLink> getResultLinks() {
        return window.resultLinks();
    }

    /** What the page says first: back-fill under way, problems found in the store. */
    public List<String> getNotices() {
        return notices;
    }

    /**
     * Whether the window holds no run at all. Not named {@code isEmpty}: Jelly reads {@code page.empty} with the
     * JEXL operator {@code empty} and fails to parse the page.
     */
    public boolean isWithoutRuns() {
        return stream.runs() == 0;
    }

    /** Why the window is empty, in words. */
    public String getEmptyText() {
        return recordedRuns == 0 ? Messages.ValueStreamPage_NoRunsRecorded() : Messages.ValueStreamPage_NoRunsInWindow();
    }

    /** "42 runs: lead time 12m (p90 20m), process 4m, wait 8m, flow efficiency 33%". */
    public String getTotalsText() {
        return Messages.ValueStreamPage_Totals(stream.runs(), Durations.format(stream.leadTime().median()),
                Durations.format(stream.leadTime().p90()), Durations.format(stream.process().median()),
                Durations.format(stream.waitTime().median()), HumanText.percent(stream.flowEfficiency()));
    }

    /**
     * The job's future state in words (docs/definitions.md, "Future state"): the lead time and flow efficiency with
     * the default causes' waits and the flags' avoidable work removed; {@code null} without completed runs.
     */
    public @Nullable String getFutureText() {
        if (future.runs() == 0) {
            return null;
        }
        String causes = future.assumptions().removedCauses().stream().map(cause -> WaitPart.label(cause)
                .toLowerCase(Locale.ROOT)).sorted().collect(Collectors.joining(" and "));
        return Messages.ValueStreamPage_FutureState(causes, Durations.format(future.projectedLeadTime().median()),
                Durations.format(future.leadTime().median()), HumanText.percent(future.projectedFlowEfficiency()),
                HumanText.percent(future.flowEfficiency()));
    }

    /** The delivery figures (DORA) in words; none where no run of the window deploys. */
    public List<DoraView.Row> getDoraRows() {
        return DoraView.rows(dora);
    }

    /** Which steps deploy and how a change's lead time is counted; {@code null} where no run deploys. */
    public @Nullable String getDoraNote() {
        return dora.deploys() ? DoraView.note(dora) : null;
    }

    /** The page with the end-to-end value stream of the chains of jobs the job is part of. */
    ValueStreamPage withChain(@Nullable ChainStream stream) {
        this.chain = stream;
        return this;
    }

    /**
     * "This job in its stream" in words: the chain's jobs, how many chains, their end-to-end lead time, hand-offs and
     * flow efficiency; {@code null} where the job's runs are in no chain with another job.
     */
    public @Nullable String getChainText() {
        if (chain == null) {
            return null;
        }
        ValueStream stream = chain.stream();
        return Messages.ValueStreamPage_Chain(chain.name(), stream.runs(), Durations.format(stream.leadTime().median()),
                Durations.format(stream.leadTime().p90()), Durations.format(chain.handoff().median()),
                HumanText.percent(stream.flowEfficiency()));
    }

    /** The chain's value stream map (SVG drawn by the model, every user string escaped there), or {@code null}. */
    public @Nullable String getChainSvg() {
        if (chain == null) {
            return null;
        }
        if (chainSvg == null) {
            chainSvg = Pictures.chainMap(chain.stream());
        }
        return chainSvg;
    }

    /** The steps of the future-state map beside their current state, in the map's order. */
    public List<FutureRow> getFutureSteps() {
        return future.steps().stream().map(FutureRow::of).toList();
    }

    /** What the future state removed and what stays, in words; {@code null} without completed runs. */
    public @Nullable String getFutureAssumptionsText() {
        if (future.runs() == 0) {
            return null;
        }
        return Messages.ValueStreamPage_FutureAssumptions(future.runs(),
                Durations.format(future.removedWaitMillis()), Durations.format(future.removedWorkMillis()));
    }

    /** The what-if as the user wrote it, to fill the form again; empty when none was asked. */
    public String getWhatIf() {
        return whatIf.text();
    }

    /** The answer to the what-if in words, or {@code null} where none was asked or it could not be answered. */
    public @Nullable String getWhatIfText() {
        WhatIfResult result = whatIf.result();
        if (result == null) {
            return null;
        }
        long now = result.leadTime().median();
        long then = result.projectedLeadTime().median();
        return Messages.ValueStreamPage_WhatIf(result.whatIf().toString(), Durations.format(then),
                Durations.format(now), result.stepRuns(), result.runs());
    }

    /** Why the what-if could not be answered (a malformed what-if, a step no run of the window has), or null. */
    public @Nullable String getWhatIfError() {
        return whatIf.error();
    }

    /** What the what-if form's example says. */
    public String getWhatIfExample() {
        StepStats bottleneck = stream.bottleneck();
        return (bottleneck == null ? "Build" : bottleneck.displayName()) + "=-50%";
    }

    /** The bottleneck in words, or {@code null} without steps. */
    public @Nullable String getBottleneckText() {
        StepStats bottleneck = stream.bottleneck();
        if (bottleneck == null) {
            return null;
        }
        return Messages.ValueStreamPage_Bottleneck(bottleneck.displayName(),
                Durations.format(bottleneck.elapsed().median()));
    }

    /** The step with the longest median wait in words, or {@code null} where no step waits. */
    public @Nullable String getWaitBottleneckText() {
        StepStats bottleneck = stream.waitBottleneck();
        if (bottleneck == null) {
            return null;
        }
        return Messages.ValueStreamPage_WaitBottleneck(bottleneck.displayName(),
                Durations.format(bottleneck.waitTime().median()));
    }

    /** The steps as table rows, in the map's order. */
    public List<StepRow> getSteps() {
        return stream.steps().stream().map(StepRow::of).toList();
    }

    /** The flags of the newest runs of the window, newest first; runs without flags left out. */
    public List<RunFlags> getRecentFlags() {
        return recentFlags;
    }

    /** The value stream map (SVG drawn by the model, every user string escaped there). */
    public String getMapSvg() {
        if (mapSvg == null) {
            mapSvg = Pictures.valueStreamMap(stream);
        }
        return mapSvg;
    }

    /** The trends (SVG drawn by the model, every user string escaped there). */
    public String getTrendSvg() {
        if (trendSvg == null) {
            trendSvg = Pictures.trend(stream);
        }
        return trendSvg;
    }

    /** The JSON of this window, relative to the tab. */
    public String getApiUrl() {
        return "api/json" + window.query();
    }

    /** The job's URL relative to the Jenkins root. */
    public String getJobUrl() {
        return jobUrl;
    }

    /**
     * The flags of one run.
     *
     * @param number the build number
     * @param href the run's process map page, relative to the Jenkins root
     * @param flags its flags, costliest first
     */
    public record RunFlags(int number, String href, List<FlagView> flags) {
        public RunFlags {
            flags = List.copyOf(flags);
        }
    }

    /**
     * One row of the steps table, every number in words.
     *
     * @param name the step's display path
     * @param runs in how many runs it ran
     * @param process median and p90 of process time
     * @param waitTime median and p90 of wait
     * @param elapsed median elapsed time
     * @param successRate %C&amp;A
     * @param flowEfficiency the step's flow efficiency
     */
    public record StepRow(String name, int runs, String process, String waitTime, String elapsed,
            String successRate, String flowEfficiency) {
        static StepRow of(StepStats step) {
            return new StepRow(step.displayName(), step.runs(),
                    Messages.ValueStreamPage_MedianP90(Durations.format(step.process().median()),
                            Durations.format(step.process().p90())),
                    Messages.ValueStreamPage_MedianP90(Durations.format(step.waitTime().median()),
                            Durations.format(step.waitTime().p90())),
                    Durations.format(step.elapsed().median()),
                    HumanText.percent(step.successRate()),
                    HumanText.percent(step.flowEfficiency()));
        }
    }

    /**
     * One row of the future-state table, every number in words.
     *
     * @param name the step's display path
     * @param runs in how many runs it ran
     * @param elapsed its median elapsed time as recorded
     * @param projectedElapsed its median elapsed time in the future state
     * @param flowEfficiency its flow efficiency as recorded
     * @param projectedFlowEfficiency its flow efficiency in the future state
     */
    public record FutureRow(String name, int runs, String elapsed, String projectedElapsed, String flowEfficiency,
            String projectedFlowEfficiency) {
        static FutureRow of(FutureStep step) {
            return new FutureRow(step.displayName(), step.runs(), Durations.format(step.elapsed().median()),
                    Durations.format(step.projectedElapsed().median()), HumanText.percent(step.flowEfficiency()),
                    HumanText.percent(step.projectedFlowEfficiency()));
        }
    }
}
