package io.jenkins.plugins.valuestream.view.html;

import io.jenkins.plugins.valuestream.view.markup.MarkupWriter;
import java.util.List;

/** What the page's tables share. */
final class Tables {

    private Tables() {
    }

    /** A table's head: one row of column headings. */
    static void head(MarkupWriter out, List<String> headings) {
        out.open("thead").open("tr");
        for (String heading : headings) {
            out.element("th", heading, "scope", "col");
        }
        out.close().close();
    }
}
