package com.almreporting.domain.service;

import com.almreporting.domain.calendar.TradingCalendar;
import com.almreporting.domain.model.AccountId;
import com.almreporting.domain.port.in.BuildNarrativeReport;
import com.almreporting.domain.port.in.ReportRequest;
import com.almreporting.domain.port.out.AccountHistory;
import com.almreporting.domain.port.out.Ledger;
import com.almreporting.domain.report.NarrativeReport;
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
        AccountId account = request.account() != null ? request.account() : onlyAccount();
        LocalDate through = request.to().plusDays(LOOK_AHEAD_DAYS);
        AccountHistory history = ledger.history(account, through);
        ClassifiedHistory classified = classifier.classify(history.trades(), history.optionEae(), history.cashTransactions());
        return new NarrativeBuilder(calendar, request.settings(), history.baseCurrency())
                .build(account, classified.events(), history.officialNavs(), request.from(), request.to());
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
