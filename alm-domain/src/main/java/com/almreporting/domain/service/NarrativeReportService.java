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
import java.util.HashMap;
import java.util.Map;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Builds narrative reports from the ledger: reads the account's rows up to a week past the range (for the
 * look-ahead at expiring contracts), classifies them, and walks the NAV chain. Thread-safe if the ledger is.
 */
public final class NarrativeReportService implements BuildNarrativeReport {

    private static final int LOOK_AHEAD_DAYS = 7;

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
        AccountHistory history = ledger.history(account, through);
        ClassifiedHistory classified = classifier.classify(history.trades(), history.optionEae(), history.cashTransactions());
        String base = history.baseCurrency() != null ? history.baseCurrency() : snapshot == null ? null : snapshot.baseCurrency();
        NarrativeBuilder builder = new NarrativeBuilder(calendar, request.settings(), base);
        LiveInput live = null;
        if (snapshot != null) {
            LiveExecutions executions = LiveExecutions.of(snapshot, fallbackRates(snapshot, request.settings()));
            LocalDate day = liveDay(snapshot, executions);
            boolean hasStatement = history.officialNavs().stream().anyMatch(n -> n.reportDate().equals(day));
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
        return builder.build(account, classified.events(), history.officialNavs(), history.changesInNav(), request.from(), to,
                live);
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
