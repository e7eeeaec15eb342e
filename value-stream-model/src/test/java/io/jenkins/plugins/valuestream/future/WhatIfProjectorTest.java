package io.jenkins.plugins.valuestream.future;

import static io.jenkins.plugins.valuestream.testing.RunFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.valuestream.process.ProcessMap;
import java.util.List;
import org.junit.Test;

/** What-ifs over hand-built runs: docs/definitions.md's critical-path example. */
public class WhatIfProjectorTest {

    /** Build 60 s, then Test with three branches of 100 s, 70 s and 40 s. */
    private static ProcessMap threeBranches(int number) {
        return run(number)
                .step("Build", s -> s.at(0).process(60_000))
                .step("Test", s -> s.at(60_000).process(100_000))
                .step("Test/linux", s -> s.at(60_000).process(100_000).parallel("9"))
                .step("Test/windows", s -> s.at(60_000).process(70_000).parallel("9"))
                .step("Test/mac", s -> s.at(60_000).process(40_000).parallel("9"))
                .build();
    }

    @Test
    public void halvingTheLongestBranchShortensTheRunUntilTheNextOneIsLonger() {
        WhatIfResult result = WhatIfProjector.project(WhatIf.parse("Test/linux=-50%"), List.of(threeBranches(1)));

        assertThat(result.leadTime().median()).isEqualTo(160_000);
        assertThat(result.projectedLeadTime().median()).isEqualTo(130_000);
    }

    @Test
    public void halvingABranchBesideALongerOneSavesNothing() {
        WhatIfResult result = WhatIfProjector.project(WhatIf.parse("Test/windows=-50%"),
                List.of(threeBranches(1)));

        assertThat(result.projectedLeadTime().median()).isEqualTo(160_000);
    }

    @Test
    public void aLongerStepMakesTheRunLonger() {
        WhatIfResult result = WhatIfProjector.project(WhatIf.parse("Build=+1m"), List.of(threeBranches(1)));

        assertThat(result.projectedLeadTime().median()).isEqualTo(220_000);
    }

    @Test
    public void aRunWithoutTheStepKeepsItsLeadTime() {
        ProcessMap withoutMac = run(2).step("Build", s -> s.at(0).process(60_000)).build();

        WhatIfResult result = WhatIfProjector.project(WhatIf.parse("Test/linux=-50%"),
                List.of(threeBranches(1), withoutMac));

        assertThat(result.runs()).isEqualTo(2);
        assertThat(result.stepRuns()).isEqualTo(1);
        assertThat(result.projectedLeadTime().p90()).isEqualTo(123_000);
    }

    @Test
    public void runsStillGoingAreLeftOut() {
        ProcessMap running = run(2).step("Build", s -> s.at(0).process(60_000)).runningFor(5_000).build();

        assertThat(WhatIfProjector.project(WhatIf.parse("Build=-50%"), List.of(threeBranches(1), running)).runs())
                .isEqualTo(1);
    }
}
