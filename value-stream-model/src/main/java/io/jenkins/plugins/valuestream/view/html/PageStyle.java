package io.jenkins.plugins.valuestream.view.html;

import io.jenkins.plugins.valuestream.view.svg.SvgStyle;
import io.jenkins.plugins.valuestream.view.theme.Theme;
import io.jenkins.plugins.valuestream.view.theme.ThemeCss;

/**
 * The report's style sheet: the theme's defaults, the switch between them (radio buttons before the page, so it
 * works without a script), the page's typography and layout, the charts' rules, and the job selector (jobs shown one
 * at a time where the browser supports {@code :has}, all one under the other where it does not).
 */
final class PageStyle {
    static final String THEME_INPUT = "vs-theme-";

    private PageStyle() {
    }

    /**
     * The anchor of the page's {@code number}th job (from 1). Defined here, with the theme inputs' ids, because the
     * style sheet selects by these ids and the page only writes them; the page knows its style, not the other way.
     */
    static String jobId(int number) {
        return "vs-job-" + number;
    }

    static String css(int jobs, int opening) {
        StringBuilder css = new StringBuilder();
        css.append(ThemeCss.defaults());
        String light = "#" + THEME_INPUT + "light:checked ~ .vs-page";
        String dark = "#" + THEME_INPUT + "dark:checked ~ .vs-page";
        css.append(ThemeCss.forced(light + ", " + light + " .vs-root", Theme.LIGHT));
        css.append(ThemeCss.forced(dark + ", " + dark + " .vs-root", Theme.DARK));
        css.append(SvgStyle.rules());
        css.append(PAGE);
        for (Theme theme : Theme.values()) {
            String id = THEME_INPUT + theme.attribute();
            css.append('#').append(id).append(":checked ~ .vs-page label[for=\"").append(id).append("\"] { background: ")
                    .append(c("accent")).append("; color: ").append(c("on-strong")).append("; border-color: ")
                    .append(c("accent")).append("; }\n");
            css.append('#').append(id).append(":focus-visible ~ .vs-page label[for=\"").append(id)
                    .append("\"] { outline: 2px solid ").append(c("accent")).append("; outline-offset: 2px; }\n");
        }
        if (jobs > 1) {
            css.append("@supports selector(:has(a)) {\n");
            css.append("  .vs-jobs .vs-job { display: none; }\n");
            css.append("  .vs-jobs .vs-job:target, .vs-jobs .vs-job:has(:target) { display: block; }\n");
            css.append("  .vs-jobs:not(:has(:target)) #").append(jobId(opening)).append(" { display: block; }\n");
            for (int i = 1; i <= jobs; i++) {
                String id = jobId(i);
                css.append("  .vs-page:has(#").append(id).append(":target) .vs-job-nav a[href=\"#").append(id)
                        .append("\"], .vs-page:has(#").append(id).append(" :target) .vs-job-nav a[href=\"#")
                        .append(id).append("\"] { border-color: ").append(c("accent")).append("; background: ")
                        .append(c("box")).append("; }\n");
            }
            css.append("  .vs-page:not(:has(.vs-jobs :target)) .vs-job-nav a[href=\"#").append(jobId(opening))
                    .append("\"] { border-color: ").append(c("accent")).append("; background: ").append(c("box"))
                    .append("; }\n");
            css.append("}\n");
        }
        return css.toString();
    }

    private static String c(String name) {
        return ThemeCss.color(name);
    }

    private static final String PAGE = """
            html, body { margin: 0; padding: 0; }
            body { background: #ffffff; }
            @media (prefers-color-scheme: dark) { body { background: #0d1117; } }
            .vs-theme-input { position: absolute; opacity: 0; width: 1px; height: 1px; pointer-events: none; }
            .vs-page { min-height: 100vh; box-sizing: border-box; background: %bg%; color: %fg%;
              font-family: %font%; font-size: 14px; line-height: 1.5; padding: 24px 32px 48px; }
            .vs-page a { color: %accent%; }
            .vs-page-header { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start;
              justify-content: space-between; border-bottom: 1px solid %border%; padding-bottom: 16px;
              margin-bottom: 24px; }
            .vs-page h1 { font-size: 24px; line-height: 1.25; margin: 0 0 4px; font-weight: 650; letter-spacing: -0.01em; }
            .vs-page h2 { font-size: 21px; line-height: 1.3; margin: 0 0 2px; font-weight: 650; }
            .vs-page h3 { font-size: 15px; margin: 32px 0 10px; font-weight: 650; }
            .vs-page h3 .vs-count { color: %muted%; font-weight: 500; }
            .vs-muted { color: %muted%; }
            .vs-page p { margin: 0 0 8px; }
            .vs-theme-switch { display: inline-flex; gap: 0; border-radius: 8px; }
            .vs-theme-switch label { cursor: pointer; padding: 4px 12px; border: 1px solid %border%;
              background: %surface%; color: %fg%; font-size: 13px; margin-left: -1px; }
            .vs-theme-switch label:first-of-type { border-radius: 8px 0 0 8px; }
            .vs-theme-switch label:last-of-type { border-radius: 0 8px 8px 0; }
            .vs-theme-label { font-size: 13px; color: %muted%; margin-right: 8px; align-self: center; }
            .vs-layout { display: flex; gap: 28px; align-items: flex-start; }
            .vs-job-nav { flex: 0 0 240px; position: sticky; top: 16px; max-height: calc(100vh - 32px); overflow-y: auto; }
            .vs-job-nav h2 { font-size: 12px; text-transform: uppercase; letter-spacing: 0.06em; color: %muted%;
              margin: 0 0 8px; font-weight: 600; }
            .vs-job-nav ul { list-style: none; margin: 0; padding: 0; }
            .vs-job-nav li { margin: 0 0 6px; }
            .vs-job-nav a { display: block; padding: 8px 10px; border: 1px solid transparent; border-radius: 8px;
              text-decoration: none; color: %fg%; }
            .vs-job-nav a:hover { background: %surface%; border-color: %border%; }
            .vs-job-nav .vs-nav-name { display: block; font-weight: 600; overflow-wrap: anywhere; }
            .vs-job-nav .vs-nav-meta { display: block; font-size: 12px; color: %muted%; }
            .vs-jobs { flex: 1 1 auto; min-width: 0; }
            .vs-job { margin-bottom: 48px; }
            .vs-job-title { overflow-wrap: anywhere; }
            .vs-cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(140px, 1fr)); gap: 12px;
              margin: 16px 0 8px; }
            .vs-card-wide { grid-column: span 2; }
            .vs-card { background: %surface%; border: 1px solid %border%; border-radius: 10px; padding: 10px 14px; }
            .vs-card-label { font-size: 12px; color: %muted%; }
            .vs-card-value { font-size: 20px; font-weight: 650; font-variant-numeric: tabular-nums;
              overflow-wrap: anywhere; line-height: 1.3; }
            .vs-card-step { font-size: 16px; overflow-wrap: break-word; word-break: normal; padding-top: 3px; }
            .vs-card-sub { font-size: 12px; color: %muted%; }
            .vs-card-bad .vs-card-value { color: %bottleneck%; }
            .vs-chart-frame { overflow-x: auto; background: %box%; border: 1px solid %border%; border-radius: 10px;
              padding: 4px; }
            .vs-chart-frame svg { display: block; }
            .vs-callout { border: 1px solid %border%; border-left: 4px solid %flag%; background: %surface%;
              border-radius: 8px; padding: 8px 14px; margin: 12px 0; }
            .vs-callout ul { margin: 4px 0 0; padding-left: 20px; }
            .vs-table { width: 100%; border-collapse: collapse; font-size: 13px; }
            .vs-table th { text-align: left; font-weight: 600; color: %muted%; font-size: 12px;
              border-bottom: 1px solid %border%; padding: 6px 10px; }
            .vs-table td { border-bottom: 1px solid %grid%; padding: 8px 10px; vertical-align: top; }
            .vs-table td.vs-num { font-variant-numeric: tabular-nums; white-space: nowrap; }
            .vs-table ul { margin: 4px 0 0; padding-left: 18px; color: %muted%; }
            .vs-future .vs-table { margin-bottom: 18px; }
            .vs-table.vs-future-job { width: auto; min-width: 480px; }
            .vs-future-value { font-weight: 600; }
            .vs-step-name { font-weight: 600; overflow-wrap: break-word; }
            .vs-error, .vs-command { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
              font-size: 0.92em; overflow-wrap: anywhere; }
            .vs-flag-summary td.vs-latest { min-width: 240px; }
            .vs-latest-finding { font-size: 12px; margin-top: 2px; }
            .vs-flag-list { margin-top: 14px; border: 1px solid %border%; border-radius: 10px; background: %box%; }
            .vs-flag-list > summary { cursor: pointer; padding: 8px 14px; font-weight: 600; }
            .vs-flag-list > summary:hover { background: %surface%; border-radius: 10px; }
            .vs-flag-list[open] > summary { border-bottom: 1px solid %border%; }
            .vs-run-link { font-weight: 600; text-decoration: none; }
            .vs-run-link:hover { text-decoration: underline; }
            .vs-run:has(:target) { outline: 2px solid %accent%; outline-offset: 2px; }
            .vs-pill { display: inline-block; font-size: 12px; font-weight: 600; padding: 1px 8px; border-radius: 999px;
              border: 1px solid %border%; background: %surface%; white-space: nowrap; }
            .vs-pill-success { color: %ok%; border-color: %ok%; }
            .vs-pill-failure, .vs-pill-bad { color: %bad%; border-color: %bad%; }
            .vs-pill-unstable, .vs-pill-flag { color: %flag%; border-color: %flag%; }
            .vs-pill-good { color: %ok%; border-color: %ok%; }
            .vs-runs { display: flex; flex-direction: column; gap: 8px; }
            .vs-run { border: 1px solid %border%; border-radius: 10px; background: %box%; }
            .vs-run > summary { cursor: pointer; padding: 9px 14px; display: grid; gap: 4px 14px; align-items: center;
              grid-template-columns: 14px 48px 82px 150px 100px 120px 104px 84px minmax(120px, 1fr);
              list-style: none; }
            .vs-run > summary::-webkit-details-marker { display: none; }
            .vs-run > summary::before { content: ""; width: 0; height: 0; border-style: solid;
              border-width: 5px 0 5px 7px; border-color: transparent transparent transparent %muted%;
              transition: transform 0.15s; }
            .vs-run[open] > summary::before { transform: rotate(90deg); }
            .vs-run > summary:hover { background: %surface%; border-radius: 10px; }
            .vs-run-badges { display: flex; flex-wrap: wrap; gap: 6px; justify-content: flex-end; }
            @media (max-width: 1180px) { .vs-run > summary { display: flex; flex-wrap: wrap; } }
            @media (max-width: 960px) {
              .vs-layout { flex-direction: column; align-items: stretch; gap: 12px; }
              .vs-job-nav { position: static; flex: none; width: 100%; max-height: none; }
              .vs-page-header { flex-wrap: wrap; gap: 8px; }
              .vs-card-wide { grid-column: auto; }
              .vs-table { display: block; overflow-x: auto; }
              .vs-table.vs-future-job { min-width: 0; }
              .vs-flags thead, .vs-flag-summary thead { display: none; }
              .vs-flags, .vs-flag-summary, .vs-flags tbody, .vs-flag-summary tbody, .vs-flags tr, .vs-flag-summary tr,
              .vs-flags td, .vs-flag-summary td { display: block; width: auto; }
              .vs-flags tr, .vs-flag-summary tr { border-bottom: 1px solid %border%; padding: 8px 0; }
              .vs-flags td, .vs-flag-summary td { border: none; padding: 2px 0; white-space: normal; }
              .vs-table td[data-label]::before { content: attr(data-label) ": "; color: %muted%; font-size: 12px; }
              .vs-flag-summary td.vs-latest { min-width: 0; }
              .vs-chart-frame svg { min-width: 800px; }
              .vs-pill { white-space: normal; max-width: 100%; }
            }
            .vs-run[open] > summary { border-bottom: 1px solid %border%; }
            .vs-run-number { font-weight: 650; min-width: 48px; }
            .vs-run-fact { font-variant-numeric: tabular-nums; color: %muted%; white-space: nowrap; font-size: 13px; }
            .vs-run-fact b { color: %fg%; font-weight: 600; }
            .vs-run-body { padding: 12px 14px 16px; }
            .vs-run-body h4 { font-size: 13px; margin: 16px 0 6px; font-weight: 650; }
            .vs-list { margin: 0; padding-left: 20px; }
            .vs-list li { margin: 2px 0; }
            .vs-empty { color: %muted%; font-style: italic; }
            .vs-page-footer { margin-top: 32px; border-top: 1px solid %border%; padding-top: 12px; font-size: 12px;
              color: %muted%; }
            """
            .replace("%bg%", c("bg")).replace("%fg%", c("fg")).replace("%muted%", c("muted"))
            .replace("%border%", c("border")).replace("%surface%", c("surface")).replace("%accent%", c("accent"))
            .replace("%box%", c("box")).replace("%grid%", c("grid")).replace("%flag%", c("flag"))
            .replace("%ok%", c("ok")).replace("%bad%", c("bad")).replace("%bottleneck%", c("bottleneck"))
            .replace("%font%", ThemeCss.FONT_STACK);
}
