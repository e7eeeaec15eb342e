package io.jenkins.plugins.valuestream.view.markup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.Test;

public class MarkupTest {
    @Test
    public void escapesATagSoItReadsAsText() {
        assertThat(Markup.escape("<img src=x onerror=alert(1)>")).isEqualTo("&lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    public void escapesQuotesApostrophesAndAmpersandsForAttributes() {
        assertThat(Markup.escape("\"quotes\" & 'apos'")).isEqualTo("&quot;quotes&quot; &amp; &#39;apos&#39;");
    }

    @Test
    public void replacesControlCharactersXmlCannotCarry() {
        assertThat(Markup.escape("bell\u0007and\u0000nul\u001f")).isEqualTo("bell\uFFFDand\uFFFDnul\uFFFD");
    }

    @Test
    public void keepsTabsAndLineBreaks() {
        assertThat(Markup.escape("a\tb\nc\rd")).isEqualTo("a\tb\nc\rd");
    }

    @Test
    public void replacesNonCharactersAndLoneSurrogates() {
        assertThat(Markup.escape("x\uFFFEy\uFFFFz")).isEqualTo("x\uFFFDy\uFFFDz");
        assertThat(Markup.escape("lone\uD800high")).isEqualTo("lone\uFFFDhigh");
        assertThat(Markup.escape("lone\uDC00low")).isEqualTo("lone\uFFFDlow");
        assertThat(Markup.escape("end\uD800")).isEqualTo("end\uFFFD");
    }

    @Test
    public void keepsCharactersOutsideTheBasicPlane() {
        assertThat(Markup.escape("deploy \uD83D\uDE80 <now>")).isEqualTo("deploy \uD83D\uDE80 &lt;now&gt;");
    }

    @Test
    public void returnsPlainTextUnchanged() {
        String plain = "Build and test (linux)";
        assertThat(Markup.escape(plain)).isSameAs(plain);
    }
}
