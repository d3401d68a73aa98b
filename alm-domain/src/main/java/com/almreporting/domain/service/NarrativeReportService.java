package com.almreporting.domain.service;

import com.almreporting.domain.calendar.TradingCalendar;
import com.almreporting.domain.model.AccountId;
import com.almreporting.domain.port.in.BuildNarrativeReport;
import com.almreporting.domain.port.in.ReportRequest;
import com.almreporting.domain.port.out.AccountHistory;
import com.almreporting.domain.port.out.Ledger;
import com.almreporting.domain.model.live.LiveExecutions;
import com.almreporting.domain.model.live.LiveSnapshot;
import com.almreporting.domain.report.NarrativeReport;
import com.almreporting.domain.report.Notice;
import com.almreporting.domain.report.ReportSettings;
import java.math.BigDecimal;
import com.almreporting.domain.model.OfficialNav;
import com.almreporting.domain.model.event.AccountEvent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Builds narrative reports from the ledger: reads the account's rows up to a week past the range (for the
 * look-ahead at expiring contracts), classifies them, and walks the NAV chain. When the ledger holds a checkpoint
 * before the range that can be resumed from exactly (see {@link CheckpointService}), the walk starts there and
 * reads only the rows from the checkpoint on, so the cost follows the range, not the history; otherwise it walks
 * every day from the account's first event. Both give the same report. Thread-safe if the ledger is.
 */
public final class NarrativeReportService implements BuildNarrativeReport {

    /** Days past the range whose rows are read, for what became of contracts expiring on the range's last day. */
    static final int LOOK_AHEAD_DAYS = 7;

    private final Ledger ledger;
    private final TradingCalendar calendar;
    private final EventClassifier classifier;

    public NarrativeReportService(Ledger ledger, TradingCalendar calendar) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.classifier = new EventClassifier(calendar);
    }

    @Override
    public NarrativeReport report(ReportRequest request) {
        return report(request, null);
    }

    /**
     * The report with today's trading day told from a gateway snapshot (DESIGN §11): live fills grouped and valued like
     * statement trades, the day ending at the snapshot with unrealized = NetLiquidation − calculated NAV. The snapshot
     * is ignored, with a notice, for a day that already has a statement (its official close) or that lies outside the
     * range. FX: the gateway's rates; the configured fallback only where the gateway has none, and the report says so.
     */
    @Override
    public NarrativeReport report(ReportRequest request, LiveSnapshot snapshot) {
        AccountId account = request.account() != null ? request.account()
                : snapshot != null && snapshot.account() != null && ledger.accounts().isEmpty() ? snapshot.account()
                : onlyAccount();
        LocalDate through = request.to().plusDays(LOOK_AHEAD_DAYS);
        LocalDate firstReported = calendar.isTradingDay(request.from()) ? request.from() : calendar.nextTradingDay(request.from());
        long version = ledger.version(account);
        Optional<Resumption> resumed = CheckpointService.resume(ledger, calendar, classifier, request.settings(), account,
                version, ledger.latestCheckpointBefore(account, firstReported), through);
        AccountHistory history;
        List<AccountEvent> events;
        if (resumed.isPresent()) {
            history = resumed.get().window();
            events = resumed.get().events();
        } else {
            history = ledger.history(account, through);
            events = classifier.classify(history.trades(), history.optionEae(), history.cashTransactions()).events();
        }
        NavLookup navs = new NavLookup(account, history, resumed.map(r -> r.checkpoint().since()).orElse(LocalDate.MIN));
        String base = history.baseCurrency() != null ? history.baseCurrency() : snapshot == null ? null : snapshot.baseCurrency();
        NarrativeBuilder builder = new NarrativeBuilder(calendar, request.settings(), base);
        resumed.ifPresent(r -> builder.resume(r.checkpoint()));
        LiveInput live = null;
        if (snapshot != null) {
            LiveExecutions executions = LiveExecutions.of(snapshot, fallbackRates(snapshot, request.settings()));
            LocalDate day = liveDay(snapshot, executions);
            boolean hasStatement = navs.has(day);
            boolean inRange = !day.isBefore(request.from()) && !day.isAfter(request.to());
            boolean sameAccount = snapshot.account().equals(account);
            if (hasStatement || !inRange || !sameAccount) {
                builder.notice(new Notice(Notice.Kind.LIVE_SNAPSHOT_IGNORED, day,
                        !sameAccount ? "account" : hasStatement ? "statement" : "range"));
            } else {
                live = new LiveInput(day, snapshot, executions);
            }
        }
        LocalDate to = live != null ? live.day() : request.to();
        for (var change : history.changesInNav()) {
            if (change.fromDate() != null && change.toDate() != null && !change.toDate().isBefore(request.from())
                    && !change.fromDate().isAfter(to)) {
                navs.has(calendar.previousTradingDay(change.fromDate()));
            }
        }
        return builder.build(account, events, navs.all(), history.changesInNav(), request.from(), to, live);
    }

    /**
     * The official NAVs a report reads: those of its window, plus any day before the window it asks about (the day
     * before a ChangeInNAV period, the live day), fetched one day at a time.
     */
    private final class NavLookup {
        private final AccountId account;
        private final LocalDate windowStart;
        private final List<OfficialNav> navs;
        private final Set<LocalDate> fetched = new HashSet<>();

        NavLookup(AccountId account, AccountHistory history, LocalDate windowStart) {
            this.account = account;
            this.windowStart = windowStart;
            this.navs = new ArrayList<>(history.officialNavs());
        }

        boolean has(LocalDate day) {
            if (day.isBefore(windowStart) && fetched.add(day)) {
                navs.addAll(ledger.history(account, day, day).officialNavs());
            }
            return navs.stream().anyMatch(n -> n.reportDate().equals(day));
        }

        List<OfficialNav> all() {
            return navs;
        }
    }

    /** The trading day the snapshot tells: that of its latest fill, else the one whose window holds the snapshot. */
    private LocalDate liveDay(LiveSnapshot snapshot, LiveExecutions executions) {
        return executions.executions().stream().map(e -> calendar.tradingDayOf(e.at())).max(LocalDate::compareTo)
                .orElse(calendar.tradingDayOf(snapshot.takenAt()));
    }

    private static Map<String, BigDecimal> fallbackRates(LiveSnapshot snapshot, ReportSettings settings) {
        Map<String, BigDecimal> rates = new HashMap<>();
        for (var fill : snapshot.fills()) {
            if (!fill.currency().equals(snapshot.baseCurrency())) {
                rates.put(fill.currency(), settings.fallbackFxRate());
            }
        }
        return rates;
    }

    private AccountId onlyAccount() {
        List<AccountId> accounts = ledger.accounts();
        if (accounts.size() != 1) {
            throw new IllegalArgumentException(accounts.isEmpty() ? "the ledger holds no account yet"
                    : "the ledger holds several accounts " + accounts + ": name one");
        }
        return accounts.get(0);
    }
}
