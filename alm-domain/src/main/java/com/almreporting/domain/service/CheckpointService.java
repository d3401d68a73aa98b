package com.almreporting.domain.service;

import com.almreporting.domain.calendar.TradingCalendar;
import com.almreporting.domain.model.AccountId;
import com.almreporting.domain.model.checkpoint.Checkpoint;
import com.almreporting.domain.model.event.AccountEvent;
import com.almreporting.domain.port.out.AccountHistory;
import com.almreporting.domain.port.out.BusinessDates;
import com.almreporting.domain.port.out.Ledger;
import com.almreporting.domain.report.ReportSettings;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps an account's checkpoints up to date: after a store, walks on from the newest checkpoint still standing (or
 * from the first event) through the account's latest business date, and stores the state carried out of every
 * trading day, a month of days at a time so that memory stays bounded. Reports then start from the checkpoint before
 * their range. A day whose state depends on rows after its horizon gets no checkpoint. Checkpoints are computed for
 * one set of report settings (the defaults unless told otherwise). Thread-safe if the ledger is.
 */
public final class CheckpointService {

    /** Trading days walked per read: about a month of rows in memory at a time. */
    private static final int CHUNK_DAYS = 31;
    /** Older checkpoints tried when the newest cannot be resumed from, before walking from the first event. */
    static final int ATTEMPTS = 4;

    private final Ledger ledger;
    private final TradingCalendar calendar;
    private final ReportSettings settings;
    private final EventClassifier classifier;

    /** For reports with the default settings. */
    public CheckpointService(Ledger ledger, TradingCalendar calendar) {
        this(ledger, calendar, ReportSettings.defaults());
    }

    /** For reports with {@code settings} (only what {@link ReportSettings#carryKey()} names matters). */
    public CheckpointService(Ledger ledger, TradingCalendar calendar, ReportSettings settings) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.classifier = new EventClassifier(calendar);
    }

    /**
     * Brings the account's checkpoints up to its latest business date.
     *
     * @return how many checkpoints were stored; none when the ledger holds nothing for the account, or when a
     *     statement was stored meanwhile (that store's own refresh does the work)
     */
    public int refresh(AccountId account) {
        long version = ledger.version(account);
        Optional<BusinessDates> dates = ledger.businessDates(account);
        if (dates.isEmpty()) {
            return 0;
        }
        LocalDate last = dates.get().last();
        LocalDate lastDay = calendar.isTradingDay(last) ? last : calendar.previousTradingDay(last);
        Checkpoint base = ledger.latestCheckpointBefore(account, LocalDate.MAX).orElse(null);
        LocalDate cursor = base == null ? calendar.previousTradingDay(dates.get().first()) : base.day();
        int stored = 0;
        while (cursor.isBefore(lastDay)) {
            LocalDate end = min(lastDay, cursor.plusDays(CHUNK_DAYS));
            LocalDate through = end.plusDays(NarrativeReportService.LOOK_AHEAD_DAYS);
            Optional<Resumption> resumed = resume(account, version, base, through);
            AccountHistory window;
            List<AccountEvent> events;
            NarrativeBuilder builder;
            if (resumed.isPresent()) {
                window = resumed.get().window();
                events = resumed.get().events();
                builder = new NarrativeBuilder(calendar, settings, window.baseCurrency());
                builder.resume(resumed.get().checkpoint());
            } else {
                window = ledger.history(account, LocalDate.MIN, through);
                events = classifier.classify(window.trades(), window.optionEae(), window.cashTransactions()).events();
                builder = new NarrativeBuilder(calendar, settings, window.baseCurrency());
            }
            List<LocalDate> days = new ArrayList<>();
            for (LocalDate d = calendar.nextTradingDay(cursor); !d.isAfter(end); d = calendar.nextTradingDay(d)) {
                days.add(d);
            }
            Map<LocalDate, CheckpointBounds> bounds = HistoryLinks.of(window, calendar)
                    .bounds(days, NarrativeReportService.LOOK_AHEAD_DAYS);
            LocalDate after = cursor;
            List<Checkpoint> checkpoints = builder.checkpoints(account, events, window.officialNavs(), end,
                    day -> day.isAfter(after) ? bounds.get(day) : null);
            if (!ledger.storeCheckpoints(account, version, checkpoints)) {
                return stored;
            }
            stored += checkpoints.size();
            if (!checkpoints.isEmpty()) {
                base = checkpoints.get(checkpoints.size() - 1);
            }
            cursor = end;
        }
        return stored;
    }

    /** Resumes from {@code base} or, failing that, from one of the few checkpoints before it. */
    private Optional<Resumption> resume(AccountId account, long version, Checkpoint base, LocalDate through) {
        return resume(ledger, calendar, classifier, settings, account, version, Optional.ofNullable(base), through);
    }

    /**
     * Tries {@code candidate} and up to {@link #ATTEMPTS} − 1 older checkpoints of the account, for a walk through
     * {@code through} with {@code settings}; empty when none can be resumed from exactly.
     */
    static Optional<Resumption> resume(Ledger ledger, TradingCalendar calendar, EventClassifier classifier,
                                       ReportSettings settings, AccountId account, long version,
                                       Optional<Checkpoint> candidate, LocalDate through) {
        Optional<Checkpoint> checkpoint = candidate;
        for (int attempt = 0; checkpoint.isPresent() && attempt < ATTEMPTS; attempt++) {
            if (checkpoint.get().settings().equals(settings.carryKey())) {
                Optional<Resumption> resumed = Resumption.open(ledger, calendar, classifier, version, checkpoint.get(), through);
                if (resumed.isPresent()) {
                    return resumed;
                }
            }
            checkpoint = ledger.latestCheckpointBefore(account, checkpoint.get().day());
        }
        return Optional.empty();
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
