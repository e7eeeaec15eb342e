package io.jenkins.plugins.valuestream.api;

import hudson.model.Item;
import io.jenkins.plugins.valuestream.json.ReportJson;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;
import org.kohsuke.stapler.WebMethod;
import org.kohsuke.stapler.verb.GET;

/**
 * The {@code api} object under the Value Stream tab and under a run's process map page: {@code api/json} answers
 * with the command line report's JSON (its field names, its escaping of user strings). Reading needs
 * {@code Item.READ} on the job, checked here as well as by the URL that leads here, so that no other route to this
 * object can skip it.
 */
public final class JsonApi {
    /** The JSON of a request, or {@code null} for nothing to show (404). */
    @FunctionalInterface
    private interface Source {
        @Nullable Body compute(StaplerRequest2 request) throws IOException;
    }

    /** Writes a JSON answer. */
    @FunctionalInterface
    private interface Body {
        void writeTo(Writer out) throws IOException;
    }

    private final Item item;
    private final Source source;

    private JsonApi(Item item, Source source) {
        this.item = item;
        this.source = source;
    }

    /**
     * The API of a job's value stream: {@code {"jobs":[{"name","runs":[...],"valueStream":{...}}]}}, exactly one job.
     *
     * @param job the job, whose {@code Item.READ} is checked
     * @param report the job's report for the window the request's query parameters ask for
     */
    public static JsonApi forJob(Item job, JobReport report) {
        return new JsonApi(job, request -> {
            ReportJson.Job answer = report.compute(request);
            return out -> ReportJson.write(List.of(answer), out);
        });
    }

    /**
     * The API of one run: {@code {"number","result",...,"steps":[...],"flags":[...]}}.
     *
     * @param job the run's job, whose {@code Item.READ} is checked
     * @param run the run's process map and flags, or {@code null} when it has none (404)
     */
    public static JsonApi forRun(Item job, RunReport run) {
        return new JsonApi(job, request -> {
            ReportJson.Run answer = run.compute();
            return answer == null ? null : out -> ReportJson.write(ReportJson.run(answer), out);
        });
    }

    /** The report of one job for a request. */
    @FunctionalInterface
    public interface JobReport {
        ReportJson.Job compute(StaplerRequest2 request) throws IOException;
    }

    /** The report of one run. */
    @FunctionalInterface
    public interface RunReport {
        ReportJson.@Nullable Run compute() throws IOException;
    }

    /** {@code GET api/json}. */
    @GET
    @WebMethod(name = "json")
    public void doJson(StaplerRequest2 request, StaplerResponse2 response) throws IOException {
        item.checkPermission(Item.READ);
        Body body = source.compute(request);
        if (body == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        try (Writer out = response.getWriter()) {
            body.writeTo(out);
        }
    }
}
