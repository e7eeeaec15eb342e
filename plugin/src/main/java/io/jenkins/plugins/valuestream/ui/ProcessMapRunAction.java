package io.jenkins.plugins.valuestream.ui;

import hudson.model.Action;
import hudson.model.Item;
import hudson.model.Api;
import io.jenkins.plugins.valuestream.api.ExportedReport;
import io.jenkins.plugins.valuestream.budget.BudgetCheck;
import io.jenkins.plugins.valuestream.config.ValueStreamConfiguration;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.report.ReportAssembler;
import io.jenkins.plugins.valuestream.report.RunReport;
import io.jenkins.plugins.valuestream.steps.BudgetVerdicts;
import java.io.IOException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jspecify.annotations.Nullable;

/**
 * The run's "Process Map" page ({@code /job/X/N/process-map/}), its box on the build page ({@code summary.jelly}) and
 * its JSON ({@code /job/X/N/process-map/api/json}). Added to every Pipeline run that has a process map by
 * {@link ProcessMapRunActionFactory}; the map itself is the one the recording kept on the run.
 */
public final class ProcessMapRunAction implements Action {
    /** The URL of the page under the run. */
    public static final String URL_NAME = "process-map";
    private static final Logger LOGGER = Logger.getLogger(ProcessMapRunAction.class.getName());

    private final WorkflowRun run;
    private @Nullable RunPage page;
    private boolean computed;

    ProcessMapRunAction(WorkflowRun run) {
        this.run = run;
    }

    public WorkflowRun getRun() {
        return run;
    }

    @Override
    public String getIconFileName() {
        return "symbol-hourglass";
    }

    @Override
    public String getDisplayName() {
        return Messages.ProcessMapRunAction_DisplayName();
    }

    @Override
    public String getUrlName() {
        return URL_NAME;
    }

    /**
     * What the page shows, or {@code null} when the run has no process map ({@link #getUnavailableReason()} says
     * why). Computed once per action, and the action is made afresh for every request.
     */
    public @Nullable RunPage getPage() {
        if (!computed) {
            computed = true;
            page = compute(run);
        }
        return page;
    }

    /**
     * The REST API of this run ({@code api/json}, {@code api/xml}, {@code ?tree=}) through Jenkins' exported API;
     * {@code null} (404) for a run without a process map.
     */
    public @Nullable Api getApi() {
        RunPage shown = getPage();
        return shown == null ? null
                : new Api(new ExportedReport.Run(shown.report()));
    }

    /** The job's Value Stream tab, relative to the Jenkins root. */
    public String getValueStreamUrl() {
        return run.getParent().getUrl() + ValueStreamJobAction.URL_NAME + "/";
    }

    /** Why the run has no process map, or {@code null}. */
    public @Nullable String getUnavailableReason() {
        return JobRecords.unavailableReason(run);
    }

    private static @Nullable RunPage compute(WorkflowRun run) {
        run.getParent().checkPermission(Item.READ);
        ProcessMap map = JobRecords.processMap(run);
        if (map == null) {
            return null;
        }
        return new RunPage(report(run.getParent(), map, BudgetVerdicts.of(run)));
    }

    /**
     * The run flagged against the job's recorded history (the runs of its baseline); when the store cannot be read,
     * only the flags that need no history (duplicated work, repeated agents).
     */
    private static RunReport report(WorkflowJob job, ProcessMap map, List<BudgetCheck> budgets) {
        ReportAssembler assembler = new ReportAssembler(ValueStreamConfiguration.get().detectorSettings(),
                BaselineStart.of(job), 1);
        List<ProcessMap> history;
        try {
            history = JobRecords.read(job).runs();
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "Cannot read the value-stream store of " + job.getFullName()
                    + "; showing the process map of " + map.number() + " without flags", e);
            history = List.of();
        }
        return assembler.run(map, history, budgets);
    }
}
