package io.jenkins.plugins.valuestream.cli.source;

import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.ProcessMapExtractor;
import io.jenkins.plugins.valuestream.process.ProcessStep;
import io.jenkins.plugins.valuestream.process.WorkItem;
import java.util.ArrayList;
import java.util.List;

/**
 * A source's run as a process map: the model's extraction, then what the source could not tell marked unknown (the
 * causes read as {@code null}, never as 0; the work's contexts as {@code null}, never as "the same") and its notes
 * added.
 */
public final class RunExtraction {
    private RunExtraction() {
    }

    /**
     * The process map of the run, computed against {@code now} while it is running (against its last activity where
     * its source is not live, see {@link SourceRun#measuredUntil}).
     */
    public static ProcessMap processMap(SourceRun run, long now) {
        ProcessMap map = ProcessMapExtractor.extract(run.info(), run.graph(), run.measuredUntil(now));
        if (run.unknownCauses().isEmpty() && run.notes().isEmpty() && run.contextsKnown()) {
            return map;
        }
        List<WorkItem> work = map.work();
        if (!run.contextsKnown()) {
            work = new ArrayList<>(map.work().size());
            for (WorkItem item : map.work()) {
                work.add(new WorkItem(item.function(), item.arguments(), item.step(), item.branch(),
                        item.startedAt(), item.durationMillis(), null));
            }
        }
        List<ProcessStep> steps = new ArrayList<>(map.steps().size());
        for (ProcessStep step : map.steps()) {
            steps.add(run.unknownCauses().isEmpty() ? step : new ProcessStep(step.path(), step.occurrence(),
                    step.kind(), step.result(), step.startedAt(), step.elapsedMillis(), step.processMillis(),
                    step.waits().withUnknown(run.unknownCauses()), step.effortMillis(), step.firstTime(),
                    step.nodeId(), step.parallelGroup()));
        }
        List<String> notes = new ArrayList<>(map.notes());
        for (String note : run.notes()) {
            if (!notes.contains(note)) {
                notes.add(note);
            }
        }
        return new ProcessMap(map.number(), map.result(), map.queuedAt(), map.startedAt(), map.completedAt(),
                map.asOf(), map.processMillis(), map.waits().withUnknown(run.unknownCauses()), steps, work,
                map.agents(), notes);
    }
}
