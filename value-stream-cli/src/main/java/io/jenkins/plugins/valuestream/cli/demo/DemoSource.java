package io.jenkins.plugins.valuestream.cli.demo;

import io.jenkins.plugins.valuestream.cli.source.JobListing;
import io.jenkins.plugins.valuestream.cli.source.JobRuns;
import io.jenkins.plugins.valuestream.cli.source.RunSource;
import io.jenkins.plugins.valuestream.cli.source.SourceRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The generated demo job. */
public final class DemoSource implements RunSource {
    private final DemoDataSet.Demo demo = DemoDataSet.generate();

    @Override
    public List<JobListing> list() {
        List<Integer> all = new ArrayList<>();
        List<Integer> running = new ArrayList<>();
        for (SourceRun run : demo.job().runs()) {
            all.add(run.number());
            if (run.info().running()) {
                running.add(run.number());
            }
        }
        return List.of(new JobListing(demo.job().name(), all, running));
    }

    @Override
    public JobRuns read(JobListing job, Set<Integer> skip) {
        List<SourceRun> runs = new ArrayList<>();
        for (SourceRun run : demo.job().runs()) {
            if (job.runs().contains(run.number()) && !skip.contains(run.number())) {
                runs.add(run);
            }
        }
        return new JobRuns(demo.job().name(), runs, demo.job().warnings());
    }

    @Override
    public long now() {
        return demo.now();
    }

    /** Generated in no time: nothing to cache. */
    @Override
    public @Nullable String cacheKey() {
        return null;
    }

    @Override
    public String describe() {
        return "the demo data set";
    }
}
