package io.jenkins.plugins.valuestream.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.Test;

/** Reading Jenkins' result names. */
public class RunResultTest {

    @Test
    public void everyJenkinsResultNameReadsAsItsResultInAnyCase() {
        assertThat(RunResult.fromName("NOT_BUILT")).isEqualTo(RunResult.NOT_BUILT);
        assertThat(RunResult.fromName(" unstable ")).isEqualTo(RunResult.UNSTABLE);
    }

    @Test
    public void aNameJenkinsDoesNotWriteIsAFailureAsInJenkins() {
        assertThat(RunResult.fromName("BROKEN")).isEqualTo(RunResult.FAILURE);
    }

}
