package io.jenkins.plugins.valuestream.view;

import io.jenkins.plugins.valuestream.view.html.HtmlReport;
import io.jenkins.plugins.valuestream.view.svg.ProcessMapSvg;
import io.jenkins.plugins.valuestream.view.svg.SparklineSvg;
import io.jenkins.plugins.valuestream.view.svg.SvgOptions;
import io.jenkins.plugins.valuestream.view.svg.TrendSvg;
import io.jenkins.plugins.valuestream.view.svg.ValueStreamMapSvg;
import io.jenkins.plugins.valuestream.view.theme.Theme;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the fixtures' report and charts to a folder, to look at them in a browser:
 * {@code java -cp target/classes:target/test-classes:<jackson, jspecify> ...DemoReportWriter <folder> [light|dark]}.
 */
public final class DemoReportWriter {
    private DemoReportWriter() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "target/demo-report");
        Theme theme = args.length > 1 ? Theme.parse(args[1]) : Theme.AUTO;
        Files.createDirectories(folder);
        var web = ViewFixtures.webShopReport(20);
        var reports = List.of(web, ViewFixtures.matrixReport(12), ViewFixtures.hostileReport(3));
        String html = new HtmlReport("Value stream report", null, theme).render(reports);
        Files.writeString(folder.resolve("report.html"), html, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("map.svg"), ValueStreamMapSvg.render(ValueStreamMapView.of(web.valueStream())),
                StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("trend.svg"), TrendSvg.render(TrendView.of(web.valueStream())),
                StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("sparkline.svg"), SparklineSvg.render(TrendView.of(web.valueStream()),
                new SvgOptions("vs", true, theme)), StandardCharsets.UTF_8);
        for (int index : new int[] {11, 16}) {
            var run = web.runs().get(index);
            Files.writeString(folder.resolve("run-" + run.map().number() + ".svg"), ProcessMapSvg.render(
                    ProcessMapView.of(run.map(), run.flags(), VerdictView.of(run.budgets()))), StandardCharsets.UTF_8);
        }
        var hostile = reports.get(2).runs().get(0);
        Files.writeString(folder.resolve("run-hostile.svg"), ProcessMapSvg.render(ProcessMapView.of(
                hostile.map(), hostile.flags(), VerdictView.of(hostile.budgets()))), StandardCharsets.UTF_8);
        var many = ViewFixtures.webShopReport(150);
        Files.writeString(folder.resolve("trend-150.svg"), TrendSvg.render(TrendView.of(many.valueStream())),
                StandardCharsets.UTF_8);
    }
}
