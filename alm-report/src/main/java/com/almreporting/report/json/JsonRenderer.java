package com.almreporting.report.json;

import com.almreporting.domain.model.Instrument;
import com.almreporting.domain.model.OptionContract;
import com.almreporting.domain.model.OtherInstrument;
import com.almreporting.domain.model.Stock;
import com.almreporting.domain.model.event.AccountEvent;
import com.almreporting.domain.model.event.Assignment;
import com.almreporting.domain.model.event.BookingLeg;
import com.almreporting.domain.model.event.CashEvent;
import com.almreporting.domain.model.event.Execution;
import com.almreporting.domain.model.event.Exercise;
import com.almreporting.domain.model.event.OptionBooking;
import com.almreporting.domain.report.BookingItem;
import com.almreporting.domain.report.CashItem;
import com.almreporting.domain.report.ExpiryOutcome;
import com.almreporting.domain.report.HeldPosition;
import com.almreporting.domain.report.LiveMark;
import com.almreporting.domain.report.MarketClose;
import com.almreporting.domain.report.NavChangeCheck;
import com.almreporting.domain.report.MarketOpen;
import com.almreporting.domain.report.NarrativeItem;
import com.almreporting.domain.report.NarrativeReport;
import com.almreporting.domain.report.NavStep;
import com.almreporting.domain.report.Notice;
import com.almreporting.domain.report.PnlBreakdown;
import com.almreporting.domain.report.PremiumTerm;
import com.almreporting.domain.report.RealizedTerm;
import com.almreporting.domain.report.ReportSettings;
import com.almreporting.domain.report.ResidualLabel;
import com.almreporting.domain.report.SummaryRow;
import com.almreporting.domain.report.TradeBlock;
import com.almreporting.domain.report.TradingDayReport;
import com.almreporting.report.ReportRenderer;
import com.almreporting.report.format.Clocks;
import com.almreporting.report.format.Instruments;
import com.almreporting.report.format.ItemIds;
import com.almreporting.report.format.Wording;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report as a JSON document of schema version {@value #SCHEMA_VERSION}, described by
 * {@code narrative-report-1.0.schema.json} beside this class. Every figure is a JSON string holding an exact
 * decimal ({@code "79402.22"}): money with at least two decimals, rates, prices and quantities as the broker gave
 * them; instants are ISO-8601 UTC together with both clocks of the narrative. Titles, labels and sentences are
 * the same words the Markdown and HTML narratives print. Stateless: immutable and thread-safe.
 */
public final class JsonRenderer implements ReportRenderer {

    /** The schema version this renderer writes; 1.x only ever adds optional members. */
    public static final String SCHEMA_VERSION = "1.0";

    /** Where the JSON Schema of this version lives on the class path. */
    public static final String SCHEMA_RESOURCE = "/com/almreporting/report/json/narrative-report-1.0.schema.json";

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);

    @Override
    public void render(NarrativeReport report, Appendable out) throws IOException {
        new Document(report, new JsonWriter(out)).write();
    }

    /** One rendering: the report, its clocks and the writer. */
    private static final class Document {
        private final NarrativeReport report;
        private final JsonWriter w;
        private final Clocks clocks;

        Document(NarrativeReport report, JsonWriter w) {
            this.report = report;
            this.w = w;
            this.clocks = new Clocks(report.settings().observerZone(), Wording.EXCHANGE);
        }

        void write() throws IOException {
            w.beginObject();
            w.field("schemaVersion", SCHEMA_VERSION);
            w.field("title", Wording.reportTitle(report));
            w.field("account", report.account().masked());
            w.field("baseCurrency", report.baseCurrency());
            w.field("from", report.from().toString());
            w.field("to", report.to().toString());
            w.name("zones").beginObject()
                    .field("observer", clocks.observer().getId())
                    .field("exchange", clocks.exchange().getId())
                    .endObject();
            settings(report.settings());
            w.name("summary").beginArray();
            for (SummaryRow row : report.summary()) {
                summaryRow(row);
            }
            w.endArray();
            w.name("navChanges").beginArray();
            for (NavChangeCheck c : report.navChanges()) {
                w.beginObject()
                        .field("from", c.from().toString())
                        .field("to", c.to().toString())
                        .field("startingValue", money(c.startingValue()))
                        .field("endingValue", money(c.endingValue()))
                        .field("componentsSum", money(c.componentsSum()))
                        .field("unexplained", money(c.unexplained()))
                        .field("officialStart", money(c.officialStart()))
                        .field("officialEnd", money(c.officialEnd()))
                        .field("officialDifference", money(c.officialDifference()))
                        .field("twrPercent", decimal(c.twr()))
                        .field("text", Wording.navChange(c, Wording.baseCurrency(report)))
                        .endObject();
            }
            w.endArray();
            w.name("days").beginArray();
            for (TradingDayReport day : report.days()) {
                day(day);
            }
            w.endArray();
            w.name("notices").beginArray();
            for (Notice notice : report.notices()) {
                w.beginObject()
                        .field("kind", notice.kind().name())
                        .field("day", date(notice.day()))
                        .field("subject", notice.subject())
                        .field("text", Wording.notice(notice))
                        .endObject();
            }
            w.endArray();
            w.endObject();
            w.finish();
        }

        private void settings(ReportSettings s) throws IOException {
            w.name("settings").beginObject()
                    .field("premiumPolicy", s.policy().id())
                    .field("blockGap", s.blockGap().toString())
                    .field("baseline", money(s.baseline()))
                    .field("baselineCurrency", s.baselineCurrency())
                    .field("fallbackFxRate", decimal(s.fallbackFxRate()))
                    .endObject();
        }

        private void summaryRow(SummaryRow row) throws IOException {
            w.beginObject()
                    .field("day", row.day().toString())
                    .field("officialOpen", money(row.officialOpen()))
                    .field("calculatedOpen", money(row.calculatedOpen()))
                    .field("officialClose", money(row.officialClose()))
                    .field("calculatedClose", money(row.calculatedClose()))
                    .field("residual", money(row.residual()));
            label(row.residual() == null ? null : row.label());
            w.field("dayPnl", money(row.dayPnl()))
                    .field("flows", money(row.flows()))
                    .field("cumulativeReturn", decimal(row.cumulativeReturn()))
                    .field("dailyTwr", decimal(row.dailyTwr()))
                    .field("cumulativeTwr", decimal(row.cumulativeTwr()))
                    .field("live", row.live())
                    .endObject();
        }

        private void label(ResidualLabel label) throws IOException {
            w.name("residualLabel");
            if (label == null) {
                w.nullValue();
                return;
            }
            w.beginObject().field("code", label.name()).field("text", Wording.residualLabel(label)).endObject();
        }

        // ---- days ------------------------------------------------------------------------------------------

        private void day(TradingDayReport day) throws IOException {
            Map<NarrativeItem, String> ids = ItemIds.of(day);
            w.beginObject()
                    .field("day", day.day().toString())
                    .field("heading", Wording.dayHeading(day.day()))
                    .field("previousTradingDay", date(day.previousTradingDay()));
            w.name("window").beginObject();
            clock("previousClose", day.window().previousClose());
            clock("open", day.window().open());
            clock("close", day.window().close());
            w.endObject();
            w.field("overnightHeading", day.overnight().isEmpty() ? null
                    : Wording.overnightHeading(day.previousTradingDay(), day.day()));
            items("overnight", day.overnight(), ids);
            items("preMarket", day.preMarket(), ids);
            open(day.open(), ids);
            items("intraday", day.intraday(), ids);
            close(day.close());
            live(day.live());
            w.endObject();
        }

        private void open(MarketOpen open, Map<NarrativeItem, String> ids) throws IOException {
            w.name("open").beginObject();
            clock("at", open.at());
            w.field("clocks", clocks.headline(open.at()))
                    .field("officialAsOf", date(open.officialAsOf()))
                    .field("officialOpening", money(open.officialOpening()))
                    .field("calculatedOpening", money(open.calculatedOpening()))
                    .field("difference", open.differs() ? money(open.calculatedOpening().subtract(open.officialOpening())) : null);
            w.name("notInOfficial").beginArray();
            for (NarrativeItem item : open.notInOfficial()) {
                w.beginObject()
                        .field("item", ids.get(item))
                        .field("title", Wording.title(item))
                        .field("clocks", clocks.headline(item.start(), item.end()))
                        .field("impact", money(item.nav().impact()))
                        .endObject();
            }
            w.endArray().endObject();
        }

        private void close(MarketClose close) throws IOException {
            w.name("close").beginObject();
            clock("at", close.at());
            w.field("clocks", clocks.headline(close.at()))
                    .field("earlyClose", close.earlyClose())
                    .field("event", Wording.closeEvent(close))
                    .field("officialClose", money(close.officialClose()))
                    .field("calculatedClose", money(close.calculatedClose()))
                    .field("residual", money(close.residual()));
            label(close.residual() == null ? null : close.label());
            w.name("openPositions").beginArray();
            for (HeldPosition p : close.openPositions()) {
                position(p);
            }
            w.endArray();
            w.name("expiring").beginArray();
            for (ExpiryOutcome e : close.expiring()) {
                w.beginObject();
                w.name("contract");
                instrument(e.contract());
                w.field("quantity", decimal(e.quantity()))
                        .field("position", Instruments.position(e.contract(), e.quantity()))
                        .field("outcome", e.outcome().name())
                        .field("text", Wording.outcome(e.outcome()));
                if (e.bookedAt() == null) {
                    w.name("bookedAt").nullValue();
                } else {
                    clock("bookedAt", e.bookedAt());
                }
                w.endObject();
            }
            w.endArray().endObject();
        }

        private void live(LiveMark live) throws IOException {
            w.name("live");
            if (live == null) {
                w.nullValue();
                return;
            }
            w.beginObject();
            clock("takenAt", live.takenAt());
            w.field("clocks", clocks.headline(live.takenAt()))
                    .field("currentNav", money(live.currentNav()))
                    .field("calculatedNav", money(live.calculatedNav()))
                    .field("unrealized", money(live.unrealized()))
                    .field("fallbackRateUsed", live.fallbackRateUsed());
            w.name("rates").beginObject();
            for (Map.Entry<String, java.math.BigDecimal> rate : live.rates().entrySet()) {
                w.field(rate.getKey(), decimal(rate.getValue()));
            }
            w.endObject();
            w.name("notes").beginArray();
            for (String note : live.notes()) {
                w.value(note);
            }
            w.endArray().endObject();
        }

        // ---- items -----------------------------------------------------------------------------------------

        private void items(String name, List<NarrativeItem> items, Map<NarrativeItem, String> ids) throws IOException {
            w.name(name).beginArray();
            for (NarrativeItem item : items) {
                item(item, ids.get(item));
            }
            w.endArray();
        }

        private void item(NarrativeItem item, String id) throws IOException {
            w.beginObject()
                    .field("id", id)
                    .field("kind", item instanceof TradeBlock ? "trades" : item instanceof BookingItem ? "booking" : "cash")
                    .field("section", item.section().name())
                    .field("title", Wording.title(item))
                    .field("clocks", clocks.headline(item.start(), item.end()));
            clock("start", item.start());
            clock("end", item.end());
            if (item instanceof TradeBlock block) {
                block(block);
            } else if (item instanceof BookingItem booking) {
                booking(booking);
            } else if (item instanceof CashItem cash) {
                cash(cash);
            }
            nav(item.nav());
            w.endObject();
        }

        private void block(TradeBlock block) throws IOException {
            w.field("blockKind", block.kind().name());
            w.name("executions").beginArray();
            for (Execution e : block.executions()) {
                execution(e);
            }
            w.endArray();
            w.name("positionsAfter").beginArray();
            for (HeldPosition p : block.positionsAfter()) {
                position(p);
            }
            w.endArray();
            pnl(block.pnl());
        }

        private void execution(Execution e) throws IOException {
            w.beginObject()
                    .field("transactionId", e.id().value())
                    .field("tradeId", e.tradeId() == null || e.tradeId().isBlank() ? null : e.tradeId());
            clock("at", e.at());
            w.field("side", e.isBuy() ? "BUY" : "SELL")
                    .field("openClose", e.openClose().name())
                    .field("action", Wording.action(e))
                    .field("text", Wording.execution(e));
            w.name("instrument");
            instrument(e.instrument());
            w.field("quantity", decimal(e.quantity()))
                    .field("price", decimal(e.price()))
                    .field("currency", e.currency())
                    .field("proceeds", money(e.proceeds()))
                    .field("commission", money(e.commission()))
                    .field("cost", money(e.cost()))
                    .field("fifoPnlRealized", money(e.fifoPnlRealized()))
                    .field("fxRateToBase", decimal(e.fxRateToBase()))
                    .endObject();
        }

        private void pnl(PnlBreakdown pnl) throws IOException {
            w.name("pnl").beginObject()
                    .field("currency", pnl.currency())
                    .field("realized", money(pnl.realized()))
                    .field("realizedLabel", Wording.realizedLabel(pnl.realized()))
                    .field("realizedFromFifo", pnl.realizedFallback());
            w.name("realizedTerms").beginArray();
            for (RealizedTerm t : pnl.realizedTerms()) {
                w.beginObject()
                        .field("basisPrice", decimal(t.basisPrice()))
                        .field("tradePrice", decimal(t.tradePrice()))
                        .field("quantity", decimal(t.quantity()))
                        .field("multiplier", decimal(t.multiplier()))
                        .field("amount", money(t.amount()))
                        .endObject();
            }
            w.endArray();
            w.field("premium", money(pnl.premium()));
            w.name("premiumTerms").beginArray();
            for (PremiumTerm t : pnl.premiumTerms()) {
                w.beginObject()
                        .field("contracts", decimal(t.contracts()))
                        .field("price", decimal(t.price()))
                        .field("multiplier", decimal(t.multiplier()))
                        .field("amount", money(t.amount()))
                        .endObject();
            }
            w.endArray();
            w.field("commissions", money(pnl.commissions()))
                    .field("total", money(pnl.total()))
                    .field("fxRate", decimal(pnl.fxRate()))
                    .field("totalBase", money(pnl.totalBase()))
                    .endObject();
        }

        private void booking(BookingItem item) throws IOException {
            OptionBooking booking = item.booking();
            AccountEvent event = (AccountEvent) booking;
            w.field("bookingKind", event instanceof Assignment ? "ASSIGNMENT" : event instanceof Exercise ? "EXERCISE" : "EXPIRATION")
                    .field("classifiedBy", booking.basis().name())
                    .field("event", Wording.bookingEvent(booking))
                    .field("impactText", Wording.bookingImpact(item.nav()));
            w.name("legs").beginArray();
            for (BookingLeg leg : booking.legs()) {
                w.beginObject()
                        .field("role", leg == booking.optionLeg() ? "option" : "stock")
                        .field("transactionId", leg.id().value());
                w.name("instrument");
                instrument(leg.instrument());
                w.field("quantity", decimal(leg.quantity()))
                        .field("price", decimal(leg.price()))
                        .field("currency", leg.currency())
                        .field("commission", money(leg.commission()))
                        .field("cost", money(leg.cost()))
                        .field("fifoPnlRealized", money(leg.fifoPnlRealized()))
                        .field("fxRateToBase", decimal(leg.fxRateToBase()))
                        .endObject();
            }
            w.endArray();
        }

        private void cash(CashItem item) throws IOException {
            CashEvent e = item.event();
            w.field("transactionId", e.key())
                    .field("cashKind", e.kind().name())
                    .field("flow", item.isFlow())
                    .field("type", e.type())
                    .field("description", e.description() == null || e.description().isBlank() ? null : e.description())
                    .field("event", Wording.cashEvent(e))
                    .field("currency", e.currency())
                    .field("amount", money(e.amount()))
                    .field("fxRateToBase", decimal(e.fxRateToBase()));
        }

        private void nav(NavStep nav) throws IOException {
            w.name("nav").beginObject()
                    .field("before", money(nav.before()))
                    .field("impact", money(nav.impact()))
                    .field("after", money(nav.after()))
                    .endObject();
        }

        // ---- values ----------------------------------------------------------------------------------------

        private void position(HeldPosition p) throws IOException {
            w.beginObject();
            w.name("instrument");
            instrument(p.instrument());
            w.field("quantity", decimal(p.quantity()))
                    .field("premiumRecognised", p.premiumRecognised())
                    .field("text", Instruments.position(p.instrument(), p.quantity()))
                    .endObject();
        }

        private void instrument(Instrument instrument) throws IOException {
            w.beginObject();
            if (instrument instanceof OptionContract o) {
                w.field("type", "option")
                        .field("symbol", o.symbol())
                        .field("name", Instruments.name(o))
                        .field("underlying", o.underlying())
                        .field("expiry", o.expiry().toString())
                        .field("right", o.right().name())
                        .field("strike", decimal(o.strike()))
                        .field("multiplier", decimal(o.multiplier()));
            } else if (instrument instanceof Stock s) {
                w.field("type", "stock")
                        .field("symbol", s.symbol())
                        .field("name", Instruments.name(s))
                        .field("multiplier", decimal(s.multiplier()));
            } else if (instrument instanceof OtherInstrument other) {
                w.field("type", "other")
                        .field("assetCategory", other.assetCategory())
                        .field("symbol", other.symbol())
                        .field("name", Instruments.name(other))
                        .field("underlying", other.underlying())
                        .field("multiplier", decimal(other.multiplier()));
            }
            w.endObject();
        }

        /** An instant in UTC with both clocks: local time, zone abbreviation in force and offset. */
        private void clock(String name, Instant at) throws IOException {
            w.name(name).beginObject().field("utc", at.toString());
            zoned("observer", clocks.atObserver(at));
            zoned("exchange", clocks.atExchange(at));
            w.endObject();
        }

        private void zoned(String name, ZonedDateTime t) throws IOException {
            w.name(name).beginObject()
                    .field("local", LOCAL.format(t))
                    .field("zone", Clocks.abbreviation(t))
                    .field("offset", t.getOffset().getId())
                    .endObject();
        }
    }

    /** Money: exact, with at least two decimals ({@code "-1.70"}, {@code "79402.22"}); null stays null. */
    static String money(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal v = value.scale() < 2 ? value.setScale(2, RoundingMode.UNNECESSARY) : value;
        return v.toPlainString();
    }

    /** Rates, prices, quantities: exact without trailing zeros ({@code "7.849"}, {@code "-100"}); null stays null. */
    static String decimal(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal v = value.stripTrailingZeros();
        return (v.scale() < 0 ? v.setScale(0) : v).toPlainString();
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
