package com.almreporting.cli;

import com.almreporting.domain.model.AccountId;
import com.almreporting.domain.model.OfficialNav;
import com.almreporting.domain.model.live.LiveSnapshot;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The dashboard's own page, the index: live row, range form and the trading days in the ledger. Self-contained
 * (inline style sheet, no script, no fetch from elsewhere); every text and attribute value is escaped here, and
 * account ids appear only masked. Reports themselves are the report renderers' pages. Immutable and thread-safe.
 */
final class DashboardPages {

    /** The trading days of one account that have an official close, newest first. */
    record AccountDays(AccountId account, List<OfficialNav> closes) {
        AccountDays {
            Objects.requireNonNull(account, "account");
            closes = List.copyOf(closes);
        }
    }

    /** The live row: where the gateway is and what it said; absent when no gateway is configured. */
    record Live(String address, LiveStatus.Reading reading) {
    }

    private static final String CSS = """
            :root { --ink: #1d232b; --muted: #5b6673; --rule: #d8dde3; --paper: #ffffff; --page: #f4f6f8;
              --accent: #1f5fa8; --loss: #a61b1b; }
            * { box-sizing: border-box; }
            html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
            body { margin: 0 auto; max-width: 60rem; padding: 1rem; background: var(--page); color: var(--ink);
              font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
              line-height: 1.5; font-variant-numeric: tabular-nums; overflow-wrap: break-word; }
            h1 { font-size: 1.45rem; line-height: 1.25; margin: .5rem 0 .25rem; }
            h2 { font-size: 1.15rem; margin: 0 0 .6rem; }
            h3 { font-size: 1rem; margin: 1rem 0 .4rem; }
            .intro, .note { color: var(--muted); font-size: .9rem; }
            .intro { margin: 0 0 1rem; }
            .panel { background: var(--paper); border: 1px solid var(--rule); border-radius: 8px; padding: 1rem;
              margin: 0 0 1.25rem; }
            .live-nav { font-size: 1.6rem; font-weight: 600; margin: 0; }
            .live p { margin: .2rem 0; }
            .unavailable { color: var(--loss); font-weight: 600; }
            form.range { display: flex; flex-wrap: wrap; gap: .75rem; align-items: flex-end; }
            form.range label { display: flex; flex-direction: column; font-size: .85rem; color: var(--muted); }
            form.range label.check { flex-direction: row; align-items: center; gap: .35rem; height: 2.25rem; }
            form.range label.check input { height: auto; }
            input, select, button { font: inherit; font-size: .95rem; height: 2.25rem; padding: 0 .5rem;
              border: 1px solid #b8c0c9; border-radius: 4px; background: var(--paper); color: var(--ink); }
            button { background: var(--accent); border-color: var(--accent); color: #ffffff; cursor: pointer; }
            .table-scroll { overflow-x: auto; }
            table.days { border-collapse: collapse; width: 100%; font-size: .9rem; }
            table.days th, table.days td { padding: .35rem .5rem; border-bottom: 1px solid var(--rule); text-align: left;
              white-space: nowrap; }
            table.days thead th { color: var(--muted); font-weight: 600; }
            table.days .num { text-align: right; }
            table.days tbody tr:nth-child(even) { background: #f8f9fb; }
            a { color: var(--accent); }
            @media print { form.range, .live { display: none; } body { background: #ffffff; } }
            """;
    private static final DateTimeFormatter TAKEN_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.US);

    private final ZoneId zone;
    private final int refreshSeconds;

    /** {@code refreshSeconds}: the index reloads itself this often when it shows a live row; 0 never. */
    DashboardPages(ZoneId zone, int refreshSeconds) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.refreshSeconds = refreshSeconds;
    }

    /** The index; {@code live} null when no gateway is configured. */
    String index(List<AccountDays> accounts, Live live) {
        Html h = new Html();
        h.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n");
        h.raw("<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        if (live != null && refreshSeconds > 0) {
            h.raw("<meta http-equiv=\"refresh\" content=\"").text(Integer.toString(refreshSeconds)).raw("\">\n");
        }
        h.element("title", "ALM Reporting dashboard").raw("\n<style>\n").raw(CSS).raw("</style>\n</head>\n<body>\n");
        h.element("h1", "ALM Reporting dashboard").raw("\n");
        h.element("p", "Read-only view of the ledger: official closes per trading day, and reports built from the "
                + "database on request. Times in " + zone.getId() + ".", "class", "intro").raw("\n");
        if (live != null) {
            live(h, live);
        }
        form(h, accounts, live != null);
        days(h, accounts);
        h.raw("</body>\n</html>\n");
        return h.toString();
    }

    private void live(Html h, Live live) {
        h.open("section", "class", "panel live", "id", "live").element("h2", "Live (IB Gateway " + live.address() + ")");
        if (live.reading() instanceof LiveStatus.Taken taken) {
            LiveSnapshot s = taken.snapshot();
            h.element("p", "NAV now: " + amount(s.netLiquidation()) + " " + s.baseCurrency(), "class", "live-nav");
            h.element("p", "Taken at " + s.takenAt().atZone(zone).format(TAKEN_AT) + ", account " + s.account().masked()
                    + (s.totalCash() == null ? "" : ", cash " + amount(s.totalCash()) + " " + s.baseCurrency())
                    + ", " + s.positions().size() + " position(s), " + s.fills().size() + " fill(s) today.");
            for (String warning : s.warnings()) {
                h.element("p", "Warning: " + warning, "class", "note");
            }
        } else if (live.reading() instanceof LiveStatus.Unavailable u) {
            h.element("p", "gateway unavailable: " + u.detail(), "class", "unavailable");
            if (!u.advice().isEmpty()) {
                h.element("p", u.advice(), "class", "note");
            }
        }
        h.open("p", "class", "note").text(refreshSeconds > 0 ? "This page reloads every " + refreshSeconds + " s. " : "")
                .element("a", "Snapshot as JSON", "href", "/live.json").close("p");
        h.close("section").raw("\n");
    }

    private static void form(Html h, List<AccountDays> accounts, boolean gateway) {
        List<LocalDate> newest = accounts.stream().flatMap(a -> a.closes().stream().limit(2)).map(OfficialNav::reportDate)
                .sorted().toList();
        LocalDate to = newest.isEmpty() ? null : newest.get(newest.size() - 1);
        LocalDate from = newest.size() < 2 ? to : newest.get(newest.size() - 2);
        h.open("section", "class", "panel", "id", "range").element("h2", "Report of a date range");
        h.open("form", "class", "range", "method", "get", "action", "/report");
        h.open("label").text("From").empty("input", "type", "date", "name", "from", "required", "required",
                "value", from == null ? null : from.toString()).close("label");
        h.open("label").text("To").empty("input", "type", "date", "name", "to", "required", "required",
                "value", to == null ? null : to.toString()).close("label");
        if (accounts.size() > 1) {
            h.open("label").text("Account").open("select", "name", "account");
            for (AccountDays a : accounts) {
                h.element("option", a.account().masked(), "value", a.account().masked());
            }
            h.close("select").close("label");
        }
        h.open("label").text("Format").open("select", "name", "format");
        h.element("option", "HTML", "value", "html").element("option", "JSON", "value", "json")
                .element("option", "Markdown", "value", "md");
        h.close("select").close("label");
        if (gateway) {
            h.open("label", "class", "check").empty("input", "type", "checkbox", "name", "live", "value", "1")
                    .text("with today from IB Gateway").close("label");
        }
        h.element("button", "Show report", "type", "submit");
        h.close("form").close("section").raw("\n");
    }

    private static void days(Html h, List<AccountDays> accounts) {
        h.open("section", "class", "panel", "id", "days").element("h2", "Trading days in the ledger");
        if (accounts.isEmpty()) {
            h.element("p", "The ledger holds no statement yet: store Flex statements with alm ingest.", "class", "note");
        }
        for (AccountDays a : accounts) {
            String masked = a.account().masked();
            String currency = a.closes().isEmpty() ? null : a.closes().get(0).currency();
            h.element("h3", "Account " + masked + " · " + a.closes().size() + " day(s) with an official close");
            if (a.closes().isEmpty()) {
                continue;
            }
            h.open("div", "class", "table-scroll").open("table", "class", "days");
            h.open("thead").open("tr").element("th", "Trading day").element("th", "Weekday")
                    .element("th", "Official close" + (currency == null ? "" : " (" + currency + ")"), "class", "num")
                    .element("th", "Report").close("tr").close("thead");
            h.open("tbody").raw("\n");
            for (OfficialNav nav : a.closes()) {
                String day = nav.reportDate().toString();
                String query = "/report?from=" + day + "&to=" + day + (accounts.size() > 1 ? "&account=" + url(masked) : "");
                h.open("tr").open("td").element("a", day, "href", query).close("td")
                        .element("td", nav.reportDate().getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.US))
                        .element("td", amount(nav.total()) + (Objects.equals(nav.currency(), currency) || nav.currency() == null
                                ? "" : " " + nav.currency()), "class", "num")
                        .open("td").element("a", "html", "href", query).text(" · ")
                        .element("a", "json", "href", query + "&format=json").text(" · ")
                        .element("a", "md", "href", query + "&format=md").close("td")
                        .close("tr").raw("\n");
            }
            h.close("tbody").close("table").close("div");
        }
        h.close("section").raw("\n");
    }

    private static String amount(BigDecimal value) {
        return String.format(Locale.US, "%,.2f", value);
    }

    private static String url(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Escapes text and attribute values; markup comes only from the literals of this class. */
    private static final class Html {
        private final StringBuilder sb = new StringBuilder(8192);

        Html raw(String markup) {
            sb.append(markup);
            return this;
        }

        Html text(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '&' -> sb.append("&amp;");
                    case '<' -> sb.append("&lt;");
                    case '>' -> sb.append("&gt;");
                    case '"' -> sb.append("&quot;");
                    case '\'' -> sb.append("&#39;");
                    default -> sb.append(c);
                }
            }
            return this;
        }

        Html open(String tag, String... attributes) {
            sb.append('<').append(tag);
            for (int i = 0; i < attributes.length; i += 2) {
                if (attributes[i + 1] != null) {
                    sb.append(' ').append(attributes[i]).append("=\"");
                    text(attributes[i + 1]);
                    sb.append('"');
                }
            }
            sb.append('>');
            return this;
        }

        /** A void element ({@code <input>}). */
        Html empty(String tag, String... attributes) {
            return open(tag, attributes);
        }

        Html close(String tag) {
            sb.append("</").append(tag).append('>');
            return this;
        }

        Html element(String tag, String text, String... attributes) {
            return open(tag, attributes).text(text).close(tag);
        }

        @Override
        public String toString() {
            return sb.toString();
        }
    }
}
