package io.jenkins.plugins.valuestream.view;

import io.jenkins.plugins.valuestream.process.WaitCause;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The wait causes a chart shows, for its legend.
 *
 * @param known the causes with time somewhere in the chart, in cause order
 * @param unknown the causes that some source could not tell, in cause order
 */
public record Legend(List<WaitCause> known, List<WaitCause> unknown) {
    public Legend {
        known = List.copyOf(known);
        unknown = List.copyOf(unknown);
    }

    /** Collects the causes of a chart's parts. */
    static final class Collector {
        private final Set<WaitCause> known = EnumSet.noneOf(WaitCause.class);
        private final Set<WaitCause> unknown = EnumSet.noneOf(WaitCause.class);

        Collector add(WaitPart part) {
            if (part.millis() == null) {
                unknown.add(part.cause());
            } else if (part.millis() > 0) {
                known.add(part.cause());
            }
            return this;
        }

        Collector addAll(List<WaitPart> parts) {
            parts.forEach(this::add);
            return this;
        }

        Collector known(WaitCause cause) {
            known.add(cause);
            return this;
        }

        Collector unknown(Set<WaitCause> causes) {
            unknown.addAll(causes);
            return this;
        }

        Legend build() {
            return new Legend(List.copyOf(known), List.copyOf(unknown));
        }
    }
}
