package io.jenkins.plugins.valuestream.ui;

import hudson.model.Item;
import hudson.model.Api;
import io.jenkins.plugins.valuestream.api.ExportedReport;
import io.jenkins.plugins.valuestream.config.ValueStreamConfiguration;
import io.jenkins.plugins.valuestream.flags.DetectorSettings;
import io.jenkins.plugins.valuestream.future.FutureAssumptions;
import io.jenkins.plugins.valuestream.history.JobHistory;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.report.JobReport;
import io.jenkins.plugins.valuestream.report.ReportAssembler;
import io.jenkins.plugins.valuestream.stream.RunWindow;
import io.jenkins.plugins.valuestream.stream.ValueStream;
import io.jenkins.plugins.valuestream.stream.ValueStreamAggregator;
import io.jenkins.plugins.valuestream.time.Durations;
import io.jenkins.plugins.valuestream.view.HumanText;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Tab;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jspecify.annotations.Nullable;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.Stapler;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.interceptor.RequirePOST;

/**
 * The job's "Value Stream" tab ({@code /job/X/value-stream/}): the value stream map of a window of runs, the trends,
 * the flags of the newest runs, the window selector; its JSON ({@code api/json}); the small trend on the job's main
 * page ({@code floatingBox.jelly}); and two POST actions for people who may configure the job: rebuild the store
 * and reset the baseline.
 *
 * <p>Everything shown is read from the job's value-stream store: drawing the tab never loads a {@code Run}. Runs the
 * store does not hold yet are read in the background, and the page says so.
 */
public final class ValueStreamJobAction extends Tab {
    /** The URL of the tab under the job. */
    public static final String URL_NAME = "value-stream";
    /** How many runs the trend on the job's main page covers. */
    static final int SMALL_TREND_RUNS = 30;
    /** The most runs whose flags the JSON lists (each run is compared with the runs before it). */
    static final int MAX_FLAGGED_RUNS_IN_JSON = 200;
    private static final Logger LOGGER = Logger.getLogger(ValueStreamJobAction.class.getName());

    private final WorkflowJob job;

    ValueStreamJobAction(WorkflowJob job) {
        super(job);
        this.job = job;
    }

    public WorkflowJob getJob() {
        return job;
    }

    @Override
    public String getIconFileName() {
        return "symbol-analytics";
    }

    @Override
    public String getDisplayName() {
        return Messages.ValueStreamJobAction_DisplayName();
    }

    @Override
    public String getUrlName() {
        return URL_NAME;
    }

    /** The page for the window the current request asks for; starts reading runs the store misses, if any. */
    public ValueStreamPage getPage() {
        job.checkPermission(Item.READ);
        StaplerRequest2 request = Stapler.getCurrentRequest2();
        return page(windowOf(request),
                WhatIfAsked.read(request == null ? null : request.getParameter(WhatIfAsked.PARAMETER)), true);
    }

    /** The small trend of the job's newest runs for its main page, or {@code null} while none is recorded. */
    public @Nullable SmallTrend getSmallTrend() {
        if (!job.hasPermission(Item.READ)) {
            return null;
        }
        Loaded loaded = load();
        List<ProcessMap> newest = RunWindow.last(SMALL_TREND_RUNS).select(loaded.runs);
        if (newest.isEmpty()) {
            return null;
        }
        ValueStream stream = ValueStreamAggregator.aggregate(job.getFullName(), newest);
        return new SmallTrend(Messages.ValueStreamJobAction_SmallTrend(stream.runs(),
                Durations.format(stream.leadTime().median()), HumanText.percent(stream.flowEfficiency())),
                Pictures.smallTrend(stream));
    }

    /**
     * The job's main page box.
     *
     * @param text the newest runs' median lead time and flow efficiency in words
     * @param svg their trends (SVG drawn by the model, every user string escaped there)
     */
    public record SmallTrend(String text, String svg) {
    }

    /** Whether the current user may rebuild the store and reset the baseline. */
    public boolean isConfigurable() {
        return job.hasPermission(Item.CONFIGURE);
    }

    /** The first build of the job's baseline, 0 when it was never reset. */
    public int getBaselineStart() {
        return BaselineStart.of(job).firstBuild();
    }

    /**
     * The REST API ({@code api/json?runs=50&results=successful}, {@code api/xml}, {@code ?tree=}): the report of the
     * window the query asks for, through Jenkins' exported API. Reading it starts no background work.
     */
    public Api getApi() {
        job.checkPermission(Item.READ);
        return new Api(new ExportedReport.Report(report(windowOf(Stapler.getCurrentRequest2()))));
    }

    /** Throws the store away and reads every run again, in the background. POST, {@code Item.CONFIGURE}, crumb. */
    @RequirePOST
    public HttpResponse doRebuildStore() {
        job.checkPermission(Item.CONFIGURE);
        LOGGER.log(Level.INFO, "Rebuilding the value-stream store of {0}", job.getFullName());
        JobRecords.rebuild(job);
        return HttpResponses.redirectToDot();
    }

    /**
     * Starts a new baseline for the slow-step detector with the job's next build. POST, {@code Item.CONFIGURE},
     * crumb.
     */
    @RequirePOST
    public HttpResponse doResetBaseline() throws IOException {
        job.checkPermission(Item.CONFIGURE);
        int first = BaselineStart.reset(job);
        LOGGER.log(Level.INFO, "Baseline of {0} reset: it starts with build {1}",
                new Object[] {job.getFullName(), first});
        return HttpResponses.redirectToDot();
    }

    private static WindowChoice windowOf(@Nullable StaplerRequest2 request) {
        RunWindow defaults = ValueStreamConfiguration.get().defaultWindow();
        if (request == null) {
            return new WindowChoice(Math.min(defaults.size(), WindowChoice.MAX_RUNS), defaults.successfulOnly());
        }
        String results = request.getParameter(WindowChoice.RESULTS_PARAMETER);
        if (results == null && defaults.successfulOnly()) {
            results = "successful";
        }
        return WindowChoice.parse(request.getParameter(WindowChoice.RUNS_PARAMETER), results, defaults.size());
    }

    ValueStreamPage page(WindowChoice window, WhatIfAsked whatIf, boolean catchUp) {
        List<String> notices = new ArrayList<>();
        if (!ValueStreamConfiguration.get().isRecording()) {
            notices.add(Messages.ValueStreamJobAction_RecordingOff());
        }
        if (catchUp && JobRecords.catchUp(job)) {
            notices.add(Messages.ValueStreamJobAction_Backfilling());
        }
        Loaded loaded = load();
        notices.addAll(loaded.warnings);
        List<ProcessMap> selected = window.toRunWindow().select(loaded.runs);
        JobReport report = new ReportAssembler(settings(), BaselineStart.of(job), ValueStreamPage.LEDGER_RUNS)
                .assemble(job.getFullName(), selected, loaded.runs, List.of(), FutureAssumptions.defaults(),
                        whatIf.asList());
        return ValueStreamPage.of(job.getUrl(), report, window, notices, loaded.runs.size(), whatIf)
                .withChain(JobStream.of(job, loaded.runs));
    }

    JobReport report(WindowChoice window) {
        Loaded loaded = load();
        List<ProcessMap> selected = window.toRunWindow().select(loaded.runs);
        ReportAssembler assembler = new ReportAssembler(settings(), BaselineStart.of(job),
                MAX_FLAGGED_RUNS_IN_JSON);
        List<String> warnings = new ArrayList<>();
        if (JobRecords.isFilling(job)) {
            warnings.add(Messages.ValueStreamJobAction_Backfilling());
        }
        warnings.addAll(loaded.warnings);
        if (assembler.leavesRunsUnflagged(selected.size())) {
            warnings.add(Messages.ValueStreamJobAction_FlagsOfNewestOnly(MAX_FLAGGED_RUNS_IN_JSON));
        }
        return assembler.assemble(job.getFullName(), selected, loaded.runs, warnings);
    }

    private static DetectorSettings settings() {
        return ValueStreamConfiguration.get().detectorSettings();
    }

    /** The store's runs, or none with a warning when it cannot be read: the page still opens and says why. */
    private Loaded load() {
        try {
            JobHistory.Snapshot snapshot = JobRecords.read(job);
            return new Loaded(snapshot.runs(), snapshot.warnings());
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "Cannot read the value-stream store of " + job.getFullName(), e);
            return new Loaded(List.of(), List.of(Messages.ValueStreamJobAction_StoreUnreadable(e.getMessage())));
        }
    }

    private record Loaded(List<ProcessMap> runs, List<String> warnings) {
    }
}
