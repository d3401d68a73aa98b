package com.almreporting.report.format;

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
import com.almreporting.domain.report.BookingItem;
import com.almreporting.domain.report.CashItem;
import com.almreporting.domain.report.ExpiryOutcome;
import com.almreporting.domain.report.HeldPosition;
import com.almreporting.domain.report.MarketClose;
import com.almreporting.domain.report.NarrativeItem;
import com.almreporting.domain.report.NarrativeReport;
import com.almreporting.domain.report.NavStep;
import com.almreporting.domain.report.Notice;
import com.almreporting.domain.report.PnlBreakdown;
import com.almreporting.domain.report.PremiumTerm;
import com.almreporting.domain.report.RealizedTerm;
import com.almreporting.domain.report.ReportSettings;
import com.almreporting.domain.report.ResidualLabel;
import com.almreporting.domain.report.TradeBlock;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The words of the narrative, shared by every format so that a title, a label or a sentence reads the same in
 * Markdown, HTML and JSON: titles of items, headings, labels of the residual, the sentences that tell bookings,
 * closes and notices. Plain text without markup; the formats add emphasis around it. Immutable and thread-safe.
 */
public final class Wording {
    /** The exchange whose trading days the narrative tells (DESIGN §3). */
    public static final ZoneId EXCHANGE = ZoneId.of("America/New_York");

    private static final DateTimeFormatter DAY_HEADING = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.US);
    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MMMM d", Locale.US);

    /** Column headings of the summary table, in order. */
    public static final List<String> SUMMARY_COLUMNS = List.of("Date", "Official Open", "Calculated Open",
            "Official Close", "Calculated Close", "Residual", "Day P&L", "Deposits/Withdrawals", "Cumulative Return",
            "Day TWR", "Cumulative TWR");

    private Wording() {
    }

    // ---- the report as a whole -----------------------------------------------------------------------------

    /** {@code NAV Narrative: account U***4321, 2025-07-17 to 2025-07-18}. */
    public static String reportTitle(NarrativeReport report) {
        return "NAV Narrative: account " + report.account().masked() + ", " + report.from() + " to " + report.to();
    }

    /** The line under the title: zones, currency and premium policy. */
    public static String introduction(NarrativeReport report) {
        String base = baseCurrency(report);
        return "Times in " + zoneLabel(report.settings().observerZone()) + " first, then New York time. Figures in "
                + (base.isEmpty() ? "the base currency" : base) + " unless marked. Premium policy: "
                + report.settings().policy().id() + ".";
    }

    /** The base currency, or the empty string when the statement did not say. */
    public static String baseCurrency(NarrativeReport report) {
        return report.baseCurrency() == null ? "" : report.baseCurrency();
    }

    public static String summaryHeading() {
        return "Summary";
    }

    /** {@code Cumulative return against the baseline of 928,200.00 HKD.} */
    public static String baselineNote(ReportSettings settings) {
        return "Cumulative return against the baseline of " + Figures.amount(settings.baseline()) + " "
                + settings.baselineCurrency() + ".";
    }

    public static String navChangesHeading() {
        return "NAV Change Cross-Check (ChangeInNAV)";
    }

    /** One ChangeInNAV period held against its components and the official NAVs, as a sentence. */
    public static String navChange(com.almreporting.domain.report.NavChangeCheck c, String base) {
        StringBuilder sb = new StringBuilder(c.from() + " to " + c.to() + ": ");
        if (c.startingValue() == null || c.endingValue() == null) {
            return sb.append("the statement gives no starting or ending value.").toString();
        }
        sb.append("starting ").append(Figures.amount(c.startingValue())).append(", ending ")
                .append(Figures.amount(c.endingValue())).append(' ').append(base).append("; components sum to ")
                .append(Figures.signed(c.componentsSum())).append(", unexplained ").append(Figures.signed(c.unexplained()))
                .append(' ').append(base);
        if (c.officialDifference() != null) {
            sb.append("; official NAVs ").append(Figures.amount(c.officialStart())).append(" to ")
                    .append(Figures.amount(c.officialEnd())).append(", difference from ChangeInNAV ")
                    .append(Figures.signed(c.officialDifference())).append(' ').append(base);
        }
        if (c.twr() != null) {
            sb.append("; IBKR's TWR ").append(c.twr().stripTrailingZeros().toPlainString()).append('%');
        }
        return sb.append('.').toString();
    }

    public static String notesHeading() {
        return "Notes";
    }

    private static String zoneLabel(ZoneId zone) {
        return zone.getId().equals("Asia/Hong_Kong") ? "Hong Kong time (HKT)" : zone.getId();
    }

    // ---- headings ------------------------------------------------------------------------------------------

    /** {@code US Trading Day: Thursday, July 17, 2025}. */
    public static String dayHeading(LocalDate day) {
        return "US Trading Day: " + DAY_HEADING.format(day);
    }

    /** {@code Overnight Period (July 17 Close to July 18 Open)}. */
    public static String overnightHeading(LocalDate previousTradingDay, LocalDate day) {
        return "Overnight Period (" + monthDay(previousTradingDay) + " Close to " + monthDay(day) + " Open)";
    }

    /** {@code July 17}. */
    public static String monthDay(LocalDate date) {
        return MONTH_DAY.format(date);
    }

    // ---- items ---------------------------------------------------------------------------------------------

    /** {@code Day Trades}, {@code Pre-Market Cover Trade}, {@code Assignment}, {@code Deposit}… */
    public static String title(NarrativeItem item) {
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

    /** What follows a headline: {@code 4 executions.} for blocks, nothing for other items. */
    public static String lead(NarrativeItem item) {
        if (item instanceof TradeBlock block) {
            int n = block.executions().size();
            return n + (n == 1 ? " execution." : " executions.");
        }
        return "";
    }

    /** {@code Sell to open 1 SPY 623 Put (Jul 17) at 0.28 USD, commission -0.73 USD}. */
    public static String execution(Execution e) {
        return action(e) + " " + Figures.quantity(e.quantity().abs()) + " " + Instruments.name(e.instrument())
                + (e.instrument() instanceof Stock ? " shares" : "") + " at " + Figures.price(e.price()) + " " + e.currency()
                + ", commission " + Figures.amount(e.commission()) + " " + e.currency();
    }

    /** {@code Buy to close}, {@code Sell to open}… */
    public static String action(Execution e) {
        String side = e.isBuy() ? "Buy" : "Sell";
        return switch (e.openClose()) {
            case OPEN -> side + " to open";
            case CLOSE -> side + " to close";
            case CLOSE_AND_OPEN -> side + " to close and open";
            case UNKNOWN -> side;
        };
    }

    /** {@code Afterwards: SPY 623 Put (Jul 17) closed out, short 1 SPY 628 Call (Jul 17).} */
    public static String afterwards(List<HeldPosition> positions) {
        return "Afterwards: " + positions.stream().map(p -> Instruments.position(p.instrument(), p.quantity()))
                .collect(Collectors.joining(", ")) + ".";
    }

    public static String realizedLabel(BigDecimal realized) {
        return realized.signum() < 0 ? "Realized Loss" : realized.signum() > 0 ? "Realized Gain" : "Realized";
    }

    /** {@code (628.00 - 629.45) * 100 shares = } when one closing execution explains the whole figure, else empty. */
    public static String realizedFormula(PnlBreakdown pnl) {
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

    /** {@code (0.37 + 0.40) * 100 = } for single contracts at one multiplier, else {@code 2 * 0.85 * 100 + … = }. */
    public static String premiumFormula(List<PremiumTerm> terms) {
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

    /** {@code  (from fifoPnlRealized less commission: the statement has no cost)} or empty. */
    public static String realizedFallback(PnlBreakdown pnl) {
        return pnl.realizedFallback() ? " (from fifoPnlRealized less commission: the statement has no cost)" : "";
    }

    /** The conversion before a block's base total: {@code -12.29 USD * 7.8487 = }, {@code … at trade FX rates = }, or empty. */
    public static String conversion(PnlBreakdown pnl, String base) {
        String ccy = pnl.currency();
        if (ccy.equals(base)) {
            return "";
        }
        if (pnl.fxRate() != null) {
            return Figures.amount(pnl.total()) + " " + ccy + " * " + Figures.rate(pnl.fxRate()) + " = ";
        }
        return Figures.amount(pnl.total()) + " " + ccy + " at trade FX rates = ";
    }

    /** {@code Your short SPY 628 Call (Jul 17) is assigned. Your option liability is replaced with a …}. */
    public static String bookingEvent(OptionBooking booking) {
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

    /** How a booking was classified when not by its notes code; null when the notes decided. */
    public static String classifiedBy(ClassificationBasis basis) {
        return switch (basis) {
            case NOTES -> null;
            case OPTION_EAE -> "the statement's OptionEAE row for this trade.";
            case HEURISTIC -> "the BookTrade rule (an option contract expires, the underlying stock is assigned): no notes code.";
        };
    }

    /** {@code This asset exchange has no immediate P&L impact.} or the booking commission. */
    public static String bookingImpact(NavStep nav) {
        return nav.impact().signum() == 0
                ? "This asset exchange has no immediate P&L impact."
                : "Booking commission " + Figures.signed(nav.impact()) + "; the exchange itself has no P&L impact.";
    }

    /** {@code Deposits/Withdrawals: CASH RECEIPTS / ELECTRONIC FUND TRANSFERS.} */
    public static String cashEvent(CashEvent e) {
        return (e.description() == null || e.description().isBlank() ? e.type() : e.type() + ": " + e.description()) + ".";
    }

    /** {@code +1,000.00 USD * 7.8000 = } for a cash event in another currency than the base, else empty. */
    public static String cashConversion(CashEvent e, String base) {
        return e.currency().equals(base) ? "" : Figures.signed(e.amount()) + " " + e.currency() + " * " + Figures.rate(e.fxRateToBase()) + " = ";
    }

    public static String cashLabel(CashItem item) {
        return item.isFlow() ? "Cash Flow:" : "P&L Impact:";
    }

    public static String cashFlowNote(CashItem item) {
        return item.isFlow() ? " (a flow, not P&L)" : "";
    }

    // ---- open and close ------------------------------------------------------------------------------------

    /** {@code The market closes. Your open positions are marked to the closing prices: … Expiring today: …} */
    /** The event sentence of a live day's end: it has not closed yet; the positions are marked live. */
    public static String liveEvent(MarketClose close) {
        String event = closeEvent(close).replaceFirst("^The market closes( early)?\\.", "The day so far, as IB Gateway sees it.");
        return event.replace("are marked to the closing prices", "are marked at the current prices");
    }

    public static String closeEvent(MarketClose close) {
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

    /** {@code expires worthless}, {@code is assigned (see the overnight period)}… */
    public static String outcome(ExpiryOutcome.Outcome outcome) {
        return switch (outcome) {
            case EXPIRES_WORTHLESS -> "expires worthless";
            case ASSIGNED -> "is assigned (see the overnight period)";
            case EXERCISED -> "is exercised (see the overnight period)";
            case NOT_YET_BOOKED -> "has no booking in the data yet";
        };
    }

    /** {@code Mark-to-Market P&L} or {@code Reconciliation}. */
    public static String residualLabel(ResidualLabel label) {
        return switch (label) {
            case MARK_TO_MARKET -> "Mark-to-Market P&L";
            case RECONCILIATION -> "Reconciliation";
            case UNREALIZED -> "Unrealized P&L (live)";
        };
    }

    /** What follows the residual figure: why it is there. */
    public static String residualExplanation(ResidualLabel label) {
        return switch (label) {
            case MARK_TO_MARKET -> ": the broker's marks on the positions open at the close.";
            case RECONCILIATION -> ", attributable to fees, rounding or anything the statement does not itemise.";
            case UNREALIZED -> ": the market's marks on the open positions at the time of the snapshot.";
        };
    }

    /** The day heading of a day told from the live snapshot. */
    public static String liveDayHeading(LocalDate day) {
        return dayHeading(day) + " (live)";
    }

    // ---- notices -------------------------------------------------------------------------------------------

    /** A notice as a sentence, prefixed with its day: {@code 2025-07-18: the broker has no official closing NAV yet; …} */
    public static String notice(Notice notice) {
        String day = notice.day() == null ? "" : notice.day() + ": ";
        return day + switch (notice.kind()) {
            case NO_OFFICIAL_CLOSE -> "the broker has no official closing NAV yet; no residual is shown.";
            case NO_STARTING_NAV -> "no official close for " + notice.subject() + " and nothing to carry; calculated NAV is unknown.";
            case STARTED_FROM_CALCULATED -> "no official close for " + notice.subject()
                    + "; the day starts from the previous calculated close.";
            case REALIZED_FROM_FIFO -> "transaction " + notice.subject()
                    + " has no cost; its realized figure is fifoPnlRealized less commission.";
            case REALIZED_FROM_BOOK -> "transaction " + notice.subject()
                    + " has no cost; its realized figure uses the FIFO basis of the lots it closed, as IBKR computes it.";
            case FALLBACK_FX_RATE -> "no FX rate for " + notice.subject() + "; the configured fallback rate was used.";
            case BASELINE_CURRENCY_MISMATCH -> "the base currency " + notice.subject() + " differs from the baseline's "
                    + "currency; no cumulative return.";
            case LIVE_SNAPSHOT_IGNORED -> "the live snapshot was not used: " + switch (notice.subject()) {
                case "statement" -> "the statement for this day is already in, and it is authoritative.";
                case "account" -> "it is of another account than the report's.";
                default -> "its day lies outside the report's range.";
            };
            case LIVE_FALLBACK_FX_RATE -> "the gateway sent no FX rate for " + notice.subject()
                    + "; live fills were valued at the configured fallback rate.";
        };
    }
}
