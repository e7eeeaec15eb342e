package io.jenkins.plugins.valuestream.history;

import hudson.Extension;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.valuestream.graph.UpstreamCause;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.recording.ProcessMapListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;

/**
 * The jobs whose recorded runs another job started (by a trigger or the {@code build} step), kept in the upstream
 * job's folder ({@code value-stream/downstream}, one full name per line): a run names its upstream run in its causes,
 * but nothing in the upstream run names the runs it started, so the Value Stream tab of a job early in a chain finds
 * the jobs after it here, without reading every job's store.
 */
public final class DownstreamJobs {
    private static final Logger LOGGER = Logger.getLogger(DownstreamJobs.class.getName());
    /** The file, relative to the job's root folder. */
    static final String FILE = JobHistory.FOLDER + "/downstream";

    private DownstreamJobs() {
    }

    /** The full names of the jobs whose recorded runs the job started, in the order they were first seen. */
    public static Set<String> of(Job<?, ?> job) {
        Path file = file(job);
        try {
            Set<String> names = new LinkedHashSet<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    names.add(line.strip());
                }
            }
            return names;
        } catch (NoSuchFileException e) {
            return Set.of();
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "Ignoring the downstream jobs of " + job.getFullName() + " in " + file, e);
            return Set.of();
        }
    }

    /** Notes the job as downstream of each job its run's causes name (a job noted before is not noted again). */
    static void note(Job<?, ?> downstream, List<UpstreamCause> causes) {
        for (UpstreamCause cause : causes) {
            Job<?, ?> upstream = Jenkins.get().getItemByFullName(cause.job(), Job.class);
            if (upstream == null || upstream == downstream) {
                continue;
            }
            synchronized (DownstreamJobs.class) {
                if (of(upstream).contains(downstream.getFullName())) {
                    continue;
                }
                Path file = file(upstream);
                try {
                    Files.createDirectories(file.getParent());
                    Files.writeString(file, downstream.getFullName() + "\n", StandardCharsets.UTF_8,
                            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                } catch (IOException e) {
                    LOGGER.log(Level.WARNING, "Could not note " + downstream.getFullName() + " as downstream of "
                            + upstream.getFullName() + " in " + file, e);
                }
            }
        }
    }

    private static Path file(Job<?, ?> job) {
        return job.getRootDir().toPath().resolve(FILE);
    }

    /** Notes every recorded run's upstream jobs, when it completes and when an older run is back-filled. */
    @Extension
    public static final class Noter extends ProcessMapListener {
        @Override
        public void onRecorded(Run<?, ?> run, ProcessMap map) {
            if (!map.upstream().isEmpty()) {
                note(run.getParent(), map.upstream());
            }
        }
    }
}
