package io.jenkins.plugins.valuestream.future;

import io.jenkins.plugins.valuestream.critical.RunSchedule;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.ProcessStep;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Projects a what-if over a window: each finished run's lead time with the step's time changed. */
public final class WhatIfProjector {

    private WhatIfProjector() {
    }

    /** The what-if over the given runs; running runs are left out, runs without the step keep their lead time. */
    public static WhatIfResult project(WhatIf whatIf, Collection<ProcessMap> runs) {
        List<Long> lead = new ArrayList<>();
        List<Long> projected = new ArrayList<>();
        int stepRuns = 0;
        for (ProcessMap run : runs) {
            if (run.running()) {
                continue;
            }
            lead.add(run.leadTimeMillis());
            int step = indexOf(whatIf, run);
            if (step < 0) {
                projected.add(run.leadTimeMillis());
            } else {
                stepRuns++;
                long elapsed = run.steps().get(step).elapsedMillis();
                projected.add(RunSchedule.of(run).leadTimeIf(step, whatIf.change().applyTo(elapsed)));
            }
        }
        return new WhatIfResult(whatIf, lead.size(), stepRuns, FutureStateProjector.distribution(lead),
                FutureStateProjector.distribution(projected));
    }

    private static int indexOf(WhatIf whatIf, ProcessMap run) {
        List<ProcessStep> steps = run.steps();
        for (int i = 0; i < steps.size(); i++) {
            ProcessStep step = steps.get(i);
            if (step.counted() && step.path().equals(whatIf.path()) && step.occurrence() == whatIf.occurrence()) {
                return i;
            }
        }
        return -1;
    }
}
