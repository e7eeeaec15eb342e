package io.jenkins.plugins.valuestream.cli.source;

import io.jenkins.plugins.valuestream.process.ProcessMap;
import java.util.List;
import java.util.Objects;

/**
 * The runs of one job as process maps, oldest first, with the warnings about runs that could not be read (each names
 * the run and the reason; the other runs are still reported).
 *
 * @param name the job's full name ({@code folder/job})
 * @param maps the process maps of the runs read
 * @param warnings one line per run skipped or read only in part
 */
public record JobMaps(String name, List<ProcessMap> maps, List<String> warnings) {
    public JobMaps {
        Objects.requireNonNull(name, "name");
        maps = List.copyOf(maps);
        warnings = List.copyOf(warnings);
    }
}
