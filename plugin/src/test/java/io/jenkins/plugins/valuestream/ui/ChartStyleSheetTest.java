package io.jenkins.plugins.valuestream.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.valuestream.view.svg.SvgStyle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Test;

/**
 * The plugin serves the charts' style sheet as a static file (no {@code <style>} in the pages, so a strict Content
 * Security Policy holds); it must be exactly what the model's renderer would embed.
 */
public class ChartStyleSheetTest {
    private static final Path STYLE_SHEET = Path.of("src/main/webapp/css/value-stream-charts.css");

    @Test
    public void servedStyleSheetIsTheRenderersStyleSheet() throws Exception {
        String served = Files.readString(STYLE_SHEET, StandardCharsets.UTF_8);
        String withoutHeader = served.substring(served.indexOf("*/") + 2).stripLeading();

        assertThat(withoutHeader).isEqualTo(SvgStyle.css());
    }
}
