package io.jenkins.plugins.valuestream.cli.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.valuestream.cli.source.JobRuns;
import io.jenkins.plugins.valuestream.cli.source.SourceRun;
import io.jenkins.plugins.valuestream.graph.Change;
import io.jenkins.plugins.valuestream.graph.UpstreamCause;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Reads one Pipeline job's runs from a Jenkins server: the job's build list from the core JSON API, then for each run
 * its Stage View describe and the describe of each of its stages (for the steps inside), at most
 * {@code concurrency} requests at a time.
 *
 * <p>A run whose answers are missing or malformed is skipped with a warning that names it and the reason; the other
 * runs are still read. 401 and 403 stop everything (no other answer would be different), as do a job that does not
 * exist, a job that is not a Pipeline and a server without the Stage View REST API.
 */
public final class RestJobReader {
    /** The job class of Pipeline jobs. */
    static final String WORKFLOW_JOB = "org.jenkinsci.plugins.workflow.job.WorkflowJob";

    /**
     * One build of the job's list.
     *
     * @param upstream the runs that started it, from its {@code CauseAction} (empty where none did)
     * @param changes the changes it built, from its {@code changeSets}, or {@code null} where the answer has none
     */
    public record Build(int number, boolean building, List<UpstreamCause> upstream, @Nullable List<Change> changes) {
        public Build {
            upstream = List.copyOf(upstream);
            changes = changes == null ? null : List.copyOf(changes);
        }

        /** A build whose changes are not known. */
        public Build(int number, boolean building, List<UpstreamCause> upstream) {
            this(number, building, upstream, null);
        }

        /** A build that no other run started. */
        public Build(int number, boolean building) {
            this(number, building, List.of());
        }
    }

    /** The job as the server lists it: its full name and its builds, oldest first. */
    public record Listing(String fullName, List<Build> builds) {
        public Listing {
            builds = List.copyOf(builds);
        }
    }

    private final JenkinsClient client;
    private final int concurrency;
    private final Consumer<String> progress;

    /**
     * @param concurrency how many requests may be under way at once (1 or more)
     * @param progress where to say how far reading has got (one line at a time)
     */
    public RestJobReader(JenkinsClient client, int concurrency, Consumer<String> progress) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be 1 or more, not " + concurrency);
        }
        this.client = client;
        this.concurrency = concurrency;
        this.progress = progress;
    }

    /** The job's last {@code maxRuns} builds, after checking that it is a Pipeline job the API can describe. */
    public Listing list(JobPath job, int maxRuns) throws RestFailure, InterruptedException {
        String list = maxRuns <= 100 ? "builds" : "allBuilds";
        // The causes and the changes come with the list, in the one request: reading a run's own api/json would
        // double the requests.
        String query = "api/json?tree=" + JobPath.encode("_class,fullName," + list + "[number,building,"
                + WfapiParser.CAUSES_TREE + "," + WfapiParser.CHANGES_TREE + "]{0," + maxRuns + "}");
        JsonNode root;
        try {
            root = WfapiParser.tree(client.get(job.relativeUrl() + query), "the job's JSON");
        } catch (RestFailure e) {
            if (e.kind() == RestFailure.Kind.NOT_FOUND) {
                throw new RestFailure(RestFailure.Kind.NOT_FOUND, "No job '" + job + "' on " + client.base()
                        + " (404): give the job's full name, e.g. folder/my-pipeline", e);
            }
            throw e;
        } catch (MalformedAnswerException e) {
            throw new RestFailure(RestFailure.Kind.MALFORMED, "Job '" + job + "': " + e.getMessage(), e);
        }
        checkPipeline(job, root.path("_class").asText(""));
        String fullName = root.path("fullName").asText(job.fullName());
        List<Build> builds = new ArrayList<>();
        for (JsonNode build : root.path(list)) {
            int number = build.path("number").asInt(-1);
            if (number > 0) {
                builds.add(new Build(number, build.path("building").asBoolean(false),
                        WfapiParser.upstreamCauses(build), WfapiParser.changes(build)));
            }
        }
        builds.sort(Comparator.comparingInt(Build::number));
        try {
            client.get(job.relativeUrl() + "wfapi/describe");
        } catch (RestFailure e) {
            if (e.kind() == RestFailure.Kind.NOT_FOUND) {
                throw new RestFailure(RestFailure.Kind.NOT_FOUND, "Jenkins at " + client.base() + " has no Stage"
                        + " View REST API for '" + job + "' (404 from wfapi): install the Pipeline: Stage View"
                        + " plugin (pipeline-stage-view), which brings it", e);
            }
            throw e;
        }
        return new Listing(fullName, builds);
    }

    /**
     * Reads the listed builds but those in {@code skip} (runs the caller already has).
     *
     * @throws RestFailure when the server refuses access, or when no run could be read because the server failed
     */
    public JobRuns read(JobPath job, Listing listing, Set<Integer> skip) throws RestFailure, InterruptedException {
        List<Build> wanted = new ArrayList<>();
        for (Build build : listing.builds()) {
            if (!skip.contains(build.number())) {
                wanted.add(build);
            }
        }
        List<SourceRun> runs = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (wanted.isEmpty()) {
            return new JobRuns(listing.fullName(), runs, warnings);
        }
        progress.accept("Reading " + wanted.size() + " run" + (wanted.size() == 1 ? "" : "s") + " of "
                + listing.fullName() + " from " + client.base());
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, wanted.size()), runnable -> {
            Thread thread = new Thread(runnable, "wfapi-reader");
            thread.setDaemon(true);
            return thread;
        });
        RestFailure serverFailure = null;
        try {
            ExecutorCompletionService<Outcome> done = new ExecutorCompletionService<>(pool);
            List<Future<Outcome>> futures = new ArrayList<>();
            for (Build build : wanted) {
                futures.add(done.submit(() -> withListed(readRun(job, build.number()), build)));
            }
            for (int i = 0; i < wanted.size(); i++) {
                Outcome outcome;
                try {
                    outcome = done.take().get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("Reading a run failed unexpectedly", e.getCause());
                }
                if (outcome.failure() != null) {
                    RestFailure failure = outcome.failure();
                    if (failure.fatal()) {
                        futures.forEach(f -> f.cancel(true));
                        throw failure;
                    }
                    if (serverFailure == null && (failure.kind() == RestFailure.Kind.SERVER
                            || failure.kind() == RestFailure.Kind.NETWORK)) {
                        serverFailure = failure;
                    }
                    warnings.add("Run #" + outcome.number() + " skipped: " + failure.getMessage());
                } else {
                    runs.add(outcome.run());
                }
                if ((i + 1) % 25 == 0 && i + 1 < wanted.size()) {
                    progress.accept("  " + (i + 1) + " of " + wanted.size() + " runs read");
                }
            }
        } finally {
            pool.shutdownNow();
        }
        if (runs.isEmpty() && serverFailure != null) {
            throw serverFailure;
        }
        runs.sort(Comparator.comparingInt(SourceRun::number));
        warnings.sort(Comparator.naturalOrder());
        return new JobRuns(listing.fullName(), runs, warnings);
    }

    /** The result of reading one run: the run, or why it was skipped. */
    private record Outcome(int number, @Nullable SourceRun run, @Nullable RestFailure failure) {
    }

    /** The run with what the build list says of it: its upstream causes and its changes. */
    private static Outcome withListed(Outcome outcome, Build build) {
        SourceRun run = outcome.run();
        if (run == null || build.upstream().isEmpty() && build.changes() == null) {
            return outcome;
        }
        return new Outcome(outcome.number(), new SourceRun(run.info().withUpstream(build.upstream())
                .withChanges(build.changes()), run.graph(), run.limits(), run.live()), null);
    }

    private Outcome readRun(JobPath job, int number) throws InterruptedException {
        String runUrl = job.relativeUrl() + number + "/";
        try {
            WfapiRun run = WfapiParser.run(WfapiParser.tree(client.get(runUrl + "wfapi/describe"),
                    "the describe of run #" + number));
            List<WfapiStage> stages = new ArrayList<>();
            for (WfapiStage stage : run.stages()) {
                if (!stage.executed() || stage.id().isEmpty()) {
                    stages.add(stage);
                    continue;
                }
                String nodeUrl = runUrl + "execution/node/" + JobPath.encode(stage.id()) + "/wfapi/describe";
                JsonNode describe = WfapiParser.tree(client.get(nodeUrl), "the describe of stage '" + stage.name()
                        + "'");
                stages.add(stage.withFlowNodes(WfapiParser.stageFlowNodes(describe, stage.name())));
            }
            WfapiRun complete = new WfapiRun(run.id(), run.name(), run.status(), run.startTimeMillis(),
                    run.endTimeMillis(), run.durationMillis(), run.queueDurationMillis(), run.pauseDurationMillis(),
                    stages);
            return new Outcome(number, WfapiGraphSynthesizer.synthesize(complete, number), null);
        } catch (MalformedAnswerException e) {
            return new Outcome(number, null, new RestFailure(RestFailure.Kind.MALFORMED, "malformed answer: "
                    + e.getMessage(), e));
        } catch (RestFailure e) {
            return new Outcome(number, null, e);
        } catch (IllegalArgumentException e) {
            // The answers parse but contradict each other (e.g. a run that ends before it starts).
            return new Outcome(number, null, new RestFailure(RestFailure.Kind.MALFORMED, "inconsistent answer: "
                    + e.getMessage(), e));
        }
    }

    private static void checkPipeline(JobPath job, String jobClass) throws RestFailure {
        if (jobClass.isEmpty() || jobClass.equals(WORKFLOW_JOB)) {
            return;
        }
        String hint;
        if (jobClass.endsWith("WorkflowMultiBranchProject")) {
            hint = "it is a multibranch project: give one of its branches, e.g. " + job + "/main";
        } else if (jobClass.endsWith("Folder") || jobClass.endsWith("OrganizationFolder")) {
            hint = "it is a folder: give a Pipeline job inside it, e.g. " + job + "/my-pipeline";
        } else {
            hint = "the report reads Pipeline jobs only";
        }
        throw new RestFailure(RestFailure.Kind.NOT_A_PIPELINE, "'" + job + "' is not a Pipeline job (" + jobClass
                + "): " + hint);
    }
}
