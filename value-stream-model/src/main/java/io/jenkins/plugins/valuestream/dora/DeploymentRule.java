package io.jenkins.plugins.valuestream.dora;

import io.jenkins.plugins.valuestream.process.ProcessStep;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which steps deploy to production: every {@code processStep} with {@code deploys: true}, and the steps whose path is
 * one of {@link #stages} (a stage the report is told deploys, as the JSON's {@code path} names it: {@code Deploy},
 * {@code Release/Production}; case-sensitive, every occurrence).
 */
public record DeploymentRule(Set<String> stages) {
    /** Only the {@code processStep}s that say they deploy. */
    public static final DeploymentRule PROCESS_STEPS = new DeploymentRule(Set.of());

    public DeploymentRule {
        stages = Set.copyOf(new TreeSet<>(stages));
        for (String stage : stages) {
            if (stage.isBlank()) {
                throw new IllegalArgumentException("A deploying stage needs a name, as the JSON's path gives it");
            }
        }
    }

    /** Whether the step deploys, whatever its result. */
    public boolean deploys(ProcessStep step) {
        return step.deploys() || (!stages.isEmpty() && stages.contains(step.path().toString()));
    }
}
