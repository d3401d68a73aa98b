package com.almreporting.domain.ledger;

import com.almreporting.domain.model.AccountId;
import com.almreporting.domain.model.CashTransactionRow;
import com.almreporting.domain.model.ChangeInNav;
import com.almreporting.domain.model.OfficialNav;
import com.almreporting.domain.model.OpenPositionRow;
import com.almreporting.domain.model.OptionEaeRow;
import com.almreporting.domain.model.Statement;
import com.almreporting.domain.model.TradeRow;
import com.almreporting.domain.model.checkpoint.Checkpoint;
import com.almreporting.domain.port.out.AccountHistory;
import com.almreporting.domain.port.out.BusinessDates;
import com.almreporting.domain.port.out.IngestCounts;
import com.almreporting.domain.port.out.Ledger;
import com.almreporting.domain.port.out.StatementOrigin;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A {@link Ledger} in memory, for replaying statement files without a database and for tests. Same rules as
 * the database ledger: keyed upserts, the newer statement wins, DETAIL cash rows only, SUMMARY positions only.
 * Checkpoints are kept per account and dropped, on each store, from the earliest business date a changed row had
 * or has.
 * Thread-safe (every method is synchronized); not persistent.
 */
public final class InMemoryLedger implements Ledger {

    /** A stored row and the {@code whenGenerated} of the statement that last wrote it. */
    private record Versioned<T>(T row, Instant writtenBy) {
    }

    private static final class Book {
        String baseCurrency;
        Instant baseCurrencyWrittenBy = Instant.MIN;
        final Map<String, Versioned<TradeRow>> trades = new HashMap<>();
        final Map<String, Versioned<OptionEaeRow>> optionEae = new HashMap<>();
        final Map<String, Versioned<CashTransactionRow>> cash = new HashMap<>();
        final Map<LocalDate, Versioned<OfficialNav>> navs = new HashMap<>();
        final Map<String, Versioned<ChangeInNav>> changes = new HashMap<>();
        final Map<String, Versioned<OpenPositionRow>> positions = new HashMap<>();
        final NavigableMap<LocalDate, Checkpoint> checkpoints = new TreeMap<>();
        long version;
    }

    /** The earliest business date among the rows a store inserted or changed (old and new versions). */
    private static final class EarliestChange {
        LocalDate date;

        void note(LocalDate d) {
            if (d != null && (date == null || d.isBefore(date))) {
                date = d;
            }
        }
    }

    private final Map<AccountId, Book> books = new TreeMap<>();

    @Override
    public synchronized IngestCounts store(Statement statement, StatementOrigin origin) {
        Instant generated = statement.whenGenerated() == null ? Instant.EPOCH : statement.whenGenerated();
        // Key every section before touching the book: a row that cannot be keyed fails the whole statement and
        // leaves the book as it was (storing is all or nothing, as the port promises).
        Map<String, TradeRow> trades = distinct(statement.trades(), r -> r.transactionId().value());
        Map<String, OptionEaeRow> optionEae = distinct(statement.optionEae(), OptionEaeRow::key);
        Map<String, CashTransactionRow> cash = distinct(
                statement.cashTransactions().stream().filter(CashTransactionRow::isDetail).toList(), CashTransactionRow::key);
        Map<LocalDate, OfficialNav> navs = distinct(statement.officialNavs(), OfficialNav::reportDate);
        Map<String, ChangeInNav> changes = statement.changeInNav() == null ? Map.of()
                : distinct(List.of(statement.changeInNav()), c -> c.fromDate() + ".." + c.toDate());
        Map<String, OpenPositionRow> positions = distinct(
                statement.openPositions().stream().filter(OpenPositionRow::isSummary).toList(),
                p -> p.reportDate() + "|" + p.instrument().symbol());

        Book book = books.computeIfAbsent(statement.account(), a -> new Book());
        if (statement.baseCurrency() != null && !generated.isBefore(book.baseCurrencyWrittenBy)) {
            book.baseCurrency = statement.baseCurrency();
            book.baseCurrencyWrittenBy = generated;
        }
        int[] counts = new int[4];
        EarliestChange earliest = new EarliestChange();
        upsertAll(book.trades, trades, generated, counts, TradeRow::businessDate, earliest);
        upsertAll(book.optionEae, optionEae, generated, counts, OptionEaeRow::date, earliest);
        upsertAll(book.cash, cash, generated, counts, CashTransactionRow::businessDate, earliest);
        upsertAll(book.navs, navs, generated, counts, OfficialNav::reportDate, earliest);
        upsertAll(book.changes, changes, generated, counts, c -> null, earliest);
        upsertAll(book.positions, positions, generated, counts, p -> null, earliest);
        if (earliest.date != null) {
            book.checkpoints.values().removeIf(c -> !c.horizon().isBefore(earliest.date));
        }
        book.version++;
        return new IngestCounts(statement.account(), counts[0], counts[1], counts[2], counts[3]);
    }

    /** Rows repeated inside one file count once: the last occurrence wins, as in the database batch. */
    private static <K, T> Map<K, T> distinct(List<T> rows, Function<T, K> key) {
        Map<K, T> distinct = new java.util.LinkedHashMap<>();
        for (T row : rows) {
            distinct.put(key.apply(row), row);
        }
        return distinct;
    }

    private static <K, T> void upsertAll(Map<K, Versioned<T>> table, Map<K, T> rows, Instant generated, int[] counts,
                                         Function<T, LocalDate> date, EarliestChange earliest) {
        rows.forEach((k, row) -> {
            Versioned<T> existing = table.get(k);
            if (existing == null) {
                table.put(k, new Versioned<>(row, generated));
                counts[0]++;
                earliest.note(date.apply(row));
            } else if (generated.isBefore(existing.writtenBy())) {
                counts[3]++;
            } else if (existing.row().equals(row)) {
                table.put(k, new Versioned<>(row, generated));
                counts[2]++;
            } else {
                table.put(k, new Versioned<>(row, generated));
                counts[1]++;
                earliest.note(date.apply(existing.row()));
                earliest.note(date.apply(row));
            }
        });
    }

    @Override
    public synchronized List<AccountId> accounts() {
        return List.copyOf(books.keySet());
    }

    @Override
    public synchronized Optional<String> baseCurrency(AccountId account) {
        Book book = books.get(account);
        return book == null ? Optional.empty() : Optional.ofNullable(book.baseCurrency);
    }

    @Override
    public synchronized AccountHistory history(AccountId account, LocalDate through) {
        return history(account, LocalDate.MIN, through);
    }

    @Override
    public synchronized AccountHistory history(AccountId account, LocalDate since, LocalDate through) {
        Book book = books.get(account);
        if (book == null) {
            return new AccountHistory(account, null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        }
        return new AccountHistory(account, book.baseCurrency,
                rows(book.trades, TradeRow::businessDate, since, through),
                rows(book.optionEae, OptionEaeRow::date, since, through),
                rows(book.cash, CashTransactionRow::businessDate, since, through),
                rows(book.navs, OfficialNav::reportDate, since, through),
                rows(book.changes, ChangeInNav::toDate, since, through),
                rows(book.positions, OpenPositionRow::reportDate, since, through));
    }

    /** Rows dated in [since, through]; a row without a date is in every window. */
    private static <K, T> List<T> rows(Map<K, Versioned<T>> table, Function<T, LocalDate> date, LocalDate since,
                                       LocalDate through) {
        List<T> out = new ArrayList<>();
        for (Versioned<T> v : table.values()) {
            LocalDate d = date.apply(v.row());
            if (d == null || !d.isBefore(since) && !d.isAfter(through)) {
                out.add(v.row());
            }
        }
        return out;
    }

    @Override
    public synchronized Optional<BusinessDates> businessDates(AccountId account) {
        Book book = books.get(account);
        if (book == null) {
            return Optional.empty();
        }
        List<LocalDate> dates = new ArrayList<>();
        book.trades.values().forEach(v -> dates.add(v.row().businessDate()));
        book.optionEae.values().forEach(v -> dates.add(v.row().date()));
        book.cash.values().forEach(v -> dates.add(v.row().businessDate()));
        book.navs.keySet().forEach(dates::add);
        if (dates.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new BusinessDates(java.util.Collections.min(dates), java.util.Collections.max(dates)));
    }

    @Override
    public synchronized long version(AccountId account) {
        Book book = books.get(account);
        return book == null ? 0 : book.version;
    }

    @Override
    public synchronized Optional<Checkpoint> latestCheckpointBefore(AccountId account, LocalDate day) {
        Book book = books.get(account);
        return book == null ? Optional.empty() : Optional.ofNullable(book.checkpoints.lowerEntry(day)).map(Map.Entry::getValue);
    }

    @Override
    public synchronized boolean storeCheckpoints(AccountId account, long version, List<Checkpoint> checkpoints) {
        Book book = books.get(account);
        if (book == null || book.version != version) {
            return false;
        }
        for (Checkpoint c : checkpoints) {
            if (!c.account().equals(account)) {
                throw new IllegalArgumentException("checkpoint of account " + c.account() + " stored for " + account);
            }
            book.checkpoints.put(c.day(), c);
        }
        return true;
    }

    @Override
    public synchronized boolean linkedBefore(AccountId account, LocalDate before, Set<String> transactionIds,
                                             Set<String> tradeIds) {
        Book book = books.get(account);
        if (book == null) {
            return false;
        }
        for (Versioned<TradeRow> v : book.trades.values()) {
            TradeRow t = v.row();
            if (t.businessDate().isBefore(before)
                    && (transactionIds.contains(t.transactionId().value()) || contains(transactionIds, t.origTransactionId())
                    || contains(tradeIds, t.tradeId()) || contains(tradeIds, t.origTradeId()))) {
                return true;
            }
        }
        for (Versioned<OptionEaeRow> v : book.optionEae.values()) {
            if (v.row().date().isBefore(before) && contains(tradeIds, v.row().tradeId())) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(Set<String> ids, String id) {
        return id != null && ids.contains(id);
    }
}
