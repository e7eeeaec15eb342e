package io.jenkins.plugins.valuestream.ui;

import io.jenkins.plugins.valuestream.report.RunReport;
import io.jenkins.plugins.valuestream.stream.ValueStream;
import io.jenkins.plugins.valuestream.view.ProcessMapView;
import io.jenkins.plugins.valuestream.view.TrendView;
import io.jenkins.plugins.valuestream.view.ValueStreamMapView;
import io.jenkins.plugins.valuestream.view.VerdictView;
import io.jenkins.plugins.valuestream.view.svg.ProcessMapSvg;
import io.jenkins.plugins.valuestream.view.svg.SparklineSvg;
import io.jenkins.plugins.valuestream.view.svg.SvgOptions;
import io.jenkins.plugins.valuestream.view.svg.TrendSvg;
import io.jenkins.plugins.valuestream.view.svg.ValueStreamMapSvg;

/**
 * The SVG charts, drawn by the model's renderers (the same ones the command line's report uses), inline: their
 * style sheet is the plugin's {@code css/value-stream-charts.css}, linked once by each page, so no chart carries a
 * {@code <style>} of its own. Each chart on a page has its own id prefix. The renderers escape every
 * user-controlled string they write, which is what makes it safe for the views to insert their output as markup.
 */
final class Pictures {
    private Pictures() {
    }

    /** The value stream map of a job. */
    static String valueStreamMap(ValueStream stream) {
        return ValueStreamMapSvg.render(ValueStreamMapView.of(stream), SvgOptions.inline("vsmap"));
    }

    /** The end-to-end value stream map of a chain of jobs, beside the job's own map on its tab. */
    static String chainMap(ValueStream stream) {
        return ValueStreamMapSvg.render(ValueStreamMapView.of(stream), SvgOptions.inline("vschain"));
    }

    /** The trends of a job: lead time and flow efficiency per run, wait by cause stacked. */
    static String trend(ValueStream stream) {
        return TrendSvg.render(TrendView.of(stream), SvgOptions.inline("vstrend"));
    }

    /** The lead time of a job's newest runs, split by cause, for the small box on its main page. */
    static String smallTrend(ValueStream stream) {
        return SparklineSvg.render(TrendView.of(stream), SvgOptions.inline("vssmall"));
    }

    /** The process map of one run, its flags and budget verdicts marked on the steps they concern. */
    static String processMap(RunReport run) {
        return ProcessMapSvg.render(ProcessMapView.of(run.map(), run.flags(), VerdictView.of(run.budgets())),
                SvgOptions.inline("vsrun"));
    }
}
