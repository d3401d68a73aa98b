package com.almreporting.report.html;

import com.almreporting.domain.report.NarrativeReport;
import com.almreporting.report.ReportRenderer;
import com.almreporting.report.format.Clocks;
import com.almreporting.report.format.ItemIds;
import com.almreporting.report.format.Wording;
import com.almreporting.report.narrative.Bullet;
import com.almreporting.report.narrative.NarrativeComposer;
import com.almreporting.report.narrative.NarrativeDocument;
import com.almreporting.report.narrative.Text;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The narrative as one self-contained HTML5 page: inline style sheet, inline SVG charts, no script and nothing
 * fetched from elsewhere, so it opens offline and can be mailed as one file. Readable on a phone (the summary
 * table turns into one card per day), printable (one trading day per page). The summary table and a chart of
 * official and calculated closing NAV come first; then per trading day a chart of the narrative's NAV steps and
 * the narrative itself, in the same structure and words as the Markdown (both serialise
 * {@link NarrativeComposer}'s text). The page is also well-formed XML. Stateless: immutable and thread-safe.
 */
public final class HtmlRenderer implements ReportRenderer {

    private static final String STYLE_SHEET = styleSheet();
    /** The summary column whose cells carry a label after the figure and may wrap. */
    private static final int RESIDUAL_COLUMN = Wording.SUMMARY_COLUMNS.indexOf("Residual");

    @Override
    public void render(NarrativeReport report, Appendable out) throws IOException {
        NarrativeDocument doc = NarrativeComposer.compose(report);
        Clocks clocks = new Clocks(report.settings().observerZone(), Wording.EXCHANGE);
        String base = Wording.baseCurrency(report);
        HtmlWriter w = new HtmlWriter(out);
        w.doctype().newline();
        w.open("html", "lang", "en").newline();
        head(doc, w);
        w.newline().open("body").newline();
        w.open("header").newline();
        w.element("h1", doc.title()).newline();
        w.element("p", doc.introduction(), "class", "intro").newline();
        w.close("header").newline();
        w.open("main").newline();
        summary(report, doc, w);
        for (NarrativeDocument.Day day : doc.days()) {
            w.newline();
            day(day, clocks, base, w);
        }
        if (!doc.notes().isEmpty()) {
            w.newline();
            notes(doc, w);
        }
        w.newline().close("main").newline();
        w.close("body").newline();
        w.close("html");
        w.finish();
    }

    private static void head(NarrativeDocument doc, HtmlWriter w) throws IOException {
        w.open("head").newline();
        w.empty("meta", "charset", "utf-8").newline();
        w.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1").newline();
        w.empty("meta", "name", "color-scheme", "content", "light").newline();
        w.element("title", doc.title()).newline();
        w.open("style").css(STYLE_SHEET).close("style").newline();
        w.close("head");
    }

    // ---- summary -------------------------------------------------------------------------------------------

    private static void summary(NarrativeReport report, NarrativeDocument doc, HtmlWriter w) throws IOException {
        NarrativeDocument.SummaryTable table = doc.summary();
        w.open("section", "class", "panel summary", "id", "summary", "aria-labelledby", "summary-heading").newline();
        w.element("h2", Wording.summaryHeading(), "id", "summary-heading").newline();
        w.open("div", "class", "table-scroll").newline();
        w.open("table", "class", "summary").newline();
        w.open("thead").open("tr");
        for (String column : table.columns()) {
            w.open("th", "scope", "col");
            breakable(column, w);
            w.close("th");
        }
        w.close("tr").close("thead").newline();
        w.open("tbody");
        for (int r = 0; r < table.rows().size(); r++) {
            List<String> row = table.rows().get(r);
            w.newline().open("tr");
            w.open("th", "scope", "row")
                    .element("a", row.get(0), "href", "#" + ItemIds.day(report.summary().get(r).day()))
                    .close("th");
            for (int i = 1; i < row.size(); i++) {
                String cell = row.get(i);
                String classes = (signClass(cell) + (i == RESIDUAL_COLUMN ? " residual" : "")).strip();
                w.element("td", cell, "data-label", table.columns().get(i), "class", classes.isEmpty() ? null : classes);
            }
            w.close("tr");
        }
        w.newline().close("tbody").newline();
        w.close("table").newline();
        w.close("div").newline();
        w.element("p", doc.baselineNote(), "class", "note").newline();
        NavCharts.range(report, w);
        w.newline().close("section").newline();
        if (!doc.navChanges().isEmpty()) {
            w.open("section", "class", "panel notes", "aria-labelledby", "nav-changes-heading").newline();
            w.element("h2", doc.navChangesHeading(), "id", "nav-changes-heading").newline();
            w.open("ul");
            for (String check : doc.navChanges()) {
                w.newline().element("li", check);
            }
            w.newline().close("ul").newline();
            w.close("section").newline();
        }
    }

    /** Text that may wrap after a slash ({@code Deposits/Withdrawals}) without changing its characters. */
    private static void breakable(String text, HtmlWriter w) throws IOException {
        int from = 0;
        for (int slash = text.indexOf('/'); slash >= 0; slash = text.indexOf('/', from)) {
            w.text(text.substring(from, slash + 1)).empty("wbr");
            from = slash + 1;
        }
        w.text(text.substring(from));
    }

    /** Colours a figure by its explicit sign: impacts and residuals print {@code +} or {@code -}. */
    private static String signClass(String cell) {
        return cell.startsWith("-") ? "neg" : cell.startsWith("+") ? "pos" : "";
    }

    // ---- days ----------------------------------------------------------------------------------------------

    private static void day(NarrativeDocument.Day day, Clocks clocks, String base, HtmlWriter w) throws IOException {
        String anchor = ItemIds.day(day.report().day());
        w.open("article", "class", "day", "id", anchor, "aria-labelledby", anchor + "-heading").newline();
        if (day.hasOvernight()) {
            w.open("section", "class", "period period-overnight", "aria-labelledby", anchor + "-overnight").newline();
            w.element("h2", day.overnightHeading(), "id", anchor + "-overnight").newline();
            items(day.overnight(), w);
            w.newline().close("section").newline();
        }
        w.open("section", "class", "period period-day").newline();
        w.element("h2", day.heading(), "id", anchor + "-heading").newline();
        NavCharts.day(day.report(), clocks, base, w);
        w.newline();
        items(day.items(), w);
        w.newline().close("section").newline();
        w.close("article").newline();
    }

    private static void items(List<Bullet> bullets, HtmlWriter w) throws IOException {
        w.open("ul", "class", "items");
        for (Bullet bullet : bullets) {
            w.newline().open("li", "class", "item" + (bullet.role() == null ? "" : " item-" + bullet.role()), "id", bullet.id());
            w.open("p", "class", "headline");
            text(bullet.text(), w);
            w.close("p");
            children(bullet.children(), w);
            w.close("li");
        }
        w.newline().close("ul");
    }

    private static void children(List<Bullet> bullets, HtmlWriter w) throws IOException {
        if (bullets.isEmpty()) {
            return;
        }
        w.newline().open("ul");
        for (Bullet bullet : bullets) {
            w.newline().open("li");
            text(bullet.text(), w);
            children(bullet.children(), w);
            w.close("li");
        }
        w.newline().close("ul");
    }

    private static void text(Text text, HtmlWriter w) throws IOException {
        for (Text.Span span : text.spans()) {
            if (span.strong()) {
                w.element("strong", span.text());
            } else {
                w.text(span.text());
            }
        }
    }

    private static void notes(NarrativeDocument doc, HtmlWriter w) throws IOException {
        w.open("section", "class", "panel notes", "aria-labelledby", "notes-heading").newline();
        w.element("h2", doc.notesHeading(), "id", "notes-heading").newline();
        w.open("ul");
        for (String note : doc.notes()) {
            w.newline().element("li", note);
        }
        w.newline().close("ul").newline();
        w.close("section").newline();
    }

    private static String styleSheet() {
        try (InputStream in = HtmlRenderer.class.getResourceAsStream("report.css")) {
            if (in == null) {
                throw new IllegalStateException("report.css is missing from the class path");
            }
            return "\n" + new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
