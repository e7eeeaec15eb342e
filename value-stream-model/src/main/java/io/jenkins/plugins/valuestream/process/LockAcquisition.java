package io.jenkins.plugins.valuestream.process;

import java.util.Objects;

/**
 * One acquisition of a lock (the Lockable Resources plugin's {@code lock} step): which resource was asked for, in
 * which step, and how long the run waited for it.
 *
 * @param resource the resource's name ({@code lock('db')}, {@code lock(resource: 'db')}); {@code label:<label>} for
 *     a lock of any resource with a label ({@code lock(label: 'phones')}); the empty string where the step named
 *     neither, or named it in a form the model cannot read (shown as "(unnamed)")
 * @param step the process-map step the lock was taken in
 * @param startedAt when the lock was asked for (epoch milliseconds)
 * @param waitMillis how long it took to get the lock (still open: until "now")
 * @param holdMillis how long the lock was held (body start to body end)
 */
public record LockAcquisition(String resource, StepPath step, long startedAt, long waitMillis, long holdMillis) {
    /** The prefix of {@link #resource} for a lock taken by label. */
    public static final String LABEL_PREFIX = "label:";

    public LockAcquisition {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(step, "step");
    }

    /** Whether the step named no resource (or none the model can read). */
    public boolean unnamed() {
        return resource.isEmpty();
    }
}
