package io.jenkins.plugins.valuestream.steps;

import jenkins.model.CauseOfInterruption;

/**
 * Why a run was stopped: it spent more than its wait or lead-time budget. Printed in the build log and kept with the
 * run's interruption causes, like the {@code timeout} step's own cause.
 */
public final class BudgetExceeded extends CauseOfInterruption {
    private static final long serialVersionUID = 1L;

    private final String message;

    /** @param message what was exceeded and by how much, as the model words it */
    public BudgetExceeded(String message) {
        this.message = message;
    }

    @Override
    public String getShortDescription() {
        return message;
    }
}
