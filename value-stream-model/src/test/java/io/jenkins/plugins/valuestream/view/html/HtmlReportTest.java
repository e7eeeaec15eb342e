package io.jenkins.plugins.valuestream.view.html;

import static io.jenkins.plugins.valuestream.view.ParsedXml.hasClass;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.valuestream.flags.Flag;
import io.jenkins.plugins.valuestream.flags.FlagKind;
import io.jenkins.plugins.valuestream.future.FutureState;
import io.jenkins.plugins.valuestream.future.FutureStep;
import io.jenkins.plugins.valuestream.future.WhatIf;
import io.jenkins.plugins.valuestream.future.WhatIfProjector;
import io.jenkins.plugins.valuestream.future.WhatIfResult;
import io.jenkins.plugins.valuestream.graph.RunResult;
import io.jenkins.plugins.valuestream.graph.StepFunctions;
import io.jenkins.plugins.valuestream.process.InputDecision;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.StepFailure;
import io.jenkins.plugins.valuestream.process.StepPath;
import io.jenkins.plugins.valuestream.process.StepResult;
import io.jenkins.plugins.valuestream.report.JobReport;
import io.jenkins.plugins.valuestream.report.RunReport;
import io.jenkins.plugins.valuestream.stream.ValueStreamAggregator;
import io.jenkins.plugins.valuestream.testing.RunFixture;
import io.jenkins.plugins.valuestream.time.Durations;
import io.jenkins.plugins.valuestream.view.HumanText;
import io.jenkins.plugins.valuestream.view.ParsedXml;
import io.jenkins.plugins.valuestream.view.ViewFixtures;
import io.jenkins.plugins.valuestream.view.theme.Theme;
import java.io.StringWriter;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.Test;
import org.w3c.dom.Element;

public class HtmlReportTest {
    private static final JobReport WEB_SHOP = ViewFixtures.webShopReport(12);
    private static final JobReport MATRIX = ViewFixtures.matrixReport(4);
    private static final JobReport HOSTILE = ViewFixtures.hostileReport(2);
    private static final String PAGE = new HtmlReport("Value stream report", Instant.parse("2025-03-01T10:00:00Z"),
            Theme.AUTO).render(List.of(WEB_SHOP, MATRIX, HOSTILE));
    private static final ParsedXml PARSED = ParsedXml.parse(PAGE);

    private static Element section(int job) {
        return PARSED.element("//section[@id='vs-job-" + job + "']");
    }

    @Test
    public void hasOneSectionPerJobWithAMapAndTrends() {
        assertThat(PARSED.elements("//main/section[" + hasClass("vs-job") + "]")).hasSize(3);
        for (int job = 1; job <= 3; job++) {
            assertThat(ParsedXml.elements(section(job), ".//svg[" + hasClass("vs-map") + "]")).hasSize(1);
            assertThat(ParsedXml.elements(section(job), ".//svg[" + hasClass("vs-trend") + "]")).hasSize(1);
        }
    }

    @Test
    public void selectsJobsWithPlainLinks() {
        assertThat(PARSED.elements("//nav[" + hasClass("vs-job-nav") + "]//a")).extracting(a -> a.getAttribute("href"))
                .containsExactly("#vs-job-1", "#vs-job-2", "#vs-job-3");
        String single = new HtmlReport("One", null, Theme.AUTO).render(List.of(MATRIX));
        assertThat(ParsedXml.parse(single).elements("//nav")).isEmpty();
    }

    @Test
    public void opensEachRunsProcessMapFromADetailsElement() {
        List<Element> runs = ParsedXml.elements(section(1), ".//details[" + hasClass("vs-run") + "]");
        assertThat(runs).extracting(d -> d.getAttribute("data-run"))
                .containsExactly("12", "11", "10", "9", "8", "7", "6", "5", "4", "3", "2", "1");
        for (Element run : runs) {
            assertThat(ParsedXml.elements(run, "summary")).hasSize(1);
            assertThat(ParsedXml.elements(run, ".//svg[" + hasClass("vs-process-map") + "]")).hasSize(1);
        }
    }

    @Test
    public void listsEveryFlagWithItsEvidence() {
        List<Element> rows = ParsedXml.elements(section(1), ".//table[" + hasClass("vs-flags") + "]/tbody/tr");
        long flags = WEB_SHOP.runs().stream().mapToLong(run -> run.flags().size()).sum();
        assertThat(rows).hasSize((int) flags);
        assertThat(rows).extracting(row -> row.getAttribute("data-run")).containsExactly("10", "5");
        assertThat(ParsedXml.elements(rows.get(0), ".//ul[" + hasClass("vs-evidence") + "]/li"))
                .extracting(Element::getTextContent).containsExactly("Test/Unit: checkout scm (12s)",
                        "Test/Integration: checkout scm (13s)", "Test/End-to-end: checkout scm (13s)");
    }

    @Test
    public void marksTheFlagOnTheRightStepOfTheRunsMap() {
        Element run = ParsedXml.elements(section(1), ".//details[@data-run='10']").get(0);
        assertThat(ParsedXml.elements(run, ".//g[" + hasClass("vs-flagged") + "]"))
                .extracting(g -> g.getAttribute("data-step")).containsExactly("Test/Unit");
    }

    @Test
    public void showsAnUnknownQueueWaitAsUnknown() {
        Element queueCard = ParsedXml.elements(section(2), ".//div[" + hasClass("vs-card-queue") + "]").get(0);
        assertThat(ParsedXml.elements(queueCard, "div[" + hasClass("vs-card-value") + "]").get(0).getTextContent())
                .isEqualTo("unknown");
        assertThat(ParsedXml.elements(section(2), ".//div[" + hasClass("vs-callout") + "]//li"))
                .extracting(Element::getTextContent).anyMatch(text -> text.startsWith("Agent wait is unknown"));
    }

    @Test
    public void showsMarkupInNamesAsTextAndInjectsNoScript() {
        assertThat(PAGE.toLowerCase(Locale.ROOT)).doesNotContain("<script", "<img");
        assertThat(PARSED.elements("//script")).isEmpty();
        assertThat(PARSED.elements("//img")).isEmpty();
        assertThat(section(3).getTextContent()).contains("legacy/" + ViewFixtures.XSS_STAGE,
                ViewFixtures.QUOTES_STAGE, "</script><script>alert(2)</script>",
                "Wait budget 1s of " + ViewFixtures.QUOTES_STAGE + " exceeded by 2s");
        assertThat(PARSED.elements("//*[@onerror or @onload or @onclick]")).isEmpty();
    }

    @Test
    public void needsNothingFromTheNetwork() {
        assertThat(PARSED.elements("//link | //script | //iframe | //object")).isEmpty();
        assertThat(PARSED.elements("//*[@src]")).isEmpty();
        assertThat(PARSED.elements("//*[@href]")).extracting(e -> e.getAttribute("href")).allMatch(href -> href
                .startsWith("#"));
        String style = PARSED.text("/html/head/style");
        assertThat(style).doesNotContain("@import", "url(", "@font-face");
    }

    @Test
    public void carriesLightAndDarkThemesWithASwitchThatNeedsNoScript() {
        String style = PARSED.text("/html/head/style");
        assertThat(style).contains("@media (prefers-color-scheme: dark)", "#vs-theme-dark:checked ~ .vs-page",
                "[data-theme=\"dark\"]", "--vsd-bg: #0d1117");
        assertThat(PARSED.elements("//input[@type='radio' and @name='vs-theme']")).extracting(e -> e.getAttribute("id"))
                .containsExactly("vs-theme-auto", "vs-theme-light", "vs-theme-dark");
        assertThat(PARSED.elements("//label[@for]")).hasSize(3);
        assertThat(PARSED.element("//input[@checked]").getAttribute("id")).isEqualTo("vs-theme-auto");
    }

    @Test
    public void opensInTheThemeAskedFor() {
        String dark = new HtmlReport("Report", null, Theme.DARK).render(List.of(MATRIX));
        assertThat(ParsedXml.parse(dark).element("//input[@checked]").getAttribute("id")).isEqualTo("vs-theme-dark");
    }

    @Test
    public void givesEveryElementAnIdOfItsOwn() {
        Set<String> seen = new HashSet<>();
        for (Element element : PARSED.elements("//*[@id]")) {
            assertThat(seen.add(element.getAttribute("id"))).as(element.getAttribute("id")).isTrue();
        }
        for (Element labelled : PARSED.elements("//*[@aria-labelledby]")) {
            for (String id : labelled.getAttribute("aria-labelledby").split(" ")) {
                assertThat(seen).contains(id);
            }
        }
    }

    @Test
    public void writesToAWriterWhatItRenders() throws Exception {
        HtmlReport report = new HtmlReport("Report", null, Theme.AUTO);
        StringWriter writer = new StringWriter();
        report.write(List.of(MATRIX), writer);
        assertThat(writer.toString()).isEqualTo(report.render(List.of(MATRIX))).startsWith("<!DOCTYPE html>");
    }

    @Test
    public void saysSoWhenThereIsNothingToReport() {
        ParsedXml empty = ParsedXml.parse(new HtmlReport("Report", null, Theme.AUTO).render(List.of()));
        assertThat(empty.allText()).contains("No jobs to report.");
    }

    private static final JobReport WEB_SHOP_20 = ViewFixtures.webShopReport(20);
    private static final ParsedXml TWENTY = ParsedXml.parse(new HtmlReport("Report", null, Theme.AUTO)
            .render(List.of(WEB_SHOP_20)));

    @Test
    public void summarisesTheFlagsByKindAndStepCostliestFirst() {
        List<Element> rows = TWENTY.elements("//table[" + hasClass("vs-flag-summary") + "]/tbody/tr");

        assertThat(rows).extracting(row -> row.getAttribute("data-kind") + " " + row.getAttribute("data-step"))
                .containsExactly("SLOW_PROCESS Build", "DUPLICATE_WORK Test/Unit");
        assertThat(ParsedXml.elements(rows.get(1), "td")).extracting(Element::getTextContent).startsWith(
                "Duplicate work", "Test/Unit", "4 of 20", "2m 32s", "38s");
        assertThat(ParsedXml.elements(rows.get(1), ".//a")).extracting(Element::getTextContent)
                .containsExactly("#20", "#15", "#10", "#5");
    }

    @Test
    public void saysWhatTheFlagsWouldHaveSavedAndWhatToDo() {
        Element total = TWENTY.element("//p[" + hasClass("vs-ledger-total") + "]");
        List<Element> rows = TWENTY.elements("//table[" + hasClass("vs-flag-summary") + "]/tbody/tr");

        // One slow Build (4m 11s) and four duplicate checkouts (38 s each) in the 20 runs.
        assertThat(total.getTextContent()).isEqualTo("Avoidable work: 6m 43s over 20 runs, what the flags would have"
                + " saved.");
        assertThat(ParsedXml.elements(rows.get(1), "td[" + hasClass("vs-remedy") + "]").get(0).getTextContent())
                .startsWith("The workspace already holds this checkout");
    }

    @Test
    public void linksEveryFlaggedRunToItsProcessMap() {
        List<Element> links = TWENTY.elements("//a[" + hasClass("vs-run-link") + "]");

        assertThat(links).isNotEmpty();
        for (Element link : links) {
            String target = link.getAttribute("href").substring(1);
            // The target is the run's body, inside its details, so that following the link opens them.
            Element run = (Element) TWENTY.element("//details/div[@id='" + target + "']").getParentNode();
            assertThat("#" + run.getAttribute("data-run")).isEqualTo(link.getTextContent());
        }
    }

    @Test
    public void foldsEveryFlagWithItsEvidenceUnderTheSummary() {
        Element list = TWENTY.element("//details[" + hasClass("vs-flag-list") + "]");

        assertThat(list.hasAttribute("open")).isFalse();
        assertThat(ParsedXml.elements(list, "summary").get(0).getTextContent()).contains("5, newest run first");
        assertThat(ParsedXml.elements(list, ".//table[" + hasClass("vs-flags") + "]/tbody/tr")).hasSize(5);
    }

    @Test
    public void doesNotRepeatTheStepNameInTheFinding() {
        Element row = TWENTY.element("//table[" + hasClass("vs-flags") + "]/tbody/tr[@data-run='17']");

        assertThat(ParsedXml.elements(row, "td").get(2).getTextContent())
                .isEqualTo("Slow process process time 8m 12s, baseline 4m 1s (median of 16 runs)");
    }

    @Test
    public void saysSoWhenAJobHasNoCompletedRunsYet() {
        JobReport fresh = new JobReport("team/new-job", ViewFixtures.aggregate("team/new-job", List.of()),
                List.of(), List.of());
        ParsedXml page = ParsedXml.parse(new HtmlReport("Report", null, Theme.AUTO).render(List.of(fresh, MATRIX)));
        Element section = page.element("//section[@id='vs-job-1']");

        assertThat(ParsedXml.elements(section, ".//div[" + hasClass("vs-cards") + "]")).isEmpty();
        assertThat(ParsedXml.elements(section, ".//p[" + hasClass("vs-no-runs") + "]")).hasSize(1);
        assertThat(page.text("//nav//a[@href='#vs-job-1']/span[" + hasClass("vs-nav-meta") + "]"))
                .isEqualTo("no completed runs");
    }

    @Test
    public void explainsARunWithoutAnEnd() {
        ProcessMap ended = WEB_SHOP.runs().get(0).map();
        ProcessMap running = ended.withoutEnd();
        JobReport job = new JobReport("acme/web-shop/main", WEB_SHOP.valueStream(), List.of(RunReport.of(running)),
                List.of());
        ParsedXml page = ParsedXml.parse(new HtmlReport("Report", null, Theme.AUTO).render(List.of(job)));

        Element pill = page.element("//summary/span[" + hasClass("vs-pill-running") + "]");
        assertThat(pill.getTextContent()).isEqualTo("Unfinished, last activity " + HumanText.instant(running.asOf()));
        assertThat(pill.getAttribute("title")).startsWith("No end recorded");
    }

    @Test
    public void saysWhichRunsTheFiguresLeaveOut() {
        ProcessMap last = WEB_SHOP.runs().get(WEB_SHOP.runs().size() - 1).map();
        ProcessMap running = new ProcessMap(last.number() + 1, null, null, last.asOf() + 60_000, null,
                last.asOf() + 120_000, 60_000, last.waits(), List.of(), List.of(), List.of(), List.of());
        List<RunReport> runs = new java.util.ArrayList<>(WEB_SHOP.runs());
        runs.add(RunReport.of(running));
        JobReport job = new JobReport("acme/web-shop/main", WEB_SHOP.valueStream(), runs, List.of());
        ParsedXml page = ParsedXml.parse(new HtmlReport("Report", null, Theme.AUTO).render(List.of(job)));

        assertThat(page.text("//section/p[1]")).startsWith("12 completed runs \u00b7 #1 to #12")
                .endsWith("\u00b7 1 run without an end, left out of the figures");
    }

    @Test
    public void countsTheFlagsAndTheRunsTheyAreOn() {
        assertThat(TWENTY.text("//h3[@id='vs-job-1-flags']")).isEqualTo("Flags (5)");
        assertThat(TWENTY.text("//p[" + hasClass("vs-ledger-total") + "]/following-sibling::p[1]"))
                .startsWith("5 flags in 5 of 20 runs. Below, the ledger:");
        assertThat(TWENTY.texts("//table[" + hasClass("vs-flag-summary") + "]/thead/tr/th")).containsExactly(
                "Finding", "Step", "Runs", "Total cost", "Typical cost", "What to do", "Latest");
        assertThat(TWENTY.texts("//table[" + hasClass("vs-flags") + "]/thead/tr/th")).containsExactly(
                "Run", "Step", "Finding", "Cost", "Evidence");
    }

    @Test
    public void saysSoWhenNoRunIsFlagged() {
        Element matrix = section(2);
        assertThat(ParsedXml.elements(matrix, ".//h3[@id='vs-job-2-flags']").get(0).getTextContent())
                .isEqualTo("Flags (0)");
        assertThat(ParsedXml.elements(matrix, ".//h3[@id='vs-job-2-flags']/following-sibling::*[1]").get(0)
                .getTextContent()).isEqualTo("No slow steps or redundant work flagged in these runs.");
        assertThat(ParsedXml.elements(matrix, ".//table[contains(@class, 'vs-flag')]")).isEmpty();
    }

    @Test
    public void namesTheFiveLatestRunsOfALedgerLineLinkingThoseShownAndCountsTheRest() {
        ParsedXml page = ParsedXml.parse(new HtmlReport("Report", null, Theme.AUTO)
                .render(List.of(ViewFixtures.webShopReport(40))));
        Element latest = page.element("//table[" + hasClass("vs-flag-summary") + "]/tbody"
                + "/tr[@data-kind='DUPLICATE_WORK']/td[" + hasClass("vs-latest") + "]");

        // #20 is older than the newest 20 runs, whose maps the page shows: named, not linked to a map it lacks.
        assertThat(ParsedXml.elements(latest, "a")).extracting(Element::getTextContent)
                .containsExactly("#40", "#35", "#30", "#25");
        assertThat(latest.getTextContent()).isEqualTo("#40, #35, #30, #25, #20 and 3 more"
                + "checkout scm ran 3 times in this run");
    }

    @Test
    public void aReportOfManyRunsShowsTheNewestAndEachLedgerLinesNewestWithTheirMaps() {
        ParsedXml page = ParsedXml.parse(new HtmlReport("Report", null, Theme.AUTO)
                .render(List.of(ViewFixtures.webShopReport(40))));
        List<String> shown = page.elements("//details[" + hasClass("vs-run") + "]").stream()
                .map(run -> run.getAttribute("data-run")).toList();
        List<String> ledgerNewest = page.elements("//td[" + hasClass("vs-latest") + "]").stream()
                .map(cell -> cell.getTextContent().replaceFirst("^#(\\d+).*", "$1")).toList();
        List<String> newest = IntStream.rangeClosed(21, 40).mapToObj(Integer::toString).toList();

        assertThat(shown).containsAll(newest).containsAll(ledgerNewest)
                .allSatisfy(run -> assertThat(newest.contains(run) || ledgerNewest.contains(run)).isTrue());
        assertThat(shown.size()).isLessThan(40);
        assertThat(page.text("//body")).contains("The other " + (40 - shown.size()) + " runs are in the figures and"
                + " the trends above; the JSON report (--format json) has each of them with its process map.");
    }

    @Test
    public void theFlagListHoldsTheFlagsOfTheRunsShownAndCountsTheOthers() {
        JobReport report = ViewFixtures.webShopReport(40);
        ParsedXml page = ParsedXml.parse(new HtmlReport("Report", null, Theme.AUTO).render(List.of(report)));
        Set<String> shown = page.elements("//details[" + hasClass("vs-run") + "]").stream()
                .map(run -> run.getAttribute("data-run")).collect(Collectors.toSet());
        int all = report.runs().stream().mapToInt(run -> run.flags().size()).sum();
        int ofShown = report.runs().stream().filter(run -> shown.contains(Integer.toString(run.map().number())))
                .mapToInt(run -> run.flags().size()).sum();

        assertThat(ofShown).isLessThan(all);
        assertThat(page.elements("//table[" + hasClass("vs-flags") + "]/tbody/tr")).hasSize(ofShown);
        assertThat(page.text("//body")).contains((all - ofShown) + " more flags are on older runs");
    }

    @Test
    public void thePageOpensOnTheJobWithTheMostRecentCompletedRun() {
        ProcessMap old = RunFixture.run(1).step("Build", s -> s.process(1_000)).build();
        ProcessMap recent = RunFixture.run(2).step("Build", s -> s.process(1_000)).build();
        ProcessMap unfinished = RunFixture.run(3).runningFor(1_000).step("Build", s -> s.process(1_000)).build();
        List<JobReport> jobs = List.of(report("a-old", old), report("b-unfinished", unfinished),
                report("c-recent", recent));

        String page = new HtmlReport("Report", null, Theme.AUTO).render(jobs);

        assertThat(HtmlReport.opening(jobs)).isEqualTo(3);
        assertThat(page).contains(".vs-jobs:not(:has(:target)) #" + PageStyle.jobId(3) + " { display: block; }");
    }

    private static JobReport report(String name, ProcessMap run) {
        return new JobReport(name, ValueStreamAggregator.aggregate(name, List.of(run)), List.of(RunReport.of(run)),
                List.of());
    }

    @Test
    public void aStageNamedWithASlashReadsAsWritten() {
        ProcessMap run = RunFixture.run(1).step("Build \\/ Test", s -> s.process(60_000)).build();
        String page = new HtmlReport("Report", null, Theme.AUTO).render(List.of(report("app", run)));

        assertThat(ParsedXml.parse(page).text("//body")).contains("Build / Test").doesNotContain("\\/");
    }

    @Test
    public void withLinksEachRunPointsBackToJenkinsAndToItsFailedSteps() {
        ProcessMap run = RunFixture.run(7).result(RunResult.FAILURE)
                .step("Build", s -> s.process(60_000).result(StepResult.FAILURE)).build();
        String page = new HtmlReport("Report", null, Theme.AUTO)
                .withLinks(new JenkinsLinks("https://ci.example.com/")).render(List.of(report("team/app", run)));
        List<String> links = ParsedXml.parse(page).elements("//p[" + hasClass("vs-jenkins-links") + "]/a").stream()
                .map(link -> link.getTextContent() + " " + link.getAttribute("href")).toList();

        assertThat(links).startsWith("run #7 https://ci.example.com/job/team/job/app/7/",
                "console output https://ci.example.com/job/team/job/app/7/console");
        assertThat(links.stream().filter(link -> link.startsWith("Build ")).toList()).hasSize(1)
                .allSatisfy(link -> assertThat(link).contains("/7/execution/node/"));
    }

    @Test
    public void aRunShowsWhereItsErrorAroseAndWhatItSaidEscaped() {
        ProcessMap run = RunFixture.run(7).result(RunResult.FAILURE)
                .step("Build", s -> s.process(60_000).result(StepResult.FAILURE)).build()
                .withOutcomes(List.of(new StepFailure(StepPath.of("Build"), StepFunctions.SHELL, "make <all>",
                        "hudson.AbortException: <img src=x onerror=alert(1)> exit 1\nsecond line", 1_000, true),
                        new StepFailure(StepPath.of("Build"), StepFunctions.SHELL, "", "hudson.AbortException: lint",
                                500, false)), List.of());
        String page = new HtmlReport("Report", null, Theme.AUTO).render(List.of(report("app", run)));
        ParsedXml parsed = ParsedXml.parse(page);

        List<Element> items = parsed.elements("//ul[" + hasClass("vs-failures") + "]/li");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).getAttribute("data-step")).isEqualTo("Build");
        assertThat(items.get(0).getTextContent())
                .isEqualTo("Build (sh make <all>): <img src=x onerror=alert(1)> exit 1\u2026 ended the run");
        assertThat(items.get(1).getTextContent()).isEqualTo("Build (sh): lint caught, the run went on");
        assertThat(parsed.elements("//img")).isEmpty();
        assertThat(page).doesNotContain("<img src=x");
        Element failedIn = parsed.element("//details[@data-run='7']/summary/span[" + hasClass("vs-run-failed-in")
                + "]");
        assertThat(failedIn.getTextContent()).isEqualTo("in Build");
        assertThat(failedIn.getAttribute("title")).isEqualTo("<img src=x onerror=alert(1)> exit 1\u2026");
        assertThat(parsed.texts("//h4")).contains("Errors");
    }

    @Test
    public void aRunThatCaughtItsOnlyErrorSaysNowhereThatItFailed() {
        ProcessMap run = RunFixture.run(7).step("Lint", s -> s.process(1_000)).build()
                .withOutcomes(List.of(new StepFailure(StepPath.of("Lint"), StepFunctions.SHELL, "", "hudson.AbortException: x",
                        500, false)), List.of());
        String page = new HtmlReport("Report", null, Theme.AUTO).render(List.of(report("app", run)));

        assertThat(page).doesNotContain("vs-run-failed-in").contains("caught, the run went on");
        assertThat(ParsedXml.parse(page).texts("//h4")).contains("Caught error").doesNotContain("Error");
    }

    @Test
    public void aRunShowsWhoDecidedEachInputAndAfterHowLong() {
        ProcessMap run = RunFixture.run(8).step("Approve", s -> s.process(1_000)).build()
                .withOutcomes(List.of(), List.of(new InputDecision(StepPath.of("Approve"), "Ship it?",
                        InputDecision.Decision.APPROVED, "alice", Instant.parse("2025-03-01T09:30:00Z").toEpochMilli(),
                        125_000)));
        String page = new HtmlReport("Report", null, Theme.AUTO).render(List.of(report("app", run)));

        List<Element> items = ParsedXml.parse(page).elements("//ul[" + hasClass("vs-inputs") + "]/li");
        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.getAttribute("data-decision")).isEqualTo("APPROVED");
            assertThat(item.getTextContent())
                    .isEqualTo("Approve: \u201cShip it?\u201d approved by alice after 2m 5s, 2025-03-01 09:30 UTC");
        });
    }

    @Test
    public void aRunWithoutErrorsOrInputsHasNeitherList() {
        assertThat(PAGE).doesNotContain("vs-failures").doesNotContain("vs-inputs");
    }

    @Test
    public void withoutLinksThePageLinksNothingOutside() {
        String page = new HtmlReport("Report", null, Theme.AUTO).render(List.of(ViewFixtures.webShopReport(3)));

        assertThat(page).doesNotContain("vs-jenkins-links");
    }

    @Test
    public void saysSoWhenNoStepHoldsUpTheStream() {
        ProcessMap run = RunFixture.run(1).step("Build", s -> s.process(300)).build();
        String text = ParsedXml.parse(new HtmlReport("Report", null, Theme.AUTO).render(List.of(report("app", run))))
                .text("//div[" + hasClass("vs-card-bottleneck") + "]");

        assertThat(text).isEqualTo("Bottleneck" + "none" + "no step ran in most runs for 1s or more");
    }

    @Test
    public void showsAFlagWithoutEvidenceWithADashAndItsRemedyUnderTheFinding() {
        ProcessMap map = WEB_SHOP.runs().get(0).map();
        Flag flag = new Flag(FlagKind.NO_OP, StepPath.of("Build"), "Build: did next to nothing", 2_000, List.of(),
                "Drop the step.");
        JobReport job = new JobReport("acme/web-shop/main", WEB_SHOP.valueStream(),
                List.of(new RunReport(map, List.of(flag), List.of())), List.of());
        ParsedXml page = ParsedXml.parse(new HtmlReport("Report", null, Theme.AUTO).render(List.of(job)));
        List<Element> cells = page.elements("//table[" + hasClass("vs-flags") + "]/tbody/tr/td");

        assertThat(cells).extracting(Element::getTextContent)
                .containsExactly("#" + map.number(), "Build", "No-op step did next to nothingDrop the step.", "2s",
                        "\u2014");
        assertThat(ParsedXml.elements(cells.get(2), "p[" + hasClass("vs-remedy") + "]")).hasSize(1);
        assertThat(ParsedXml.elements(cells.get(2), "span").get(0).getAttribute("title"))
                .startsWith("The step did next to nothing");
    }

    private static final String FUTURE = "//div[@id='vs-job-1-future']";

    @Test
    public void theFutureStateFollowsTheValueStreamMap() {
        assertThat(ParsedXml.elements(section(1), ".//h3")).extracting(h -> h.getAttribute("id"))
                .containsSubsequence("vs-job-1-map", "vs-job-1-future-title", "vs-job-1-trends");
    }

    @Test
    public void theFutureStateSaysWhatWasRemovedAndWhatStays() {
        List<String> assumptions = PARSED.texts(FUTURE + "/ul[" + hasClass("vs-future-assumptions") + "]/li");

        assertThat(assumptions).hasSize(2);
        assertThat(assumptions.get(0)).startsWith("Removed: the waits for queue, agent (")
                .contains("the work of the flags slow process, duplicate work, setup on each agent");
        assertThat(assumptions.get(1)).startsWith("Stays: the waits for input, lock, sleep, gap, rework; the flags"
                + " slow wait, repeated agent, no-op step");
    }

    @Test
    public void theFutureStateShowsTheJobNowAndInTheFuture() {
        FutureState future = WEB_SHOP.futureState();

        assertThat(PARSED.texts(FUTURE + "/table[" + hasClass("vs-future-job") + "]/tbody/tr[1]/td"))
                .containsExactly(Durations.format(future.leadTime().median()),
                        Durations.format(future.projectedLeadTime().median()));
        assertThat(PARSED.texts(FUTURE + "/table[" + hasClass("vs-future-job") + "]/tbody/tr[3]/td"))
                .containsExactly(HumanText.percent(future.flowEfficiency()),
                        HumanText.percent(future.projectedFlowEfficiency()));
    }

    @Test
    public void theFutureStateHasARowPerStepWithItsFiguresNowAndInTheFuture() {
        FutureStep first = WEB_SHOP.futureState().steps().get(0);

        assertThat(PARSED.elements(FUTURE + "/table[" + hasClass("vs-future-steps") + "]/tbody/tr"))
                .hasSize(WEB_SHOP.valueStream().steps().size());
        assertThat(PARSED.texts(FUTURE + "/table[" + hasClass("vs-future-steps") + "]/tbody/tr[1]/td"))
                .containsExactly(first.displayName(), String.valueOf(first.runs()),
                        Durations.format(first.elapsed().median()), Durations.format(first.projectedElapsed().median()),
                        HumanText.percent(first.flowEfficiency()), HumanText.percent(first.projectedFlowEfficiency()));
    }

    @Test
    public void aHostileStepNameIsTextInTheFutureState() {
        assertThat(PARSED.texts("//div[@id='vs-job-3-future']//tbody/tr/td[1]")).contains(ViewFixtures.XSS_STAGE);
        assertThat(PARSED.elements("//div[@id='vs-job-3-future']//img")).isEmpty();
    }

    @Test
    public void withoutWhatIfsThereIsNoWhatIfTable() {
        assertThat(PARSED.elements("//div[" + hasClass("vs-what-if") + "]")).isEmpty();
    }

    @Test
    public void aWhatIfShowsTheLeadTimeNowAndProjected() {
        JobReport report = ViewFixtures.webShopReport(20);
        WhatIfResult halved = WhatIfProjector.project(WhatIf.parse("Build=-50%"),
                report.runs().stream().map(RunReport::map).toList());
        JobReport withWhatIf = new JobReport(report.name(), report.valueStream(), report.runs(), report.warnings(),
                report.avoidableWork(), report.futureState(), List.of(halved));
        ParsedXml page = ParsedXml.parse(new HtmlReport("Report", null, Theme.AUTO).render(List.of(withWhatIf)));

        assertThat(page.texts("//div[@id='vs-job-1-what-if']//tbody/tr/td")).containsExactly("Build -50%",
                "20 of 20", Durations.format(halved.leadTime().median()) + " (p90 "
                        + Durations.format(halved.leadTime().p90()) + ")",
                Durations.format(halved.projectedLeadTime().median()) + " (p90 "
                        + Durations.format(halved.projectedLeadTime().p90()) + ")",
                "\u2212" + Durations.format(halved.leadTime().median() - halved.projectedLeadTime().median()));
    }
}
