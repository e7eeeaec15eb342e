package io.jenkins.plugins.valuestream.process;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a source of runs cannot tell, and how a process map says so: a cause the source cannot see reads as unknown
 * ({@code null}), never as 0; work whose context the source does not show has no context, so it is never taken for
 * duplicated work; and the source's notes are added to the map's.
 *
 * @param unknownCauses wait causes the source cannot see (e.g. {@link WaitCause#AGENT} for the Stage View REST
 *     API, which does not show the allocation of an agent inside a stage)
 * @param notes what the source could not tell, in words for users
 * @param contextsKnown whether the source shows where each step ran (its agent, {@code withEnv}, {@code dir})
 */
public record SourceLimits(Set<WaitCause> unknownCauses, List<String> notes, boolean contextsKnown) {
    /** A complete flow graph: nothing unknown beyond what the graph itself lacks. */
    public static final SourceLimits NONE = new SourceLimits(Set.of(), List.of(), true);

    public SourceLimits {
        unknownCauses = unknownCauses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(unknownCauses));
        notes = List.copyOf(notes);
    }

    /** The process map as this source can vouch for it; the map itself where the source has no limits. */
    public ProcessMap applyTo(ProcessMap map) {
        if (unknownCauses.isEmpty() && notes.isEmpty() && contextsKnown) {
            return map;
        }
        List<WorkItem> work = map.work();
        if (!contextsKnown) {
            work = map.work().stream().map(WorkItem::withUnknownContext).toList();
        }
        List<ProcessStep> steps = map.steps();
        if (!unknownCauses.isEmpty()) {
            steps = map.steps().stream().map(step -> step.withWaits(step.waits().withUnknown(unknownCauses))).toList();
        }
        List<String> allNotes = new ArrayList<>(map.notes());
        for (String note : notes) {
            if (!allNotes.contains(note)) {
                allNotes.add(note);
            }
        }
        return map.withWaits(map.waits().withUnknown(unknownCauses)).withSteps(steps).withWork(work)
                .withNotes(allNotes);
    }
}
