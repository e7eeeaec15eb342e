package io.jenkins.plugins.valuestream.chain;

import java.util.Objects;

/**
 * The hand-off between an upstream run and the downstream run it triggered (docs/definitions.md, "Chains of jobs").
 *
 * @param from the upstream run
 * @param to the downstream run
 * @param triggeredAt when the upstream run triggered it: the start of its {@code build} step where the upstream run
 *     has one, else the upstream run's end (a freestyle trigger fires when the build ends); never after
 *     {@code startedAt}
 * @param startedAt when the downstream run started executing
 * @param byBuildStep whether {@code triggeredAt} is a {@code build} step's start (else the upstream run's end)
 */
public record Handoff(RunKey from, RunKey to, long triggeredAt, long startedAt, boolean byBuildStep) {
    public Handoff {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (triggeredAt > startedAt) {
            throw new IllegalArgumentException("The hand-off to " + to + " is triggered (" + triggeredAt
                    + ") after the run started (" + startedAt + ")");
        }
    }

    /** The downstream run's start − the trigger: its quiet period and build-queue wait. */
    public long waitMillis() {
        return startedAt - triggeredAt;
    }
}
