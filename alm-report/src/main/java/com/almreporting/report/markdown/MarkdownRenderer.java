package com.almreporting.report.markdown;

import com.almreporting.domain.report.NarrativeReport;
import com.almreporting.report.ReportRenderer;
import com.almreporting.report.narrative.Bullet;
import com.almreporting.report.narrative.NarrativeComposer;
import com.almreporting.report.narrative.NarrativeDocument;
import com.almreporting.report.narrative.Text;
import java.io.IOException;
import java.util.List;

/**
 * The narrative as Markdown, in the skeleton of the specification's ground truth (DESIGN §6): a summary table,
 * then per trading day an optional overnight section, pre-market items, the open, intraday blocks and the close.
 * The text comes from {@link NarrativeComposer}; this class only adds Markdown's marks. Lines end in {@code '\n'}
 * whatever the platform, so golden files compare byte for byte. Stateless: immutable and thread-safe.
 */
public final class MarkdownRenderer implements ReportRenderer {

    private static final String BULLET = "*   ";
    private static final String INDENT = "    ";

    @Override
    public void render(NarrativeReport report, Appendable out) throws IOException {
        NarrativeDocument doc = NarrativeComposer.compose(report);
        line(out, "# " + doc.title());
        line(out, "");
        line(out, doc.introduction());
        line(out, "");
        summary(doc, out);
        for (NarrativeDocument.Day day : doc.days()) {
            line(out, "---");
            line(out, "");
            if (day.hasOvernight()) {
                section(day.overnightHeading(), day.overnight(), out);
                line(out, "---");
                line(out, "");
            }
            section(day.heading(), day.items(), out);
        }
        if (!doc.notes().isEmpty()) {
            line(out, "---");
            line(out, "");
            line(out, "### " + doc.notesHeading());
            line(out, "");
            for (String note : doc.notes()) {
                line(out, BULLET + note);
            }
            line(out, "");
        }
    }

    private static void summary(NarrativeDocument doc, Appendable out) throws IOException {
        NarrativeDocument.SummaryTable table = doc.summary();
        line(out, "### Summary");
        line(out, "");
        line(out, row(table.columns()));
        StringBuilder alignment = new StringBuilder("|---|");
        alignment.append("--:|".repeat(table.columns().size() - 1));
        line(out, alignment.toString());
        for (List<String> cells : table.rows()) {
            line(out, row(cells));
        }
        line(out, "");
        line(out, doc.baselineNote());
        line(out, "");
        if (!doc.navChanges().isEmpty()) {
            line(out, "### " + doc.navChangesHeading());
            line(out, "");
            for (String check : doc.navChanges()) {
                line(out, BULLET + check);
            }
            line(out, "");
        }
    }

    private static String row(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |";
    }

    /** A bold heading, then each top-level bullet followed by a blank line. */
    private static void section(String heading, List<Bullet> bullets, Appendable out) throws IOException {
        line(out, "### **" + heading + "**");
        line(out, "");
        for (Bullet bullet : bullets) {
            bullet(bullet, 0, out);
            line(out, "");
        }
    }

    private static void bullet(Bullet bullet, int depth, Appendable out) throws IOException {
        line(out, INDENT.repeat(depth) + BULLET + markdown(bullet.text()));
        for (Bullet child : bullet.children()) {
            bullet(child, depth + 1, out);
        }
    }

    private static String markdown(Text text) {
        StringBuilder sb = new StringBuilder();
        for (Text.Span span : text.spans()) {
            sb.append(span.strong() ? "**" + span.text() + "**" : span.text());
        }
        return sb.toString();
    }

    private static void line(Appendable out, String s) throws IOException {
        out.append(s).append('\n');
    }
}
