package io.jenkins.plugins.valuestream.metrics;

import hudson.Extension;
import hudson.model.Item;
import hudson.model.RootAction;
import io.jenkins.plugins.valuestream.export.PrometheusExport;
import io.jenkins.plugins.valuestream.report.JobReport;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
 * {@code /value-stream/prometheus}: the value stream of every Pipeline job the caller may read, as Prometheus metrics
 * (the text format 0.0.4, or OpenMetrics where the scraper's {@code Accept} header asks for it, as Prometheus does).
 * Each job counts every run its store holds, so the counters only grow while runs are recorded. A scraper logs in
 * like any REST client (a user and an API token); without {@code Overall/Read} Jenkins refuses the request before it
 * gets here, and jobs the user may not read are left out. Reading it starts no background work: a job whose store is
 * being filled exports what it holds.
 */
@Extension
public final class PrometheusEndpoint implements RootAction {
    /** The URL of the endpoint's parent, relative to the Jenkins root. */
    public static final String URL_NAME = "value-stream";

    private static final Logger LOGGER = Logger.getLogger(PrometheusEndpoint.class.getName());

    private final JobReportCache reports = new JobReportCache();

    /** No link in the side panel: the endpoint is for scrapers. */
    @Override
    public @Nullable String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return Messages.PrometheusEndpoint_DisplayName();
    }

    @Override
    public String getUrlName() {
        return URL_NAME;
    }

    /** The metrics. GET only; {@code Overall/Read}, and {@code Item/Read} on each job exported. */
    @GET
    @WebMethod(name = "prometheus")
    public void doPrometheus(StaplerRequest2 request, StaplerResponse2 response) throws IOException {
        Jenkins jenkins = Jenkins.get();
        jenkins.checkPermission(Jenkins.READ);
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
                LOGGER.log(Level.WARNING, "Leaving " + job.getFullName() + " out of the metrics: its value-stream"
                        + " store cannot be read; rebuild it from the job's Value Stream tab", e);
            }
        }
        if (jenkins.hasPermission(Jenkins.ADMINISTER)) {
            reports.retainOnly(seen); // an administrator reads every job: the others are gone
        }
        PrometheusExport.Format format = PrometheusExport.Format.accepted(request.getHeader("Accept"));
        response.setStatus(200);
        response.setContentType(format.contentType());
        try (OutputStream out = response.getOutputStream()) {
            PrometheusExport.write(readable, format, out);
        }
    }
}
