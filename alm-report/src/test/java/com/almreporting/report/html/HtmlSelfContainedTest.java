package com.almreporting.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.almreporting.domain.report.NarrativeReport;
import com.almreporting.report.PrintedFigures;
import com.almreporting.report.Scenarios;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The page opens offline and anywhere: nothing is fetched from elsewhere, no script, and it parses — the whole
 * page and each SVG chart on its own — with the JDK's XML parser (DTDs and external entities off).
 */
class HtmlSelfContainedTest {

    private static final String SVG_XMLNS = "xmlns=\"" + NavCharts.SVG_NAMESPACE + "\"";
    private static final Pattern SVG = Pattern.compile("<svg\\b.*?</svg>", Pattern.DOTALL);

    static List<String> scenarios() {
        return Scenarios.names();
    }

    private static String page(String scenario) {
        return new HtmlRenderer().render(Scenarios.named(scenario));
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void referencesNothingOutsideThePage(String scenario) {
        String html = page(scenario);
        String lower = html.toLowerCase(Locale.ROOT);
        assertThat(lower.replace(SVG_XMLNS.toLowerCase(Locale.ROOT), "")).doesNotContain("http://", "https://");
        assertThat(lower).doesNotContain("<script", "<link", "<img", "<iframe", "<object", "<embed", "<base",
                "@import", "url(", "src=", "srcset=", "//fonts", "@font-face");
        // Links only to places inside the page.
        Matcher href = Pattern.compile("href=\"([^\"]*)\"").matcher(html);
        while (href.find()) {
            assertThat(href.group(1)).startsWith("#");
        }
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void wholePageIsWellFormed(String scenario) throws Exception {
        String html = page(scenario);
        Document doc = PrintedFigures.secureXml().newDocumentBuilder()
                .parse(new ByteArrayInputStream(PrintedFigures.withoutDoctype(html).getBytes(StandardCharsets.UTF_8)));
        Element root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("html");
        assertThat(root.getAttribute("lang")).isEqualTo("en");
        assertThat(doc.getElementsByTagName("h1").getLength()).isEqualTo(1);
        List<String> metas = new ArrayList<>();
        NodeList meta = doc.getElementsByTagName("meta");
        for (int i = 0; i < meta.getLength(); i++) {
            Element m = (Element) meta.item(i);
            metas.add(m.hasAttribute("charset") ? "charset=" + m.getAttribute("charset") : m.getAttribute("name") + "=" + m.getAttribute("content"));
        }
        assertThat(metas).contains("charset=utf-8", "viewport=width=device-width, initial-scale=1");
        String style = doc.getElementsByTagName("style").item(0).getTextContent();
        assertThat(style).contains("@media print", "@media (max-width");
        // Every id is unique, so that every anchor lands in one place.
        List<String> ids = new ArrayList<>();
        NodeList all = doc.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.hasAttribute("id")) {
                ids.add(e.getAttribute("id"));
            }
        }
        assertThat(ids).doesNotHaveDuplicates();
        NarrativeReport report = Scenarios.named(scenario);
        for (var day : report.days()) {
            assertThat(ids).contains("day-" + day.day(), "chart-" + day.day(), day.day() + "-open", day.day() + "-close");
        }
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void everyChartIsAStandaloneAccessibleSvg(String scenario) throws Exception {
        String html = page(scenario);
        Matcher svg = SVG.matcher(html);
        int charts = 0;
        while (svg.find()) {
            charts++;
            Document doc = PrintedFigures.secureXml().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(svg.group().getBytes(StandardCharsets.UTF_8)));
            Element root = doc.getDocumentElement();
            assertThat(root.getNamespaceURI()).isEqualTo(NavCharts.SVG_NAMESPACE);
            assertThat(root.getLocalName()).isEqualTo("svg");
            assertThat(root.getAttribute("viewBox")).matches("0 0 \\d+ \\d+");
            assertThat(root.getAttribute("role")).isEqualTo("img");
            Element first = firstElement(root);
            assertThat(first.getLocalName()).isEqualTo("title");
            assertThat(first.getTextContent()).isNotBlank();
            assertThat(root.getAttribute("aria-labelledby")).contains(first.getAttribute("id"));
            assertThat(doc.getElementsByTagNameNS(NavCharts.SVG_NAMESPACE, "desc").item(0).getTextContent()).isNotBlank();
            assertThat(doc.getElementsByTagNameNS(NavCharts.SVG_NAMESPACE, "g").getLength()).as("grid, labels, legend").isGreaterThanOrEqualTo(3);
        }
        // One chart for the range and one per trading day.
        assertThat(charts).isEqualTo(1 + Scenarios.named(scenario).days().size());
    }

    private static Element firstElement(Element parent) {
        for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        throw new AssertionError("empty element " + parent.getTagName());
    }
}
