package io.jenkins.plugins.valuestream.view.svg;

import static io.jenkins.plugins.valuestream.view.ParsedXml.hasClass;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.valuestream.stream.RunTrend;
import io.jenkins.plugins.valuestream.stream.ValueStream;
import io.jenkins.plugins.valuestream.time.Durations;
import io.jenkins.plugins.valuestream.view.ParsedXml;
import io.jenkins.plugins.valuestream.view.TrendView;
import io.jenkins.plugins.valuestream.view.ViewFixtures;
import java.util.List;
import java.util.stream.IntStream;
import org.assertj.core.data.Offset;
import org.junit.Test;
import org.w3c.dom.Element;

public class SparklineSvgTest {
    private final ValueStream webShop = ViewFixtures.aggregate("acme/web-shop", ViewFixtures.webShopRuns(40));
    private final ParsedXml parsed = ParsedXml.parse(SparklineSvg.render(TrendView.of(webShop),
            SvgOptions.inline("spark")));

    private static double stackHeight(Element run) {
        return ParsedXml.elements(run, "rect[starts-with(@class, 'vs-seg-')]").stream()
                .mapToDouble(rect -> Double.parseDouble(rect.getAttribute("height"))).sum();
    }

    @Test
    public void showsTheLatestThirtyRunsOldestFirst() {
        assertThat(parsed.elements("//g[" + hasClass("vs-run") + "]")).extracting(g -> g.getAttribute("data-run"))
                .containsExactlyElementsOf(IntStream.rangeClosed(11, 40).mapToObj(String::valueOf).toList());
    }

    @Test
    public void showsAsManyRunsAsAsked() {
        ParsedXml five = ParsedXml.parse(SparklineSvg.render(TrendView.of(webShop), SvgOptions.inline("s"), 5));
        assertThat(five.elements("//g[" + hasClass("vs-run") + "]")).extracting(g -> g.getAttribute("data-run"))
                .containsExactly("36", "37", "38", "39", "40");
    }

    @Test
    public void isASmallBoxOfItsOwnSize() {
        Element root = parsed.document().getDocumentElement();
        assertThat(root.getAttribute("width")).isEqualTo("300");
        assertThat(root.getAttribute("height")).isEqualTo("100");
        assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 300 100");
    }

    @Test
    public void drawsBarsInProportionToLeadTime() {
        List<Element> runs = parsed.elements("//g[" + hasClass("vs-run") + "]");
        List<RunTrend> trend = webShop.trend().subList(10, 40);
        for (int i = 1; i < runs.size(); i++) {
            double expected = (double) trend.get(i).leadTimeMillis() / trend.get(0).leadTimeMillis();
            assertThat(stackHeight(runs.get(i)) / stackHeight(runs.get(0))).as("run #%d", trend.get(i).number())
                    .isCloseTo(expected, Offset.offset(0.02 * expected + 0.01));
        }
    }

    @Test
    public void splitsEachBarIntoProcessAndWaitByCauseInTheTrendsColours() {
        Element first = parsed.elements("//g[" + hasClass("vs-run") + "]").get(0);
        assertThat(ParsedXml.elements(first, "rect[starts-with(@class, 'vs-seg-')]"))
                .extracting(rect -> rect.getAttribute("class")).first().isEqualTo("vs-seg-process");
        assertThat(ParsedXml.elements(first, "rect[starts-with(@class, 'vs-seg-')]")).hasSizeGreaterThan(1);
    }

    @Test
    public void marksFailedRuns() {
        assertThat(parsed.elements("//g[" + hasClass("vs-run-failed") + "]")).extracting(g -> g.getAttribute(
                "data-run")).containsExactly("15");
        assertThat(parsed.elements("//g[" + hasClass("vs-run-failed") + "]/rect[" + hasClass("vs-spark-failed")
                + "]")).hasSize(1);
    }

    @Test
    public void drawsTheMedianAsALineAndSaysIt() {
        long[] leads = webShop.trend().subList(10, 40).stream().mapToLong(RunTrend::leadTimeMillis).sorted()
                .toArray();
        long median = (leads[14] + leads[15]) / 2;
        assertThat(parsed.text("//text[" + hasClass("vs-spark-median-text") + "]"))
                .isEqualTo("median " + Durations.format(median));
        Element line = parsed.element("//line[" + hasClass("vs-spark-median") + "]");
        double tallest = parsed.elements("//g[" + hasClass("vs-run") + "]").stream()
                .mapToDouble(SparklineSvgTest::stackHeight).max().orElseThrow();
        double longest = leads[leads.length - 1];
        double medianHeight = Double.parseDouble(parsed.element("//line[" + hasClass("vs-axis") + "]")
                .getAttribute("y1")) - Double.parseDouble(line.getAttribute("y1"));
        assertThat(medianHeight / tallest).isCloseTo(median / longest, Offset.offset(0.02));
    }

    @Test
    public void givesTheNewestRunsLeadTimeInWords() {
        RunTrend newest = webShop.trend().get(39);
        assertThat(parsed.text("//tspan[" + hasClass("vs-spark-latest") + "]"))
                .isEqualTo(Durations.format(newest.leadTimeMillis()));
    }

    @Test
    public void isAnImageDescribedForScreenReaders() {
        Element root = parsed.document().getDocumentElement();
        assertThat(root.getAttribute("role")).isEqualTo("img");
        assertThat(root.getAttribute("aria-labelledby")).isEqualTo("spark-title spark-desc");
        assertThat(parsed.text("/svg/title")).isEqualTo("Lead time of the latest runs of acme/web-shop");
        assertThat(parsed.text("/svg/desc")).startsWith("Lead time of the last 30 runs of acme/web-shop, #11 to #40")
                .contains("median", "1 failed");
        assertThat(parsed.elements("//g[" + hasClass("vs-run") + "]/title")).hasSize(30);
    }

    @Test
    public void sharesTheChartsStyleSheet() {
        assertThat(parsed.elements("//style")).isEmpty();
        String standalone = SparklineSvg.render(TrendView.of(webShop), SvgOptions.standaloneDocument());
        assertThat(ParsedXml.parse(standalone).text("/svg/style")).isEqualTo(SvgStyle.css());
    }

    @Test
    public void saysSoWhenThereAreNoRuns() {
        ParsedXml empty = ParsedXml.parse(SparklineSvg.render(TrendView.of(ViewFixtures.aggregate("new-job",
                List.of())), SvgOptions.inline("s")));
        assertThat(empty.elements("//g[" + hasClass("vs-run") + "]")).isEmpty();
        assertThat(empty.allText()).contains("No completed runs yet");
    }

    @Test
    public void showsAJobNameThatLooksLikeMarkupAsText() {
        String hostile = SparklineSvg.render(TrendView.of(ViewFixtures.aggregate("legacy/" + ViewFixtures.XSS_STAGE,
                ViewFixtures.hostileRuns(3))), SvgOptions.inline("s"));
        assertThat(hostile).doesNotContain("<img").contains("legacy/&lt;img src=x onerror=alert(1)&gt;");
        assertThat(ParsedXml.parse(hostile).elements("//img")).isEmpty();
    }

    @Test
    public void refusesToShowNoRuns() {
        assertThatThrownBy(() -> SparklineSvg.render(TrendView.of(webShop), SvgOptions.inline("s"), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1 run: 0");
    }
}
