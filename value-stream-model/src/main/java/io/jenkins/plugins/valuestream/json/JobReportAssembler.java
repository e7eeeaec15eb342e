package io.jenkins.plugins.valuestream.json;

import io.jenkins.plugins.valuestream.flags.AvoidableWork;
import io.jenkins.plugins.valuestream.flags.BaselineReset;
import io.jenkins.plugins.valuestream.flags.DetectorSettings;
import io.jenkins.plugins.valuestream.flags.Detectors;
import io.jenkins.plugins.valuestream.flags.Flag;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.stream.ValueStream;
import io.jenkins.plugins.valuestream.stream.ValueStreamAggregator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Puts one job's report together, the same way for the command line and the plugin's REST API: the value stream
 * over the completed runs of the window, and each run of the window flagged by the detectors against the runs of
 * the job's history before it (within the same baseline).
 *
 * @param settings the detectors' settings
 * @param baseline where the job's baseline starts ({@link BaselineReset#NONE} where it was never reset)
 * @param maxFlaggedRuns how many of the newest runs get flags computed (the others carry none)
 */
public record JobReportAssembler(DetectorSettings settings, BaselineReset baseline, int maxFlaggedRuns) {

    public JobReportAssembler {
        if (maxFlaggedRuns < 0) {
            throw new IllegalArgumentException("maxFlaggedRuns must be 0 or more, got " + maxFlaggedRuns);
        }
    }

    /** Every run flagged, no baseline reset. */
    public static JobReportAssembler of(DetectorSettings settings) {
        return new JobReportAssembler(settings, BaselineReset.NONE, Integer.MAX_VALUE);
    }

    /** Whether a window of this many runs has runs left without flags. */
    public boolean leavesRunsUnflagged(int windowSize) {
        return windowSize > maxFlaggedRuns;
    }

    /**
     * One job's part of the report.
     *
     * @param name the job's full name
     * @param window the runs to report, in any order
     * @param history the job's runs that flags compare with, in any order (the window is usually part of it)
     * @param warnings what the report must say about the job (runs skipped, back-fill under way)
     */
    public ReportJson.Job assemble(String name, Collection<ProcessMap> window, Collection<ProcessMap> history,
            List<String> warnings) {
        List<ProcessMap> ordered = new ArrayList<>(window);
        ordered.sort(Comparator.comparingInt(ProcessMap::number));
        int firstFlagged = Math.max(0, ordered.size() - maxFlaggedRuns);
        List<ReportJson.Run> runs = new ArrayList<>(ordered.size());
        List<List<Flag>> flagged = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            ProcessMap run = ordered.get(i);
            List<Flag> flags = i < firstFlagged ? List.of()
                    : Detectors.flag(run, baseline.sameBaseline(run, history), settings);
            if (i >= firstFlagged) {
                flagged.add(flags);
            }
            runs.add(new ReportJson.Run(run, flags));
        }
        ValueStream stream = ValueStreamAggregator.aggregate(name, ordered);
        return new ReportJson.Job(name, stream, runs, warnings, AvoidableWork.of(flagged));
    }
}
