package com.almreporting.report.narrative;

import com.almreporting.domain.model.event.CashEvent;
import com.almreporting.domain.model.event.Execution;
import com.almreporting.domain.model.event.OptionBooking;
import com.almreporting.domain.report.BookingItem;
import com.almreporting.domain.report.CashItem;
import com.almreporting.domain.report.LiveMark;
import com.almreporting.domain.report.MarketClose;
import com.almreporting.domain.report.MarketOpen;
import com.almreporting.domain.report.NarrativeItem;
import com.almreporting.domain.report.NarrativeReport;
import com.almreporting.domain.report.NavStep;
import com.almreporting.domain.report.PnlBreakdown;
import com.almreporting.domain.report.SummaryRow;
import com.almreporting.domain.report.TradeBlock;
import com.almreporting.domain.report.TradingDayReport;
import com.almreporting.report.format.Clocks;
import com.almreporting.report.format.Figures;
import com.almreporting.report.format.ItemIds;
import com.almreporting.report.format.Wording;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Tells a {@link NarrativeReport} in the skeleton of the specification's ground truth (DESIGN §6): the summary
 * table, then per trading day an optional overnight period, pre-market items, the open, intraday blocks and the
 * close, each a bullet with nested detail. Stateless: immutable and thread-safe.
 */
public final class NarrativeComposer {

    private NarrativeComposer() {
    }

    public static NarrativeDocument compose(NarrativeReport report) {
        Clocks clocks = new Clocks(report.settings().observerZone(), Wording.EXCHANGE);
        String base = Wording.baseCurrency(report);
        List<NarrativeDocument.Day> days = new ArrayList<>();
        for (TradingDayReport day : report.days()) {
            days.add(day(day, base, clocks));
        }
        return new NarrativeDocument(Wording.reportTitle(report), Wording.introduction(report), summary(report),
                Wording.baselineNote(report.settings()), Wording.navChangesHeading(),
                report.navChanges().stream().map(c -> Wording.navChange(c, base)).toList(), days, Wording.notesHeading(),
                report.notices().stream().map(Wording::notice).toList());
    }

    // ---- summary -------------------------------------------------------------------------------------------

    private static NarrativeDocument.SummaryTable summary(NarrativeReport report) {
        List<List<String>> rows = new ArrayList<>();
        for (SummaryRow row : report.summary()) {
            rows.add(List.of(row.day() + (row.live() ? " (live)" : ""), orNa(row.officialOpen(), false), orNa(row.calculatedOpen(), false),
                    orNa(row.officialClose(), false), orNa(row.calculatedClose(), false),
                    row.residual() == null ? "n/a" : Figures.signed(row.residual()) + " (" + Wording.residualLabel(row.label()) + ")",
                    orNa(row.dayPnl(), true), Figures.signed(row.flows()),
                    row.cumulativeReturn() == null ? "n/a" : Figures.percent(row.cumulativeReturn()),
                    row.dailyTwr() == null ? "n/a" : Figures.percent(row.dailyTwr()),
                    row.cumulativeTwr() == null ? "n/a" : Figures.percent(row.cumulativeTwr())));
        }
        return new NarrativeDocument.SummaryTable(Wording.SUMMARY_COLUMNS, rows);
    }

    private static String orNa(BigDecimal value, boolean signed) {
        if (value == null) {
            return "n/a";
        }
        return signed ? Figures.signed(value) : Figures.amount(value);
    }

    // ---- one trading day -----------------------------------------------------------------------------------

    private static NarrativeDocument.Day day(TradingDayReport day, String base, Clocks clocks) {
        Map<NarrativeItem, String> ids = ItemIds.of(day);
        List<Bullet> overnight = new ArrayList<>();
        for (NarrativeItem item : day.overnight()) {
            overnight.add(item(item, base, clocks).as(ids.get(item), role(item)));
        }
        List<Bullet> items = new ArrayList<>();
        for (NarrativeItem item : day.preMarket()) {
            items.add(item(item, base, clocks).as(ids.get(item), role(item)));
        }
        items.add(open(day.open(), base, clocks).as(ItemIds.open(day.day()), "open"));
        for (NarrativeItem item : day.intraday()) {
            items.add(item(item, base, clocks).as(ids.get(item), role(item)));
        }
        items.add((day.isLive() ? live(day, base, clocks) : close(day.close(), base, clocks))
                .as(ItemIds.close(day.day()), day.isLive() ? "live" : "close"));
        String overnightHeading = day.overnight().isEmpty() ? null
                : Wording.overnightHeading(day.previousTradingDay(), day.day());
        return new NarrativeDocument.Day(day, overnightHeading, overnight,
                day.isLive() ? Wording.liveDayHeading(day.day()) : Wording.dayHeading(day.day()), items);
    }

    private static String role(NarrativeItem item) {
        return item instanceof TradeBlock ? "trades" : item instanceof BookingItem ? "booking" : "cash";
    }

    private static Bullet open(MarketOpen open, String base, Clocks clocks) {
        boolean quiet = open.notInOfficial().isEmpty() && !open.differs();
        Text headline = Text.strong("Market Open " + clocks.headline(open.at()) + ":").then(quiet ? " The day begins." : "");
        List<Bullet> lines = new ArrayList<>();
        lines.add(Bullet.of(Text.strong("Official Opening NAV:").then(" " + (open.officialOpening() == null
                ? "not available (no official close for " + Wording.monthDay(open.officialAsOf()) + ")"
                : Figures.amount(open.officialOpening()) + " " + base + " (the official close of "
                        + Wording.monthDay(open.officialAsOf()) + ")"))));
        lines.add(Bullet.of(Text.strong("Calculated Opening NAV:").then(" " + (open.calculatedOpening() == null
                ? "not available" : Figures.amount(open.calculatedOpening()) + " " + base))));
        if (open.differs()) {
            BigDecimal difference = open.calculatedOpening().subtract(open.officialOpening());
            String items = open.notInOfficial().stream()
                    .map(i -> Wording.title(i) + " " + clocks.headline(i.start(), i.end()) + " " + Figures.signed(i.nav().impact()) + " " + base)
                    .collect(Collectors.joining("; "));
            lines.add(Bullet.of(Text.strong("Difference:").then(" " + Figures.signed(difference) + " " + base
                    + ". The official opening figure does not include: " + items + ".")));
        }
        return Bullet.of(headline, lines);
    }

    private static Bullet close(MarketClose close, String base, Clocks clocks) {
        List<Bullet> lines = new ArrayList<>();
        lines.add(Bullet.of(Text.strong("Event:").then(" " + Wording.closeEvent(close))));
        lines.add(Bullet.of(close.officialClose() == null
                ? Text.strong("Official Closing NAV:").then(" not yet available")
                : Text.strong("Official Closing NAV:").then(" ").thenStrong(Figures.amount(close.officialClose()) + " " + base)));
        if (close.calculatedClose() != null) {
            lines.add(Bullet.of(Text.strong("Calculated Closing NAV:").then(" " + Figures.amount(close.calculatedClose()) + " " + base)));
        }
        if (close.residual() != null) {
            lines.add(Bullet.of(Text.strong(Wording.residualLabel(close.label()) + ":")
                    .then(" " + Figures.amount(close.officialClose()) + " - " + Figures.amount(close.calculatedClose()) + " = ")
                    .thenStrong(Figures.signed(close.residual()) + " " + base)
                    .then(Wording.residualExplanation(close.label()))));
        }
        return Bullet.of(Text.strong("Market Close " + clocks.headline(close.at()) + ":"), lines);
    }

    /** The end of a live day: the gateway snapshot, the current NAV, and unrealized against the calculated NAV. */
    private static Bullet live(TradingDayReport day, String base, Clocks clocks) {
        LiveMark live = day.live();
        MarketClose close = day.close();
        List<Bullet> lines = new ArrayList<>();
        lines.add(Bullet.of(Text.strong("Event:").then(" " + Wording.liveEvent(close))));
        lines.add(Bullet.of(Text.strong("Current NAV (NetLiquidation):").then(" ").thenStrong(Figures.amount(live.currentNav()) + " " + base)));
        if (live.calculatedNav() != null) {
            lines.add(Bullet.of(Text.strong("Calculated NAV:").then(" " + Figures.amount(live.calculatedNav()) + " " + base)));
            lines.add(Bullet.of(Text.strong(Wording.residualLabel(close.label()) + ":")
                    .then(" " + Figures.amount(live.currentNav()) + " - " + Figures.amount(live.calculatedNav()) + " = ")
                    .thenStrong(Figures.signed(live.unrealized()) + " " + base)
                    .then(Wording.residualExplanation(close.label()))));
        }
        if (!live.rates().isEmpty()) {
            lines.add(Bullet.of(Text.strong("FX:").then(" " + live.rates().entrySet().stream()
                    .map(e -> e.getKey() + " " + Figures.rate(e.getValue())).collect(Collectors.joining(", "))
                    + (live.fallbackRateUsed() ? " (the configured fallback rate stood in where the gateway sent none)"
                            : " (the gateway's ExchangeRate)"))));
        }
        for (String note : live.notes()) {
            lines.add(Bullet.of(Text.plain("Gateway: " + note)));
        }
        return Bullet.of(Text.strong("Live Snapshot " + clocks.headline(live.takenAt()) + ":"), lines);
    }

    // ---- items ---------------------------------------------------------------------------------------------

    private static Bullet item(NarrativeItem item, String base, Clocks clocks) {
        String lead = Wording.lead(item);
        Text headline = Text.strong(Wording.title(item) + " " + clocks.headline(item.start(), item.end()) + ":")
                .then(lead.isEmpty() ? "" : " " + lead);
        List<Bullet> lines = new ArrayList<>();
        if (item instanceof TradeBlock block) {
            block(block, base, clocks, lines);
        } else if (item instanceof BookingItem booking) {
            booking(booking, lines);
        } else if (item instanceof CashItem cash) {
            cash(cash, base, lines);
        }
        lines.add(nav(item.nav(), base));
        return Bullet.of(headline, lines);
    }

    private static void block(TradeBlock block, String base, Clocks clocks, List<Bullet> lines) {
        List<Bullet> events = new ArrayList<>();
        for (Execution e : block.executions()) {
            events.add(Bullet.of(Text.plain(clocks.observerTime(e.at()) + " / " + clocks.exchangeTime(e.at()) + ": "
                    + Wording.execution(e))));
        }
        events.add(Bullet.of(Text.plain(Wording.afterwards(block.positionsAfter()))));
        lines.add(Bullet.of(Text.strong("Events:"), events));

        PnlBreakdown pnl = block.pnl();
        String ccy = pnl.currency();
        List<Bullet> pnlLines = new ArrayList<>();
        if (pnl.hasRealized()) {
            pnlLines.add(Bullet.of(Text.plain(Wording.realizedLabel(pnl.realized()) + ": " + Wording.realizedFormula(pnl)
                    + Figures.amount(pnl.realized()) + " " + ccy + Wording.realizedFallback(pnl))));
        }
        if (!pnl.premiumTerms().isEmpty()) {
            pnlLines.add(Bullet.of(Text.plain("Premium: " + Wording.premiumFormula(pnl.premiumTerms())
                    + Figures.amount(pnl.premium()) + " " + ccy)));
        }
        pnlLines.add(Bullet.of(Text.plain("Commissions: " + Figures.amount(pnl.commissions()) + " " + ccy)));
        pnlLines.add(Bullet.of(Text.strong("Total P&L Impact:").then(" " + Wording.conversion(pnl, base))
                .thenStrong(Figures.signed(block.nav().impact()) + " " + base)));
        lines.add(Bullet.of(Text.strong("Net P&L Impact:"), pnlLines));
    }

    private static void booking(BookingItem item, List<Bullet> lines) {
        OptionBooking booking = item.booking();
        lines.add(Bullet.of(Text.strong("Event:").then(" " + Wording.bookingEvent(booking))));
        String classifiedBy = Wording.classifiedBy(booking.basis());
        if (classifiedBy != null) {
            lines.add(Bullet.of(Text.strong("Classified by:").then(" " + classifiedBy)));
        }
        lines.add(Bullet.of(Text.strong("NAV Impact:").then(" " + Wording.bookingImpact(item.nav()))));
    }

    private static void cash(CashItem item, String base, List<Bullet> lines) {
        CashEvent e = item.event();
        lines.add(Bullet.of(Text.strong("Event:").then(" " + Wording.cashEvent(e))));
        lines.add(Bullet.of(Text.strong(Wording.cashLabel(item)).then(" " + Wording.cashConversion(e, base))
                .thenStrong(Figures.signed(item.nav().impact()) + " " + base)
                .then(Wording.cashFlowNote(item))));
    }

    private static Bullet nav(NavStep nav, String base) {
        if (!nav.known()) {
            return Bullet.of(Text.strong("NAV:").then(" not available (no starting NAV)"));
        }
        if (nav.impact().signum() == 0) {
            return Bullet.of(Text.strong("NAV remains: " + Figures.amount(nav.after()) + " " + base));
        }
        String op = nav.impact().signum() < 0 ? " - " : " + ";
        return Bullet.of(Text.strong("NAV becomes:")
                .then(" " + Figures.amount(nav.before()) + op + Figures.amount(nav.impact().abs()) + " = ")
                .thenStrong(Figures.amount(nav.after()) + " " + base));
    }
}
