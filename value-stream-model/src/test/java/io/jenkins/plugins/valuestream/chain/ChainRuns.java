package io.jenkins.plugins.valuestream.chain;

import io.jenkins.plugins.valuestream.graph.RunInfo;
import io.jenkins.plugins.valuestream.graph.RunResult;
import io.jenkins.plugins.valuestream.graph.UpstreamCause;
import io.jenkins.plugins.valuestream.process.ProcessMapExtractor;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Runs of jobs built by hand for the chain tests: each one whole build, times in seconds after {@link #T0}. */
final class ChainRuns {
    static final long T0 = 1_717_401_600_000L;

    private ChainRuns() {
    }

    /** A run of {@code job} queued at {@code queued} s (or unknown), running from {@code start} s to {@code end} s. */
    static JobRun run(String job, int number, @Nullable Integer queued, int start, int end,
            UpstreamCause... causes) {
        RunInfo info = new RunInfo(number, RunResult.SUCCESS, queued == null ? null : T0 + queued * 1000L,
                T0 + start * 1000L, T0 + end * 1000L, List.of(causes));
        return new JobRun(job, ProcessMapExtractor.wholeBuild(info, job, T0 + end * 1000L));
    }

    static UpstreamCause by(String job, int build) {
        return UpstreamCause.of(job, build);
    }

    static long at(int seconds) {
        return T0 + seconds * 1000L;
    }
}
