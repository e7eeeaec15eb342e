package io.jenkins.plugins.valuestream.future;

import io.jenkins.plugins.valuestream.flags.FlagKind;
import io.jenkins.plugins.valuestream.process.WaitCause;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What the future-state map removes: the waits of the chosen causes, and the avoidable work of the flags whose cost
 * is work ({@link #WORK_KINDS}); everything else stays as it was recorded.
 *
 * @param removedCauses the wait causes whose time goes
 */
public record FutureAssumptions(Set<WaitCause> removedCauses) {

    /**
     * The flags whose cost comes off their step's process time. A slow wait and a repeated agent cost waiting time,
     * which goes with its cause; a no-op step stays until someone removes it from the Pipeline.
     */
    public static final Set<FlagKind> WORK_KINDS = Collections.unmodifiableSet(
            EnumSet.of(FlagKind.SLOW_PROCESS, FlagKind.DUPLICATE_WORK, FlagKind.SETUP_ON_EACH_AGENT));

    public FutureAssumptions {
        removedCauses = removedCauses.isEmpty() ? Collections.unmodifiableSet(EnumSet.noneOf(WaitCause.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(removedCauses));
    }

    /** The default: the waits for an agent and in the build queue go, what capacity can buy. */
    public static FutureAssumptions defaults() {
        return new FutureAssumptions(EnumSet.of(WaitCause.QUEUE, WaitCause.AGENT));
    }

    /**
     * The causes named in a comma-separated list, in any case ({@code AGENT,QUEUE}); {@code none} removes no wait.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static FutureAssumptions parse(String list) {
        if (list.trim().equalsIgnoreCase("none")) {
            return new FutureAssumptions(Set.of());
        }
        Set<WaitCause> causes = EnumSet.noneOf(WaitCause.class);
        for (String name : list.split(",", -1)) {
            try {
                causes.add(WaitCause.parse(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Unknown wait cause '" + name.trim() + "'; accepted: "
                        + WaitCause.accepted() + " (comma-separated), or none", e);
            }
        }
        return new FutureAssumptions(causes);
    }

    /** The wait causes whose time stays. */
    public Set<WaitCause> keptCauses() {
        Set<WaitCause> kept = EnumSet.copyOf(WaitCause.OF_A_RUN);
        kept.removeAll(removedCauses);
        return Collections.unmodifiableSet(kept);
    }

    /** The flags whose cost stays (their time is not work, or not waste to remove). */
    public static Set<FlagKind> keptFlagKinds() {
        Set<FlagKind> kept = EnumSet.allOf(FlagKind.class);
        kept.removeAll(WORK_KINDS);
        return Collections.unmodifiableSet(kept);
    }

    @Override
    public String toString() {
        return removedCauses.isEmpty() ? "none" : String.join(",", Arrays.stream(WaitCause.values())
                .filter(removedCauses::contains).map(Enum::name).toList());
    }
}
