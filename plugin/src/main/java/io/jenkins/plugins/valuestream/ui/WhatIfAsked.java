package io.jenkins.plugins.valuestream.ui;

import io.jenkins.plugins.valuestream.future.WhatIf;
import io.jenkins.plugins.valuestream.future.WhatIfResult;
import io.jenkins.plugins.valuestream.report.JobReport;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The what-if of the tab's form ({@code ?whatIf=Test/Integration=-50%}), as read from the request, and once the
 * job's report is assembled, its answer or why there is none.
 *
 * @param text the what-if as written, empty when none was asked
 * @param parsed the what-if, or {@code null} where none was asked or it is malformed
 * @param error why it cannot be answered, or {@code null}
 * @param result the projected lead time, or {@code null}
 */
record WhatIfAsked(String text, @Nullable WhatIf parsed, @Nullable String error, @Nullable WhatIfResult result) {
    /** The request parameter. */
    static final String PARAMETER = "whatIf";

    static final WhatIfAsked NONE = new WhatIfAsked("", null, null, null);

    /** Reads the parameter: nothing asked, a what-if, or a malformed one with the parser's message. */
    static WhatIfAsked read(@Nullable String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return NONE;
        }
        String text = parameter.strip();
        try {
            return new WhatIfAsked(text, WhatIf.parse(text), null, null);
        } catch (IllegalArgumentException e) {
            return new WhatIfAsked(text, null, e.getMessage(), null);
        }
    }

    /** The what-ifs for the report: this one, or none. */
    List<WhatIf> asList() {
        return parsed == null ? List.of() : List.of(parsed);
    }

    /** This what-if with its answer from the report, or saying that no run of the window has its step. */
    WhatIfAsked answeredBy(JobReport report) {
        if (parsed == null) {
            return this;
        }
        if (report.whatIfs().isEmpty()) {
            return new WhatIfAsked(text, parsed, Messages.ValueStreamPage_WhatIfNoSuchStep(parsed.stepName()), null);
        }
        return new WhatIfAsked(text, parsed, null, report.whatIfs().get(0));
    }
}
