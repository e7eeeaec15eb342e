package io.jenkins.plugins.valuestream.controller;

import io.jenkins.plugins.valuestream.stream.Contention;
import io.jenkins.plugins.valuestream.time.Durations;
import java.util.List;

/** The page <em>Value Stream across jobs</em>: the contention of the controller's jobs, every number in words. */
public final class ContentionPage {
    private final Contention contention;

    ContentionPage(Contention contention) {
        this.contention = contention;
    }

    /** "Over the 200 newest runs of each of 12 jobs (1,930 completed runs)." */
    public String getScopeText() {
        return Messages.ContentionPage_Scope(ControllerAction.CONTENTION_RUNS, contention.jobs(), contention.runs());
    }

    /** The agent labels, the most wait first. */
    public List<LabelRow> getLabels() {
        return contention.labels().stream().map(LabelRow::of).toList();
    }

    /** The lock resources, the most wait first. */
    public List<ResourceRow> getResources() {
        return contention.resources().stream().map(ResourceRow::of).toList();
    }

    /** The steps that waited for a lock, the most wait first. */
    public List<LockRow> getLocks() {
        return contention.locks().stream().map(LockRow::of).toList();
    }

    /** One label as shown; {@code label} says "any agent" for a {@code node} without a label. */
    public record LabelRow(String label, int allocations, int jobs, String median, String p90, String total) {
        static LabelRow of(Contention.LabelWait wait) {
            return new LabelRow(wait.label().isEmpty() ? Messages.ContentionPage_AnyAgent() : wait.label(),
                    wait.allocations(), wait.jobs(), Durations.format(wait.waitTime().median()),
                    Durations.format(wait.waitTime().p90()), Durations.format(wait.totalWaitMillis()));
        }
    }

    /** One lock resource as shown ({@code label:<label>} for a lock of any resource with that label). */
    public record ResourceRow(String resource, int acquisitions, int jobs, String median, String p90, String total) {
        static ResourceRow of(Contention.ResourceWait wait) {
            return new ResourceRow(wait.displayName(), wait.acquisitions(), wait.jobs(),
                    Durations.format(wait.waitTime().median()), Durations.format(wait.waitTime().p90()),
                    Durations.format(wait.totalWaitMillis()));
        }
    }

    /** One step's lock wait as shown. */
    public record LockRow(String job, String step, int runs, String median, String p90, String total) {
        static LockRow of(Contention.LockWait wait) {
            return new LockRow(wait.job(), wait.step(), wait.runs(), Durations.format(wait.waitTime().median()),
                    Durations.format(wait.waitTime().p90()), Durations.format(wait.totalWaitMillis()));
        }
    }
}
