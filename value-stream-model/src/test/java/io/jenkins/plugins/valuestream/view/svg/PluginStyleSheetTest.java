package io.jenkins.plugins.valuestream.view.svg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Test;

/**
 * The plugin serves a copy of the charts' style sheet as a static file; its own test checks the copy in Jenkins, this
 * one in every build, so that a change of the renderer cannot leave the plugin's pages with the old style.
 */
public class PluginStyleSheetTest {
    @Test
    public void thePluginsCopyIsTheRenderersStyleSheet() throws IOException {
        Path project = Path.of(System.getProperty("valuestream.docs", "../docs")).toAbsolutePath().getParent();
        String served = Files.readString(project.resolve("plugin/src/main/webapp/css/value-stream-charts.css"),
                StandardCharsets.UTF_8);

        assertThat(served.substring(served.indexOf("*/") + 2).stripLeading()).isEqualTo(SvgStyle.css());
    }
}
