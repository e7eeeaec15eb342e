package io.jenkins.plugins.valuestream.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.valuestream.chain.Chain;
import io.jenkins.plugins.valuestream.chain.ChainAggregator;
import io.jenkins.plugins.valuestream.chain.ChainLinker;
import io.jenkins.plugins.valuestream.chain.ChainStream;
import io.jenkins.plugins.valuestream.chain.JobRun;
import io.jenkins.plugins.valuestream.cli.cache.RunCache;
import io.jenkins.plugins.valuestream.cli.demo.DemoSource;
import io.jenkins.plugins.valuestream.cli.exit.ExitCode;
import io.jenkins.plugins.valuestream.cli.exit.ReportFailure;
import io.jenkins.plugins.valuestream.cli.otlp.OtlpPush;
import io.jenkins.plugins.valuestream.cli.rest.JenkinsClient;
import io.jenkins.plugins.valuestream.cli.rest.JobPath;
import io.jenkins.plugins.valuestream.cli.rest.RestJobReader;
import io.jenkins.plugins.valuestream.cli.rest.RestSource;
import io.jenkins.plugins.valuestream.cli.source.DiskSource;
import io.jenkins.plugins.valuestream.cli.source.JobListing;
import io.jenkins.plugins.valuestream.cli.source.JobMaps;
import io.jenkins.plugins.valuestream.cli.source.RunSource;
import io.jenkins.plugins.valuestream.dora.DeploymentFrequency;
import io.jenkins.plugins.valuestream.dora.DeploymentRule;
import io.jenkins.plugins.valuestream.dora.DoraFigures;
import io.jenkins.plugins.valuestream.dora.LeadTimeForChanges;
import io.jenkins.plugins.valuestream.flags.DetectorSettings;
import io.jenkins.plugins.valuestream.future.FutureAssumptions;
import io.jenkins.plugins.valuestream.future.WhatIf;
import io.jenkins.plugins.valuestream.future.WhatIfResult;
import io.jenkins.plugins.valuestream.export.MetricFigures;
import io.jenkins.plugins.valuestream.export.PrometheusExport;
import io.jenkins.plugins.valuestream.graph.UpstreamCause;
import io.jenkins.plugins.valuestream.json.ReportJson;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.report.JobReport;
import io.jenkins.plugins.valuestream.report.ReportAssembler;
import io.jenkins.plugins.valuestream.time.Durations;
import io.jenkins.plugins.valuestream.view.html.HtmlReport;
import io.jenkins.plugins.valuestream.view.html.JenkinsLinks;
import io.jenkins.plugins.valuestream.view.theme.Theme;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code report}: the value stream of Pipeline jobs, as one HTML page, as JSON or as Prometheus metrics, and pushed as
 * OpenTelemetry metrics.
 */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Reports where the time of Pipeline runs goes: each step's process time and its waits by cause,"
                + " the job's value stream, and the slow and redundant steps of each run.",
                "",
                "Exit codes: 0 report written; 2 nothing to report (wrong option, missing or empty folder, no"
                        + " Pipeline runs, no such job, not a Pipeline job); 3 access refused (401, 403); 4 server"
                        + " not readable (unreachable, time-outs, 5xx); 5 output not writable; 1 internal error."},
        footer = {"", "Examples:",
                "  report --demo --out demo.html",
                "  report --jenkins-home /var/lib/jenkins --job team/app --out report.html",
                "  report --builds-dir /var/lib/jenkins/jobs/app/builds --format json",
                "  report --jenkins-home /var/lib/jenkins --out /var/lib/node_exporter/value_stream.prom",
                "  report --jenkins-home /var/lib/jenkins --otlp-endpoint http://collector:4318",
                "  report --url https://ci.example.com --job team/app --runs 50 --user me --token-env JENKINS_TOKEN"})
final class ReportCommand implements Callable<Integer> {
    private static final int MAX_WARNINGS_SHOWN = 5;

    /** The output formats. */
    enum Format {
        json, html, prometheus, openmetrics
    }

    /** Exactly one source of runs. */
    static final class Source {
        @Option(names = "--jenkins-home", paramLabel = "DIR", required = true,
                description = "A JENKINS_HOME (the folder that holds jobs/): every Pipeline job in it, or the one"
                        + " --job names.")
        @Nullable Path jenkinsHome;

        @Option(names = "--builds-dir", paramLabel = "DIR", required = true,
                description = "One job's builds folder (JENKINS_HOME/jobs/<job>/builds).")
        @Nullable Path buildsDir;

        @Option(names = "--url", paramLabel = "URL", required = true,
                description = "A Jenkins server, read through the Pipeline Stage View REST API; needs --job.")
        @Nullable String url;

        @Option(names = "--demo", required = true, description = "The built-in demo data set (one job, 60 runs).")
        boolean demo;
    }

    @ArgGroup(exclusive = true, multiplicity = "1", heading = "Where the runs come from (one of):%n")
    @Nullable Source source;

    @Option(names = "--job", paramLabel = "PATH",
            description = "The job's full name (folder/job; a multibranch branch as project/branch): the one job to"
                    + " report from --jenkins-home or --url, the name of the job of --builds-dir.")
    @Nullable String job;

    @Option(names = "--runs", paramLabel = "N",
            description = "Report the last N runs of each job (default: 100 from a server, all from disk).")
    @Nullable Integer runs;

    @Option(names = "--user", paramLabel = "USER", description = "The Jenkins user for --url.")
    @Nullable String user;

    @Option(names = "--token-env", paramLabel = "VAR",
            description = "The environment variable that holds the user's API token (the token itself is never"
                    + " given on the command line, nor printed).")
    @Nullable String tokenEnv;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "4",
            description = "At most N requests to the server at once (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "json, html, prometheus (the Prometheus text format 0.0.4) or openmetrics (default: html"
                    + " when --out ends in .html, prometheus when it ends in .prom, else json; with --otlp-endpoint"
                    + " and neither --format nor --out, nothing is written).")
    @Nullable Format format;

    @Option(names = "--otlp-endpoint", paramLabel = "URL",
            description = "Push the report's metrics once to this OTLP/HTTP receiver (an OpenTelemetry Collector,"
                    + " a backend): http://host:4318 sends to /v1/metrics, a URL with a path is used as it is.")
    @Nullable String otlpEndpoint;
    /** {@link #otlpEndpoint} as checked with the options. */
    private @Nullable URI otlpUrl;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report there (default: standard output).")
    @Nullable Path out;

    /** Where completed runs are kept between reports, or not at all. */
    static final class CacheChoice {
        @Option(names = "--cache", paramLabel = "DIR",
                description = "Keep the completed runs read in DIR, so the next report reads only new runs"
                        + " (default: $XDG_CACHE_HOME/value-stream or ~/.cache/value-stream).")
        @Nullable Path folder;

        @Option(names = "--no-cache", description = "Read every run from the source and keep nothing.")
        boolean none;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    @Nullable CacheChoice cache;

    @Option(names = "--jenkins-url", paramLabel = "URL",
            description = "The URL of the Jenkins whose --jenkins-home or --builds-dir is read, for the HTML page's"
                    + " links back to its runs, consoles and failed steps (with --url the page links to that server).")
    @Nullable String jenkinsUrl;

    /** The links of {@code --jenkins-url}, once checked. */
    private @Nullable JenkinsLinks jenkinsLinks;

    @Option(names = "--theme", paramLabel = "THEME", defaultValue = "auto",
            description = "The HTML page's colours: auto (the reader's preference), light or dark (default:"
                    + " ${DEFAULT-VALUE}); the page can switch them too.")
    String theme = "auto";

    @Option(names = "--future-without", paramLabel = "CAUSES", defaultValue = "AGENT,QUEUE",
            description = "The wait causes the future-state map removes, comma-separated: QUEUE, AGENT, INPUT, LOCK,"
                    + " SLEEP, GAP, REWORK, or none (default: ${DEFAULT-VALUE}); the avoidable work of the flags"
                    + " goes too.")
    String futureWithout = "AGENT,QUEUE";
    /** {@link #futureWithout} as parsed when the options are checked. */
    private FutureAssumptions futureAssumptions = FutureAssumptions.defaults();

    @Option(names = "--what-if", paramLabel = "STEP=CHANGE",
            description = "The lead time if a step took that much less or more: Test/Integration=-50%, Build=-2m,"
                    + " Build=90s (STEP as the JSON's path); repeatable.")
    List<String> whatIf = new ArrayList<>();
    /** {@link #whatIf} as parsed when the options are checked. */
    private List<WhatIf> whatIfs = List.of();

    @Option(names = "--deploy-stage", paramLabel = "NAME",
            description = "A stage that deploys to production, as the JSON's path names it (Deploy,"
                    + " Release/Production; case-sensitive), for the DORA figures; repeatable. processStep(...,"
                    + " deploys: true) steps deploy without it.")
    List<String> deployStage = new ArrayList<>();
    /** {@link #deployStage} as checked with the options. */
    private DeploymentRule deploymentRule = DeploymentRule.PROCESS_STEPS;

    @Option(names = "--chain",
            description = "Report chains of jobs instead: runs linked by their upstream causes (build -> test ->"
                    + " deploy) as one end-to-end value stream per shape of chain. With --jenkins-home every chain of"
                    + " two or more runs, or those --job is in; with --url the chains of --job and the jobs upstream"
                    + " of it.")
    boolean chain;

    /** How many jobs upstream of {@code --job} a chain report reads from a server at most. */
    private static final int MAX_UPSTREAM_JOBS = 20;

    @CommandLine.Spec
    CommandLine.Model.@Nullable CommandSpec spec;

    @CommandLine.ParentCommand
    @Nullable ValueStreamCommand parent;

    @Override
    public Integer call() {
        PrintWriter err = spec().commandLine().getErr();
        try {
            validate();
            checkOutputFolder();
            if (chain) {
                writeChains(err);
                return ExitCode.OK;
            }
            RunSource runSource = openSource(err);
            Reported reported = report(runSource, err);
            if (otlpUrl != null) {
                OtlpPush.push(MetricFigures.of(reported.jobs()), otlpUrl);
                progress(err, "Pushed the metrics to " + otlpUrl);
            }
            if (otlpUrl == null || format != null || out != null) {
                write(reported, runSource, err);
            }
            return ExitCode.OK;
        } catch (ReportFailure e) {
            err.println("value-stream: " + e.getMessage());
            return e.exitCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("value-stream: interrupted");
            return ExitCode.INTERNAL;
        }
    }

    private CommandLine.Model.CommandSpec spec() {
        if (spec == null) {
            throw new IllegalStateException("picocli did not inject the command spec");
        }
        return spec;
    }

    private Source source() {
        if (source == null) {
            throw new IllegalStateException("picocli did not check the source group");
        }
        return source;
    }

    private void validate() {
        CommandLine line = spec().commandLine();
        if (source().url != null && job == null) {
            throw new CommandLine.ParameterException(line, "--url needs --job: the full name of a Pipeline job");
        }
        if ((user == null) != (tokenEnv == null)) {
            throw new CommandLine.ParameterException(line, "Give --user and --token-env together");
        }
        if (source().demo && job != null) {
            throw new CommandLine.ParameterException(line, "--job is not for --demo: the demo has one job");
        }
        if (user != null && source().url == null) {
            throw new CommandLine.ParameterException(line, "--user and --token-env are for --url only");
        }
        if (runs != null && runs < 1) {
            throw new CommandLine.ParameterException(line, "--runs must be 1 or more, not " + runs);
        }
        try {
            Theme.parse(theme);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(line, e.getMessage());
        }
        try {
            futureAssumptions = FutureAssumptions.parse(futureWithout);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(line, "--future-without: " + e.getMessage());
        }
        try {
            whatIfs = whatIf.stream().map(WhatIf::parse).toList();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(line, "--what-if: " + e.getMessage());
        }
        if (deployStage.stream().anyMatch(String::isBlank)) {
            throw new CommandLine.ParameterException(line, "--deploy-stage needs a stage's name, as the JSON's path"
                    + " gives it (Deploy, Release/Production)");
        }
        deploymentRule = new DeploymentRule(Set.copyOf(deployStage));
        if (otlpEndpoint != null) {
            try {
                otlpUrl = OtlpPush.metricsUrl(otlpEndpoint);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(line, "--otlp-endpoint: " + e.getMessage());
            }
        }
        if (chain && (source().demo || source().buildsDir != null)) {
            throw new CommandLine.ParameterException(line, "--chain needs --jenkins-home or --url: chains run across"
                    + " jobs, and " + (source().demo ? "the demo has one job" : "--builds-dir is one job's folder"));
        }
        if (chain && (otlpEndpoint != null || format() == Format.prometheus || format() == Format.openmetrics)) {
            throw new CommandLine.ParameterException(line, "--chain writes json or html; the metrics (--format "
                    + "prometheus or openmetrics, --otlp-endpoint) are of jobs, without --chain");
        }
        if (chain && !deployStage.isEmpty()) {
            throw new CommandLine.ParameterException(line, "--deploy-stage is not for --chain: the DORA figures are"
                    + " of each job's report");
        }
        if (chain && !whatIf.isEmpty()) {
            throw new CommandLine.ParameterException(line, "--what-if is not for --chain: it changes a step of one"
                    + " job's runs");
        }
        if (jenkinsUrl != null) {
            if (source().url != null || source().demo) {
                throw new CommandLine.ParameterException(line, "--jenkins-url is for --jenkins-home or --builds-dir: "
                        + (source().demo ? "the demo has no Jenkins" : "--url links to its own server"));
            }
            try {
                jenkinsLinks = new JenkinsLinks(jenkinsUrl.strip());
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(line, "--jenkins-url: " + e.getMessage());
            }
        }
        if (concurrency < 1 || concurrency > 32) {
            throw new CommandLine.ParameterException(line, "--concurrency must be between 1 and 32, not "
                    + concurrency);
        }
    }

    private RunSource openSource(PrintWriter err) throws ReportFailure {
        Source from = source();
        if (from.demo) {
            return new DemoSource();
        }
        if (from.url != null) {
            return restSource(from.url, err);
        }
        if (from.jenkinsHome != null) {
            return DiskSource.jenkinsHome(from.jenkinsHome, job, line -> progress(err, line));
        }
        if (from.buildsDir != null) {
            return DiskSource.buildsFolder(from.buildsDir, job, line -> progress(err, line));
        }
        throw new IllegalStateException("picocli let no source through");
    }

    /** The cache for this source, or {@code null} with {@code --no-cache} or for a source not worth caching. */
    private @Nullable RunCache runCache(RunSource runSource, PrintWriter err) {
        if (runSource.cacheKey() == null || cache != null && cache.none) {
            return null;
        }
        Path folder = cache != null && cache.folder != null ? cache.folder : RunCache.defaultFolder(environment(),
                System.getProperty("user.home"), System.getProperty("os.name", ""));
        return new RunCache(folder, line -> progress(err, line));
    }

    private Map<String, String> environment() {
        return parent == null ? System.getenv() : parent.environment();
    }

    private RunSource restSource(String url, PrintWriter err) throws ReportFailure {
        return restSource(url, job == null ? "" : job, err);
    }

    private RunSource restSource(String url, String jobName, PrintWriter err) throws ReportFailure {
        String token = null;
        if (tokenEnv != null) {
            token = environment().get(tokenEnv);
            if (token == null || token.isBlank()) {
                throw new ReportFailure(ExitCode.NO_DATA, "The environment variable " + tokenEnv
                        + " (--token-env) is not set: put the API token of " + user + " in it");
            }
            token = token.strip();
        }
        URI base;
        try {
            base = new URI(url);
        } catch (URISyntaxException e) {
            throw new ReportFailure(ExitCode.NO_DATA, "Not a URL: '" + url + "' (" + e.getReason() + ")");
        }
        JenkinsClient client;
        JobPath path;
        try {
            client = new JenkinsClient(base, user, token, JenkinsClient.Settings.DEFAULT);
            path = JobPath.parse(jobName);
        } catch (IllegalArgumentException e) {
            throw new ReportFailure(ExitCode.NO_DATA, e);
        }
        RestJobReader reader = new RestJobReader(client, concurrency, line -> progress(err, line));
        return new RestSource(reader, path, runs == null ? 100 : runs, client.base().toString());
    }

    /**
     * What a report holds: the jobs, how many runs of theirs were listed (after {@code --runs}; those that could not
     * be read are the difference), and what the source left out (jobs that are not Pipelines).
     */
    private record Reported(List<JobReport> jobs, int listed, List<String> leftOut) {
        int reportedRuns() {
            return jobs.stream().mapToInt(job -> job.runs().size()).sum();
        }

        int completedRuns() {
            return jobs.stream().mapToInt(job -> job.valueStream().runs()).sum();
        }
    }

    private Reported report(RunSource runSource, PrintWriter err)
            throws ReportFailure, InterruptedException {
        List<JobListing> listings = runSource.list();
        RunCache runCache = runCache(runSource, err);
        String cacheKey = runSource.cacheKey();
        ReportAssembler assembler = ReportAssembler.of(DetectorSettings.defaults());
        List<JobReport> jobs = new ArrayList<>();
        int total = 0;
        int listed = 0;
        for (JobListing all : listings) {
            JobListing listing = lastRuns(all);
            RunCache.Lookup cached = new RunCache.Lookup(List.of(), Set.of());
            if (runCache != null && cacheKey != null) {
                List<Integer> completed = listing.runs().stream().filter(n -> !listing.running().contains(n))
                        .toList();
                cached = runCache.lookup(cacheKey, listing.name(), completed);
            }
            JobMaps read = runSource.readMaps(listing, cached.skip());
            List<ProcessMap> fresh = read.maps();
            warn(err, read.name(), read.warnings());
            if (runCache != null && cacheKey != null) {
                runCache.keep(cacheKey, listing.name(), fresh);
                progress(err, read.name() + ": " + cached.cached().size() + " run"
                        + (cached.cached().size() == 1 ? "" : "s") + " from the cache, " + fresh.size() + " read");
            }
            List<ProcessMap> maps = new ArrayList<>(cached.cached());
            maps.addAll(fresh);
            if (maps.isEmpty()) {
                continue;
            }
            listed += listing.runs().size();
            total += maps.size();
            jobs.add(assembler.assemble(read.name(), maps, maps, read.warnings(),
                    futureAssumptions, whatIfs, deploymentRule));
        }
        if (total == 0) {
            throw new ReportFailure(ExitCode.NO_DATA, "No Pipeline run could be read from "
                    + runSource.describe());
        }
        List<String> leftOut = runSource.leftOut();
        if (!leftOut.isEmpty()) {
            int shown = Math.min(leftOut.size(), MAX_WARNINGS_SHOWN);
            progress(err, "Left out: " + String.join(", ", leftOut.subList(0, shown))
                    + (leftOut.size() > shown ? " and " + (leftOut.size() - shown) + " more" : ""));
        }
        checkWhatIfSteps(jobs);
        Reported reported = new Reported(jobs, listed, leftOut);
        int completed = reported.completedRuns();
        progress(err, "Reported " + total + " run" + (total == 1 ? "" : "s") + " of " + jobs.size() + " job"
                + (jobs.size() == 1 ? "" : "s") + (completed == total ? "" : ", " + completed + " completed; "
                + (total - completed == 1 ? "1 run without an end is" : total - completed + " runs without an end are")
                + " left out of the figures"));
        warnUnmatchedDeployStages(jobs, err);
        for (JobReport job : jobs) {
            progress(err, job.name() + ": " + doraSummary(job.dora()));
            for (WhatIfResult result : job.whatIfs()) {
                progress(err, job.name() + ": what if " + result.whatIf().stepName() + " " + result.whatIf().text()
                        + ": lead time " + Durations.format(result.leadTime().median()) + " now, "
                        + Durations.format(result.projectedLeadTime().median()) + " projected (medians of "
                        + result.runs() + " completed runs)");
            }
        }
        return reported;
    }

    /** Says which {@code --deploy-stage} names no step of any job reported has: most likely a misspelt name. */
    private void warnUnmatchedDeployStages(List<JobReport> jobs, PrintWriter err) {
        Set<String> paths = new TreeSet<>();
        jobs.forEach(job -> job.valueStream().steps().forEach(step -> paths.add(step.path().toString())));
        for (String stage : new TreeSet<>(deployStage)) {
            if (!paths.contains(stage)) {
                progress(err, "warning: --deploy-stage " + stage + ": no reported job has a step of that path"
                        + " (the JSON's \"path\" of each step names them)");
            }
        }
    }

    /** The DORA figures of a job in one line of words, for the summary on standard error. */
    static String doraSummary(DoraFigures dora) {
        Integer deployments = dora.deployments();
        if (deployments == null) {
            return "DORA not known (no deploying step: processStep deploys: true, or --deploy-stage)";
        }
        LeadTimeForChanges lead = dora.leadTimeForChanges();
        Long median = lead.median();
        DeploymentFrequency frequency = dora.deploymentFrequency();
        Double failureRate = dora.changeFailureRate();
        return "DORA: " + deployments + " deployment" + (deployments == 1 ? "" : "s") + " ("
                + dora.failedDeployments() + " failed); lead time for changes "
                + (median == null ? "unknown" : "median " + Durations.format(median) + " over " + lead.changes()
                        + " change" + (Integer.valueOf(1).equals(lead.changes()) ? "" : "s"))
                + "; deployment frequency " + (frequency == null ? "unknown"
                        : String.format(Locale.ROOT, "%.2f per day", frequency.perDay()))
                + "; change failure rate " + (failureRate == null ? "unknown"
                        : String.format(Locale.ROOT, "%.0f%%", failureRate * 100));
    }

    /**
     * {@code --chain}: reads the runs of the jobs chains may run through, links them, and writes the chains'
     * end-to-end value streams. Every run is read from its source (no cache: records kept before upstream causes were
     * would read as chains of one run).
     */
    private void writeChains(PrintWriter err) throws ReportFailure, InterruptedException {
        Source from = source();
        List<JobRun> runs = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        long now;
        String location;
        if (from.jenkinsHome != null) {
            DiskSource disk = DiskSource.chains(from.jenkinsHome, line -> progress(err, line));
            List<JobListing> listings = disk.list();
            if (job != null && listings.stream().noneMatch(listing -> listing.name().equals(stripSlashes(job)))) {
                throw new ReportFailure(ExitCode.NO_DATA, "No job '" + stripSlashes(job) + "' with runs in "
                        + from.jenkinsHome);
            }
            for (JobListing listing : listings) {
                readChainRuns(disk, lastRuns(listing), runs, warnings, err);
            }
            runs = renamedCauses(runs, disk.causeNames());
            now = disk.now();
            location = String.valueOf(from.jenkinsHome);
        } else if (from.url != null) {
            RunSource first = restSource(from.url, err);
            now = first.now();
            location = first.describe();
            Set<String> read = new TreeSet<>();
            List<String> toRead = new ArrayList<>();
            String wanted = readRestJob(first, runs, warnings, err);
            read.add(wanted);
            upstreamJobs(runs, read, toRead);
            while (!toRead.isEmpty() && read.size() <= MAX_UPSTREAM_JOBS) {
                String next = toRead.remove(0);
                read.add(next);
                RunSource upstream = restSource(from.url, next, err);
                try {
                    readRestJob(upstream, runs, warnings, err);
                } catch (ReportFailure e) {
                    if (e.exitCode() != ExitCode.NO_DATA) {
                        throw e;
                    }
                    // A job upstream that is gone or no Pipeline only shortens the chains; say so and go on.
                    warnings.add(next + " left out: " + e.getMessage());
                    progress(err, "warning: " + next + " left out: " + e.getMessage());
                }
                upstreamJobs(runs, read, toRead);
            }
            if (!toRead.isEmpty()) {
                warnings.add("Read " + MAX_UPSTREAM_JOBS + " jobs upstream of " + wanted + "; left out: "
                        + String.join(", ", toRead));
            }
        } else {
            throw new IllegalStateException("validate() lets --chain through with --jenkins-home or --url only");
        }
        String member = job == null ? null : from.url != null ? runs.isEmpty() ? null : runs.get(0).job()
                : stripSlashes(job);
        List<Chain> chains = new ArrayList<>();
        for (Chain linked : ChainLinker.link(runs)) {
            if (linked.runs().size() >= 2 && (member == null || linked.contains(member))) {
                chains.add(linked);
            }
        }
        if (chains.isEmpty()) {
            throw new ReportFailure(ExitCode.NO_DATA, "No chain of jobs in " + location + (member == null ? ""
                    : " through " + member) + ": no run read there was started by a run of another job that was"
                    + " read (" + runs.size() + " run" + (runs.size() == 1 ? "" : "s") + " read)");
        }
        List<ChainStream> streams = ChainAggregator.aggregate(chains);
        progress(err, "Reported " + chains.size() + " chain" + (chains.size() == 1 ? "" : "s") + " of "
                + streams.size() + " shape" + (streams.size() == 1 ? "" : "s"));
        OutputWriter writer;
        if (format() == Format.html) {
            String page = new HtmlReport(member == null ? "Chains of jobs" : "Chains of jobs through " + member,
                    Instant.ofEpochMilli(now), Theme.parse(theme)).renderChains(streams);
            writer = stream -> stream.write(page.getBytes(StandardCharsets.UTF_8));
        } else {
            ObjectNode tree = JsonNodeFactory.instance.objectNode();
            tree.put("generatedAt", Instant.ofEpochMilli(now).toString());
            tree.put("version", ValueStreamCommand.version());
            ObjectNode source = tree.putObject("source");
            source.put("kind", from.url != null ? "url" : "jenkins-home");
            source.put("location", location);
            tree.set("chains", ReportJson.chains(streams));
            ArrayNode warningsNode = tree.putArray("warnings");
            warnings.forEach(warningsNode::add);
            writer = stream -> {
                Writer text = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
                ReportJson.write(tree, text);
                text.flush();
            };
        }
        emit(writer, true, err);
    }

    /** The runs with their upstream causes naming the jobs as they are named here (mangled branch folders). */
    private static List<JobRun> renamedCauses(List<JobRun> runs, Map<String, String> names) {
        if (names.isEmpty()) {
            return runs;
        }
        List<JobRun> renamed = new ArrayList<>(runs.size());
        for (JobRun run : runs) {
            List<UpstreamCause> causes = run.map().upstream().stream().map(cause -> names.containsKey(cause.job())
                    ? new UpstreamCause(names.get(cause.job()), cause.build(), cause.nodeId()) : cause).toList();
            renamed.add(causes.equals(run.map().upstream()) ? run
                    : new JobRun(run.job(), run.map().withUpstream(causes)));
        }
        return renamed;
    }

    private static void readChainRuns(RunSource source, JobListing listing, List<JobRun> runs,
            List<String> warnings, PrintWriter err) throws ReportFailure, InterruptedException {
        JobMaps read = source.readMaps(listing, Set.of());
        warn(err, read.name(), read.warnings());
        read.warnings().forEach(warning -> warnings.add(read.name() + ": " + warning));
        read.maps().forEach(map -> runs.add(new JobRun(read.name(), map)));
    }

    /** Reads the one job of a server's source; returns its full name. */
    private String readRestJob(RunSource source, List<JobRun> runs, List<String> warnings, PrintWriter err)
            throws ReportFailure, InterruptedException {
        List<JobListing> listings = source.list();
        String name = listings.get(0).name();
        for (JobListing listing : listings) {
            readChainRuns(source, lastRuns(listing), runs, warnings, err);
        }
        return name;
    }

    /** The jobs the runs' upstream causes name that are neither read nor queued, queued in the order met. */
    private static void upstreamJobs(List<JobRun> runs, Set<String> read, List<String> toRead) {
        for (JobRun run : runs) {
            for (UpstreamCause cause : run.map().upstream()) {
                if (!read.contains(cause.job()) && !toRead.contains(cause.job())) {
                    toRead.add(cause.job());
                }
            }
        }
    }

    private static String stripSlashes(String name) {
        String trimmed = name.strip();
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    /** A what-if whose step no reported job has fails the report, naming the steps there are. */
    private void checkWhatIfSteps(List<JobReport> jobs) throws ReportFailure {
        for (WhatIf asked : whatIfs) {
            boolean found = jobs.stream().flatMap(job -> job.whatIfs().stream())
                    .anyMatch(result -> result.whatIf().equals(asked));
            if (!found) {
                Set<String> known = new TreeSet<>();
                jobs.forEach(job -> job.valueStream().steps().forEach(step -> known.add(step.displayName())));
                throw new ReportFailure(ExitCode.NO_DATA, "--what-if: no step '" + asked.stepName()
                        + "' in the runs reported (steps there: " + String.join(", ", known) + ")");
            }
        }
    }

    /** The listing cut to the last {@code --runs} runs. */
    private JobListing lastRuns(JobListing listing) {
        if (runs == null || listing.runs().size() <= runs) {
            return listing;
        }
        List<Integer> kept = listing.runs().subList(listing.runs().size() - runs, listing.runs().size());
        return new JobListing(listing.name(), kept, listing.running().stream().filter(kept::contains).toList());
    }

    private Format format() {
        if (format != null) {
            return format;
        }
        String name = out == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".html") || name.endsWith(".htm") ? Format.html
                : name.endsWith(".prom") ? Format.prometheus : Format.json;
    }

    private void write(Reported reported, RunSource runSource, PrintWriter err) throws ReportFailure {
        List<JobReport> jobs = reported.jobs();
        OutputWriter writer;
        boolean endWithNewline = true;
        if (format() == Format.prometheus || format() == Format.openmetrics) {
            PrometheusExport.Format metrics = format() == Format.prometheus ? PrometheusExport.Format.TEXT
                    : PrometheusExport.Format.OPENMETRICS;
            // The format ends with its own newline (OpenMetrics with "# EOF"): nothing may follow.
            endWithNewline = false;
            writer = stream -> PrometheusExport.write(jobs, metrics, stream);
        } else if (format() == Format.html) {
            HtmlReport report = new HtmlReport(title(jobs), Instant.ofEpochMilli(runSource.now()), Theme.parse(theme));
            JenkinsLinks links = links(runSource);
            String page = (links == null ? report : report.withLinks(links)).render(jobs);
            writer = stream -> stream.write(page.getBytes(StandardCharsets.UTF_8));
        } else {
            ObjectNode tree = metadata(reported, runSource);
            tree.setAll(ReportJson.toTree(jobs));
            writer = stream -> {
                Writer text = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
                ReportJson.write(tree, text);
                text.flush();
            };
        }
        emit(writer, endWithNewline, err);
    }

    /**
     * Where the page links to: the server read with {@code --url}, or the {@code --jenkins-url} of a home read from
     * disk, whose multibranch branches link by their Jenkins names rather than their folders' mangled names.
     */
    private @Nullable JenkinsLinks links(RunSource runSource) {
        String server = runSource.jenkinsUrl();
        if (server != null) {
            return new JenkinsLinks(server);
        }
        if (jenkinsLinks == null) {
            return null;
        }
        Map<String, String> jenkinsNames = new TreeMap<>();
        if (runSource instanceof DiskSource disk) {
            disk.causeNames().forEach((jenkinsName, reportName) -> jenkinsNames.put(reportName, jenkinsName));
        }
        return jenkinsLinks.withJenkinsNames(jenkinsNames);
    }

    /**
     * Writes the report to {@code --out}, or to standard output, there followed by a newline unless the format ends
     * with its own.
     */
    private void emit(OutputWriter writer, boolean endWithNewline, PrintWriter err) throws ReportFailure {
        if (out == null) {
            PrintWriter stdout = spec().commandLine().getOut();
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try {
                writer.write(bytes);
            } catch (IOException e) {
                throw new ReportFailure(ExitCode.OUTPUT, "Cannot write the report: " + e.getMessage(), e);
            }
            stdout.print(bytes.toString(StandardCharsets.UTF_8));
            if (endWithNewline) {
                stdout.println();
            }
            stdout.flush();
            return;
        }
        writeFile(out, writer);
        progress(err, "Wrote " + out);
    }

    /**
     * What the JSON says about itself before its jobs: when and by which version it was made, from what, and how many
     * runs it holds of how many listed.
     */
    private ObjectNode metadata(Reported reported, RunSource runSource) {
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        tree.put("generatedAt", Instant.ofEpochMilli(runSource.now()).toString());
        tree.put("version", ValueStreamCommand.version());
        ObjectNode from = tree.putObject("source");
        Source given = source();
        from.put("kind", given.demo ? "demo" : given.url != null ? "url" : given.jenkinsHome != null
                ? "jenkins-home" : "builds-dir");
        from.put("location", given.demo ? "demo" : given.url != null ? runSource.describe()
                : String.valueOf(given.jenkinsHome != null ? given.jenkinsHome : given.buildsDir));
        ObjectNode counts = tree.putObject("runs");
        counts.put("listed", reported.listed());
        counts.put("reported", reported.reportedRuns());
        counts.put("completed", reported.completedRuns());
        counts.put("skipped", reported.listed() - reported.reportedRuns());
        ArrayNode leftOut = tree.putArray("leftOut");
        reported.leftOut().forEach(leftOut::add);
        return tree;
    }

    private static String title(List<JobReport> jobs) {
        return jobs.size() == 1 ? "Value stream of " + jobs.get(0).name() : "Value streams of " + jobs.size()
                + " jobs";
    }

    /** Fails before any reading when the report could not be written anyway. */
    private void checkOutputFolder() throws ReportFailure {
        if (out == null) {
            return;
        }
        if (Files.isDirectory(out)) {
            throw new ReportFailure(ExitCode.OUTPUT, "Cannot write " + out + ": it is a folder; name the file, e.g. "
                    + out.resolve(format() == Format.html ? "report.html" : format() == Format.prometheus
                            ? "value_stream.prom" : "report.json"));
        }
        Path folder = out.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new ReportFailure(ExitCode.OUTPUT, "Cannot write " + out + ": the folder " + folder
                    + " does not exist");
        }
        if (!Files.isWritable(folder) || Files.exists(out) && !Files.isWritable(out)) {
            throw new ReportFailure(ExitCode.OUTPUT, "Cannot write " + out + ": permission denied");
        }
    }

    /** Writes the file whole or not at all: to a temporary file beside it, then moved over it. */
    private static void writeFile(Path file, OutputWriter writer) throws ReportFailure {
        Path target = file.toAbsolutePath();
        // An absolute path has a parent unless it is the root, which is no file to write.
        Path folder = Objects.requireNonNull(target.getParent(), "the folder of " + target);
        Path temporary = null;
        try {
            // Not createTempFile: its owner-only permissions would stay on the report.
            temporary = folder.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
                    + System.nanoTime() + ".tmp");
            try (OutputStream stream = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                writer.write(stream);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (AccessDeniedException e) {
            throw new ReportFailure(ExitCode.OUTPUT, "Cannot write " + file + ": permission denied", e);
        } catch (NoSuchFileException e) {
            throw new ReportFailure(ExitCode.OUTPUT, "Cannot write " + file + ": no such folder", e);
        } catch (IOException e) {
            throw new ReportFailure(ExitCode.OUTPUT, "Cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    // the report is written; a stray temporary file is only untidy
                }
            }
        }
    }

    /** Writes the report's bytes to a stream. */
    @FunctionalInterface
    private interface OutputWriter {
        void write(OutputStream stream) throws IOException;
    }

    /** The first few warnings of a job on standard error; all of them are in the JSON report. */
    private static void warn(PrintWriter err, String job, List<String> warnings) {
        int shown = Math.min(warnings.size(), MAX_WARNINGS_SHOWN);
        for (int i = 0; i < shown; i++) {
            progress(err, "warning: " + job + ": " + warnings.get(i));
        }
        if (warnings.size() > shown) {
            progress(err, "warning: " + job + ": " + (warnings.size() - shown) + " more warnings (all of them are in"
                    + " the JSON report's \"warnings\")");
        }
    }

    private static void progress(PrintWriter err, String line) {
        err.println(line);
        err.flush();
    }
}
