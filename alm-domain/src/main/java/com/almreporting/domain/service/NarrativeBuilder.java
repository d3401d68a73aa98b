package com.almreporting.domain.service;

import com.almreporting.domain.calendar.TradingCalendar;
import com.almreporting.domain.calendar.TradingDayWindow;
import com.almreporting.domain.calendar.TradingDayWindow.Section;
import com.almreporting.domain.model.AccountId;
import com.almreporting.domain.model.Instrument;
import com.almreporting.domain.model.ChangeInNav;
import com.almreporting.domain.model.OfficialNav;
import com.almreporting.domain.model.OpenClose;
import com.almreporting.domain.model.OptionContract;
import com.almreporting.domain.model.event.AccountEvent;
import com.almreporting.domain.model.event.Assignment;
import com.almreporting.domain.model.event.BookingLeg;
import com.almreporting.domain.model.event.CashEvent;
import com.almreporting.domain.model.event.Execution;
import com.almreporting.domain.model.event.Exercise;
import com.almreporting.domain.model.event.OptionBooking;
import com.almreporting.domain.model.checkpoint.Checkpoint;
import com.almreporting.domain.report.BlockKind;
import com.almreporting.domain.report.BookingItem;
import com.almreporting.domain.report.CashItem;
import com.almreporting.domain.report.ExpiryOutcome;
import com.almreporting.domain.report.HeldPosition;
import com.almreporting.domain.report.LiveMark;
import com.almreporting.domain.report.MarketClose;
import com.almreporting.domain.report.MarketOpen;
import com.almreporting.domain.report.NarrativeItem;
import com.almreporting.domain.report.NarrativeReport;
import com.almreporting.domain.report.NavChangeCheck;
import com.almreporting.domain.report.NavStep;
import com.almreporting.domain.report.Notice;
import com.almreporting.domain.report.PnlBreakdown;
import com.almreporting.domain.report.PremiumPolicy;
import com.almreporting.domain.report.PremiumTerm;
import com.almreporting.domain.report.RealizedTerm;
import com.almreporting.domain.report.ReportSettings;
import com.almreporting.domain.report.ResidualLabel;
import com.almreporting.domain.report.SummaryRow;
import com.almreporting.domain.report.TradeBlock;
import com.almreporting.domain.report.TradingDayReport;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Tells the account's events day by day (DESIGN §5, §6): each trading day starts from the official previous close,
 * takes overnight and pre-market events, states the open, takes intraday blocks, and reconciles at the close.
 * Every day from the first event on is walked, so positions and recognised premiums carry into the range; only
 * the requested days are reported, with the notices about them. A builder may instead {@link #resume} from a
 * checkpoint, the state the walk had at a day's close, and walk on from there. One builder per report: not
 * thread-safe.
 */
final class NarrativeBuilder {

    private static final int CENTS = 2;

    private final TradingCalendar calendar;
    private final ReportSettings settings;
    private final String baseCurrency;
    private final PositionBook book = new PositionBook();
    private final Set<Notice> notices = new LinkedHashSet<>();
    private int blockSequence;
    private Checkpoint resumedFrom;
    /** Notices about days before this one concern no reported day and are left out. */
    private LocalDate reportedFrom = LocalDate.MIN;

    NarrativeBuilder(TradingCalendar calendar, ReportSettings settings, String baseCurrency) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.baseCurrency = baseCurrency;
    }

    /** Adds a notice the caller found (e.g. an ignored live snapshot). */
    void notice(Notice notice) {
        notices.add(notice);
    }

    /**
     * Continues from {@code checkpoint}: its lots, block counter and calculated close; the walk starts with the
     * next trading day, and the events given to {@link #build} or {@link #checkpoints} must be those after its
     * day's close.
     */
    void resume(Checkpoint checkpoint) {
        book.restore(checkpoint.holdings());
        blockSequence = checkpoint.blockSequence();
        resumedFrom = checkpoint;
    }

    /** Keeps a notice the walk found if it concerns a reported day (or no day in particular). */
    private void note(Notice notice) {
        if (notice.day() == null || !notice.day().isBefore(reportedFrom)) {
            notices.add(notice);
        }
    }

    /** What a walk hands out at each day's close. */
    private interface DayEnd {
        void closed(LocalDate day, TradingDayReport report, boolean reported);
    }

    NarrativeReport build(AccountId account, List<AccountEvent> events, List<OfficialNav> navs, LocalDate from, LocalDate to) {
        return build(account, events, navs, List.of(), from, to, null);
    }

    /** As {@link #build(AccountId, List, List, LocalDate, LocalDate)}, with the live day told from a gateway snapshot. */
    NarrativeReport build(AccountId account, List<AccountEvent> events, List<OfficialNav> navs,
                          List<ChangeInNav> changes, LocalDate from, LocalDate to, LiveInput live) {
        Map<LocalDate, BigDecimal> official = officialCloses(navs);
        reportedFrom = from;
        List<TradingDayReport> days = new ArrayList<>();
        List<SummaryRow> summary = new ArrayList<>();
        BigDecimal[] chain = {BigDecimal.ONE};
        walk(events, official, from, to, live, (day, report, reported) -> {
            if (reported) {
                days.add(report);
                SummaryRow row = summaryRow(report, account, chain[0]);
                chain[0] = row.cumulativeTwr() == null ? null : row.cumulativeTwr().add(BigDecimal.ONE);
                summary.add(row);
            }
        });
        if (baseCurrency != null && !baseCurrency.equals(settings.baselineCurrency())) {
            notices.add(new Notice(Notice.Kind.BASELINE_CURRENCY_MISMATCH, null, baseCurrency));
        }
        return new NarrativeReport(account, baseCurrency, from, to, settings, summary, days,
                navChanges(changes, official, from, to), List.copyOf(notices));
    }

    /**
     * Walks every day through {@code through} without reporting any, and returns the state carried out of each
     * day for which {@code bounds} gives the checkpoint's {@code since} and {@code horizon} (null: no checkpoint).
     */
    List<Checkpoint> checkpoints(AccountId account, List<AccountEvent> events, List<OfficialNav> navs, LocalDate through,
                                 java.util.function.Function<LocalDate, CheckpointBounds> bounds) {
        LocalDate after = calendar.nextTradingDay(through);
        reportedFrom = after;
        List<Checkpoint> out = new ArrayList<>();
        walk(events, officialCloses(navs), after, through, null, (day, report, reported) -> {
            CheckpointBounds b = bounds.apply(day);
            if (b != null) {
                out.add(new Checkpoint(account, day, b.since(), b.horizon(), settings.carryKey(), baseCurrency,
                        report.close().calculatedClose(), blockSequence, book.carried()));
            }
        });
        return out;
    }

    private static Map<LocalDate, BigDecimal> officialCloses(List<OfficialNav> navs) {
        Map<LocalDate, BigDecimal> official = new HashMap<>();
        for (OfficialNav nav : navs) {
            official.put(nav.reportDate(), nav.total());
        }
        return official;
    }

    /** Tells every day from the first event (or the day after the checkpoint resumed from) through {@code to}. */
    private void walk(List<AccountEvent> events, Map<LocalDate, BigDecimal> official, LocalDate from, LocalDate to,
                      LiveInput live, DayEnd dayEnd) {
        LocalDate firstReported = calendar.isTradingDay(from) ? from : calendar.nextTradingDay(from);
        LocalDate first;
        BigDecimal carried;
        if (resumedFrom != null) {
            first = calendar.nextTradingDay(resumedFrom.day());
            carried = resumedFrom.calculatedClose();
        } else {
            first = events.isEmpty() ? firstReported : min(firstReported, calendar.tradingDayOf(events.get(0).at()));
            carried = null;
        }
        int next = 0;
        for (LocalDate day = first; !day.isAfter(to); day = calendar.nextTradingDay(day)) {
            TradingDayWindow window = calendar.window(day);
            List<AccountEvent> dayEvents = new ArrayList<>();
            while (next < events.size() && !events.get(next).at().isAfter(window.close())) {
                dayEvents.add(events.get(next++));
            }
            LiveInput liveToday = live != null && live.day().equals(day) ? live : null;
            if (liveToday != null) {
                dayEvents.addAll(liveToday.fills());
                dayEvents.sort(java.util.Comparator.comparing(AccountEvent::at));
            }
            boolean reported = !day.isBefore(from);
            TradingDayReport report = day(window, dayEvents, events.subList(next, events.size()), official, carried, reported,
                    liveToday);
            carried = report.close().calculatedClose();
            dayEnd.closed(day, report, reported);
        }
    }

    /** Each ChangeInNAV period that overlaps the range, checked against its components and the official NAVs. */
    private List<NavChangeCheck> navChanges(List<ChangeInNav> changes, Map<LocalDate, BigDecimal> official,
                                            LocalDate from, LocalDate to) {
        List<NavChangeCheck> checks = new ArrayList<>();
        for (ChangeInNav c : changes) {
            if (c.fromDate() == null || c.toDate() == null || c.toDate().isBefore(from) || c.fromDate().isAfter(to)) {
                continue;
            }
            BigDecimal sum = c.components().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal unexplained = c.startingValue() == null || c.endingValue() == null ? null
                    : c.endingValue().subtract(c.startingValue()).subtract(sum);
            BigDecimal officialStart = official.get(calendar.previousTradingDay(c.fromDate()));
            BigDecimal officialEnd = official.get(c.toDate());
            BigDecimal officialDifference = officialStart == null || officialEnd == null || unexplained == null ? null
                    : officialEnd.subtract(officialStart).subtract(c.endingValue().subtract(c.startingValue()));
            checks.add(new NavChangeCheck(c.fromDate(), c.toDate(), c.startingValue(), c.endingValue(), sum, unexplained,
                    officialStart, officialEnd, officialDifference, c.twr()));
        }
        checks.sort(java.util.Comparator.comparing(NavChangeCheck::from).thenComparing(NavChangeCheck::to));
        return checks;
    }

    private TradingDayReport day(TradingDayWindow window, List<AccountEvent> dayEvents, List<AccountEvent> later,
                                 Map<LocalDate, BigDecimal> official, BigDecimal carried, boolean reported, LiveInput live) {
        LocalDate day = window.day();
        LocalDate previous = calendar.previousTradingDay(day);
        BigDecimal officialOpen = official.get(previous);
        BigDecimal nav = officialOpen != null ? officialOpen : carried;
        if (reported && officialOpen == null) {
            note(new Notice(nav == null ? Notice.Kind.NO_STARTING_NAV : Notice.Kind.STARTED_FROM_CALCULATED, day,
                    previous.toString()));
        }
        Map<Section, List<NarrativeItem>> sections = new LinkedHashMap<>();
        for (Section s : Section.values()) {
            sections.put(s, new ArrayList<>());
        }
        List<Execution> block = new ArrayList<>();
        Section blockSection = null;
        BigDecimal calculatedOpen = null;
        boolean opened = false;
        for (AccountEvent event : dayEvents) {
            Section section = window.sectionOf(event.at());
            if (!opened && section == Section.INTRADAY) {
                nav = flush(block, blockSection, day, nav, sections);
                calculatedOpen = nav;
                opened = true;
            }
            if (event instanceof Execution execution) {
                if (!block.isEmpty() && !continuesBlock(block, blockSection, execution, section)) {
                    nav = flush(block, blockSection, day, nav, sections);
                }
                block.add(execution);
                blockSection = section;
                continue;
            }
            nav = flush(block, blockSection, day, nav, sections);
            NarrativeItem item = single(event, section, nav, day);
            nav = item.nav().after();
            sections.get(section).add(item);
        }
        nav = flush(block, blockSection, day, nav, sections);
        if (!opened) {
            calculatedOpen = nav;
        }
        List<NarrativeItem> beforeOpen = new ArrayList<>(sections.get(Section.OVERNIGHT));
        beforeOpen.addAll(sections.get(Section.PRE_MARKET));
        List<NarrativeItem> notInOfficial = beforeOpen.stream().filter(i -> i.nav().impact().signum() != 0).toList();
        MarketOpen open = new MarketOpen(window.open(), previous, officialOpen, calculatedOpen, notInOfficial);
        if (live != null) {
            return liveDay(window, previous, sections, open, nav, live);
        }
        MarketClose close = close(window, official.get(day), nav, later, reported);
        return new TradingDayReport(window, previous, sections.get(Section.OVERNIGHT), sections.get(Section.PRE_MARKET),
                open, sections.get(Section.INTRADAY), close, null);
    }

    /** A day without a statement yet: it ends at the snapshot, with unrealized = current NAV − calculated NAV. */
    private TradingDayReport liveDay(TradingDayWindow window, LocalDate previous, Map<Section, List<NarrativeItem>> sections,
                                     MarketOpen open, BigDecimal calculated, LiveInput live) {
        LocalDate day = window.day();
        BigDecimal current = live.snapshot().netLiquidation();
        BigDecimal unrealized = calculated == null ? null : current.subtract(calculated);
        List<HeldPosition> positions = book.openPositions();
        List<ExpiryOutcome> expiring = new ArrayList<>();
        for (HeldPosition p : positions) {
            if (p.instrument() instanceof OptionContract option && !option.expiry().isAfter(day)) {
                expiring.add(new ExpiryOutcome(option, p.quantity(), ExpiryOutcome.Outcome.NOT_YET_BOOKED, null));
            }
        }
        if (live.executions().usedFallbackRate()) {
            note(new Notice(Notice.Kind.LIVE_FALLBACK_FX_RATE, day, String.join(", ", live.rates().keySet())));
        }
        List<String> notes = new ArrayList<>(live.executions().notices());
        notes.addAll(live.snapshot().warnings());
        LiveMark mark = new LiveMark(live.snapshot().takenAt(), current, calculated, unrealized, live.rates(),
                live.executions().usedFallbackRate(), notes);
        MarketClose close = new MarketClose(live.snapshot().takenAt(), calendar.isEarlyClose(day), null, calculated,
                unrealized, ResidualLabel.UNREALIZED, positions, expiring);
        return new TradingDayReport(window, previous, sections.get(Section.OVERNIGHT), sections.get(Section.PRE_MARKET),
                open, sections.get(Section.INTRADAY), close, mark);
    }

    private boolean continuesBlock(List<Execution> block, Section blockSection, Execution next, Section section) {
        Execution last = block.get(block.size() - 1);
        return section == blockSection
                && next.currency().equals(last.currency())
                && Duration.between(last.at(), next.at()).compareTo(settings.blockGap()) <= 0;
    }

    private BigDecimal flush(List<Execution> block, Section section, LocalDate day, BigDecimal nav,
                             Map<Section, List<NarrativeItem>> sections) {
        if (block.isEmpty()) {
            return nav;
        }
        TradeBlock item = tradeBlock(List.copyOf(block), section, day, nav);
        sections.get(section).add(item);
        block.clear();
        return item.nav().after();
    }

    // ---- blocks of executions -------------------------------------------------------------------------------

    private TradeBlock tradeBlock(List<Execution> executions, Section section, LocalDate day, BigDecimal navBefore) {
        int sequence = ++blockSequence;
        Map<String, Instrument> touched = new LinkedHashMap<>();
        Map<String, BigDecimal> positionBefore = new HashMap<>();
        Map<String, BigDecimal> fxOf = new HashMap<>();
        for (Execution e : executions) {
            touched.putIfAbsent(e.instrument().symbol(), e.instrument());
            positionBefore.putIfAbsent(e.instrument().symbol(), book.position(e.instrument()));
            fxOf.putIfAbsent(e.instrument().symbol(), fx(e.currency(), e.fxRateToBase(), day));
        }
        BigDecimal realized = BigDecimal.ZERO;
        BigDecimal commissions = BigDecimal.ZERO;
        BigDecimal base = BigDecimal.ZERO;
        boolean fallback = false;
        List<RealizedTerm> realizedTerms = new ArrayList<>();
        for (Execution e : executions) {
            BigDecimal rate = fx(e.currency(), e.fxRateToBase(), day);
            BigDecimal closeQty = book.closingPart(e.instrument(), e.quantity());
            BigDecimal openQty = e.quantity().abs().subtract(closeQty);
            BigDecimal openingCost = openingCostOf(e, closeQty, openQty);
            PositionBook.Closed closed = book.apply(e.instrument(), e.quantity(), openingCost, e.price(), sequence);
            Realized r = realized(e, closeQty, closed, day);
            fallback |= r.fallback();
            realized = realized.add(r.amount());
            if (r.term() != null) {
                realizedTerms.add(r.term());
            }
            commissions = commissions.add(e.commission());
            base = base.add(r.amount().add(e.commission()).multiply(rate));
        }
        BigDecimal premium = BigDecimal.ZERO;
        List<PremiumTerm> premiumTerms = new ArrayList<>();
        if (settings.policy() == PremiumPolicy.ZERO_DTE_PREMIUM) {
            for (Instrument instrument : touched.values()) {
                if (!(instrument instanceof OptionContract option) || !option.expiresOn(day)) {
                    continue;
                }
                BigDecimal shortBefore = positionBefore.get(instrument.symbol()).negate().max(BigDecimal.ZERO);
                BigDecimal shortAfter = book.position(instrument).negate().max(BigDecimal.ZERO);
                BigDecimal added = shortAfter.subtract(shortBefore);
                if (added.signum() > 0) {
                    for (PremiumTerm term : book.recognise(instrument, added, sequence)) {
                        premiumTerms.add(term);
                        premium = premium.add(term.amount());
                        base = base.add(term.amount().multiply(fxOf.get(instrument.symbol())));
                    }
                }
            }
        }
        BigDecimal total = realized.add(premium).add(commissions);
        BigDecimal impact = base.setScale(CENTS, RoundingMode.HALF_UP);
        PnlBreakdown pnl = new PnlBreakdown(executions.get(0).currency(), realized, realizedTerms, fallback, premium,
                premiumTerms, commissions, total, commonRate(executions, day), impact);
        List<HeldPosition> after = new ArrayList<>();
        for (Instrument instrument : touched.values()) {
            HeldPosition held = book.held(instrument);
            after.add(held != null ? held : new HeldPosition(instrument, BigDecimal.ZERO, false));
        }
        return new TradeBlock(kindOf(executions, day), section, executions, pnl, step(navBefore, impact), after);
    }

    /** The opening cost of the part of a fill that opens: IBKR's {@code cost} for a pure opening row, else −(proceeds + commission) pro rata. */
    private static BigDecimal openingCostOf(Execution e, BigDecimal closeQty, BigDecimal openQty) {
        if (openQty.signum() == 0) {
            return BigDecimal.ZERO;
        }
        if (closeQty.signum() == 0 && e.openClose() == OpenClose.OPEN && e.cost() != null) {
            return e.cost();
        }
        BigDecimal net = e.proceeds().add(e.commission()).negate();
        return net.multiply(openQty).divide(e.quantity().abs(), MathContext.DECIMAL128);
    }

    private record Realized(BigDecimal amount, boolean fallback, RealizedTerm term) {
    }

    /**
     * Realized P&amp;L of one fill before its own commission (DESIGN §5): proceeds + cost for closing rows, which
     * excludes premium IBKR folds into stock delivered by assignment; for lots whose premium was recognised at
     * sale, their opening cost is added back so that only the buy-back proceeds count.
     */
    private Realized realized(Execution e, BigDecimal closeQty, PositionBook.Closed closed, LocalDate day) {
        OpenClose oc = e.openClose();
        if (oc == OpenClose.UNKNOWN && closeQty.signum() > 0 && (e.cost() != null || e.fifoPnlRealized() != null)) {
            oc = OpenClose.CLOSE;
        }
        BigDecimal amount;
        boolean fallback = false;
        switch (oc) {
            case CLOSE -> {
                if (e.cost() != null) {
                    amount = e.proceeds().add(e.cost());
                } else if (closeQty.signum() > 0 && closed.quantity().compareTo(e.quantity().abs()) == 0) {
                    // No cost on the row (a live fill, a trimmed query): the book holds the lots it closes, so IBKR's
                    // own arithmetic applies with the FIFO basis it would have printed as cost.
                    amount = e.proceeds().subtract(closed.openingCost());
                    note(new Notice(Notice.Kind.REALIZED_FROM_BOOK, day, e.id().value()));
                } else if (e.fifoPnlRealized() != null) {
                    amount = e.fifoPnlRealized().subtract(e.commission());
                    fallback = true;
                } else {
                    amount = BigDecimal.ZERO;
                    fallback = true;
                }
            }
            case CLOSE_AND_OPEN -> {
                // Only the closing part realizes; IBKR's fifoPnlRealized already nets that part's commission.
                BigDecimal closingCommission = closeQty.signum() == 0 ? e.commission()
                        : e.commission().multiply(closeQty).divide(e.quantity().abs(), MathContext.DECIMAL128);
                if (e.fifoPnlRealized() != null) {
                    amount = e.fifoPnlRealized().subtract(closingCommission);
                } else {
                    amount = BigDecimal.ZERO;
                }
                fallback = true;
            }
            default -> amount = BigDecimal.ZERO;
        }
        amount = amount.add(closed.recognisedOpeningCost());
        if (fallback) {
            note(new Notice(Notice.Kind.REALIZED_FROM_FIFO, day, e.id().value()));
        }
        RealizedTerm term = null;
        if (oc == OpenClose.CLOSE && closeQty.compareTo(e.quantity().abs()) == 0 && !fallback
                && closed.recognisedOpeningCost().signum() == 0) {
            // The basis price is implied by the realized figure; a buy-back of recognised premium has none to show.
            BigDecimal units = e.quantity().multiply(e.instrument().multiplier());
            BigDecimal basis = e.price().add(amount.divide(units, MathContext.DECIMAL128)).stripTrailingZeros();
            if (basis.scale() <= 4) {
                term = new RealizedTerm(basis, e.price(), e.quantity(), e.instrument().multiplier(), amount);
            }
        }
        return new Realized(amount, fallback, term);
    }

    private BlockKind kindOf(List<Execution> executions, LocalDate day) {
        Map<String, Set<Integer>> sides = new HashMap<>();
        boolean allZeroDteOpeningSales = true;
        boolean allClosing = true;
        boolean allOpening = true;
        boolean allBuys = true;
        for (Execution e : executions) {
            sides.computeIfAbsent(e.instrument().symbol(), k -> new java.util.HashSet<>()).add(e.quantity().signum());
            boolean zeroDte = e.instrument() instanceof OptionContract o && o.expiresOn(day);
            allZeroDteOpeningSales &= zeroDte && e.quantity().signum() < 0 && e.openClose() == OpenClose.OPEN;
            allClosing &= e.openClose() == OpenClose.CLOSE;
            allOpening &= e.openClose() == OpenClose.OPEN;
            allBuys &= e.quantity().signum() > 0;
        }
        if (sides.values().stream().anyMatch(s -> s.size() > 1)) {
            return BlockKind.DAY_TRADES;
        }
        if (allZeroDteOpeningSales) {
            return BlockKind.ZERO_DTE;
        }
        if (allClosing && allBuys) {
            return BlockKind.COVER;
        }
        if (allClosing) {
            return BlockKind.CLOSING;
        }
        return allOpening ? BlockKind.OPENING : BlockKind.TRADES;
    }

    private BigDecimal commonRate(List<Execution> executions, LocalDate day) {
        BigDecimal rate = null;
        for (Execution e : executions) {
            BigDecimal r = fx(e.currency(), e.fxRateToBase(), day);
            if (rate == null) {
                rate = r;
            } else if (rate.compareTo(r) != 0) {
                return null;
            }
        }
        return rate;
    }

    // ---- single events --------------------------------------------------------------------------------------

    private NarrativeItem single(AccountEvent event, Section section, BigDecimal navBefore, LocalDate day) {
        if (event instanceof CashEvent cash) {
            BigDecimal impact = cash.amount().multiply(fx(cash.currency(), cash.fxRateToBase(), day))
                    .setScale(CENTS, RoundingMode.HALF_UP);
            return new CashItem(cash, section, step(navBefore, impact));
        }
        OptionBooking booking = (OptionBooking) event;
        int sequence = ++blockSequence;
        BigDecimal base = BigDecimal.ZERO;
        for (BookingLeg leg : booking.legs()) {
            BigDecimal openingCost = leg.cost() != null ? leg.cost()
                    : leg.quantity().multiply(leg.price()).multiply(leg.instrument().multiplier());
            book.apply(leg.instrument(), leg.quantity(), openingCost, leg.price(), sequence);
            base = base.add(leg.commission().multiply(fx(leg.currency(), leg.fxRateToBase(), day)));
        }
        return new BookingItem(booking, section, step(navBefore, base.setScale(CENTS, RoundingMode.HALF_UP)));
    }

    // ---- the close ------------------------------------------------------------------------------------------

    private MarketClose close(TradingDayWindow window, BigDecimal officialClose, BigDecimal calculatedClose,
                              List<AccountEvent> later, boolean reported) {
        LocalDate day = window.day();
        List<HeldPosition> open = book.openPositions();
        boolean unrecognisedValue = open.stream().anyMatch(p -> !isRecognisedZeroDteShort(p, day));
        BigDecimal residual = officialClose != null && calculatedClose != null ? officialClose.subtract(calculatedClose) : null;
        if (reported && officialClose == null) {
            note(new Notice(Notice.Kind.NO_OFFICIAL_CLOSE, day, day.toString()));
        }
        List<ExpiryOutcome> expiring = new ArrayList<>();
        for (HeldPosition p : open) {
            if (p.instrument() instanceof OptionContract option && !option.expiry().isAfter(day)) {
                expiring.add(outcome(option, p.quantity(), later, day));
            }
        }
        return new MarketClose(window.close(), calendar.isEarlyClose(day), officialClose, calculatedClose, residual,
                unrecognisedValue ? ResidualLabel.MARK_TO_MARKET : ResidualLabel.RECONCILIATION, open, expiring);
    }

    private static boolean isRecognisedZeroDteShort(HeldPosition p, LocalDate day) {
        return p.instrument() instanceof OptionContract o && o.expiresOn(day) && p.quantity().signum() < 0
                && p.premiumRecognised();
    }

    /** Looks ahead to the bookings after the close (up to the next trading day's close) for the contract's fate. */
    private ExpiryOutcome outcome(OptionContract option, BigDecimal quantity, List<AccountEvent> later, LocalDate day) {
        java.time.Instant horizon = calendar.close(calendar.nextTradingDay(day));
        for (AccountEvent event : later) {
            if (event.at().isAfter(horizon)) {
                break;
            }
            if (event instanceof OptionBooking booking && booking.optionLeg() != null
                    && booking.optionLeg().instrument().symbol().equals(option.symbol())) {
                ExpiryOutcome.Outcome outcome = event instanceof Assignment ? ExpiryOutcome.Outcome.ASSIGNED
                        : event instanceof Exercise ? ExpiryOutcome.Outcome.EXERCISED
                        : ExpiryOutcome.Outcome.EXPIRES_WORTHLESS;
                return new ExpiryOutcome(option, quantity, outcome, event.at());
            }
        }
        return new ExpiryOutcome(option, quantity, ExpiryOutcome.Outcome.NOT_YET_BOOKED, null);
    }

    // ---- figures --------------------------------------------------------------------------------------------

    private SummaryRow summaryRow(TradingDayReport day, AccountId account, BigDecimal chain) {
        MarketOpen open = day.open();
        MarketClose close = day.close();
        BigDecimal flows = BigDecimal.ZERO;
        for (List<NarrativeItem> items : List.of(day.overnight(), day.preMarket(), day.intraday())) {
            for (NarrativeItem item : items) {
                if (item instanceof CashItem cash && cash.isFlow()) {
                    flows = flows.add(cash.nav().impact());
                }
            }
        }
        BigDecimal start = open.officialOpening() != null ? open.officialOpening() : firstBefore(day);
        BigDecimal end = day.isLive() ? day.live().currentNav()
                : close.officialClose() != null ? close.officialClose() : close.calculatedClose();
        BigDecimal dayPnl = start != null && end != null ? end.subtract(start).subtract(flows) : null;
        BigDecimal cumulative = null;
        if (end != null && (baseCurrency == null || baseCurrency.equals(settings.baselineCurrency()))) {
            cumulative = end.subtract(settings.baseline()).divide(settings.baseline(), 6, RoundingMode.HALF_UP);
        }
        BigDecimal dailyTwr = null;
        if (start != null && end != null && start.add(flows).signum() > 0) {
            dailyTwr = end.subtract(start).subtract(flows).divide(start.add(flows), 8, RoundingMode.HALF_UP);
        }
        BigDecimal cumulativeTwr = chain == null || dailyTwr == null ? null
                : chain.multiply(BigDecimal.ONE.add(dailyTwr)).subtract(BigDecimal.ONE).setScale(8, RoundingMode.HALF_UP);
        return new SummaryRow(day.day(), open.officialOpening(), open.calculatedOpening(), close.officialClose(),
                close.calculatedClose(), close.residual(), close.label(), dayPnl, flows, cumulative, dailyTwr, cumulativeTwr,
                day.isLive());
    }

    private static BigDecimal firstBefore(TradingDayReport day) {
        List<NarrativeItem> all = new ArrayList<>(day.overnight());
        all.addAll(day.preMarket());
        all.addAll(day.intraday());
        return all.isEmpty() ? day.open().calculatedOpening() : all.get(0).nav().before();
    }

    private BigDecimal fx(String currency, BigDecimal rate, LocalDate day) {
        if (currency.equals(baseCurrency)) {
            return BigDecimal.ONE;
        }
        if (rate == null || rate.signum() <= 0) {
            note(new Notice(Notice.Kind.FALLBACK_FX_RATE, day, currency));
            return settings.fallbackFxRate();
        }
        return rate;
    }

    private static NavStep step(BigDecimal before, BigDecimal impact) {
        return new NavStep(before, impact, before == null ? null : before.add(impact));
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
