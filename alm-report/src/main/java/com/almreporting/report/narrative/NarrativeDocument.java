package com.almreporting.report.narrative;

import com.almreporting.domain.report.TradingDayReport;
import java.util.List;
import java.util.Objects;

/**
 * The whole narrative as text: title, introduction, summary table with its baseline note, the trading days
 * and the notes. Formats decide only how these parts look. Immutable and thread-safe.
 */
public record NarrativeDocument(String title, String introduction, SummaryTable summary, String baselineNote,
                                String navChangesHeading, List<String> navChanges, List<Day> days, String notesHeading,
                                List<String> notes) {

    public NarrativeDocument {
        navChanges = List.copyOf(navChanges);
        days = List.copyOf(days);
        notes = List.copyOf(notes);
    }

    /**
     * The summary table: column headings and one row of cells per trading day, already worded ({@code n/a} where
     * a figure is unknown). The first column is the date; the others are figures, aligned right.
     */
    public record SummaryTable(List<String> columns, List<List<String>> rows) {
        public SummaryTable {
            columns = List.copyOf(columns);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    /**
     * One trading day: the overnight period before it ({@code overnightHeading} null when it has no items), then
     * the day's heading and its bullets (pre-market items, the open, intraday items, the close). {@code report}
     * is the model the text was composed from, for formats that also draw it.
     */
    public record Day(TradingDayReport report, String overnightHeading, List<Bullet> overnight, String heading,
                      List<Bullet> items) {
        public Day {
            Objects.requireNonNull(report, "report");
            overnight = List.copyOf(overnight);
            items = List.copyOf(items);
        }

        public boolean hasOvernight() {
            return overnightHeading != null;
        }
    }
}
