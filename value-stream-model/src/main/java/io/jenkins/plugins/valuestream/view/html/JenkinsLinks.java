package io.jenkins.plugins.valuestream.view.html;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Where a report's runs are in Jenkins, for links back from the page: a job's page, a run's, its console output and
 * a flow node's page (a stage's or a step's, {@code execution/node/ID/}).
 *
 * @param base the Jenkins root URL, ending in {@code /}
 */
public record JenkinsLinks(String base) {
    public JenkinsLinks {
        Objects.requireNonNull(base, "base");
        if (!base.startsWith("http://") && !base.startsWith("https://")) {
            throw new IllegalArgumentException("A Jenkins URL starts with http:// or https://, not '" + base + "'");
        }
        base = base.endsWith("/") ? base : base + "/";
    }

    /** The page of a job by its full name ({@code folder/job}, a multibranch branch {@code project/branch}). */
    public String job(String fullName) {
        StringBuilder url = new StringBuilder(base);
        for (String name : fullName.split("/", -1)) {
            url.append("job/").append(URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
                    .append('/');
        }
        return url.toString();
    }

    /** The page of a run. */
    public String run(String job, int number) {
        return job(job) + number + "/";
    }

    /** The console output of a run. */
    public String console(String job, int number) {
        return run(job, number) + "console";
    }

    /** The page of one flow node of a run (a stage's block start, a step). */
    public String node(String job, int number, String nodeId) {
        return run(job, number) + "execution/node/" + URLEncoder.encode(nodeId, StandardCharsets.UTF_8) + "/";
    }
}
