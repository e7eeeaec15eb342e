package io.jenkins.plugins.valuestream.ui;

import io.jenkins.plugins.valuestream.budget.BudgetVerdict;
import io.jenkins.plugins.valuestream.flags.Flag;
import io.jenkins.plugins.valuestream.process.ProcessMap;
import io.jenkins.plugins.valuestream.stream.ValueStream;
import io.jenkins.plugins.valuestream.view.ProcessMapView;
import io.jenkins.plugins.valuestream.view.TrendView;
import io.jenkins.plugins.valuestream.view.ValueStreamMapView;
import io.jenkins.plugins.valuestream.view.svg.ProcessMapSvg;
import io.jenkins.plugins.valuestream.view.svg.TrendSvg;
import io.jenkins.plugins.valuestream.view.svg.ValueStreamMapSvg;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The SVG pictures, drawn by the model's renderers (the same ones the command line's report uses). The renderers
 * escape every user-controlled string they write, which is what makes it safe for the views to insert their output
 * as markup.
 */
final class Pictures {
    private Pictures() {
    }

    /** The value stream map of a job. */
    static String valueStreamMap(ValueStream stream) {
        return ValueStreamMapSvg.render(ValueStreamMapView.of(stream));
    }

    /** The trends of a job: lead time and flow efficiency per run, wait by cause stacked. */
    static String trend(ValueStream stream) {
        return TrendSvg.render(TrendView.of(stream));
    }

    /** A small trend, for the job's main page. */
    static String smallTrend(ValueStream stream) {
        return TrendSvg.renderSmall(TrendView.of(stream));
    }

    /** The process map of one run, its flags and budget verdict marked on the steps they concern. */
    static String processMap(ProcessMap run, List<Flag> flags, @Nullable BudgetVerdict verdict) {
        return ProcessMapSvg.render(ProcessMapView.of(run, flags, verdict));
    }
}
