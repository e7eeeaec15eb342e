package io.jenkins.plugins.valuestream.view.html;

import io.jenkins.plugins.valuestream.dora.DoraFigures;
import io.jenkins.plugins.valuestream.view.DoraView;
import io.jenkins.plugins.valuestream.view.markup.MarkupWriter;
import java.util.List;

/**
 * The report's "Delivery (DORA)" section: the four figures in words, and what they rest on (docs/definitions.md,
 * "Delivery: DORA"). A job none of whose runs deploys says how to mark its deployments instead of showing zeros.
 */
final class DoraSection {

    private DoraSection() {
    }

    static void write(MarkupWriter out, DoraFigures dora, String jobId) {
        out.open("div", "class", "vs-dora", "id", jobId + "-dora", "role", "region", "aria-labelledby",
                jobId + "-dora-title");
        out.element("h3", "Delivery (DORA)", "id", jobId + "-dora-title");
        if (dora.deployments() == null) {
            out.element("p", "Not known: no run of the window has a deploying step. Mark the step that deploys to"
                    + " production with processStep(name: 'Deploy', deploys: true), or name its stage with"
                    + " --deploy-stage.", "class", "vs-empty");
            out.close();
            return;
        }
        out.open("table", "class", "vs-table vs-dora-figures");
        Tables.head(out, List.of("Figure", "Value", "Rests on"));
        out.open("tbody");
        for (DoraView.Row row : DoraView.rows(dora)) {
            row(out, row.label(), row.value(), row.basis());
        }
        out.close().close();
        out.element("p", DoraView.note(dora), "class", "vs-muted");
        out.close();
    }

    private static void row(MarkupWriter out, String label, String value, String basis) {
        out.open("tr");
        out.element("th", label, "scope", "row");
        out.element("td", value, "class", "vs-num");
        out.element("td", basis);
        out.close();
    }
}
