package com.almreporting.domain.service;

import com.almreporting.domain.calendar.TradingCalendar;
import com.almreporting.domain.model.AccountId;
import com.almreporting.domain.model.checkpoint.Checkpoint;
import com.almreporting.domain.model.event.AccountEvent;
import com.almreporting.domain.port.out.AccountHistory;
import com.almreporting.domain.port.out.Ledger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A checkpoint and what a walk resuming from it reads: the rows dated from its {@code since} through the end of the
 * window, and their events after the checkpoint day's close. It exists only when resuming gives exactly the events
 * the full history through that end gives (see {@link #open}); otherwise the caller walks the full history.
 *
 * @param checkpoint the checkpoint resumed from
 * @param window     the account's rows dated from the checkpoint's {@code since} through the window's end
 * @param events     the window's events after the checkpoint day's close, in time order
 */
record Resumption(Checkpoint checkpoint, AccountHistory window, List<AccountEvent> events) {

    /**
     * Resumes from {@code checkpoint} for a walk that reads rows through {@code through}, if that is exact. Rows dated
     * after the checkpoint's horizon were not there when it was computed; they must change neither the events up to
     * its close (checked by classifying the window with and without them) nor link to rows before its {@code since}
     * (asked of the ledger). The base currency must be the one it was computed with, and no statement may have been
     * stored since the ledger's {@code version} was read, before the checkpoint was.
     */
    static Optional<Resumption> open(Ledger ledger, TradingCalendar calendar, EventClassifier classifier, long version,
                                     Checkpoint checkpoint, LocalDate through) {
        AccountId account = checkpoint.account();
        AccountHistory window = ledger.history(account, checkpoint.since(), through);
        if (!java.util.Objects.equals(window.baseCurrency(), checkpoint.baseCurrency())) {
            return Optional.empty();
        }
        LocalDate horizon = checkpoint.horizon();
        HistoryLinks links = HistoryLinks.of(window, calendar);
        Set<String> transactionIds = links.transactionIdsOfGroupsAfter(horizon);
        Set<String> tradeIds = links.tradeIdsOfGroupsAfter(horizon);
        if ((!transactionIds.isEmpty() || !tradeIds.isEmpty())
                && ledger.linkedBefore(account, checkpoint.since(), transactionIds, tradeIds)) {
            return Optional.empty();
        }
        Instant close = calendar.close(checkpoint.day());
        List<AccountEvent> all = classifier.classify(window.trades(), window.optionEae(), window.cashTransactions()).events();
        List<AccountEvent> known = classifier.classify(
                window.trades().stream().filter(t -> !t.businessDate().isAfter(horizon)).toList(),
                window.optionEae().stream().filter(e -> !e.date().isAfter(horizon)).toList(),
                window.cashTransactions().stream().filter(c -> !c.businessDate().isAfter(horizon)).toList()).events();
        if (!upTo(all, close).equals(upTo(known, close))) {
            return Optional.empty();
        }
        if (ledger.version(account) != version) {
            return Optional.empty();
        }
        return Optional.of(new Resumption(checkpoint, window, List.copyOf(all.subList(upTo(all, close).size(), all.size()))));
    }

    /** The events at or before {@code close}: a prefix, since events are in time order. */
    private static List<AccountEvent> upTo(List<AccountEvent> events, Instant close) {
        int n = 0;
        while (n < events.size() && !events.get(n).at().isAfter(close)) {
            n++;
        }
        return events.subList(0, n);
    }
}
