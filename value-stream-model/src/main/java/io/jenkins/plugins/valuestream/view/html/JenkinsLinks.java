package io.jenkins.plugins.valuestream.view.html;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * Where a report's runs are in Jenkins, for links back from the page: a job's page, a run's, its console output and
 * a flow node's page (a stage's or a step's, {@code execution/node/ID/}).
 *
 * @param base the Jenkins root URL, ending in {@code /}
 * @param jenkinsNames the report's job names that are not the job's full name in Jenkins, to that full name: a
 *     multibranch branch read from disk is named after its name-mangled folder ({@code app/feature-x.k2h5b1}),
 *     while Jenkins names it after its branch ({@code app/feature%2Fx})
 */
public record JenkinsLinks(String base, Map<String, String> jenkinsNames) {
    public JenkinsLinks {
        Objects.requireNonNull(base, "base");
        if (!base.startsWith("http://") && !base.startsWith("https://")) {
            throw new IllegalArgumentException("A Jenkins URL starts with http:// or https://, not '" + base + "'");
        }
        base = base.endsWith("/") ? base : base + "/";
        jenkinsNames = Map.copyOf(jenkinsNames);
    }

    /** Links to the Jenkins at {@code base}, whose jobs have the report's names. */
    public JenkinsLinks(String base) {
        this(base, Map.of());
    }

    /** The same links, the given report job names linking to these Jenkins full names instead. */
    public JenkinsLinks withJenkinsNames(Map<String, String> names) {
        return new JenkinsLinks(base, names);
    }

    /** The page of a job by its full name ({@code folder/job}, a multibranch branch {@code project/branch}). */
    public String job(String fullName) {
        StringBuilder url = new StringBuilder(base);
        for (String name : jenkinsNames.getOrDefault(fullName, fullName).split("/", -1)) {
            url.append("job/").append(encodeSegment(name)).append('/');
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
        return run(job, number) + "execution/node/" + encodeSegment(nodeId) + "/";
    }

    /**
     * Percent-encodes one segment of a URL path: everything but the unreserved characters of RFC 3986 ({@code A-Z a-z
     * 0-9 - . _ ~}), as UTF-8. The one encoder of the project's Jenkins URLs (the command line's requests too).
     */
    public static String encodeSegment(String segment) {
        StringBuilder out = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
