package io.jenkins.plugins.valuestream.report;

import io.jenkins.plugins.valuestream.budget.BudgetCheck;
import io.jenkins.plugins.valuestream.flags.Flag;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import java.util.List;
import java.util.Objects;

/**
 * One run of a report: its process map, the flags raised on it (none where it was not flagged), and its budget
 * checks (none where no budget applies or the source does not know them, as on the command line).
 */
public record RunReport(ProcessMap map, List<Flag> flags, List<BudgetCheck> budgets) {
    public RunReport {
        Objects.requireNonNull(map, "map");
        flags = List.copyOf(flags);
        budgets = List.copyOf(budgets);
    }

    /** A run with its flags and without budget checks. */
    public RunReport(ProcessMap map, List<Flag> flags) {
        this(map, flags, List.of());
    }

    /** A run without flags or budget checks. */
    public static RunReport of(ProcessMap map) {
        return new RunReport(map, List.of(), List.of());
    }
}
