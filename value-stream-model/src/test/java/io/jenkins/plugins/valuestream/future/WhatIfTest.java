package io.jenkins.plugins.valuestream.future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.valuestream.process.StepPath;
import org.junit.Test;

public class WhatIfTest {

    @Test
    public void aPercentageChangesTheStepsTimeByThatShare() {
        WhatIf halved = WhatIf.parse("Test/Integration=-50%");

        assertThat(halved.path()).isEqualTo(StepPath.of("Test", "Integration"));
        assertThat(halved.change().applyTo(300_000)).isEqualTo(150_000);
    }

    @Test
    public void aSignedDurationChangesTheStepsTimeByThatMuch() {
        assertThat(WhatIf.parse("Build=-2m").change().applyTo(300_000)).isEqualTo(180_000);
        assertThat(WhatIf.parse("Build=+30s").change().applyTo(300_000)).isEqualTo(330_000);
    }

    @Test
    public void aDurationWithoutSignIsTheStepsNewTime() {
        assertThat(WhatIf.parse("Build=90s").change().applyTo(300_000)).isEqualTo(90_000);
    }

    @Test
    public void aStepNeverTakesLessThanNoTime() {
        assertThat(WhatIf.parse("Build=-10m").change().applyTo(60_000)).isZero();
    }

    @Test
    public void aNumberAfterTheNameIsTheOccurrence() {
        WhatIf second = WhatIf.parse("Build #2=-50%");

        assertThat(second.path()).isEqualTo(StepPath.of("Build"));
        assertThat(second.occurrence()).isEqualTo(1);
        assertThat(second.stepName()).isEqualTo("Build #2");
    }

    @Test
    public void aSlashInsideAStageNameIsEscaped() {
        assertThat(WhatIf.parse("Deploy\\/Staging=-1m").path()).isEqualTo(StepPath.of("Deploy/Staging"));
    }

    @Test
    public void aChangeThatIsNoPercentageNorDurationIsAnsweredWithTheAcceptedForms() {
        assertThatThrownBy(() -> WhatIf.parse("Build=half"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid what-if 'Build=half': 'half' is neither a signed percentage nor a"
                        + " duration; accepted: STEP=-50%");
    }

    @Test
    public void aWhatIfWithoutAChangeIsRefused() {
        assertThatThrownBy(() -> WhatIf.parse("Build"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid what-if 'Build': no STEP=CHANGE");
    }

    @Test
    public void moreThanAllOfItsTimeLessIsRefused() {
        assertThatThrownBy(() -> WhatIf.parse("Build=-150%"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a step cannot take less than no time");
    }
}
