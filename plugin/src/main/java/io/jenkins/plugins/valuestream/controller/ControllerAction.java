package io.jenkins.plugins.valuestream.controller;

import hudson.Extension;
import hudson.model.Item;
import hudson.model.RootAction;
import io.jenkins.plugins.valuestream.export.PrometheusExport;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.report.JobReport;
import io.jenkins.plugins.valuestream.report.RunReport;
import io.jenkins.plugins.valuestream.stream.Contention;
import io.jenkins.plugins.valuestream.stream.RunWindow;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jspecify.annotations.Nullable;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;
import org.kohsuke.stapler.WebMethod;
import org.kohsuke.stapler.verb.GET;

/**
 * The value stream of the whole controller, at {@code /value-stream/}: the page <em>Value Stream across jobs</em>
 * (what the jobs wait for together: agents by label, locks by resource and by step; docs/definitions.md, "Contention across jobs")
 * and {@code /value-stream/prometheus}, every job's figures as Prometheus metrics (the text format 0.0.4, or
 * OpenMetrics where the scraper's {@code Accept} header asks for it, as Prometheus does; docs/export.md). Both cover
 * the Pipeline jobs the caller may read, each over the runs its store holds, so the counters only grow while runs are
 * recorded. A scraper logs in like any REST client (a user and an API token); without {@code Overall/Read} Jenkins
 * refuses the request before it gets here. Reading either starts no background work: a job whose store is being
 * filled counts what it holds.
 */
@Extension
public final class ControllerAction implements RootAction {
    /** The URL, relative to the Jenkins root. */
    public static final String URL_NAME = "value-stream";
    /** How many of each job's newest runs the contention page counts. */
    static final int CONTENTION_RUNS = 200;

    private static final Logger LOGGER = Logger.getLogger(ControllerAction.class.getName());

    private final JobReportCache reports = new JobReportCache();

    /** In the menu of the page header (Jenkins lists root actions there) for whoever may read Jenkins. */
    @Override
    public @Nullable String getIconFileName() {
        return Jenkins.get().hasPermission(Jenkins.READ) ? "symbol-analytics" : null;
    }

    @Override
    public String getDisplayName() {
        return Messages.ControllerAction_DisplayName();
    }

    @Override
    public String getUrlName() {
        return URL_NAME;
    }

    /** What the page shows: the contention over the newest runs of every job the reader may read. */
    public ContentionPage getPage() {
        Jenkins.get().checkPermission(Jenkins.READ);
        Map<String, List<ProcessMap>> runs = new LinkedHashMap<>();
        for (JobReport report : readableReports()) {
            runs.put(report.name(), RunWindow.last(CONTENTION_RUNS)
                    .select(report.runs().stream().map(RunReport::map).toList()));
        }
        return new ContentionPage(Contention.of(runs));
    }

    /** The metrics. GET only; {@code Overall/Read}, and {@code Item/Read} on each job exported. */
    @GET
    @WebMethod(name = "prometheus")
    public void doPrometheus(StaplerRequest2 request, StaplerResponse2 response) throws IOException {
        Jenkins.get().checkPermission(Jenkins.READ);
        List<JobReport> readable = readableReports();
        PrometheusExport.Format format = PrometheusExport.Format.accepted(request.getHeader("Accept"));
        response.setStatus(200);
        response.setContentType(format.contentType());
        try (OutputStream out = response.getOutputStream()) {
            PrometheusExport.write(readable, format, out);
        }
    }

    /** The report of every Pipeline job the caller may read that has recorded runs. */
    private List<JobReport> readableReports() {
        Jenkins jenkins = Jenkins.get();
        List<JobReport> readable = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (WorkflowJob job : jenkins.allItems(WorkflowJob.class)) {
            if (!job.hasPermission(Item.READ)) {
                continue;
            }
            seen.add(job.getFullName());
            try {
                JobReport report = reports.report(job);
                if (report != null) {
                    readable.add(report);
                }
            } catch (IOException | RuntimeException e) {
                LOGGER.log(Level.WARNING, "Leaving " + job.getFullName() + " out of the value stream across jobs:"
                        + " its value-stream store cannot be read; rebuild it from the job's Value Stream tab", e);
            }
        }
        if (jenkins.hasPermission(Jenkins.ADMINISTER)) {
            reports.retainOnly(seen); // an administrator reads every job: the others are gone
        }
        return readable;
    }
}
