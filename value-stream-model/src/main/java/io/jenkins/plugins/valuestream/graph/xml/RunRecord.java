package io.jenkins.plugins.valuestream.graph.xml;

import io.jenkins.plugins.valuestream.graph.FlowGraph;
import io.jenkins.plugins.valuestream.graph.RunInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One run read from its build folder: a Pipeline run, or (read by {@link BuildFolderReader#everyBuild()}) a build of
 * another job type, which has no flow graph.
 *
 * @param job the job's full name ({@code folder/job}, {@code project/branch})
 * @param folder the run folder ({@code .../builds/<n>})
 * @param info what {@code build.xml} says of the run
 * @param graph its flow graph, or {@code null} where the folder holds no flow nodes (an old or pruned record): such a
 *     run has no process map, and {@link #warnings()} says so
 * @param warnings what was odd but did not stop the run from being read, each naming what and where
 * @param pipeline whether it is a Pipeline run ({@code build.xml} root {@code flow-build}); a build of another job
 *     type (freestyle, Maven, ...) has no graph and is no defect
 */
public record RunRecord(String job, Path folder, RunInfo info, @Nullable FlowGraph graph, List<String> warnings,
        boolean pipeline) {

    /** A Pipeline run. */
    public RunRecord(String job, Path folder, RunInfo info, @Nullable FlowGraph graph, List<String> warnings) {
        this(job, folder, info, graph, warnings, true);
    }

    public RunRecord {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(info, "info");
        warnings = List.copyOf(warnings);
    }

    /** The build number. */
    public int number() {
        return info.number();
    }
}
