package com.almreporting.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class HtmlWriterTest {

    @Test
    void escapesTextAndAttributes() throws IOException {
        StringBuilder sb = new StringBuilder();
        new HtmlWriter(sb).open("p", "title", "\"5 < 6\" & 'x'").text("<b>P&L</b> \"q\" 'a'").close("p").finish();
        assertThat(sb).hasToString("<p title=\"&quot;5 &lt; 6&quot; &amp; &#39;x&#39;\">&lt;b&gt;P&amp;L&lt;/b&gt; \"q\" 'a'</p>\n");
    }

    @Test
    void dropsCharactersNeitherHtmlNorXmlAllows() throws IOException {
        StringBuilder sb = new StringBuilder();
        new HtmlWriter(sb).open("p").text("a\u0000b\u001Bc\uD800d\uD83D\uDE00").close("p").finish();
        assertThat(sb).hasToString("<p>a b c\uFFFDd\uD83D\uDE00</p>\n");
    }

    @Test
    void leavesOutNullAttributesAndSelfClosesEmptyElements() throws IOException {
        StringBuilder sb = new StringBuilder();
        new HtmlWriter(sb).empty("circle", "cx", "1", "class", null).finish();
        assertThat(sb).hasToString("<circle cx=\"1\" />\n");
    }

    @Test
    void indentsLinesToTheirDepth() throws IOException {
        StringBuilder sb = new StringBuilder();
        HtmlWriter w = new HtmlWriter(sb);
        w.open("ul").newline().element("li", "a").newline().newline().close("ul").finish();
        assertThat(sb).hasToString("<ul>\n  <li>a</li>\n\n</ul>\n");
    }

    @Test
    void refusesUnbalancedElements() throws IOException {
        HtmlWriter w = new HtmlWriter(new StringBuilder());
        w.open("section").open("p");
        assertThatThrownBy(() -> w.close("section")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(w::finish).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesStyleSheetsThatCouldEndTheirElement() throws IOException {
        HtmlWriter w = new HtmlWriter(new StringBuilder());
        w.open("style");
        assertThatThrownBy(() -> w.css("p{}</style><script>")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> w.text("p{}")).isInstanceOf(IllegalStateException.class);
    }
}
