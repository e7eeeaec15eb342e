package io.jenkins.plugins.valuestream.view.svg;

import static io.jenkins.plugins.valuestream.view.ParsedXml.hasClass;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.valuestream.stream.StepStats;
import io.jenkins.plugins.valuestream.stream.ValueStream;
import io.jenkins.plugins.valuestream.view.HumanText;
import io.jenkins.plugins.valuestream.view.ParsedXml;
import io.jenkins.plugins.valuestream.view.ValueStreamMapView;
import io.jenkins.plugins.valuestream.view.ViewFixtures;
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
                .isEqualTo(HumanText.duration(webShop.leadTime().median()));
        assertThat(parsed.text("//text[" + hasClass("vs-total-process") + "]"))
                .isEqualTo(HumanText.duration(webShop.process().median()));
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
}
