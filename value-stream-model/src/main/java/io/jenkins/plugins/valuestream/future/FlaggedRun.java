package io.jenkins.plugins.valuestream.future;

import io.jenkins.plugins.valuestream.flags.Flag;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import java.util.List;
import java.util.Objects;

/** One run of the window with the flags raised on it (none where it was not flagged). */
public record FlaggedRun(ProcessMap map, List<Flag> flags) {
    public FlaggedRun {
        Objects.requireNonNull(map, "map");
        flags = List.copyOf(flags);
    }
}
