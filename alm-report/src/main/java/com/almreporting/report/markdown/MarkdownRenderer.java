package com.almreporting.report.markdown;

import com.almreporting.domain.calendar.TradingDayWindow.Section;
import com.almreporting.domain.model.Stock;
import com.almreporting.domain.model.event.AccountEvent;
import com.almreporting.domain.model.event.Assignment;
import com.almreporting.domain.model.event.BookingLeg;
import com.almreporting.domain.model.event.CashEvent;
import com.almreporting.domain.model.event.ClassificationBasis;
import com.almreporting.domain.model.event.Execution;
import com.almreporting.domain.model.event.Exercise;
import com.almreporting.domain.model.event.Expiration;
import com.almreporting.domain.model.event.OptionBooking;
import com.almreporting.domain.report.BlockKind;
import com.almreporting.domain.report.BookingItem;
import com.almreporting.domain.report.CashItem;
import com.almreporting.domain.report.ExpiryOutcome;
import com.almreporting.domain.report.HeldPosition;
import com.almreporting.domain.report.MarketClose;
import com.almreporting.domain.report.MarketOpen;
import com.almreporting.domain.report.NarrativeItem;
import com.almreporting.domain.report.NarrativeReport;
import com.almreporting.domain.report.NavStep;
import com.almreporting.domain.report.Notice;
import com.almreporting.domain.report.PnlBreakdown;
import com.almreporting.domain.report.PremiumTerm;
import com.almreporting.domain.report.RealizedTerm;
import com.almreporting.domain.report.ResidualLabel;
import com.almreporting.domain.report.SummaryRow;
import com.almreporting.domain.report.TradeBlock;
import com.almreporting.domain.report.TradingDayReport;
import com.almreporting.report.ReportRenderer;
import com.almreporting.report.format.Clocks;
import com.almreporting.report.format.Figures;
import com.almreporting.report.format.Instruments;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The narrative as Markdown, in the skeleton of the specification's ground truth (DESIGN §6): a summary table,
 * then per trading day an optional overnight section, pre-market items, the open, intraday blocks and the close.
 * Stateless: immutable and thread-safe.
 */
public final class MarkdownRenderer implements ReportRenderer {

    private static final ZoneId EXCHANGE = ZoneId.of("America/New_York");
    private static final DateTimeFormatter DAY_HEADING = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.US);
    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MMMM d", Locale.US);
    private static final String B1 = "*   ";
    private static final String B2 = "    *   ";
    private static final String B3 = "        *   ";

    @Override
    public void render(NarrativeReport report, Appendable out) throws IOException {
        Clocks clocks = new Clocks(report.settings().observerZone(), EXCHANGE);
        String base = report.baseCurrency() == null ? "" : report.baseCurrency();
        Writer w = new Writer(out);
        w.line("# NAV Narrative: account " + report.account().masked() + ", "
                + report.from() + " to " + report.to());
        w.blank();
        w.line("Times in " + zoneLabel(clocks.observer()) + " first, then New York time. Figures in "
                + (base.isEmpty() ? "the base currency" : base) + " unless marked. Premium policy: "
                + report.settings().policy().id() + ".");
        w.blank();
        summary(report, base, w);
        for (TradingDayReport day : report.days()) {
            w.line("---");
            w.blank();
            day(day, base, clocks, w);
        }
        if (!report.notices().isEmpty()) {
            w.line("---");
            w.blank();
            w.line("### Notes");
            w.blank();
            for (Notice notice : report.notices()) {
                w.line(B1 + notice(notice, base));
            }
            w.blank();
        }
    }

    // ---- summary -------------------------------------------------------------------------------------------

    private static void summary(NarrativeReport report, String base, Writer w) throws IOException {
        w.line("### Summary");
        w.blank();
        w.line("| Date | Official Open | Calculated Open | Official Close | Calculated Close | Residual | Day P&L | Deposits/Withdrawals | Cumulative Return |");
        w.line("|---|--:|--:|--:|--:|--:|--:|--:|--:|");
        for (SummaryRow row : report.summary()) {
            w.line("| " + row.day() + " | " + orDash(row.officialOpen(), false) + " | " + orDash(row.calculatedOpen(), false)
                    + " | " + orDash(row.officialClose(), false) + " | " + orDash(row.calculatedClose(), false)
                    + " | " + (row.residual() == null ? "n/a" : Figures.signed(row.residual()) + " (" + label(row.label()) + ")")
                    + " | " + orDash(row.dayPnl(), true) + " | " + Figures.signed(row.flows())
                    + " | " + (row.cumulativeReturn() == null ? "n/a" : Figures.percent(row.cumulativeReturn())) + " |");
        }
        w.blank();
        w.line("Cumulative return against the baseline of " + Figures.amount(report.settings().baseline()) + " "
                + report.settings().baselineCurrency() + ".");
        w.blank();
    }

    // ---- one trading day -----------------------------------------------------------------------------------

    private void day(TradingDayReport day, String base, Clocks clocks, Writer w) throws IOException {
        if (!day.overnight().isEmpty()) {
            w.line("### **Overnight Period (" + MONTH_DAY.format(day.previousTradingDay()) + " Close to "
                    + MONTH_DAY.format(day.day()) + " Open)**");
            w.blank();
            for (NarrativeItem item : day.overnight()) {
                item(item, base, clocks, w);
            }
            w.line("---");
            w.blank();
        }
        w.line("### **US Trading Day: " + DAY_HEADING.format(day.day()) + "**");
        w.blank();
        for (NarrativeItem item : day.preMarket()) {
            item(item, base, clocks, w);
        }
        open(day.open(), base, clocks, w);
        for (NarrativeItem item : day.intraday()) {
            item(item, base, clocks, w);
        }
        close(day, base, clocks, w);
    }

    private void open(MarketOpen open, String base, Clocks clocks, Writer w) throws IOException {
        boolean quiet = open.notInOfficial().isEmpty() && !open.differs();
        w.line(B1 + "**Market Open " + clocks.headline(open.at()) + ":**" + (quiet ? " The day begins." : ""));
        w.line(B2 + "**Official Opening NAV:** " + (open.officialOpening() == null
                ? "not available (no official close for " + MONTH_DAY.format(open.officialAsOf()) + ")"
                : Figures.amount(open.officialOpening()) + " " + base + " (the official close of " + MONTH_DAY.format(open.officialAsOf()) + ")"));
        w.line(B2 + "**Calculated Opening NAV:** " + (open.calculatedOpening() == null ? "not available"
                : Figures.amount(open.calculatedOpening()) + " " + base));
        if (open.differs()) {
            BigDecimal difference = open.calculatedOpening().subtract(open.officialOpening());
            String items = open.notInOfficial().stream()
                    .map(i -> title(i) + " " + clocks.headline(i.start(), i.end()) + " " + Figures.signed(i.nav().impact()) + " " + base)
                    .collect(Collectors.joining("; "));
            w.line(B2 + "**Difference:** " + Figures.signed(difference) + " " + base
                    + ". The official opening figure does not include: " + items + ".");
        }
        w.blank();
    }

    private void close(TradingDayReport day, String base, Clocks clocks, Writer w) throws IOException {
        MarketClose close = day.close();
        w.line(B1 + "**Market Close " + clocks.headline(close.at()) + ":**");
        w.line(B2 + "**Event:** " + closeEvent(close));
        w.line(B2 + "**Official Closing NAV:** " + (close.officialClose() == null ? "not yet available"
                : "**" + Figures.amount(close.officialClose()) + " " + base + "**"));
        if (close.calculatedClose() != null) {
            w.line(B2 + "**Calculated Closing NAV:** " + Figures.amount(close.calculatedClose()) + " " + base);
        }
        if (close.residual() != null) {
            String explanation = close.label() == ResidualLabel.MARK_TO_MARKET
                    ? ": the broker's marks on the positions open at the close."
                    : ", attributable to fees, rounding or anything the statement does not itemise.";
            w.line(B2 + "**" + label(close.label()) + ":** " + Figures.amount(close.officialClose()) + " - "
                    + Figures.amount(close.calculatedClose()) + " = **" + Figures.signed(close.residual()) + " " + base + "**"
                    + explanation);
        }
        w.blank();
    }

    private static String closeEvent(MarketClose close) {
        StringBuilder sb = new StringBuilder(close.earlyClose() ? "The market closes early." : "The market closes.");
        List<String> marked = new ArrayList<>();
        for (HeldPosition p : close.openPositions()) {
            if (!p.premiumRecognised()) {
                marked.add(Instruments.position(p.instrument(), p.quantity()));
            }
        }
        if (!marked.isEmpty()) {
            sb.append(" Your open positions are marked to the closing prices: ").append(String.join(", ", marked)).append('.');
        }
        if (!close.expiring().isEmpty()) {
            boolean allWorthless = close.expiring().stream().allMatch(e -> e.outcome() == ExpiryOutcome.Outcome.EXPIRES_WORTHLESS);
            if (allWorthless && close.expiring().size() > 1) {
                sb.append(close.expiring().size() == 2 ? " Both options expire worthless: " : " All expiring options expire worthless: ")
                        .append(close.expiring().stream().map(e -> Instruments.position(e.contract(), e.quantity()))
                                .collect(Collectors.joining(", ")))
                        .append('.');
            } else {
                sb.append(" Expiring today: ").append(close.expiring().stream()
                        .map(e -> Instruments.position(e.contract(), e.quantity()) + " " + outcome(e.outcome()))
                        .collect(Collectors.joining("; "))).append('.');
            }
        }
        if (close.openPositions().isEmpty()) {
            sb.append(" No positions are open.");
        }
        return sb.toString();
    }

    private static String outcome(ExpiryOutcome.Outcome outcome) {
        return switch (outcome) {
            case EXPIRES_WORTHLESS -> "expires worthless";
            case ASSIGNED -> "is assigned (see the overnight period)";
            case EXERCISED -> "is exercised (see the overnight period)";
            case NOT_YET_BOOKED -> "has no booking in the data yet";
        };
    }

    // ---- items ---------------------------------------------------------------------------------------------

    private void item(NarrativeItem item, String base, Clocks clocks, Writer w) throws IOException {
        w.line(B1 + "**" + title(item) + " " + clocks.headline(item.start(), item.end()) + ":**" + lead(item));
        if (item instanceof TradeBlock block) {
            block(block, base, clocks, w);
        } else if (item instanceof BookingItem booking) {
            booking(booking, w);
        } else if (item instanceof CashItem cash) {
            cash(cash, base, w);
        }
        nav(item.nav(), base, w);
        w.blank();
    }

    private static String lead(NarrativeItem item) {
        if (item instanceof TradeBlock block) {
            int n = block.executions().size();
            return " " + n + (n == 1 ? " execution." : " executions.");
        }
        return "";
    }

    private void block(TradeBlock block, String base, Clocks clocks, Writer w) throws IOException {
        w.line(B2 + "**Events:**");
        for (Execution e : block.executions()) {
            w.line(B3 + clocks.observerTime(e.at()) + " / " + clocks.exchangeTime(e.at()) + ": " + action(e) + " "
                    + Figures.quantity(e.quantity().abs()) + " " + Instruments.name(e.instrument())
                    + (e.instrument() instanceof Stock ? " shares" : "") + " at " + Figures.price(e.price()) + " " + e.currency()
                    + ", commission " + Figures.amount(e.commission()) + " " + e.currency());
        }
        w.line(B3 + "Afterwards: " + block.positionsAfter().stream()
                .map(p -> Instruments.position(p.instrument(), p.quantity())).collect(Collectors.joining(", ")) + ".");
        PnlBreakdown pnl = block.pnl();
        String ccy = pnl.currency();
        w.line(B2 + "**Net P&L Impact:**");
        if (pnl.hasRealized()) {
            w.line(B3 + realizedLabel(pnl.realized()) + ": " + realizedFormula(pnl) + Figures.amount(pnl.realized()) + " " + ccy
                    + (pnl.realizedFallback() ? " (from fifoPnlRealized less commission: the statement has no cost)" : ""));
        }
        if (!pnl.premiumTerms().isEmpty()) {
            w.line(B3 + "Premium: " + premiumFormula(pnl.premiumTerms()) + Figures.amount(pnl.premium()) + " " + ccy);
        }
        w.line(B3 + "Commissions: " + Figures.amount(pnl.commissions()) + " " + ccy);
        String conversion;
        if (ccy.equals(base)) {
            conversion = "";
        } else if (pnl.fxRate() != null) {
            conversion = Figures.amount(pnl.total()) + " " + ccy + " * " + Figures.rate(pnl.fxRate()) + " = ";
        } else {
            conversion = Figures.amount(pnl.total()) + " " + ccy + " at trade FX rates = ";
        }
        w.line(B3 + "**Total P&L Impact:** " + conversion + "**" + Figures.signed(block.nav().impact()) + " " + base + "**");
    }

    private static String action(Execution e) {
        String side = e.isBuy() ? "Buy" : "Sell";
        return switch (e.openClose()) {
            case OPEN -> side + " to open";
            case CLOSE -> side + " to close";
            case CLOSE_AND_OPEN -> side + " to close and open";
            case UNKNOWN -> side;
        };
    }

    private static String realizedLabel(BigDecimal realized) {
        return realized.signum() < 0 ? "Realized Loss" : realized.signum() > 0 ? "Realized Gain" : "Realized";
    }

    /** {@code (628.00 - 629.45) * 100 shares = } when one closing execution explains the whole figure. */
    private static String realizedFormula(PnlBreakdown pnl) {
        if (pnl.realizedTerms().size() != 1) {
            return "";
        }
        RealizedTerm t = pnl.realizedTerms().get(0);
        if (t.amount().compareTo(pnl.realized()) != 0 || t.basisPrice().stripTrailingZeros().scale() > 2) {
            return "";
        }
        BigDecimal units = t.quantity().abs();
        String first = t.quantity().signum() > 0 ? Figures.price(t.basisPrice()) : Figures.price(t.tradePrice());
        String second = t.quantity().signum() > 0 ? Figures.price(t.tradePrice()) : Figures.price(t.basisPrice());
        String size = t.multiplier().compareTo(BigDecimal.ONE) == 0
                ? Figures.quantity(units) + " shares"
                : Figures.quantity(units) + " * " + Figures.quantity(t.multiplier());
        return "(" + first + " - " + second + ") * " + size + " = ";
    }

    /** {@code (0.37 + 0.40) * 100 = } for single contracts at one multiplier, else {@code 2 * 0.85 * 100 + …}. */
    private static String premiumFormula(List<PremiumTerm> terms) {
        BigDecimal multiplier = terms.get(0).multiplier();
        boolean uniform = terms.stream().allMatch(t -> t.multiplier().compareTo(multiplier) == 0);
        boolean singles = terms.stream().allMatch(t -> t.contracts().compareTo(BigDecimal.ONE) == 0);
        if (uniform && singles) {
            String sum = terms.stream().map(t -> Figures.price(t.price())).collect(Collectors.joining(" + "));
            return (terms.size() > 1 ? "(" + sum + ")" : sum) + " * " + Figures.quantity(multiplier) + " = ";
        }
        return terms.stream().map(t -> Figures.quantity(t.contracts()) + " * " + Figures.price(t.price()) + " * "
                + Figures.quantity(t.multiplier())).collect(Collectors.joining(" + ")) + " = ";
    }

    private void booking(BookingItem item, Writer w) throws IOException {
        OptionBooking booking = item.booking();
        w.line(B2 + "**Event:** " + bookingEvent(booking));
        if (booking.basis() != ClassificationBasis.NOTES) {
            w.line(B2 + "**Classified by:** " + (booking.basis() == ClassificationBasis.OPTION_EAE
                    ? "the statement's OptionEAE row for this trade."
                    : "the BookTrade rule (an option contract expires, the underlying stock is assigned): no notes code."));
        }
        w.line(B2 + "**NAV Impact:** " + (item.nav().impact().signum() == 0
                ? "This asset exchange has no immediate P&L impact."
                : "Booking commission " + Figures.signed(item.nav().impact()) + "; the exchange itself has no P&L impact."));
    }

    private static String bookingEvent(OptionBooking booking) {
        BookingLeg option = booking.optionLeg();
        BookingLeg stock = booking.stockLeg();
        String held = option == null ? null
                : "Your " + (option.quantity().signum() > 0 ? "short " : "long ") + Instruments.name(option.instrument());
        if (booking instanceof Expiration) {
            return held + " expires worthless.";
        }
        String verb = booking instanceof Assignment ? " is assigned." : " is exercised.";
        StringBuilder sb = new StringBuilder(held == null ? "A " + (booking instanceof Assignment ? "assignment" : "exercise")
                + " delivers stock." : held + verb);
        if (stock != null) {
            String result = stock.quantity().signum() < 0 ? "short" : "long";
            sb.append(' ').append(option != null && option.quantity().signum() > 0 ? "Your option liability is replaced with a "
                            : option != null ? "Your option is replaced with a " : "It results in a ")
                    .append(stock.quantity().signum() < 0 ? "-" : "+").append(Figures.quantity(stock.quantity().abs()))
                    .append(" share ").append(result).append(" position in ").append(Instruments.name(stock.instrument()))
                    .append(" at a cost basis of ").append(Figures.price(stock.price())).append(' ').append(stock.currency())
                    .append("/share.");
        }
        return sb.toString();
    }

    private void cash(CashItem item, String base, Writer w) throws IOException {
        CashEvent e = item.event();
        String description = e.description() == null || e.description().isBlank() ? e.type() : e.type() + ": " + e.description();
        w.line(B2 + "**Event:** " + description + ".");
        String amount = e.currency().equals(base)
                ? "**" + Figures.signed(item.nav().impact()) + " " + base + "**"
                : Figures.signed(e.amount()) + " " + e.currency() + " * " + Figures.rate(e.fxRateToBase()) + " = **"
                        + Figures.signed(item.nav().impact()) + " " + base + "**";
        w.line(B2 + (item.isFlow() ? "**Cash Flow:** " + amount + " (a flow, not P&L)" : "**P&L Impact:** " + amount));
    }

    private static void nav(NavStep nav, String base, Writer w) throws IOException {
        if (!nav.known()) {
            w.line(B2 + "**NAV:** not available (no starting NAV)");
        } else if (nav.impact().signum() == 0) {
            w.line(B2 + "**NAV remains: " + Figures.amount(nav.after()) + " " + base + "**");
        } else {
            String op = nav.impact().signum() < 0 ? " - " : " + ";
            w.line(B2 + "**NAV becomes:** " + Figures.amount(nav.before()) + op + Figures.amount(nav.impact().abs()) + " = **"
                    + Figures.amount(nav.after()) + " " + base + "**");
        }
    }

    // ---- words ---------------------------------------------------------------------------------------------

    private static String title(NarrativeItem item) {
        String title;
        if (item instanceof TradeBlock block) {
            boolean one = block.executions().size() == 1;
            title = switch (block.kind()) {
                case DAY_TRADES -> "Day Trades";
                case ZERO_DTE -> one ? "0DTE Trade" : "0DTE Trades";
                case COVER -> one ? "Cover Trade" : "Cover Trades";
                case CLOSING -> one ? "Closing Trade" : "Closing Trades";
                case OPENING -> one ? "Opening Trade" : "Opening Trades";
                case TRADES -> one ? "Trade" : "Trades";
            };
        } else if (item instanceof BookingItem booking) {
            AccountEvent event = (AccountEvent) booking.booking();
            title = event instanceof Assignment ? "Assignment" : event instanceof Exercise ? "Exercise" : "Expiration";
        } else {
            CashEvent e = ((CashItem) item).event();
            title = switch (e.kind()) {
                case DEPOSIT_WITHDRAWAL -> e.amount().signum() < 0 ? "Withdrawal" : "Deposit";
                case DIVIDEND -> "Dividend";
                case WITHHOLDING_TAX -> "Withholding Tax";
                case INTEREST -> "Interest";
                case FEE -> "Fee";
                case OTHER -> "Cash Transaction";
            };
        }
        return item.section() == Section.PRE_MARKET ? "Pre-Market " + title : title;
    }

    private static String label(ResidualLabel label) {
        return label == ResidualLabel.MARK_TO_MARKET ? "Mark-to-Market P&L" : "Reconciliation";
    }

    private static String notice(Notice notice, String base) {
        String day = notice.day() == null ? "" : notice.day() + ": ";
        return day + switch (notice.kind()) {
            case NO_OFFICIAL_CLOSE -> "the broker has no official closing NAV yet; no residual is shown.";
            case NO_STARTING_NAV -> "no official close for " + notice.subject() + " and nothing to carry; calculated NAV is unknown.";
            case STARTED_FROM_CALCULATED -> "no official close for " + notice.subject()
                    + "; the day starts from the previous calculated close.";
            case REALIZED_FROM_FIFO -> "transaction " + notice.subject()
                    + " has no cost; its realized figure is fifoPnlRealized less commission.";
            case FALLBACK_FX_RATE -> "no FX rate for " + notice.subject() + "; the configured fallback rate was used.";
            case BASELINE_CURRENCY_MISMATCH -> "the base currency " + notice.subject() + " differs from the baseline's "
                    + "currency; no cumulative return.";
        };
    }

    private static String orDash(BigDecimal value, boolean signed) {
        if (value == null) {
            return "n/a";
        }
        return signed ? Figures.signed(value) : Figures.amount(value);
    }

    private static String zoneLabel(ZoneId zone) {
        return zone.getId().equals("Asia/Hong_Kong") ? "Hong Kong time (HKT)" : zone.getId();
    }

    /** Appends lines with '\n' endings whatever the platform, so golden files compare byte for byte. */
    private static final class Writer {
        private final Appendable out;

        Writer(Appendable out) {
            this.out = out;
        }

        void line(String s) throws IOException {
            out.append(s).append('\n');
        }

        void blank() throws IOException {
            out.append('\n');
        }
    }

}
