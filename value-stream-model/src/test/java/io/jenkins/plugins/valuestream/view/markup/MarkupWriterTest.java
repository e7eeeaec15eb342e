package io.jenkins.plugins.valuestream.view.markup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.Test;

public class MarkupWriterTest {
    @Test
    public void escapesAttributeValuesAndText() {
        String written = new MarkupWriter()
                .open("g", "data-step", "\"><script>alert(1)</script>")
                .text("<b>&</b>")
                .close()
                .finish();
        assertThat(written).isEqualTo("<g data-step=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\">"
                + "&lt;b&gt;&amp;&lt;/b&gt;</g>");
    }

    @Test
    public void leavesOutAttributesWithoutValue() {
        assertThat(new MarkupWriter().empty("input", "type", "radio", "checked", null).finish())
                .isEqualTo("<input type=\"radio\"/>");
    }

    @Test
    public void writesNumbersInTheRootLocaleWithTwoDecimalsAtMost() {
        assertThat(new MarkupWriter().empty("rect", "x", 12.0, "y", 1.005, "width", 3.14159, "height", 7).finish())
                .isEqualTo("<rect x=\"12\" y=\"1\" width=\"3.14\" height=\"7\"/>");
    }

    @Test
    public void refusesNamesThatAreNotNames() {
        MarkupWriter writer = new MarkupWriter();
        assertThatThrownBy(() -> writer.open("g onload=alert(1)"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Not an element or attribute name");
        assertThatThrownBy(() -> writer.empty("rect", "x y", 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    public void refusesMarkupPassedAsTrustedText() {
        assertThatThrownBy(() -> new MarkupWriter().trusted("a { } </style><script>"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not contain markup");
    }

    @Test
    public void refusesToFinishWithElementsOpen() {
        MarkupWriter writer = new MarkupWriter().open("svg");
        assertThatThrownBy(writer::finish).isInstanceOf(IllegalStateException.class).hasMessageContaining("svg");
    }

    @Test
    public void refusesUnpairedAttributes() {
        assertThatThrownBy(() -> new MarkupWriter().empty("rect", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pairs");
    }
}
