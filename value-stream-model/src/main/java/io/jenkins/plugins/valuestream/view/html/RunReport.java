package io.jenkins.plugins.valuestream.view.html;

import io.jenkins.plugins.valuestream.flags.Flag;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.view.VerdictView;
import java.util.List;
import java.util.Objects;

/**
 * One run in the report: its process map, the flags raised on it, and its budget verdicts (none where no budget
 * applies).
 */
public record RunReport(ProcessMap map, List<Flag> flags, List<VerdictView> verdicts) {
    public RunReport {
        Objects.requireNonNull(map, "map");
        flags = List.copyOf(flags);
        verdicts = List.copyOf(verdicts);
    }

    /** A run without flags or verdicts. */
    public static RunReport of(ProcessMap map) {
        return new RunReport(map, List.of(), List.of());
    }
}
