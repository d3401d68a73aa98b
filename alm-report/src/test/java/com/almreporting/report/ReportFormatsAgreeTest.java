package com.almreporting.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.almreporting.domain.report.NarrativeReport;
import com.almreporting.report.PrintedFigures.JsonFigure;
import com.almreporting.report.html.HtmlRenderer;
import com.almreporting.report.json.JsonRenderer;
import com.almreporting.report.markdown.MarkdownRenderer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Markdown, HTML and JSON agree figure for figure on every scenario (the ground truth, its variant with cash and
 * the realized-only policy, the winter days).
 *
 * <p>Markdown and HTML tell the same text, so the figures a reader sees (two decimals, signs as printed) form
 * the same multiset. JSON holds each figure once where prose repeats it in its arithmetic
 * ({@code 79,754.81 - 79,402.22 = +352.59} after the closing NAV line), and it carries more than the prose
 * prints; so the JSON comparison is on values: every printed figure is a value of the JSON, and every JSON
 * figure of a member the narrative tells is printed. Members the narrative does not print are named in
 * {@link #NOT_PRINTED}. Prose prints subtractions with a spaced minus ({@code 79,498.68 - 96.46}), so values are
 * compared without sign, and each explicitly signed figure ({@code -96.46}, {@code +590.64}) must also appear in
 * the JSON with that sign. Zero is left out: prose tells it in words ("no immediate P&L impact").
 */
class ReportFormatsAgreeTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * JSON members the narrative does not print: identifiers made of digits, FX rates, quantities, multipliers
     * and strikes (not money),
     * IBKR's statement figures kept for consumers (proceeds, cost, fifoPnlRealized), the cumulative return as a
     * fraction (printed as a percentage, checked below), and the amounts of the per-execution terms (the prose
     * prints their prices and the block's total).
     */
    private static final Set<String> NOT_PRINTED = Set.of("transactionId", "tradeId", "fxRate", "fxRateToBase", "fallbackFxRate", "quantity",
            "multiplier", "strike", "contracts", "proceeds", "cost", "fifoPnlRealized", "cumulativeReturn", "dailyTwr", "cumulativeTwr", "twrPercent");
    private static final Set<String> TERMS = Set.of("realizedTerms", "premiumTerms");
    /** Members holding prices: printed exactly, so only those with at most two decimals show as figures. */
    private static final Set<String> PRICES = Set.of("price", "tradePrice", "basisPrice");

    static List<String> scenarios() {
        return Scenarios.names();
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void markdownAndHtmlPrintTheSameFiguresTheSameNumberOfTimes(String scenario) throws Exception {
        NarrativeReport report = Scenarios.named(scenario);
        List<String> markdown = sorted(PrintedFigures.in(new MarkdownRenderer().render(report)));
        List<String> html = sorted(PrintedFigures.in(PrintedFigures.visibleHtmlText(new HtmlRenderer().render(report))));
        assertThat(markdown).as("figures of the Markdown").isNotEmpty();
        assertThat(html).as("figures of the HTML text outside its charts").isEqualTo(markdown);
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void jsonHoldsEveryPrintedFigureAndPrintsNothingElse(String scenario) throws Exception {
        NarrativeReport report = Scenarios.named(scenario);
        List<String> printed = PrintedFigures.in(new MarkdownRenderer().render(report));
        Set<BigDecimal> printedValues = magnitudes(printed.stream().map(PrintedFigures::value).toList());
        List<JsonFigure> json = narrativeFigures(MAPPER.readTree(new JsonRenderer().render(report)));
        Set<BigDecimal> jsonValues = magnitudes(json.stream().map(JsonFigure::value).toList());

        assertThat(jsonValues).as("figures the JSON lacks").containsAll(printedValues);
        assertThat(printedValues).as("JSON figures no format prints").containsAll(jsonValues);

        Set<BigDecimal> jsonSigned = json.stream().map(f -> PrintedFigures.cents(f.value())).collect(Collectors.toSet());
        for (String figure : printed) {
            if (PrintedFigures.signed(figure) && PrintedFigures.value(figure).signum() != 0) {
                assertThat(jsonSigned).as("signed figure %s in the JSON", figure).contains(PrintedFigures.cents(PrintedFigures.value(figure)));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void chartsDrawOnlyFiguresOfTheReport(String scenario) throws Exception {
        NarrativeReport report = Scenarios.named(scenario);
        List<String> charted = PrintedFigures.in(PrintedFigures.chartText(new HtmlRenderer().render(report)));
        Set<BigDecimal> jsonValues = magnitudes(narrativeFigures(MAPPER.readTree(new JsonRenderer().render(report)))
                .stream().map(JsonFigure::value).toList());
        assertThat(charted).as("figures in the charts' titles, descriptions and tooltips").isNotEmpty();
        assertThat(jsonValues).containsAll(magnitudes(charted.stream().map(PrintedFigures::value).toList()));
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void summaryRowsAgreeCellForCell(String scenario) throws Exception {
        NarrativeReport report = Scenarios.named(scenario);
        JsonNode summary = MAPPER.readTree(new JsonRenderer().render(report)).get("summary");
        String markdown = new MarkdownRenderer().render(report);
        String html = PrintedFigures.visibleHtmlText(new HtmlRenderer().render(report));
        assertThat(summary).hasSize(report.days().size());
        for (JsonNode row : summary) {
            String day = row.get("day").asText();
            String mdRow = markdown.lines().filter(l -> l.startsWith("| " + day + " |")).findFirst().orElseThrow();
            List<String> cells = List.of(mdRow.substring(2, mdRow.length() - 2).split(" \\| "));
            assertThat(cells.get(1)).isEqualTo(printed(row, "officialOpen", false));
            assertThat(cells.get(2)).isEqualTo(printed(row, "calculatedOpen", false));
            assertThat(cells.get(3)).isEqualTo(printed(row, "officialClose", false));
            assertThat(cells.get(4)).isEqualTo(printed(row, "calculatedClose", false));
            assertThat(cells.get(5)).startsWith(printed(row, "residual", true));
            if (!row.get("residualLabel").isNull()) {
                assertThat(cells.get(5)).endsWith("(" + row.at("/residualLabel/text").asText() + ")");
            }
            assertThat(cells.get(6)).isEqualTo(printed(row, "dayPnl", true));
            assertThat(cells.get(7)).isEqualTo(printed(row, "flows", true));
            assertThat(cells.get(8)).isEqualTo(percentCell(row.get("cumulativeReturn")));
            assertThat(cells.get(9)).isEqualTo(percentCell(row.get("dailyTwr")));
            assertThat(cells.get(10)).isEqualTo(percentCell(row.get("cumulativeTwr")));
            // The HTML table holds the same cells, in order, one text node each.
            String htmlRow = String.join("\n", cells) + "\n";
            assertThat(html).contains(htmlRow);
        }
    }

    /** What the Markdown prints for a JSON money member: grouped, two decimals, signed where asked, n/a when null. */
    private static String printed(JsonNode row, String member, boolean signed) {
        JsonNode v = row.get(member);
        if (v.isNull()) {
            return "n/a";
        }
        BigDecimal value = new BigDecimal(v.asText());
        String grouped = String.format(java.util.Locale.ROOT, "%,.2f", value);
        return signed && value.signum() > 0 ? "+" + grouped : grouped;
    }

    /** The JSON figures of members the narrative prints, prices only where they print as two-decimal figures. */
    private static List<JsonFigure> narrativeFigures(JsonNode json) {
        return PrintedFigures.inJson(json).stream()
                .filter(f -> !NOT_PRINTED.contains(f.member()))
                .filter(f -> !(TERMS.contains(f.parent()) && f.member().equals("amount")))
                .filter(f -> !PRICES.contains(f.member()) || f.value().stripTrailingZeros().scale() <= 2)
                .toList();
    }

    private static Set<BigDecimal> magnitudes(List<BigDecimal> values) {
        return values.stream().filter(v -> v.signum() != 0).map(v -> PrintedFigures.cents(v.abs()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<String> sorted(List<String> figures) {
        return figures.stream().sorted().toList();
    }

    private static String percentCell(com.fasterxml.jackson.databind.JsonNode fraction) {
        return fraction.isNull() ? "n/a"
                : new BigDecimal(fraction.asText()).movePointRight(2).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
