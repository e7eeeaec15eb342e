package io.jenkins.plugins.valuestream.view.svg;

import static io.jenkins.plugins.valuestream.view.ParsedXml.hasClass;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.valuestream.stream.RunTrend;
import io.jenkins.plugins.valuestream.stream.ValueStream;
import io.jenkins.plugins.valuestream.view.ParsedXml;
import io.jenkins.plugins.valuestream.view.TrendView;
import io.jenkins.plugins.valuestream.view.ViewFixtures;
import java.util.List;
import org.junit.Test;
import org.w3c.dom.Element;

public class TrendSvgTest {
    private final ValueStream webShop = ViewFixtures.aggregate("web-shop", ViewFixtures.webShopRuns(10));
    private final ParsedXml parsed = ParsedXml.parse(TrendSvg.render(TrendView.of(webShop)));

    private static double stackHeight(Element run) {
        return ParsedXml.elements(run, "rect[starts-with(@class, 'vs-seg-')]").stream()
                .mapToDouble(rect -> Double.parseDouble(rect.getAttribute("height"))).sum();
    }

    @Test
    public void drawsOneStackedBarAndOneDotPerRun() {
        assertThat(parsed.elements("//g[" + hasClass("vs-run") + "]")).extracting(g -> g.getAttribute("data-run"))
                .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
        assertThat(parsed.elements("//circle[" + hasClass("vs-eff-dot") + "]")).hasSize(10);
    }

    @Test
    public void stacksProcessAndWaitToTheLeadTime() {
        List<Element> runs = parsed.elements("//g[" + hasClass("vs-run") + "]");
        RunTrend first = webShop.trend().get(5);
        RunTrend second = webShop.trend().get(6);
        double ratio = stackHeight(runs.get(5)) / stackHeight(runs.get(6));
        assertThat(ratio).isCloseTo((double) first.leadTimeMillis() / second.leadTimeMillis(),
                org.assertj.core.data.Offset.offset(0.01));
        assertThat(ParsedXml.elements(runs.get(5), "rect[starts-with(@class, 'vs-seg-')]").get(0)
                .getAttribute("class")).isEqualTo("vs-seg-process");
    }

    @Test
    public void marksRunsWithAnUnknownWait() {
        assertThat(parsed.elements("//text[" + hasClass("vs-unknown-mark") + "]")).hasSize(3);
        assertThat(parsed.texts("//text[" + hasClass("vs-note") + "]")).anyMatch(t -> t.contains("3 of 10 runs"));
    }

    @Test
    public void givesEachRunATooltipWithItsNumbers() {
        Element first = parsed.elements("//g[" + hasClass("vs-run") + "]").get(0);
        assertThat(ParsedXml.elements(first, "title").get(0).getTextContent())
                .startsWith("#1 \u2014 Success").contains("Queue unknown", "Flow efficiency");
    }

    @Test
    public void describesTheLatestRunsOneByOneForScreenReaders() {
        ValueStream many = ViewFixtures.aggregate("web-shop", ViewFixtures.webShopRuns(30));
        String description = ParsedXml.parse(TrendSvg.render(TrendView.of(many))).text("/svg/desc");
        assertThat(description).contains("over 30 runs", "Shortest lead time", "The last 20: #11: lead time",
                "#30: lead time").doesNotContain("#10: lead time");
    }

    @Test
    public void marksFailedRunsAndSaysHow() {
        assertThat(parsed.elements("//g[" + hasClass("vs-run-failed") + "]")).extracting(g -> g.getAttribute("data-run"))
                .containsExactly("9");
        assertThat(parsed.elements("//g[" + hasClass("vs-run-failed") + "]/rect[" + hasClass("vs-failed-mark") + "]"))
                .hasSize(1);
        assertThat(parsed.elements("//rect[" + hasClass("vs-failed-mark") + "]")).hasSize(1);
        assertThat(parsed.texts("//text[" + hasClass("vs-note") + "]")).contains(
                "A red mark under a bar: a failed run.");
    }

    @Test
    public void labelsTheEfficiencyAxisInRoundPercentages() {
        List<String> labels = parsed.elements("//text").stream().map(Element::getTextContent)
                .filter(text -> text.endsWith("%") && !text.contains(" ")).toList();
        assertThat(labels).isNotEmpty().allMatch(label -> label.matches("(\\d+|\\d+\\.5)%"), "whole or half");
    }

    @Test
    public void stretchesToTheWidthItIsGiven() {
        String wide = TrendSvg.render(TrendView.of(webShop), SvgOptions.inline("t").withWidth(1240));
        Element root = ParsedXml.parse(wide).document().getDocumentElement();
        assertThat(root.getAttribute("width")).isEqualTo("1240");
    }

    @Test
    public void drawsNoEmptyAxesForAJobWithoutRuns() {
        ParsedXml empty = ParsedXml.parse(TrendSvg.render(TrendView.of(ViewFixtures.aggregate("new-job", List.of()))));
        assertThat(empty.elements("//line")).isEmpty();
        assertThat(empty.allText()).contains("No completed runs yet");
        assertThat(empty.text("/svg/desc")).contains("no runs yet");
    }

    @Test
    public void saysWhichRunsItShowsOldestFirst() {
        assertThat(parsed.text("/svg/text[2]")).isEqualTo("10 runs, #1 to #10, oldest first");
        ValueStream one = ViewFixtures.aggregate("web-shop", ViewFixtures.webShopRuns(1));
        assertThat(ParsedXml.parse(TrendSvg.render(TrendView.of(one))).text("/svg/text[2]"))
                .isEqualTo("1 run, #1, oldest first");
    }

    @Test
    public void labelsTheLeadTimeAxisInRoundTimesUpToTheTopOfThePanel() {
        // The longest of the ten lead times is 33m 54s: five ticks of 10 minutes cover it.
        List<Element> labels = parsed.elements("//text[@text-anchor='end']");
        assertThat(labels.subList(0, 5)).extracting(Element::getTextContent)
                .containsExactly("0", "10m", "20m", "30m", "40m");
        List<Element> lines = parsed.elements("//line");
        assertThat(lines.get(0).getAttribute("class")).isEqualTo("vs-axis");
        double top = number(lines.get(4), "y1");
        double bottom = number(lines.get(0), "y1");
        Element slot = parsed.elements("//rect[" + hasClass("vs-hit") + "]").get(0);
        assertThat(top).isEqualTo(number(slot, "y"));
        assertThat(bottom).isEqualTo(number(slot, "y") + number(slot, "height"));
    }

    @Test
    public void joinsTheDotsWithALineOverAnAreaDownToTheAxis() {
        List<Element> dots = parsed.elements("//circle[" + hasClass("vs-eff-dot") + "]");
        StringBuilder through = new StringBuilder();
        for (Element dot : dots) {
            through.append(through.length() == 0 ? "M" : " L").append(dot.getAttribute("cx")).append(' ')
                    .append(dot.getAttribute("cy"));
        }
        String line = parsed.element("//path[" + hasClass("vs-eff-line") + "]").getAttribute("d");
        assertThat(line).isEqualTo(through.toString());
        String axis = parsed.elements("//line[" + hasClass("vs-axis") + "]").get(1).getAttribute("y1");
        assertThat(parsed.element("//path[" + hasClass("vs-eff-area") + "]").getAttribute("d")).isEqualTo(line
                + " L" + dots.get(dots.size() - 1).getAttribute("cx") + " " + axis
                + " L" + dots.get(0).getAttribute("cx") + " " + axis + " Z");
    }

    @Test
    public void drawsOnlyADotForASingleRun() {
        ValueStream one = ViewFixtures.aggregate("web-shop", ViewFixtures.webShopRuns(1));
        ParsedXml chart = ParsedXml.parse(TrendSvg.render(TrendView.of(one)));
        assertThat(chart.elements("//path")).isEmpty();
        assertThat(chart.elements("//circle[" + hasClass("vs-eff-dot") + "]")).hasSize(1);
    }

    @Test
    public void numbersAsManyBarsAsThereIsRoomFor() {
        assertThat(parsed.texts("//g[" + hasClass("vs-run") + "]/text[starts-with(., '#')]"))
                .containsExactly("#1", "#2", "#3", "#4", "#5", "#6", "#7", "#8", "#9", "#10");
        ValueStream many = ViewFixtures.aggregate("web-shop", ViewFixtures.webShopRuns(150));
        List<Element> numbers = ParsedXml.parse(TrendSvg.render(TrendView.of(many)))
                .elements("//g[" + hasClass("vs-run") + "]/text[starts-with(., '#')]");
        assertThat(numbers).hasSizeBetween(10, 30);
        assertThat(numbers.get(0).getTextContent()).isEqualTo("#1");
        for (int i = 1; i < numbers.size(); i++) {
            assertThat(number(numbers.get(i), "x") - number(numbers.get(i - 1), "x")).isGreaterThanOrEqualTo(48);
        }
    }

    private static double number(Element element, String attribute) {
        return Double.parseDouble(element.getAttribute(attribute));
    }
}
