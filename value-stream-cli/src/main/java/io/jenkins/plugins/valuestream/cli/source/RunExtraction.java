package io.jenkins.plugins.valuestream.cli.source;

import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.ProcessMapExtractor;

/** A source's run as a process map: the model's extraction, then marked with what the source could not tell. */
public final class RunExtraction {
    private RunExtraction() {
    }

    /**
     * The process map of the run, computed against {@code now} while it is running (against its last activity where
     * its source is not live, see {@link SourceRun#measuredUntil}).
     */
    public static ProcessMap processMap(SourceRun run, long now) {
        return run.limits().applyTo(ProcessMapExtractor.extract(run.info(), run.graph(), run.measuredUntil(now)));
    }
}
