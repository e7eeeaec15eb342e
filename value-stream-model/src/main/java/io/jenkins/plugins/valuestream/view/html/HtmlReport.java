package io.jenkins.plugins.valuestream.view.html;

import io.jenkins.plugins.valuestream.chain.Chain;
import io.jenkins.plugins.valuestream.chain.ChainStream;
import io.jenkins.plugins.valuestream.chain.Handoff;
import io.jenkins.plugins.valuestream.flags.Flag;
import io.jenkins.plugins.valuestream.flags.FlagKind;
import io.jenkins.plugins.valuestream.process.InputDecision;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.process.ProcessStep;
import io.jenkins.plugins.valuestream.process.StepFailure;
import io.jenkins.plugins.valuestream.process.StepResult;
import io.jenkins.plugins.valuestream.report.JobReport;
import io.jenkins.plugins.valuestream.report.RunReport;
import io.jenkins.plugins.valuestream.stream.ValueStream;
import io.jenkins.plugins.valuestream.time.Durations;
import io.jenkins.plugins.valuestream.view.FlagView;
import io.jenkins.plugins.valuestream.view.HumanText;
import io.jenkins.plugins.valuestream.view.LadderTotals;
import io.jenkins.plugins.valuestream.view.ProcessMapView;
import io.jenkins.plugins.valuestream.view.ResultText;
import io.jenkins.plugins.valuestream.view.StepBox;
import io.jenkins.plugins.valuestream.view.TrendPoint;
import io.jenkins.plugins.valuestream.view.TrendView;
import io.jenkins.plugins.valuestream.view.ValueStreamMapView;
import io.jenkins.plugins.valuestream.view.VerdictView;
import io.jenkins.plugins.valuestream.view.markup.MarkupWriter;
import io.jenkins.plugins.valuestream.view.svg.ProcessMapSvg;
import io.jenkins.plugins.valuestream.view.svg.SvgOptions;
import io.jenkins.plugins.valuestream.view.svg.TrendSvg;
import io.jenkins.plugins.valuestream.view.svg.ValueStreamMapSvg;
import io.jenkins.plugins.valuestream.view.theme.Theme;
import io.jenkins.plugins.valuestream.view.theme.ThemeCss;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Writes the report page: one self-contained XHTML-compatible HTML file that opens offline (style sheet and charts
 * inline, system fonts, no script). For each job: key figures, the value stream map, the trends, the flags with their
 * evidence, and every run's process map in a {@code <details>} element to open. Several jobs get a selector of plain
 * links; a theme switch of radio buttons picks light or dark without a script.
 */
public final class HtmlReport {
    /**
     * The width the charts are drawn for where a job has the page's width (a 1400-pixel window less the page's
     * margins); wider windows leave room, narrower ones scale the charts down.
     */
    static final int WIDTH_ALONE = 1240;
    /** The same beside the job selector, which takes 270 pixels. */
    static final int WIDTH_BESIDE_NAV = 1040;
    /** A step name longer than this gets a card of double width, so that it need not break inside a word. */
    private static final int WIDE_CARD_NAME = 12;
    /** How many of a group's flagged runs the summary links to. */
    private static final int LATEST_RUNS = 5;
    /**
     * How many of a job's newest runs the page shows with their process maps (and the newest run of each ledger line
     * besides): a report of thousands of runs stays a page of a few megabytes; the JSON report has every run.
     */
    static final int SHOWN_RUNS = 20;
    /** A run's process map sits inside the run's box, narrower by its padding and border. */
    private static final int RUN_INSET = 40;
    /** An error message or input question longer than this is cut in the list; the whole text is its tooltip. */
    private static final int MAX_ERROR_CHARS = 300;
    private final String title;
    private final @Nullable Instant generatedAt;
    private final Theme theme;
    private final @Nullable JenkinsLinks links;

    /**
     * @param title the page's title
     * @param generatedAt when the report was made, shown on the page, or {@code null} to leave it out (for
     *     reproducible output)
     * @param theme the palette the page opens in
     */
    public HtmlReport(String title, @Nullable Instant generatedAt, Theme theme) {
        this(title, generatedAt, theme, null);
    }

    private HtmlReport(String title, @Nullable Instant generatedAt, Theme theme, @Nullable JenkinsLinks links) {
        this.title = Objects.requireNonNull(title, "title");
        this.generatedAt = generatedAt;
        this.theme = Objects.requireNonNull(theme, "theme");
        this.links = links;
    }

    /** The same page with links back to the runs, their consoles and their failed steps in Jenkins. */
    public HtmlReport withLinks(JenkinsLinks jenkins) {
        return new HtmlReport(title, generatedAt, theme, jenkins);
    }

    /** The page for the given jobs, in the order given. */
    public String render(List<JobReport> jobs) {
        MarkupWriter out = new MarkupWriter(new StringBuilder(64 * 1024));
        write(jobs, out);
        return out.finish();
    }

    /**
     * The page of the end-to-end value streams of chains of jobs (docs/definitions.md, "Chains of jobs"): per shape,
     * its figures, its value-stream map (the map of a job's page, its steps {@code job » step} and the hand-offs) and
     * its chains.
     */
    public String renderChains(List<ChainStream> streams) {
        MarkupWriter out = new MarkupWriter(new StringBuilder(64 * 1024));
        out.doctypeHtml();
        out.open("html", "xmlns", "http://www.w3.org/1999/xhtml", "lang", "en");
        out.open("head");
        out.empty("meta", "charset", "utf-8");
        out.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1");
        out.empty("meta", "name", "color-scheme", "content", "light dark");
        out.element("title", title);
        out.open("style").trusted(PageStyle.css(1, 1)).close();
        out.close();
        out.open("body", "class", "vs-body");
        for (Theme option : Theme.values()) {
            out.empty("input", "type", "radio", "name", "vs-theme", "class", "vs-theme-input",
                    "id", PageStyle.THEME_INPUT + option.attribute(), "checked", option == theme ? "checked" : null,
                    "aria-label", themeLabel(option) + " theme");
        }
        out.open("div", "class", ThemeCss.ROOT_CLASS + " vs-page");
        out.open("header", "class", "vs-page-header");
        out.open("div");
        out.element("h1", title);
        int chains = streams.stream().mapToInt(stream -> stream.chains().size()).sum();
        out.element("p", streams.size() + (streams.size() == 1 ? " shape of chain" : " shapes of chains") + " \u00b7 "
                + chains + (chains == 1 ? " chain" : " chains") + (generatedAt == null ? ""
                : " \u00b7 generated " + HumanText.instant(generatedAt.toEpochMilli())), "class", "vs-muted");
        out.close();
        out.close();
        out.open("main", "class", "vs-jobs");
        if (streams.isEmpty()) {
            out.element("p", "No chains to report.", "class", "vs-empty");
        }
        for (int i = 0; i < streams.size(); i++) {
            chainSection(out, streams.get(i), "chain-" + (i + 1));
        }
        out.close();
        out.open("footer", "class", "vs-page-footer");
        out.text("Value Stream for Jenkins. Times are medians unless said otherwise; "
                + "hover over a chart for the numbers behind it. This page needs no network and no script.");
        out.close();
        out.close();
        out.close();
        out.close();
        return out.finish();
    }

    private static void chainSection(MarkupWriter out, ChainStream stream, String id) {
        ValueStream figures = stream.stream();
        out.open("section", "class", "vs-job", "id", id, "aria-labelledby", id + "-title");
        out.element("h2", stream.name(), "id", id + "-title", "class", "vs-job-title");
        out.element("p", stream.chains().size() + (stream.chains().size() == 1 ? " chain, " : " chains, ")
                + figures.runs() + " completed \u00b7 lead time " + Durations.format(figures.leadTime().median())
                + " (p90 " + Durations.format(figures.leadTime().p90()) + ") \u00b7 hand-offs "
                + Durations.format(stream.handoff().median()) + " \u00b7 flow efficiency "
                + HumanText.percent(figures.flowEfficiency()), "class", "vs-muted");
        out.element("h3", "Value stream map", "id", id + "-map");
        out.open("div", "class", "vs-chart-frame");
        ValueStreamMapSvg.write(ValueStreamMapView.of(figures), SvgOptions.inline(id + "-vsm")
                .withWidth(WIDTH_ALONE), out);
        out.close();
        out.element("h3", "Chains", "id", id + "-chains");
        out.open("table", "class", "vs-table");
        out.open("thead").open("tr");
        for (String heading : List.of("Root", "Runs", "Lead time", "Hand-offs")) {
            out.element("th", heading, "scope", "col");
        }
        out.close().close();
        out.open("tbody");
        for (Chain chain : stream.chains()) {
            out.open("tr");
            out.element("td", chain.key().toString());
            out.element("td", String.join(" \u2192 ", chain.runs().stream().map(run -> run.key().toString())
                    .toList()));
            out.element("td", Durations.format(chain.leadTimeMillis()) + (chain.running() ? " (running)" : ""));
            out.element("td", Durations.format(chain.handoffs().stream().mapToLong(Handoff::waitMillis).sum()));
            out.close();
        }
        out.close();
        out.close();
        out.close();
    }

    /**
     * Which job the page opens on (1 for the first): the one whose newest completed run started last, the first of
     * them on a tie; the first job where none has a completed run. A reader opens on what has just happened, not on
     * the alphabetically first job, which may have no completed run at all.
     */
    static int opening(List<JobReport> jobs) {
        int opening = 1;
        long newest = Long.MIN_VALUE;
        for (int i = 0; i < jobs.size(); i++) {
            long start = newestCompletedStart(jobs.get(i));
            if (start > newest) {
                newest = start;
                opening = i + 1;
            }
        }
        return opening;
    }

    private static long newestCompletedStart(JobReport job) {
        return job.runs().stream().filter(run -> !run.map().running()).mapToLong(run -> run.map().startedAt())
                .max().orElse(Long.MIN_VALUE);
    }

    /** Writes the page for the given jobs to a writer. */
    public void write(List<JobReport> jobs, Appendable target) throws IOException {
        target.append(render(jobs));
    }

    private void write(List<JobReport> jobs, MarkupWriter out) {
        out.doctypeHtml();
        out.open("html", "xmlns", "http://www.w3.org/1999/xhtml", "lang", "en");
        out.open("head");
        out.empty("meta", "charset", "utf-8");
        out.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1");
        out.empty("meta", "name", "color-scheme", "content", "light dark");
        out.element("title", title);
        out.open("style").trusted(PageStyle.css(jobs.size(), opening(jobs))).close();
        out.close();
        out.open("body", "class", "vs-body");
        for (Theme option : Theme.values()) {
            out.empty("input", "type", "radio", "name", "vs-theme", "class", "vs-theme-input",
                    "id", PageStyle.THEME_INPUT + option.attribute(), "checked", option == theme ? "checked" : null,
                    "aria-label", themeLabel(option) + " theme");
        }
        out.open("div", "class", ThemeCss.ROOT_CLASS + " vs-page");
        header(out, jobs);
        out.open("div", "class", "vs-layout");
        if (jobs.size() > 1) {
            nav(out, jobs);
        }
        out.open("main", "class", "vs-jobs");
        if (jobs.isEmpty()) {
            out.element("p", "No jobs to report.", "class", "vs-empty");
        }
        for (int i = 0; i < jobs.size(); i++) {
            job(out, jobs.get(i), i + 1, jobs.size() > 1 ? WIDTH_BESIDE_NAV : WIDTH_ALONE, links);
        }
        out.close();
        out.close();
        out.open("footer", "class", "vs-page-footer");
        out.text("Value Stream for Jenkins. Times are medians unless said otherwise; "
                + "hover over a chart for the numbers behind it. This page needs no network and no script.");
        out.close();
        out.close();
        out.close();
        out.close();
    }

    private static String themeLabel(Theme theme) {
        return switch (theme) {
            case AUTO -> "Auto";
            case LIGHT -> "Light";
            case DARK -> "Dark";
        };
    }

    private void header(MarkupWriter out, List<JobReport> jobs) {
        out.open("header", "class", "vs-page-header");
        out.open("div");
        out.element("h1", title);
        StringBuilder meta = new StringBuilder();
        meta.append(jobs.size()).append(jobs.size() == 1 ? " job" : " jobs");
        int listed = jobs.stream().mapToInt(job -> job.runs().size()).sum();
        int completed = jobs.stream().mapToInt(job -> job.valueStream().runs()).sum();
        meta.append(" \u00b7 ").append(runs(listed));
        if (completed != listed) {
            meta.append(", ").append(completed).append(" completed");
        }
        if (generatedAt != null) {
            meta.append(" \u00b7 generated ").append(HumanText.instant(generatedAt.toEpochMilli()));
        }
        out.element("p", meta.toString(), "class", "vs-muted");
        out.close();
        out.open("div", "class", "vs-theme-switch", "role", "group", "aria-label", "Theme");
        out.element("span", "Theme", "class", "vs-theme-label");
        for (Theme option : Theme.values()) {
            out.element("label", themeLabel(option), "for", PageStyle.THEME_INPUT + option.attribute());
        }
        out.close();
        out.close();
    }

    private static void nav(MarkupWriter out, List<JobReport> jobs) {
        out.open("nav", "class", "vs-job-nav", "aria-label", "Jobs");
        out.element("h2", "Jobs");
        out.open("ul");
        for (int i = 0; i < jobs.size(); i++) {
            JobReport job = jobs.get(i);
            ValueStreamMapView map = ValueStreamMapView.of(job.valueStream());
            out.open("li");
            out.open("a", "href", "#" + PageStyle.jobId(i + 1));
            out.element("span", job.name(), "class", "vs-nav-name");
            out.element("span", map.runs() == 0 ? "no completed runs" : runs(map.runs()) + " \u00b7 lead "
                    + map.totals().leadTimeText() + " \u00b7 flow " + map.totals().flowEfficiencyText(),
                    "class", "vs-nav-meta");
            out.close();
            out.close();
        }
        out.close();
        out.close();
    }

    private static void job(MarkupWriter out, JobReport job, int number, int chartWidth,
            @Nullable JenkinsLinks links) {
        String id = PageStyle.jobId(number);
        ValueStreamMapView map = ValueStreamMapView.of(job.valueStream());
        TrendView trend = TrendView.of(job.valueStream());
        List<RunReport> runs = new ArrayList<>(job.runs());
        runs.sort(Comparator.comparingInt((RunReport run) -> run.map().number()).reversed());

        out.open("section", "class", "vs-job", "id", id, "aria-labelledby", id + "-title");
        out.element("h2", job.name(), "id", id + "-title", "class", "vs-job-title");
        out.element("p", describeWindow(map, trend, runs.size()), "class", "vs-muted");
        cards(out, map);
        List<String> notes = new ArrayList<>(map.notes());
        if (!notes.isEmpty()) {
            out.open("div", "class", "vs-callout", "role", "note");
            out.element("strong", "What the data could not tell");
            lines(out, null, notes);
            out.close();
        }

        out.element("h3", "Value stream map", "id", id + "-map");
        out.open("div", "class", "vs-chart-frame");
        ValueStreamMapSvg.write(map, SvgOptions.inline(id + "-vsm").withWidth(chartWidth), out);
        out.close();
        out.element("p", "A blue bar along the top of a box: the step was on the run's critical path in more than half"
                + " of its runs. The bottleneck is the innermost step with the longest median exclusive time (what"
                + " the lead time would lose without it).", "class", "vs-muted vs-map-key");
        FutureStateSection.write(out, job.futureState(), id);
        if (!job.whatIfs().isEmpty()) {
            FutureStateSection.whatIfs(out, job.whatIfs(), id);
        }
        DoraSection.write(out, job.dora(), id);

        out.element("h3", "Trends", "id", id + "-trends");
        out.open("div", "class", "vs-chart-frame");
        TrendSvg.write(trend, SvgOptions.inline(id + "-trend").withWidth(chartWidth), out);
        out.close();

        List<FlagGroup> groups = groups(runs);
        Set<Integer> shown = shownRuns(runs, groups);
        flags(out, runs, groups, shown, id);
        runList(out, runs, shown, id, chartWidth, links == null ? null : new JobLinks(links, job.name()));
        out.close();
    }

    private static String runs(int count) {
        return count + (count == 1 ? " run" : " runs");
    }

    /** Which runs the figures cover, and how many listed runs they leave out for want of an end. */
    private static String describeWindow(ValueStreamMapView map, TrendView trend, int listed) {
        List<TrendPoint> points = trend.points();
        int unended = listed - map.runs();
        String rest = unended <= 0 ? "" : " \u00b7 " + unended + (unended == 1 ? " run" : " runs")
                + " without an end, left out of the figures";
        if (points.isEmpty()) {
            return (map.runs() == 0 ? "No completed runs" : completedRuns(map.runs())) + rest;
        }
        TrendPoint first = points.get(0);
        TrendPoint last = points.get(points.size() - 1);
        return completedRuns(map.runs()) + " \u00b7 #" + first.number()
                + (last != first ? " to #" + last.number() : "") + " \u00b7 " + first.startedText()
                + (last != first ? " to " + last.startedText() : "") + rest;
    }

    private static String completedRuns(int count) {
        return count + (count == 1 ? " completed run" : " completed runs");
    }

    private static void cards(MarkupWriter out, ValueStreamMapView map) {
        if (map.runs() == 0) {
            out.element("p", "No completed runs yet: the figures, the map and the trends appear after the first one.",
                    "class", "vs-empty vs-no-runs");
            return;
        }
        LadderTotals totals = map.totals();
        out.open("div", "class", "vs-cards");
        card(out, "Lead time", totals.leadTimeText(), "median \u00b7 p90 " + totals.leadTimeP90Text(),
                "vs-card-lead", false);
        card(out, "Process time", totals.processText(), "median \u00b7 p90 " + totals.processP90Text(),
                "vs-card-process", false);
        card(out, "Wait", totals.waitText(), "median \u00b7 p90 " + totals.waitP90Text(), "vs-card-wait", false);
        card(out, "Flow efficiency", totals.flowEfficiencyText(), "process \u00f7 lead time", "vs-card-efficiency",
                false);
        card(out, "Queue wait", map.queue().text(), map.queue().millis() == null ? "not recorded by the source"
                : "median, before the run starts", "vs-card-queue", false);
        for (StepBox box : map.boxes()) {
            if (box.bottleneck()) {
                card(out, "Bottleneck", box.path(), "median exclusive " + box.exclusiveText() + " \u00b7 elapsed "
                        + box.elapsedText(), "vs-card-bottleneck", true);
            }
        }
        if (!map.boxes().isEmpty() && map.boxes().stream().noneMatch(StepBox::bottleneck)) {
            card(out, "Bottleneck", "none", "no step ran in most runs for 1s or more", "vs-card-bottleneck", false);
        }
        for (StepBox box : map.boxes()) {
            if (box.waitBottleneck()) {
                String main = box.waits().stream().filter(part -> part.millis() != null)
                        .max(Comparator.comparingLong(part -> part.millis()))
                        .map(part -> ", mostly " + part.label().toLowerCase(Locale.ROOT)).orElse("");
                card(out, "Longest wait", box.path(), "median wait " + box.waitText() + main,
                        "vs-card-wait-bottleneck", false);
            }
        }
        out.close();
    }

    private static void card(MarkupWriter out, String label, String value, String sub, String cardClass,
            boolean alert) {
        boolean wide = cardClass.contains("bottleneck") && value.length() > WIDE_CARD_NAME;
        out.open("div", "class", "vs-card " + cardClass + (alert ? " vs-card-bad" : "")
                + (wide ? " vs-card-wide" : ""));
        out.element("div", label, "class", "vs-card-label");
        boolean step = cardClass.contains("bottleneck");
        out.open("div", "class", step ? "vs-card-value vs-card-step" : "vs-card-value");
        if (step) {
            stepPath(out, value);
        } else {
            out.text(value);
        }
        out.close();
        out.element("div", sub, "class", "vs-card-sub");
        out.close();
    }

    /** A step's path with a line-break opportunity after each {@code /}, so long paths wrap between names. */
    private static void stepPath(MarkupWriter out, String path) {
        int from = 0;
        int slash;
        while ((slash = path.indexOf('/', from)) >= 0) {
            out.text(path.substring(from, slash + 1));
            out.empty("wbr");
            from = slash + 1;
        }
        out.text(path.substring(from));
    }

    /** The flags of one kind on one step, over the runs of the report. */
    private record FlagGroup(FlagKind kind, String label, String step, List<Integer> runs, long totalMillis,
            List<Long> costs, FlagView latest) {
        long typicalMillis() {
            List<Long> sorted = costs.stream().sorted().toList();
            return sorted.get((sorted.size() - 1) / 2);
        }
    }

    /** One flag and the run it was raised on. */
    private record RunFlag(int run, FlagView view) {
    }

    /**
     * The flags grouped by kind and step, the group that cost the most first; within a group the runs in the order
     * given (newest first).
     */
    private static List<FlagGroup> groups(List<RunReport> runs) {
        Map<String, List<RunFlag>> byKey = new LinkedHashMap<>();
        for (RunReport run : runs) {
            for (Flag flag : run.flags()) {
                FlagView view = FlagView.of(flag);
                byKey.computeIfAbsent(view.kind() + "\u0000" + view.step(), key -> new ArrayList<>())
                        .add(new RunFlag(run.map().number(), view));
            }
        }
        List<FlagGroup> groups = new ArrayList<>();
        for (List<RunFlag> members : byKey.values()) {
            FlagView first = members.get(0).view();
            List<Integer> numbers = members.stream().map(RunFlag::run).distinct().toList();
            List<Long> costs = members.stream().map(member -> member.view().costMillis()).toList();
            long total = costs.stream().mapToLong(Long::longValue).sum();
            groups.add(new FlagGroup(first.kind(), first.label(), first.step(), numbers, total, costs, first));
        }
        groups.sort(Comparator.comparingLong(FlagGroup::totalMillis).reversed());
        return groups;
    }

    /**
     * The flags of the job's runs: what they would have saved, the ledger of their kinds and steps, then every flag
     * with its evidence.
     */
    private static void flags(MarkupWriter out, List<RunReport> runs, List<FlagGroup> groups, Set<Integer> shown,
            String jobId) {
        int count = runs.stream().mapToInt(run -> run.flags().size()).sum();
        headingWithCount(out, jobId + "-flags", "Flags", "(" + count + ")");
        if (count == 0) {
            out.element("p", "No slow steps or redundant work flagged in these runs.", "class", "vs-empty");
            return;
        }
        avoidableWork(out, runs, groups, count);
        ledger(out, groups, runs.size(), shown, jobId);
        flagList(out, runs, count, shown, jobId);
    }

    /** The runs shown with their maps: the newest, and the newest run of each ledger line. */
    private static Set<Integer> shownRuns(List<RunReport> newestFirst, List<FlagGroup> groups) {
        Set<Integer> shown = new HashSet<>();
        for (int i = 0; i < Math.min(SHOWN_RUNS, newestFirst.size()); i++) {
            shown.add(newestFirst.get(i).map().number());
        }
        for (FlagGroup group : groups) {
            shown.add(group.runs().get(0));
        }
        return shown;
    }

    private static void headingWithCount(MarkupWriter out, String id, String title, String count) {
        out.open("h3", "id", id);
        out.text(title + " ");
        out.element("span", count, "class", "vs-count");
        out.close();
    }

    /** What the flags would have saved, and how many runs they are on. */
    private static void avoidableWork(MarkupWriter out, List<RunReport> runs, List<FlagGroup> groups, int count) {
        long flaggedRuns = runs.stream().filter(run -> !run.flags().isEmpty()).count();
        // The groups are the ledger's lines (kind and step): their totals add up to what the flags would have saved.
        long avoidable = groups.stream().mapToLong(FlagGroup::totalMillis).sum();
        out.open("p", "class", "vs-ledger-total");
        out.text("Avoidable work: ");
        out.element("strong", Durations.format(avoidable));
        out.text(" over " + runs(runs.size()) + ", what the flags would have saved.");
        out.close();
        out.element("p", count + (count == 1 ? " flag in " : " flags in ") + flaggedRuns + " of " + runs(runs.size())
                + ". Below, the ledger: one line per kind of finding and step, the costliest first, with what to do;"
                + " then every flag with the evidence that raised it.", "class", "vs-muted");
    }

    /** The ledger: a line per kind of finding and step, the costliest first. */
    private static void ledger(MarkupWriter out, List<FlagGroup> groups, int runCount, Set<Integer> shown,
            String jobId) {
        out.open("table", "class", "vs-table vs-flag-summary");
        Tables.head(out, List.of("Finding", "Step", "Runs", "Total cost", "Typical cost", "What to do", "Latest"));
        out.open("tbody");
        for (FlagGroup group : groups) {
            out.open("tr", "data-step", group.step(), "data-kind", group.kind().name());
            out.open("td", "data-label", "Finding");
            flagPill(out, group.kind(), group.label());
            out.close();
            out.element("td", group.step(), "class", "vs-step-name", "data-label", "Step");
            out.open("td", "class", "vs-num", "data-label", "Runs");
            out.text(group.runs().size() + " of " + runCount);
            out.close();
            out.element("td", Durations.format(group.totalMillis()), "class", "vs-num", "data-label", "Total cost");
            out.element("td", Durations.format(group.typicalMillis()), "class", "vs-num",
                    "title", "median cost of one flag", "data-label", "Typical cost");
            out.element("td", group.latest().remedy(), "class", "vs-remedy", "data-label", "What to do");
            latestRuns(out, group, shown, jobId);
            out.close();
        }
        out.close();
        out.close();
    }

    /** A ledger line's newest runs as links to their maps, how many more there are, and the newest finding. */
    private static void latestRuns(MarkupWriter out, FlagGroup group, Set<Integer> shown, String jobId) {
        out.open("td", "class", "vs-latest", "data-label", "Latest");
        int listed = Math.min(LATEST_RUNS, group.runs().size());
        for (int i = 0; i < listed; i++) {
            out.text(i == 0 ? "" : ", ");
            int number = group.runs().get(i);
            if (shown.contains(number)) {
                runLink(out, jobId, number);
            } else {
                out.text("#" + number);
            }
        }
        if (group.runs().size() > listed) {
            out.text(" and " + (group.runs().size() - listed) + " more");
        }
        out.element("div", group.latest().finding(), "class", "vs-muted vs-latest-finding");
        out.close();
    }

    /** Every flag with its evidence, newest run first, folded away under the ledger that sums them up. */
    private static void flagList(MarkupWriter out, List<RunReport> runs, int count, Set<Integer> shown,
            String jobId) {
        List<RunReport> listed = runs.stream().filter(run -> shown.contains(run.map().number())).toList();
        int listedCount = listed.stream().mapToInt(run -> run.flags().size()).sum();
        out.open("details", "class", "vs-flag-list");
        out.element("summary", listedCount == count ? "Every flag with its evidence (" + count + ", newest run first)"
                : "The flags of the runs shown below, with their evidence (" + listedCount + " of " + count
                        + ", newest run first)");
        out.open("table", "class", "vs-table vs-flags");
        Tables.head(out, List.of("Run", "Step", "Finding", "Cost", "Evidence"));
        out.open("tbody");
        for (RunReport run : listed) {
            for (Flag flag : run.flags()) {
                flagRow(out, run.map().number(), FlagView.of(flag), jobId);
            }
        }
        out.close();
        out.close();
        if (listedCount < count) {
            out.element("p", (count - listedCount) + " more flags are on older runs; the JSON report"
                    + " (--format json) has every flag with its evidence.", "class", "vs-muted");
        }
        out.close();
    }

    private static void flagRow(MarkupWriter out, int number, FlagView view, String jobId) {
        out.open("tr", "data-step", view.step(), "data-run", number);
        out.open("td", "class", "vs-num", "data-label", "Run");
        runLink(out, jobId, number);
        out.close();
        out.element("td", view.step(), "class", "vs-step-name", "data-label", "Step");
        out.open("td", "data-label", "Finding");
        flagPill(out, view.kind(), view.label());
        out.text(" " + view.finding());
        if (!view.remedy().isEmpty()) {
            out.element("p", view.remedy(), "class", "vs-remedy");
        }
        out.close();
        out.element("td", view.costText(), "class", "vs-num", "data-label", "Cost");
        out.open("td", "data-label", "Evidence");
        if (view.evidence().isEmpty()) {
            out.element("span", "\u2014", "class", "vs-muted");
        } else {
            lines(out, "vs-evidence", view.evidence());
        }
        out.close();
        out.close();
    }

    /** A list of lines of text, of the given class or none. */
    private static void lines(MarkupWriter out, @Nullable String listClass, List<String> lines) {
        out.open("ul", "class", listClass);
        for (String line : lines) {
            out.element("li", line);
        }
        out.close();
    }

    private static void flagPill(MarkupWriter out, FlagKind kind, String label) {
        out.element("span", label, "class", "vs-pill vs-pill-flag", "title", kindMeaning(kind));
    }

    private static void runLink(MarkupWriter out, String jobId, int number) {
        out.element("a", "#" + number, "href", "#" + runId(jobId, number), "class", "vs-run-link");
    }

    /** What a kind of flag means, for its tooltip. */
    private static String kindMeaning(FlagKind kind) {
        return switch (kind) {
            case SLOW_PROCESS -> "The step worked longer than its baseline (the median of its recent successful runs)"
                    + " by more than the threshold";
            case SLOW_WAIT -> "The step waited longer than its baseline (the median of its recent successful runs)"
                    + " by more than the threshold";
            case DUPLICATE_WORK -> "The same step with the same arguments ran more than once on the same agent, in the"
                    + " same workspace and environment";
            case SETUP_ON_EACH_AGENT -> "The same checkout or install ran on several agents: a choice, avoidable with"
                    + " stash/unstash or a dependency cache";
            case REPEATED_AGENT -> "An agent with the same label was given back and asked for again in the next step,"
                    + " at the cost of a wait or a repeated setup";
            case NO_OP -> "The step did next to nothing in nearly every recent run and never failed";
        };
    }

    static String runId(String jobId, int number) {
        return jobId + "-run-" + number;
    }

    /** A job's place in Jenkins, for the links of its runs. */
    private record JobLinks(JenkinsLinks jenkins, String job) {
    }

    /** The run in Jenkins: its page, its console output, and the page of each step that failed. */
    private static void jenkinsLinks(MarkupWriter out, ProcessMap map, JobLinks links) {
        out.open("p", "class", "vs-jenkins-links");
        out.text("In Jenkins: ");
        out.element("a", "run #" + map.number(), "href", links.jenkins().run(links.job(), map.number()));
        out.text(" \u00b7 ");
        out.element("a", "console output", "href", links.jenkins().console(links.job(), map.number()));
        for (ProcessStep step : map.steps()) {
            if (step.result() == StepResult.FAILURE && step.nodeId() != null) {
                out.text(" \u00b7 failed: ");
                out.element("a", step.displayName(), "href", links.jenkins().node(links.job(), map.number(),
                        step.nodeId()));
            }
        }
        out.close();
    }

    private static void runList(MarkupWriter out, List<RunReport> runs, Set<Integer> shown, String jobId,
            int chartWidth, @Nullable JobLinks links) {
        headingWithCount(out, jobId + "-runs", "Runs", shown.size() >= runs.size()
                ? "(" + runs.size() + ", newest first; open one for its process map)"
                : "(" + shown.size() + " of " + runs.size() + ": the " + Math.min(SHOWN_RUNS, runs.size())
                        + " newest and the newest of each ledger line; open one for its process map)");
        if (runs.isEmpty()) {
            out.element("p", "No runs to show.", "class", "vs-empty");
            return;
        }
        out.open("div", "class", "vs-runs");
        for (RunReport run : runs) {
            if (shown.contains(run.map().number())) {
                run(out, run, jobId, chartWidth - RUN_INSET, links);
            }
        }
        out.close();
        if (shown.size() < runs.size()) {
            out.element("p", "The other " + (runs.size() - shown.size()) + " runs are in the figures and the trends"
                    + " above; the JSON report (--format json) has each of them with its process map.", "class",
                    "vs-muted");
        }
    }

    private static void run(MarkupWriter out, RunReport run, String jobId, int chartWidth,
            @Nullable JobLinks links) {
        ProcessMap map = run.map();
        List<VerdictView> verdicts = VerdictView.of(run.budgets());
        ProcessMapView view = ProcessMapView.of(map, run.flags(), verdicts);
        String id = runId(jobId, map.number());
        out.open("details", "class", "vs-run", "data-run", map.number());
        out.open("summary");
        out.element("span", "#" + map.number(), "class", "vs-run-number");
        String result = map.result() == null ? "Unfinished, last activity " + HumanText.instant(map.asOf())
                : ResultText.of(map.result());
        out.element("span", result, "class", "vs-pill vs-pill-" + ResultText.tone(map.result()), "title", map.result() == null
                ? "No end recorded: the run was still going when it was read, or its controller stopped before it "
                        + "ended; its times run to its last recorded activity, and it is left out of the figures and"
                        + " gets no slow flags" : null);
        // Where the run failed, beside its result, so that the list of runs says it without opening one.
        for (StepFailure failure : map.failures()) {
            if (failure.endedRun()) {
                out.element("span", "in " + failure.step().label(), "class", "vs-run-fact vs-run-failed-in",
                        "title", HumanText.firstLine(failure.message(), MAX_ERROR_CHARS));
                break;
            }
        }
        out.element("span", view.startedText(), "class", "vs-run-fact", "title", "started");
        fact(out, "lead ", view.leadTimeText());
        fact(out, "process ", view.processText());
        fact(out, "wait ", view.waitText());
        fact(out, "flow ", view.flowEfficiencyText());
        out.open("span", "class", "vs-run-badges");
        if (view.queueMillis() == null) {
            out.element("span", "queue unknown", "class", "vs-pill", "title",
                    "The source did not record when this run was queued");
        }
        if (!run.flags().isEmpty()) {
            out.element("span", run.flags().size() + (run.flags().size() == 1 ? " flag" : " flags"),
                    "class", "vs-pill vs-pill-flag");
        }
        boolean exceeded = verdicts.stream().anyMatch(VerdictView::exceeded);
        if (exceeded) {
            out.element("span", "over budget", "class", "vs-pill vs-pill-bad");
        } else if (!verdicts.isEmpty()) {
            out.element("span", "within budget", "class", "vs-pill vs-pill-good");
        }
        out.close();
        out.close();
        // The link target is inside the details: following a link to it opens them (the browser reveals the target),
        // so a flag's run link shows that run's map without a script.
        out.open("div", "class", "vs-run-body", "id", id);
        if (links != null) {
            jenkinsLinks(out, map, links);
        }
        out.open("div", "class", "vs-chart-frame");
        ProcessMapSvg.write(view, SvgOptions.inline(id + "-map").withWidth(chartWidth), out);
        out.close();
        if (!verdicts.isEmpty()) {
            out.element("h4", "Budget");
            out.open("ul", "class", "vs-list vs-verdicts");
            for (VerdictView verdict : verdicts) {
                out.open("li", "data-step", verdict.step() == null ? null : verdict.step().toString());
                out.element("span", verdict.exceeded() ? "over budget" : "within budget",
                        "class", "vs-pill " + (verdict.exceeded() ? "vs-pill-bad" : "vs-pill-good"));
                out.text(" " + (verdict.step() == null ? "" : verdict.step() + ": ") + verdict.message());
                out.close();
            }
            out.close();
        }
        failures(out, map);
        inputs(out, map);
        if (!run.flags().isEmpty()) {
            out.element("h4", "Flags");
            out.open("ul", "class", "vs-list vs-run-flags");
            for (Flag flag : run.flags()) {
                FlagView flagView = FlagView.of(flag);
                out.open("li", "data-step", flagView.step());
                out.element("span", flagView.label(), "class", "vs-pill vs-pill-flag");
                out.text(" ");
                out.element("span", flagView.step(), "class", "vs-step-name");
                out.text(": " + flagView.finding() + " (cost " + flagView.costText() + ")");
                if (!flagView.evidence().isEmpty()) {
                    out.open("ul", "class", "vs-evidence");
                    for (String evidence : flagView.evidence()) {
                        out.element("li", evidence, "class", "vs-muted");
                    }
                    out.close();
                }
                out.close();
            }
            out.close();
        }
        if (!view.notes().isEmpty()) {
            out.element("h4", "What the source could not tell");
            lines(out, "vs-list vs-notes", view.notes());
        }
        out.close();
        out.close();
    }

    /** The errors of a run, each where it arose: the step, the Pipeline step that threw it, its message. */
    private static void failures(MarkupWriter out, ProcessMap map) {
        if (map.failures().isEmpty()) {
            return;
        }
        // A run that went on after every error it had did not fail: its errors were caught, and say so.
        boolean caughtOnly = map.failures().stream().noneMatch(StepFailure::endedRun);
        boolean one = map.failures().size() == 1;
        out.element("h4", caughtOnly ? (one ? "Caught error" : "Caught errors") : (one ? "Error" : "Errors"));
        out.open("ul", "class", "vs-list vs-failures");
        for (StepFailure failure : map.failures()) {
            out.open("li", "data-step", failure.step().toString());
            out.element("span", failure.step().label(), "class", "vs-step-name");
            if (!failure.functionName().isEmpty()) {
                out.text(" (" + failure.functionName());
                if (!failure.command().isEmpty()) {
                    out.text(" ");
                    out.element("code", failure.command(), "class", "vs-command");
                }
                out.text(")");
            }
            out.text(": ");
            String message = failure.message();
            out.element("span", HumanText.firstLine(message, MAX_ERROR_CHARS), "class", "vs-error",
                    "title", message.length() > MAX_ERROR_CHARS || message.contains("\n") ? message : null);
            out.text(" ");
            if (failure.endedRun()) {
                out.element("span", "ended the run", "class", "vs-pill vs-pill-bad");
            } else {
                out.element("span", "caught, the run went on", "class", "vs-muted");
            }
            out.close();
        }
        out.close();
    }

    /** The run's inputs: where, what they asked, who decided and after how long. */
    private static void inputs(MarkupWriter out, ProcessMap map) {
        if (map.inputs().isEmpty()) {
            return;
        }
        out.element("h4", map.inputs().size() == 1 ? "Input" : "Inputs");
        out.open("ul", "class", "vs-list vs-inputs");
        for (InputDecision input : map.inputs()) {
            out.open("li", "data-step", input.step().toString(), "data-decision", input.decision().name());
            out.element("span", input.step().label(), "class", "vs-step-name");
            if (!input.message().isEmpty()) {
                out.text(": \u201c" + HumanText.firstLine(input.message(), MAX_ERROR_CHARS) + "\u201d");
            }
            out.text(" ");
            String tone = switch (input.decision()) {
                case APPROVED -> "good";
                case ABORTED -> "bad";
                case WAITING -> "flag";
            };
            out.element("span", input.describe(), "class", "vs-pill vs-pill-" + tone);
            out.text(input.decision() == InputDecision.Decision.WAITING
                    ? " for " + Durations.format(input.waitedMillis()) + " so far"
                    : " after " + Durations.format(input.waitedMillis()) + ", " + HumanText.instant(input.at()));
            out.close();
        }
        out.close();
    }

    private static void fact(MarkupWriter out, String label, String value) {
        out.open("span", "class", "vs-run-fact");
        out.text(label);
        out.element("b", value);
        out.close();
    }
}
