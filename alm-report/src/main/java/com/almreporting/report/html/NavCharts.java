package com.almreporting.report.html;

import com.almreporting.domain.report.MarketClose;
import com.almreporting.domain.report.NarrativeItem;
import com.almreporting.domain.report.NarrativeReport;
import com.almreporting.domain.report.SummaryRow;
import com.almreporting.domain.report.TradingDayReport;
import com.almreporting.report.format.Clocks;
import com.almreporting.report.format.Figures;
import com.almreporting.report.format.ItemIds;
import com.almreporting.report.format.Wording;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The two inline SVG charts of the HTML report: official and calculated closing NAV across the range (a line
 * chart), and per trading day the steps of the narrative (official previous close, the NAV after each item, the
 * official close). Drawn on a fixed view box that scales to the page; colours, fonts and dashes come from the
 * page's style sheet through class names, so a chart reads in print and without colour (markers differ in
 * shape, lines in dash). Each chart has a title and a description listing its figures for screen readers.
 * Stateless: immutable and thread-safe.
 */
final class NavCharts {
    static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";

    private static final int WIDTH = 400;
    private static final int HEIGHT = 260;
    private static final int LEFT = 66;
    private static final int RIGHT = 12;
    private static final int TOP = 46;
    private static final int BOTTOM = 50;
    /** Widest font the style sheet gives chart text (on phones), in view-box units; used to thin labels. */
    private static final double MAX_FONT = 14;
    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("MMM d", Locale.US);
    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm", Locale.US);

    private NavCharts() {
    }

    // ---- the range -----------------------------------------------------------------------------------------

    /** The official and calculated closing NAV of every day of the range; nothing when no figure is known. */
    static void range(NarrativeReport report, HtmlWriter w) throws IOException {
        String base = Wording.baseCurrency(report);
        List<String> labels = new ArrayList<>();
        List<BigDecimal> official = new ArrayList<>();
        List<BigDecimal> calculated = new ArrayList<>();
        List<LocalDate> dates = new ArrayList<>();
        if (!report.days().isEmpty()) {
            TradingDayReport first = report.days().get(0);
            dates.add(first.previousTradingDay());
            official.add(first.open().officialOpening());
            calculated.add(null);
        }
        for (SummaryRow row : report.summary()) {
            dates.add(row.day());
            official.add(row.officialClose());
            calculated.add(row.calculatedClose());
        }
        for (LocalDate d : dates) {
            labels.add(SHORT_DATE.format(d));
        }
        List<BigDecimal> all = new ArrayList<>(official);
        all.addAll(calculated);
        if (all.stream().allMatch(Objects::isNull)) {
            return;
        }
        Plot plot = new Plot(dates.size(), all);
        String title = "Closing NAV " + report.from() + " to " + report.to() + (base.isEmpty() ? "" : " (" + base + ")");
        String desc = series("Official closing NAV", dates, official) + " " + series("Calculated closing NAV", dates, calculated);
        String id = "chart-range";
        w.open("figure", "class", "chart chart-range").newline();
        svgOpen(w, id, title, desc);
        plot.grid(w);
        plot.xLabels(w, labels, List.of());
        plot.axisTitle(w, "NAV" + (base.isEmpty() ? "" : " (" + base + ")"));
        plot.line(w, official, "series series-official");
        plot.line(w, calculated, "series series-calculated");
        for (int i = 0; i < dates.size(); i++) {
            if (official.get(i) != null) {
                plot.circle(w, i, official.get(i), "marker marker-official",
                        Wording.monthDay(dates.get(i)) + " official close: " + Figures.amount(official.get(i)) + " " + base,
                        i == 0 ? null : ItemIds.day(dates.get(i)));
            }
            if (calculated.get(i) != null) {
                plot.square(w, i, calculated.get(i), "marker marker-calculated",
                        Wording.monthDay(dates.get(i)) + " calculated close: " + Figures.amount(calculated.get(i)) + " " + base,
                        ItemIds.day(dates.get(i)));
            }
        }
        legend(w, List.of(new Key("official", "Official close"), new Key("calculated", "Calculated close")));
        w.close("svg").newline();
        w.element("figcaption", "Official (solid, round markers) and calculated (dashed, square markers) closing NAV"
                + (base.isEmpty() ? "" : " in " + base) + " for each trading day, starting from the official close of "
                + Wording.monthDay(dates.get(0)) + ".");
        w.newline();
        w.close("figure");
    }

    private static String series(String name, List<LocalDate> dates, List<BigDecimal> values) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < dates.size(); i++) {
            if (values.get(i) != null) {
                parts.add(Wording.monthDay(dates.get(i)) + " " + Figures.amount(values.get(i)));
            }
        }
        return name + ": " + (parts.isEmpty() ? "none" : String.join("; ", parts)) + ".";
    }

    // ---- one day -------------------------------------------------------------------------------------------

    /**
     * The day's calculated NAV as steps: from the starting NAV (the official previous close) through the NAV
     * after each item, then the official close at the close (the residual). Nothing when no NAV is known.
     */
    static void day(TradingDayReport day, Clocks clocks, String base, HtmlWriter w) throws IOException {
        List<NarrativeItem> items = new ArrayList<>(day.overnight());
        items.addAll(day.preMarket());
        int beforeOpen = items.size();
        items.addAll(day.intraday());
        BigDecimal start = day.open().officialOpening() != null ? day.open().officialOpening()
                : items.isEmpty() ? day.open().calculatedOpening() : items.get(0).nav().before();
        if (start == null || items.stream().anyMatch(i -> !i.nav().known())) {
            return;
        }
        Map<NarrativeItem, String> ids = ItemIds.of(day);
        MarketClose close = day.close();
        List<BigDecimal> steps = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        List<String> tips = new ArrayList<>();
        List<String> links = new ArrayList<>();
        steps.add(start);
        times.add(day.window().previousClose());
        boolean officialStart = day.open().officialOpening() != null;
        tips.add((officialStart ? "Official close of " + Wording.monthDay(day.previousTradingDay()) : "Starting NAV")
                + ": " + Figures.amount(start) + " " + base);
        links.add(null);
        for (NarrativeItem item : items) {
            steps.add(item.nav().after());
            times.add(item.end());
            tips.add(Wording.title(item) + " " + clocks.headline(item.start(), item.end()) + ": "
                    + Figures.signed(item.nav().impact()) + ", NAV " + Figures.amount(item.nav().after()) + " " + base);
            links.add(ids.get(item));
        }
        BigDecimal calculatedClose = close.calculatedClose() != null ? close.calculatedClose() : steps.get(steps.size() - 1);
        steps.add(calculatedClose);
        times.add(close.at());
        tips.add("Calculated close: " + Figures.amount(calculatedClose) + " " + base);
        links.add(ItemIds.close(day.day()));

        List<BigDecimal> all = new ArrayList<>(steps);
        if (close.officialClose() != null) {
            all.add(close.officialClose());
        }
        int slots = steps.size();
        Plot plot = new Plot(slots, all);
        String zoneObserver = Clocks.abbreviation(clocks.atObserver(close.at()));
        String zoneExchange = Clocks.abbreviation(clocks.atExchange(close.at()));
        List<String> observerLabels = times.stream().map(t -> HOUR_MINUTE.format(clocks.atObserver(t))).toList();
        List<String> exchangeLabels = times.stream().map(t -> HOUR_MINUTE.format(clocks.atExchange(t))).toList();
        String id = "chart-" + day.day();
        String title = "NAV steps of " + Wording.dayHeading(day.day()) + (base.isEmpty() ? "" : " (" + base + ")");
        StringBuilder desc = new StringBuilder();
        for (String tip : tips) {
            desc.append(tip).append(". ");
        }
        if (close.officialClose() != null) {
            desc.append("Official close: ").append(Figures.amount(close.officialClose())).append(' ').append(base);
            if (close.residual() != null) {
                desc.append(", ").append(Wording.residualLabel(close.label())).append(' ')
                        .append(Figures.signed(close.residual())).append(' ').append(base);
            }
            desc.append('.');
        }
        w.open("figure", "class", "chart chart-day").newline();
        svgOpen(w, id, title, desc.toString().strip());
        plot.grid(w);
        plot.xLabels(w, observerLabels, exchangeLabels);
        plot.rowTitles(w, zoneObserver, zoneExchange);
        plot.axisTitle(w, "NAV" + (base.isEmpty() ? "" : " (" + base + ")"));
        if (beforeOpen > 0 && beforeOpen < slots - 1) {
            // The open lies between the last pre-open step and the first intraday step (or the close).
            plot.marker(w, (plot.x(beforeOpen) + plot.x(beforeOpen + 1)) / 2, "Open");
        }
        plot.steps(w, steps, "series series-calculated");
        if (close.officialClose() != null) {
            plot.residual(w, slots - 1, calculatedClose, close.officialClose(), "series series-residual");
        }
        for (int i = 0; i < slots; i++) {
            boolean official = i == 0 && officialStart;
            if (official) {
                plot.circle(w, i, steps.get(i), "marker marker-official", tips.get(i), links.get(i));
            } else {
                plot.square(w, i, steps.get(i), "marker marker-calculated", tips.get(i), links.get(i));
            }
        }
        if (close.officialClose() != null) {
            plot.circle(w, slots - 1, close.officialClose(), "marker marker-official",
                    "Official close of " + Wording.monthDay(day.day()) + ": " + Figures.amount(close.officialClose()) + " " + base
                            + (close.residual() == null ? "" : " (" + Wording.residualLabel(close.label()) + " "
                            + Figures.signed(close.residual()) + ")"), ItemIds.close(day.day()));
        }
        legend(w, List.of(new Key("calculated", "Calculated NAV"), new Key("official", "Official close"),
                new Key("residual", "Residual")));
        w.close("svg").newline();
        w.element("figcaption", "Calculated NAV after each event of the narrative"
                + (officialStart ? ", from the official close of " + Wording.monthDay(day.previousTradingDay()) : "")
                + (close.officialClose() != null ? " to the official close of " + Wording.monthDay(day.day()) : "")
                + "; times in " + zoneObserver + " above " + zoneExchange + ".");
        w.newline();
        w.close("figure");
    }

    // ---- drawing -------------------------------------------------------------------------------------------

    private static void svgOpen(HtmlWriter w, String id, String title, String desc) throws IOException {
        w.open("svg", "xmlns", SVG_NAMESPACE, "viewBox", "0 0 " + WIDTH + " " + HEIGHT, "role", "img",
                "aria-labelledby", id + "-title " + id + "-desc", "class", "chart-svg", "id", id);
        w.element("title", title, "id", id + "-title");
        w.element("desc", desc, "id", id + "-desc");
    }

    private record Key(String series, String label) {
    }

    private static void legend(HtmlWriter w, List<Key> keys) throws IOException {
        w.open("g", "class", "legend");
        double x = 6;
        for (Key key : keys) {
            double y = 16;
            if (key.series().equals("residual")) {
                w.empty("line", "x1", n(x), "y1", n(y - 6), "x2", n(x), "y2", n(y + 6), "class", "series series-residual");
            } else {
                w.empty("line", "x1", n(x), "y1", n(y), "x2", n(x + 22), "y2", n(y), "class", "series series-" + key.series());
                if (key.series().equals("official")) {
                    w.empty("circle", "cx", n(x + 11), "cy", n(y), "r", "4", "class", "marker marker-official");
                } else {
                    w.empty("rect", "x", n(x + 7.5), "y", n(y - 3.5), "width", "7", "height", "7", "class", "marker marker-calculated");
                }
            }
            double textX = key.series().equals("residual") ? x + 8 : x + 28;
            w.element("text", key.label(), "x", n(textX), "y", n(y + 4), "class", "legend-text");
            // Advance by the label's width at the largest font the style sheet uses.
            x = textX + key.label().length() * MAX_FONT * 0.55 + 16;
        }
        w.close("g");
    }

    /** Coordinates in the view box, one decimal, the same on every platform. */
    private static String n(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** The plot area of one chart: slots along x, a NAV scale with round ticks along y. */
    private static final class Plot {
        private final int slots;
        private final List<BigDecimal> ticks;
        private final double low;
        private final double high;

        Plot(int slots, List<BigDecimal> values) {
            this.slots = slots;
            this.ticks = ticks(values.stream().filter(Objects::nonNull).toList());
            this.low = ticks.get(0).doubleValue();
            this.high = ticks.get(ticks.size() - 1).doubleValue();
        }

        double x(int slot) {
            return LEFT + (slot + 0.5) * (WIDTH - LEFT - RIGHT) / slots;
        }

        double y(BigDecimal value) {
            double bottom = HEIGHT - BOTTOM;
            return bottom - (value.doubleValue() - low) / (high - low) * (bottom - TOP);
        }

        void grid(HtmlWriter w) throws IOException {
            w.open("g", "class", "grid");
            for (BigDecimal tick : ticks) {
                double y = y(tick);
                w.empty("line", "x1", n(LEFT), "y1", n(y), "x2", n(WIDTH - RIGHT), "y2", n(y), "class", "gridline");
                w.element("text", Figures.tick(tick), "x", n(LEFT - 6), "y", n(y + 4), "class", "tick tick-y");
            }
            w.empty("line", "x1", n(LEFT), "y1", n(HEIGHT - BOTTOM), "x2", n(WIDTH - RIGHT), "y2", n(HEIGHT - BOTTOM), "class", "axis");
            w.close("g");
        }

        void axisTitle(HtmlWriter w, String title) throws IOException {
            w.element("text", title, "x", n(4), "y", n(TOP - 9), "class", "axis-title");
        }

        /** Labels under the slots, thinned so that they do not collide; an optional second row below. */
        void xLabels(HtmlWriter w, List<String> first, List<String> second) throws IOException {
            int widest = first.stream().mapToInt(String::length).max().orElse(1);
            double slotWidth = (double) (WIDTH - LEFT - RIGHT) / slots;
            int every = Math.max(1, (int) Math.ceil(widest * MAX_FONT * 0.6 / slotWidth));
            w.open("g", "class", "x-labels");
            for (int i = 0; i < slots; i++) {
                boolean last = i == slots - 1;
                if (i % every != 0 && !(last && (i % every) * 2 >= every)) {
                    continue;
                }
                w.element("text", first.get(i), "x", n(x(i)), "y", n(HEIGHT - BOTTOM + 17), "class", "tick tick-x");
                if (!second.isEmpty()) {
                    w.element("text", second.get(i), "x", n(x(i)), "y", n(HEIGHT - BOTTOM + 36), "class", "tick tick-x tick-second");
                }
            }
            w.close("g");
        }

        /** The names of the two label rows, left of the axis: the zones of the two clocks. */
        void rowTitles(HtmlWriter w, String first, String second) throws IOException {
            w.element("text", first, "x", n(LEFT - 6), "y", n(HEIGHT - BOTTOM + 17), "class", "tick tick-y row-title");
            w.element("text", second, "x", n(LEFT - 6), "y", n(HEIGHT - BOTTOM + 36), "class", "tick tick-y row-title tick-second");
        }

        void marker(HtmlWriter w, double x, String label) throws IOException {
            w.empty("line", "x1", n(x), "y1", n(TOP), "x2", n(x), "y2", n(HEIGHT - BOTTOM), "class", "open-line");
            w.element("text", label, "x", n(x), "y", n(TOP + 12), "class", "open-label");
        }

        /** A polyline through the known values; a null breaks the line, and a lone point draws none. */
        void line(HtmlWriter w, List<BigDecimal> values, String cssClass) throws IOException {
            List<List<Integer>> segments = new ArrayList<>();
            List<Integer> current = new ArrayList<>();
            for (int i = 0; i <= values.size(); i++) {
                if (i < values.size() && values.get(i) != null) {
                    current.add(i);
                } else if (!current.isEmpty()) {
                    segments.add(current);
                    current = new ArrayList<>();
                }
            }
            for (List<Integer> segment : segments) {
                if (segment.size() < 2) {
                    continue;
                }
                StringBuilder d = new StringBuilder();
                for (int i : segment) {
                    d.append(d.length() == 0 ? "M" : " L").append(n(x(i))).append(' ').append(n(y(values.get(i))));
                }
                w.empty("path", "d", d.toString(), "class", cssClass);
            }
        }

        /** A step line: level until the next slot, then straight up or down. */
        void steps(HtmlWriter w, List<BigDecimal> values, String cssClass) throws IOException {
            StringBuilder d = new StringBuilder("M").append(n(x(0))).append(' ').append(n(y(values.get(0))));
            for (int i = 1; i < values.size(); i++) {
                d.append(" H").append(n(x(i))).append(" V").append(n(y(values.get(i))));
            }
            w.empty("path", "d", d.toString(), "class", cssClass);
        }

        void residual(HtmlWriter w, int slot, BigDecimal from, BigDecimal to, String cssClass) throws IOException {
            w.empty("line", "x1", n(x(slot)), "y1", n(y(from)), "x2", n(x(slot)), "y2", n(y(to)), "class", cssClass);
        }

        /** A round marker with its tooltip, linked to {@code #link} in the page when a link is given. */
        void circle(HtmlWriter w, int slot, BigDecimal value, String cssClass, String tip, String link) throws IOException {
            openLink(w, link);
            w.open("circle", "cx", n(x(slot)), "cy", n(y(value)), "r", "4.5", "class", cssClass);
            w.element("title", tip);
            w.close("circle");
            closeLink(w, link);
        }

        /** A square marker with its tooltip, linked to {@code #link} in the page when a link is given. */
        void square(HtmlWriter w, int slot, BigDecimal value, String cssClass, String tip, String link) throws IOException {
            openLink(w, link);
            w.open("rect", "x", n(x(slot) - 3.5), "y", n(y(value) - 3.5), "width", "7", "height", "7", "class", cssClass);
            w.element("title", tip);
            w.close("rect");
            closeLink(w, link);
        }

        private static void openLink(HtmlWriter w, String link) throws IOException {
            if (link != null) {
                w.open("a", "href", "#" + link);
            }
        }

        private static void closeLink(HtmlWriter w, String link) throws IOException {
            if (link != null) {
                w.close("a");
            }
        }

        /** Three to six round ticks (1, 2, 2.5 or 5 × 10^k apart) that enclose every value. */
        private static List<BigDecimal> ticks(List<BigDecimal> values) {
            BigDecimal min = values.stream().min(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
            BigDecimal max = values.stream().max(BigDecimal::compareTo).orElse(BigDecimal.ONE);
            if (min.compareTo(max) == 0) {
                BigDecimal pad = min.abs().max(BigDecimal.ONE).movePointLeft(3);
                min = min.subtract(pad);
                max = max.add(pad);
            }
            BigDecimal span = max.subtract(min);
            double raw = span.doubleValue() / 4;
            double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
            double step = magnitude;
            for (double f : new double[] {1, 2, 2.5, 5, 10}) {
                if (f * magnitude >= raw) {
                    step = f * magnitude;
                    break;
                }
            }
            BigDecimal s = BigDecimal.valueOf(step).stripTrailingZeros();
            BigDecimal first = min.divide(s, 0, RoundingMode.FLOOR).multiply(s);
            BigDecimal last = max.divide(s, 0, RoundingMode.CEILING).multiply(s);
            List<BigDecimal> ticks = new ArrayList<>();
            for (BigDecimal t = first; t.compareTo(last) <= 0; t = t.add(s)) {
                ticks.add(t);
            }
            return ticks;
        }
    }
}
