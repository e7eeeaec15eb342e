package io.jenkins.plugins.valuestream.cli;

import io.jenkins.plugins.valuestream.flags.DetectorSettings;
import io.jenkins.plugins.valuestream.flags.Detectors;
import io.jenkins.plugins.valuestream.flags.Flag;
import io.jenkins.plugins.valuestream.json.ReportJson;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.stream.ValueStream;
import io.jenkins.plugins.valuestream.stream.ValueStreamAggregator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Puts one job's report together from its process maps, as the plugin does: each run flagged by the detectors against
 * the runs before it, the value stream over the completed runs.
 */
public final class ReportAssembler {
    private final DetectorSettings settings;

    public ReportAssembler(DetectorSettings settings) {
        this.settings = settings;
    }

    /** One job's part of the report; the maps in any order. */
    public ReportJson.Job job(String name, List<ProcessMap> maps, List<String> warnings) {
        List<ProcessMap> ordered = new ArrayList<>(maps);
        ordered.sort(Comparator.comparingInt(ProcessMap::number));
        List<ReportJson.Run> runs = new ArrayList<>(ordered.size());
        for (int i = 0; i < ordered.size(); i++) {
            List<Flag> flags = Detectors.flag(ordered.get(i), ordered.subList(0, i), settings);
            runs.add(new ReportJson.Run(ordered.get(i), flags));
        }
        ValueStream stream = ValueStreamAggregator.aggregate(name, ordered);
        return new ReportJson.Job(name, stream, runs, warnings);
    }
}
