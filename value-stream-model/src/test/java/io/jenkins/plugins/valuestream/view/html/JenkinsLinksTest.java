package io.jenkins.plugins.valuestream.view.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.Test;

/** Links back to Jenkins, as Jenkins spells its URLs. */
public class JenkinsLinksTest {
    private final JenkinsLinks jenkins = new JenkinsLinks("https://ci.example.com/jenkins");

    @Test
    public void aJobInAFolderIsOneJobSegmentPerName() {
        assertThat(jenkins.job("team/app")).isEqualTo("https://ci.example.com/jenkins/job/team/job/app/");
    }

    @Test
    public void namesAreEncodedAsInAUrlPath() {
        assertThat(jenkins.job("my app/feature/x")).isEqualTo(
                "https://ci.example.com/jenkins/job/my%20app/job/feature/job/x/");
    }

    @Test
    public void aJobNamedOtherwiseInJenkinsLinksByItsJenkinsName() {
        JenkinsLinks links = jenkins.withJenkinsNames(Map.of("mobile/feature-x.k2h5b1", "mobile/feature%2Fx"));

        assertThat(links.run("mobile/feature-x.k2h5b1", 3))
                .isEqualTo("https://ci.example.com/jenkins/job/mobile/job/feature%252Fx/3/");
        assertThat(links.job("shop")).isEqualTo("https://ci.example.com/jenkins/job/shop/");
    }

    @Test
    public void aRunItsConsoleAndAFlowNodeHangBelowTheJob() {
        assertThat(jenkins.run("app", 12)).isEqualTo("https://ci.example.com/jenkins/job/app/12/");
        assertThat(jenkins.console("app", 12)).isEqualTo("https://ci.example.com/jenkins/job/app/12/console");
        assertThat(jenkins.node("app", 12, "17")).isEqualTo(
                "https://ci.example.com/jenkins/job/app/12/execution/node/17/");
    }

    @Test
    public void aUrlThatIsNotHttpIsRefused() {
        assertThatThrownBy(() -> new JenkinsLinks("ftp://ci")).hasMessageContaining("http:// or https://");
    }
}
