package io.jenkins.plugins.valuestream.view.svg;

import static io.jenkins.plugins.valuestream.view.ParsedXml.hasClass;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.valuestream.flags.Flag;
import io.jenkins.plugins.valuestream.flags.FlagKind;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.ProcessStep;
import io.jenkins.plugins.valuestream.process.StepResult;
import io.jenkins.plugins.valuestream.process.StepPath;
import io.jenkins.plugins.valuestream.view.ParsedXml;
import io.jenkins.plugins.valuestream.view.ProcessMapView;
import io.jenkins.plugins.valuestream.view.VerdictView;
import io.jenkins.plugins.valuestream.view.ViewFixtures;
import java.util.List;
import org.junit.Test;
import org.w3c.dom.Element;

public class ProcessMapSvgTest {
    private final ProcessMap run = ViewFixtures.webShopRuns(12).get(11);
    private final Flag slowBuild = new Flag(FlagKind.SLOW_PROCESS, StepPath.of("Build"),
            "Build: process time 8m 12s, baseline 4m 1s", 250_000, List.of("baseline median 4m 1s"));
    private final VerdictView overBudget = new VerdictView(true, "Wait 22m over the 20m budget",
            StepPath.of("Deploy", "Production"));
    private final ParsedXml parsed = ParsedXml.parse(ProcessMapSvg.render(
            ProcessMapView.of(run, List.of(slowBuild), List.of(overBudget))));

    private Element lane(String step) {
        return parsed.element("//g[" + hasClass("vs-lane") + " and @data-step='" + step + "']");
    }

    private static double[] span(Element lane) {
        Element outline = ParsedXml.elements(lane, "rect[" + hasClass("vs-bar-outline") + "]").get(0);
        double x = Double.parseDouble(outline.getAttribute("x"));
        return new double[] {x, x + Double.parseDouble(outline.getAttribute("width")),
            Double.parseDouble(outline.getAttribute("y"))};
    }

    @Test
    public void drawsOneLanePerStepAfterTheBuildQueue() {
        List<Element> lanes = parsed.elements("//g[" + hasClass("vs-lane") + "]");
        assertThat(lanes).hasSize(run.steps().size() + 1);
        assertThat(lanes.get(0).getAttribute("class")).contains("vs-lane-queue");
    }

    @Test
    public void drawsParallelBranchesInLanesOfTheirOwnSideBySideInTime() {
        List<Element> branches = parsed.elements("//g[@data-group='p-test']");
        assertThat(branches).extracting(g -> g.getAttribute("data-step"))
                .containsExactly("Test/Unit", "Test/Integration", "Test/End-to-end");
        double[] unit = span(branches.get(0));
        double[] integration = span(branches.get(1));
        double[] e2e = span(branches.get(2));
        assertThat(List.of(unit[2], integration[2], e2e[2])).doesNotHaveDuplicates();
        assertThat(unit[0]).isLessThan(integration[1]);
        assertThat(integration[0]).isLessThan(unit[1]);
        assertThat(e2e[0]).isLessThan(unit[1]);
    }

    @Test
    public void indentsNestedStepsUnderTheirParent() {
        double parent = Double.parseDouble(ParsedXml.elements(lane("Test"), "text").get(0).getAttribute("x"));
        double child = Double.parseDouble(ParsedXml.elements(lane("Test/Unit"), "text").get(0).getAttribute("x"));
        assertThat(child).isGreaterThan(parent);
    }

    @Test
    public void marksTheFlagOnTheStepItConcerns() {
        assertThat(parsed.elements("//g[" + hasClass("vs-mark-flag") + "]")).singleElement()
                .satisfies(mark -> assertThat(((Element) mark.getParentNode()).getAttribute("data-step"))
                        .isEqualTo("Build"));
        assertThat(ParsedXml.elements(lane("Build"), ".//g[" + hasClass("vs-mark-flag") + "]/title").get(0)
                .getTextContent()).contains("Slow process", "baseline median 4m 1s");
    }

    @Test
    public void marksTheBudgetVerdictOnTheStepItConcerns() {
        assertThat(parsed.elements("//g[" + hasClass("vs-over-budget") + "]")).extracting(g -> g.getAttribute(
                "data-step")).containsExactly("Deploy/Production");
        assertThat(ParsedXml.elements(lane("Deploy/Production"), ".//g[" + hasClass("vs-mark-verdict") + "]/title")
                .get(0).getTextContent()).isEqualTo("Wait 22m over the 20m budget");
    }

    @Test
    public void saysTheSegmentsAreSharesNotTimesOfDay() {
        assertThat(ParsedXml.elements(lane("Build"), "title").get(0).getTextContent())
                .contains("shares of the step's time", "not when");
        assertThat(ParsedXml.elements(lane("Build"), "rect[" + hasClass("vs-seg-agent") + "]/title").get(0)
                .getTextContent()).contains("not a time of day");
    }

    @Test
    public void saysAnUnknownQueueWaitIsUnknown() {
        ProcessMap early = ViewFixtures.webShopRuns(1).get(0);
        ParsedXml doc = ParsedXml.parse(ProcessMapSvg.render(ProcessMapView.of(early, List.of(), List.of())));
        assertThat(doc.text("//text[" + hasClass("vs-queue-unknown") + "]")).isEqualTo("unknown");
        assertThat(doc.texts("//text[" + hasClass("vs-note") + "]")).anyMatch(t -> t.startsWith("Unknown: "));
    }

    @Test
    public void showsStageNamesThatLookLikeMarkupAsText() {
        ProcessMap hostile = ViewFixtures.hostileRuns(1).get(0);
        Flag flag = new Flag(FlagKind.NO_OP, StepPath.of(ViewFixtures.XSS_STAGE), "</title><script>alert(1)</script>",
                0, List.of());
        String svg = ProcessMapSvg.render(ProcessMapView.of(hostile, List.of(flag), List.of()));
        ParsedXml doc = ParsedXml.parse(svg);
        assertThat(svg).doesNotContain("<img", "<script");
        assertThat(doc.elements("//script")).isEmpty();
        assertThat(doc.elements("//g[" + hasClass("vs-lane") + "]")).extracting(g -> g.getAttribute("data-step"))
                .contains(ViewFixtures.XSS_STAGE, ViewFixtures.QUOTES_STAGE);
        assertThat(doc.allText()).contains("</title><script>alert(1)</script>");
    }

    @Test
    public void drawsAStepStillRunningWithAnOpenOutline() {
        ProcessMap done = ViewFixtures.hostileRuns(1).get(0);
        List<ProcessStep> steps = new java.util.ArrayList<>(done.steps());
        ProcessStep last = steps.remove(steps.size() - 1);
        steps.add(last.withResult(StepResult.RUNNING));
        ProcessMap running = done.withSteps(steps).withoutEnd();
        ParsedXml doc = ParsedXml.parse(ProcessMapSvg.render(ProcessMapView.of(running, List.of(), List.of())));
        Element lane = doc.elements("//g[" + hasClass("vs-lane") + "]").get(3);
        assertThat(ParsedXml.elements(lane, "rect[" + hasClass("vs-bar-running") + "]")).hasSize(1);
        assertThat(ParsedXml.elements(lane, ".//text[" + hasClass("vs-elapsed") + "]").get(0).getTextContent())
                .endsWith(", running");
        assertThat(doc.text("/svg/desc")).contains("Unfinished");
    }

    @Test
    public void stretchesItsTimeAxisToTheWidthItIsGiven() {
        ProcessMapView view = ProcessMapView.of(run, List.of(slowBuild), List.of(overBudget));
        ParsedXml narrow = ParsedXml.parse(ProcessMapSvg.render(view, SvgOptions.inline("n").withWidth(1040)));
        ParsedXml wide = ParsedXml.parse(ProcessMapSvg.render(view, SvgOptions.inline("w").withWidth(1240)));

        assertThat(narrow.document().getDocumentElement().getAttribute("width")).isEqualTo("1040");
        assertThat(wide.document().getDocumentElement().getAttribute("width")).isEqualTo("1240");
        double narrowBuild = barWidth(narrow, "Build");
        double wideBuild = barWidth(wide, "Build");
        assertThat(wideBuild).isGreaterThan(narrowBuild);
    }

    private static double barWidth(ParsedXml doc, String step) {
        Element lane = doc.element("//g[" + hasClass("vs-lane") + " and @data-step='" + step + "']");
        double[] span = span(lane);
        return span[1] - span[0];
    }
}
