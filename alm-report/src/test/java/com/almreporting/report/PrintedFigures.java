package com.almreporting.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

/**
 * Pulls the figures out of each format so that tests can compare them: the two-decimal figures a reader sees
 * in Markdown or HTML text ({@code 79,402.22}, {@code -96.46}, {@code +590.64}; not rates like {@code 7.8487},
 * percentages or dates), and the decimal strings of a JSON document with the member that holds each.
 */
public final class PrintedFigures {
    /** A figure printed with exactly two decimals, optionally signed and grouped; not part of a longer number. */
    private static final Pattern FIGURE = Pattern.compile("(?<![\\d.,])[+-]?\\d{1,3}(?:,\\d{3})*\\.\\d{2}(?![\\d%])");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");

    private PrintedFigures() {
    }

    /** Every figure in {@code text}, as printed ({@code "+352.59"}, {@code "79,402.22"}). */
    public static List<String> in(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = FIGURE.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    /** The value of a printed figure: {@code "+1,145.44" → 1145.44}. */
    public static BigDecimal value(String printed) {
        return new BigDecimal(printed.replace(",", "").replace("+", ""));
    }

    /** True when the figure carries an explicit sign. */
    public static boolean signed(String printed) {
        return printed.startsWith("+") || printed.startsWith("-");
    }

    /**
     * The text a reader sees in an HTML page outside its charts: every text node of the body except those inside
     * {@code svg}, one per line so that adjacent table cells do not run together. The page is read as XML (it is
     * written to be well-formed), with DTDs and external entities off.
     */
    public static String visibleHtmlText(String html) throws Exception {
        Document doc = secureXml().newDocumentBuilder()
                .parse(new ByteArrayInputStream(withoutDoctype(html).getBytes(StandardCharsets.UTF_8)));
        StringBuilder sb = new StringBuilder();
        collect(doc.getElementsByTagName("body").item(0), sb, Set.of("svg", "style", "script"));
        return sb.toString();
    }

    /** The text inside the page's {@code svg} elements: axis ticks, titles, descriptions, tooltips. */
    public static String chartText(String html) throws Exception {
        Document doc = secureXml().newDocumentBuilder()
                .parse(new ByteArrayInputStream(withoutDoctype(html).getBytes(StandardCharsets.UTF_8)));
        StringBuilder sb = new StringBuilder();
        var svgs = doc.getElementsByTagNameNS("*", "svg");
        for (int i = 0; i < svgs.getLength(); i++) {
            collect(svgs.item(i), sb, Set.of());
        }
        return sb.toString();
    }

    private static void collect(Node node, StringBuilder sb, Set<String> skip) {
        if (node.getNodeType() == Node.TEXT_NODE) {
            sb.append(node.getNodeValue()).append('\n');
            return;
        }
        if (node.getNodeType() == Node.ELEMENT_NODE && skip.contains(node.getLocalName() != null ? node.getLocalName() : node.getNodeName())) {
            return;
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            collect(child, sb, skip);
        }
    }

    /** The HTML5 doctype is the only one the page has; a secure XML parser refuses doctypes, so it is cut off. */
    public static String withoutDoctype(String html) {
        if (!html.startsWith("<!DOCTYPE html>")) {
            throw new AssertionError("the page does not start with the HTML5 doctype");
        }
        return html.substring("<!DOCTYPE html>".length());
    }

    /** A namespace-aware DOM parser with DTDs, external entities and XInclude off. */
    public static DocumentBuilderFactory secureXml() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        return f;
    }

    /** A decimal string of a JSON document and the member that holds it ({@code "impact"}, {@code "price"}…). */
    public record JsonFigure(String member, String parent, BigDecimal value) {
    }

    /** Every string of the document that holds a decimal, with its member name and the name above it. */
    public static List<JsonFigure> inJson(JsonNode root) {
        List<JsonFigure> found = new ArrayList<>();
        walk(root, "", "", found);
        return found;
    }

    private static void walk(JsonNode node, String member, String parent, List<JsonFigure> found) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                walk(f.getValue(), f.getKey(), member, found);
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                walk(element, member, parent, found);
            }
        } else if (node.isTextual() && DECIMAL.matcher(node.asText()).matches()) {
            found.add(new JsonFigure(member, parent, new BigDecimal(node.asText())));
        }
    }

    /** A value as the narrative prints money: rounded HALF_UP to cents, compared by value. */
    public static BigDecimal cents(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
