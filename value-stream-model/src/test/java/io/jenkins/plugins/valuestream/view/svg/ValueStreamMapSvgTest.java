package io.jenkins.plugins.valuestream.view.svg;

import static io.jenkins.plugins.valuestream.view.ParsedXml.hasClass;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.valuestream.process.StepKind;
import io.jenkins.plugins.valuestream.process.WaitCause;
import io.jenkins.plugins.valuestream.stream.StepStats;
import io.jenkins.plugins.valuestream.stream.ValueStream;
import io.jenkins.plugins.valuestream.stream.ValueStreamAggregator;
import io.jenkins.plugins.valuestream.time.Durations;
import io.jenkins.plugins.valuestream.view.HumanText;
import io.jenkins.plugins.valuestream.view.LadderRung;
import io.jenkins.plugins.valuestream.view.LadderTotals;
import io.jenkins.plugins.valuestream.view.Legend;
import io.jenkins.plugins.valuestream.view.MapColumn;
import io.jenkins.plugins.valuestream.view.ParsedXml;
import io.jenkins.plugins.valuestream.view.StepBox;
import io.jenkins.plugins.valuestream.view.ValueStreamMapView;
import io.jenkins.plugins.valuestream.view.ViewFixtures;
import io.jenkins.plugins.valuestream.view.WaitPart;
import io.jenkins.plugins.valuestream.view.theme.Theme;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;
import org.w3c.dom.Element;

public class ValueStreamMapSvgTest {
    private final ValueStream webShop = ViewFixtures.aggregate("acme/web-shop", ViewFixtures.webShopRuns(20));
    private final String svg = ValueStreamMapSvg.render(ValueStreamMapView.of(webShop));
    private final ParsedXml parsed = ParsedXml.parse(svg);

    @Test
    public void drawsOneBoxPerStep() {
        assertThat(parsed.elements("//g[" + hasClass("vs-step") + "]")).extracting(g -> g.getAttribute("data-step"))
                .containsExactlyInAnyOrderElementsOf(webShop.steps().stream().map(StepStats::displayName).toList());
        assertThat(parsed.elements("//g[" + hasClass("vs-step") + "]/rect[" + hasClass("vs-box") + "]")).hasSize(
                webShop.steps().size());
    }

    @Test
    public void marksOnlyTheBottleneck() {
        List<Element> marked = parsed.elements("//g[" + hasClass("vs-bottleneck") + "]");
        assertThat(marked).singleElement().extracting(g -> g.getAttribute("data-step"))
                .isEqualTo(webShop.bottleneck().displayName());
        assertThat(ParsedXml.elements(marked.get(0), ".//text")).extracting(Element::getTextContent)
                .contains("BOTTLENECK");
    }

    @Test
    public void marksTheCriticalStepsWithABarAndSaysWhyInItsTooltip() {
        ValueStreamMapView aggregated = ValueStreamMapView.of(ValueStreamAggregator.aggregate("acme/web-shop",
                ViewFixtures.webShopRuns(20)));
        List<Element> marked = ParsedXml.parse(ValueStreamMapSvg.render(aggregated))
                .elements("//g[" + hasClass("vs-critical") + "]");

        assertThat(marked).extracting(g -> g.getAttribute("data-step"))
                .containsExactlyInAnyOrderElementsOf(aggregated.boxes().stream()
                        .filter(StepBox::critical).map(StepBox::path).toList())
                .isNotEmpty();
        assertThat(ParsedXml.elements(marked.get(0), "./rect[" + hasClass("vs-critical-mark") + "]/title"))
                .singleElement().extracting(Element::getTextContent).asString()
                .startsWith("On the critical path in ").endsWith(" of its runs");
    }

    @Test
    public void drawsParallelStepsInOneColumn() {
        Element column = parsed.element("//g[" + hasClass("vs-column-parallel") + "]");
        assertThat(ParsedXml.elements(column, ".//g[" + hasClass("vs-step") + "]"))
                .extracting(g -> g.getAttribute("data-step"))
                .containsExactly("Test", "Test/Unit", "Test/Integration", "Test/End-to-end");
        List<Element> boxes = ParsedXml.elements(column, ".//rect[" + hasClass("vs-box") + "]");
        double left = Double.parseDouble(boxes.get(0).getAttribute("x"));
        double right = left + Double.parseDouble(boxes.get(0).getAttribute("width"));
        for (Element box : boxes.subList(1, boxes.size())) {
            double x = Double.parseDouble(box.getAttribute("x"));
            assertThat(x).isBetween(left, right);
            assertThat(x + Double.parseDouble(box.getAttribute("width"))).isEqualTo(right);
        }
        assertThat(boxes).extracting(box -> Double.parseDouble(box.getAttribute("y"))).isSorted()
                .doesNotHaveDuplicates();
    }

    @Test
    public void endsTheLadderWithTheValueStreamsOwnTotals() {
        assertThat(parsed.text("//text[" + hasClass("vs-total-lead") + "]"))
                .isEqualTo(Durations.format(webShop.leadTime().median()));
        assertThat(parsed.text("//text[" + hasClass("vs-total-process") + "]"))
                .isEqualTo(Durations.format(webShop.process().median()));
        assertThat(parsed.text("//text[" + hasClass("vs-total-efficiency") + "]"))
                .isEqualTo(HumanText.percent(webShop.flowEfficiency()));
    }

    @Test
    public void putsEachColumnsProcessTimeOnTheLadder() {
        ValueStreamMapView view = ValueStreamMapView.of(webShop);
        assertThat(parsed.texts("//text[" + hasClass("vs-ladder-process") + "]"))
                .containsExactlyElementsOf(view.columns().stream().map(c -> c.rung().processText()).toList());
    }

    @Test
    public void isAnImageWithATitleAndADescriptionForScreenReaders() {
        Element root = parsed.document().getDocumentElement();
        assertThat(root.getAttribute("role")).isEqualTo("img");
        assertThat(root.getAttribute("xmlns")).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(root.getAttribute("aria-labelledby")).isEqualTo("vs-title vs-desc");
        assertThat(parsed.text("/svg/title[@id='vs-title']")).isEqualTo("Value stream map of acme/web-shop");
        assertThat(parsed.text("/svg/desc[@id='vs-desc']")).contains("Bottleneck: " + webShop.bottleneck()
                .displayName(), "flow efficiency " + HumanText.percent(webShop.flowEfficiency()));
    }

    @Test
    public void carriesBothThemesAndLetsTheEmbeddingPageOverrideColours() {
        String style = parsed.text("/svg/style");
        assertThat(style).contains("@media (prefers-color-scheme: dark)", "[data-theme=\"dark\"]",
                "[data-theme=\"light\"]", "var(--vs-process, var(--vsd-process))", "--vsd-wait-agent:");
    }

    @Test
    public void leavesTheStyleSheetToThePageWhenInline() {
        String inline = ValueStreamMapSvg.render(ValueStreamMapView.of(webShop), SvgOptions.inline("job-3"));
        ParsedXml doc = ParsedXml.parse(inline);
        assertThat(doc.elements("//style")).isEmpty();
        assertThat(doc.elements("//*[@id]")).extracting(e -> e.getAttribute("id")).allMatch(id -> id.startsWith(
                "job-3-"));
    }

    @Test
    public void showsAStageNameThatLooksLikeMarkupAsText() {
        ValueStream hostile = ViewFixtures.aggregate("legacy/" + ViewFixtures.XSS_STAGE,
                ViewFixtures.hostileRuns(3));
        String hostileSvg = ValueStreamMapSvg.render(ValueStreamMapView.of(hostile));
        ParsedXml doc = ParsedXml.parse(hostileSvg);
        assertThat(hostileSvg).doesNotContain("<img", "<script").contains("&lt;img src=x onerror=alert(1)&gt;");
        assertThat(doc.elements("//img")).isEmpty();
        assertThat(doc.elements("//g[" + hasClass("vs-step") + "]")).extracting(g -> g.getAttribute("data-step"))
                .contains(ViewFixtures.XSS_STAGE, ViewFixtures.QUOTES_STAGE, "bell\uFFFDand\uFFFDnul");
        assertThat(doc.allText()).contains(ViewFixtures.QUOTES_STAGE);
    }

    @Test
    public void saysAnUnknownQueueWaitIsUnknown() {
        ValueStream matrix = ViewFixtures.aggregate("matrix", ViewFixtures.matrixRuns(4));
        ParsedXml doc = ParsedXml.parse(ValueStreamMapSvg.render(ValueStreamMapView.of(matrix)));
        assertThat(doc.text("//text[" + hasClass("vs-ladder-queue") + "]")).isEqualTo("unknown");
        assertThat(doc.texts("//g[" + hasClass("vs-queue") + "]/text")).contains("unknown");
        assertThat(doc.texts("//text[" + hasClass("vs-box-wait") + "]")).allMatch(text -> text.startsWith("\u2265 "));
    }

    @Test
    public void drawsAMapOfNoRunsWithAMessage() {
        ParsedXml doc = ParsedXml.parse(ValueStreamMapSvg.render(ValueStreamMapView.of(
                ViewFixtures.aggregate("new-job", List.of()))));
        assertThat(doc.elements("//g[" + hasClass("vs-step") + "]")).isEmpty();
        assertThat(doc.allText()).contains("No runs recorded yet");
    }

    /** A map of the given top-level steps, one after the other, built as the view would hand it over. */
    private static ValueStreamMapView mapOf(String... names) {
        List<MapColumn> columns = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            WaitPart agent = WaitPart.known(WaitCause.AGENT, 12_000);
            StepBox box = StepBox.builder("s" + i, names[i], names[i], StepKind.STAGE).runs(10)
                    .process(65_000, "1m 5s", "1m 40s").waitTime(12_000, "12s", "30s", List.of(agent))
                    .elapsed(77_000, "1m 17s").successRate(1.0, "100%").flowEfficiency(0.84, "84%")
                    .bottleneck(i == 1).build();
            columns.add(new MapColumn(i, null, false, List.of(box),
                    new LadderRung("s" + i, names[i], 12_000, "12s", List.of(agent), 65_000, "1m 5s")));
        }
        LadderTotals totals = new LadderTotals(900_000, "15m", "21m", 600_000, "10m", "14m", 300_000, "5m", "8m",
                0.66, "66%");
        return new ValueStreamMapView("team/app", 10, columns, WaitPart.known(WaitCause.QUEUE, 4_000), totals,
                names.length > 1 ? names[1] : null, null, List.of(), new Legend(List.of(WaitCause.AGENT), List.of()),
                List.of());
    }

    private static double number(Element element, String attribute) {
        return Double.parseDouble(element.getAttribute(attribute));
    }

    @Test
    public void wrapsAMapWiderThanItsSpaceIntoRowsThatFit() {
        ValueStreamMapView twelve = mapOf("Checkout", "Build", "Unit tests", "Package", "Scan", "Publish",
                "Deploy to staging", "Smoke test", "Approve", "Deploy", "Verify", "Announce");
        SvgOptions options = SvgOptions.inline("m").withWidth(1040);
        ParsedXml doc = ParsedXml.parse(ValueStreamMapSvg.render(twelve, options));

        double width = number(doc.document().getDocumentElement(), "width");
        assertThat(width).isLessThanOrEqualTo(1040);
        List<Element> boxes = doc.elements("//rect[" + hasClass("vs-box") + "]");
        assertThat(boxes).hasSize(12).allSatisfy(box -> assertThat(number(box, "x") + number(box, "width"))
                .isLessThanOrEqualTo(width));
        assertThat(doc.elements("//g[" + hasClass("vs-ladder-group") + "]")).hasSizeGreaterThan(1);
        assertThat(doc.elements("//g[" + hasClass("vs-flow-continues") + "]")).hasSize(
                doc.elements("//g[" + hasClass("vs-ladder-group") + "]").size() - 1);
    }

    @Test
    public void keepsPipelineOrderAcrossRowsLikeLinesOfText() {
        ValueStreamMapView twelve = mapOf("a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9", "a10", "a11", "a12");
        ParsedXml doc = ParsedXml.parse(ValueStreamMapSvg.render(twelve, SvgOptions.inline("m").withWidth(1040)));

        List<double[]> places = doc.elements("//rect[" + hasClass("vs-box") + "]").stream()
                .map(box -> new double[] {number(box, "y"), number(box, "x")}).toList();
        for (int i = 1; i < places.size(); i++) {
            double[] before = places.get(i - 1);
            double[] after = places.get(i);
            boolean sameRowFurtherRight = after[0] == before[0] && after[1] > before[1];
            boolean nextRowFurtherLeft = after[0] > before[0] && after[1] < before[1];
            assertThat(sameRowFurtherRight || nextRowFurtherLeft).as("box %d after box %d", i, i - 1).isTrue();
        }
    }

    @Test
    public void keepsAMapThatFitsOnOneRow() {
        ParsedXml doc = ParsedXml.parse(ValueStreamMapSvg.render(mapOf("Build", "Test"),
                SvgOptions.inline("m").withWidth(1040)));

        assertThat(doc.elements("//g[" + hasClass("vs-ladder-group") + "]")).hasSize(1);
        assertThat(doc.elements("//g[" + hasClass("vs-flow-continues") + "]")).isEmpty();
        List<Element> boxes = doc.elements("//rect[" + hasClass("vs-box") + "]");
        assertThat(boxes).extracting(box -> box.getAttribute("y")).containsOnly(boxes.get(0).getAttribute("y"));
    }

    @Test
    public void putsTheTotalsUnderTheLastRowWhenTheyDoNotFitBesideIt() {
        ValueStreamMapView four = mapOf("Checkout", "Build", "Test", "Deploy");
        ParsedXml doc = ParsedXml.parse(ValueStreamMapSvg.render(four, SvgOptions.inline("m").withWidth(760)));

        double totalsTop = number(doc.element("//rect[" + hasClass("vs-totals") + "]"), "y");
        double lowestBox = doc.elements("//rect[" + hasClass("vs-box") + "]").stream()
                .mapToDouble(box -> number(box, "y") + number(box, "height")).max().orElseThrow();
        assertThat(totalsTop).isGreaterThan(lowestBox);
        double width = number(doc.document().getDocumentElement(), "width");
        Element totals = doc.element("//rect[" + hasClass("vs-totals") + "]");
        assertThat(number(totals, "x") + number(totals, "width")).isLessThanOrEqualTo(width);
    }

    @Test
    public void breaksALongStepNameOntoTwoLinesInsteadOfCuttingIt() {
        ParsedXml doc = ParsedXml.parse(ValueStreamMapSvg.render(mapOf("Declarative: Checkout SCM", "Build")));

        Element name = doc.element("//g[@data-step='Declarative: Checkout SCM']/text[" + hasClass("vs-step-name")
                + "]");
        assertThat(ParsedXml.elements(name, "tspan")).extracting(Element::getTextContent)
                .containsExactly("Declarative:", "Checkout SCM");
        assertThat(doc.elements("//g[@data-step='Build']/text[" + hasClass("vs-step-name") + "]/tspan"))
                .hasSize(1);
    }

    @Test
    public void cutsANameTooLongForTwoLinesAndKeepsItWholeInTheTooltip() {
        String name = "Publish the release notes to every mirror of the documentation site";
        ParsedXml doc = ParsedXml.parse(ValueStreamMapSvg.render(mapOf(name)));

        Element box = doc.element("//g[@data-step='" + name + "']");
        List<String> lines = ParsedXml.elements(box, "text[" + hasClass("vs-step-name") + "]/tspan").stream()
                .map(Element::getTextContent).toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo("Publish the release");
        assertThat(lines.get(1)).endsWith(TextFit.ELLIPSIS);
        assertThat(ParsedXml.elements(box, "title").get(0).getTextContent()).startsWith(name);
    }

    @Test
    public void givesEveryBoxTheSameHeightSoThatRowsAlign() {
        ParsedXml doc = ParsedXml.parse(ValueStreamMapSvg.render(mapOf("Declarative: Checkout SCM", "Build")));

        assertThat(doc.elements("//rect[" + hasClass("vs-box") + "]")).extracting(box -> box.getAttribute("height"))
                .containsOnly("114");
    }

    @Test
    public void isDrawnForTheWidthItIsGivenAndScalesDownToNarrowerSpaces() {
        ValueStreamMapView twelve = mapOf("a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9", "a10", "a11", "a12");
        ParsedXml narrow = ParsedXml.parse(ValueStreamMapSvg.render(twelve, SvgOptions.inline("m").withWidth(760)));
        ParsedXml wide = ParsedXml.parse(ValueStreamMapSvg.render(twelve, SvgOptions.inline("m").withWidth(1600)));

        Element root = narrow.document().getDocumentElement();
        assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 " + root.getAttribute("width") + " "
                + root.getAttribute("height"));
        assertThat(number(root, "width")).isLessThanOrEqualTo(760);
        assertThat(narrow.elements("//g[" + hasClass("vs-ladder-group") + "]").size())
                .isGreaterThan(wide.elements("//g[" + hasClass("vs-ladder-group") + "]").size());
        assertThat(SvgStyle.rules()).contains("max-width: 100%; height: auto;");
    }

    @Test
    public void refusesAWidthTooNarrowForABox() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SvgOptions("m", false, Theme.AUTO, 200))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("640 to 4096 pixels: 200");
    }
}
