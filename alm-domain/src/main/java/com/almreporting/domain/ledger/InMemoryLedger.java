package com.almreporting.domain.ledger;

import com.almreporting.domain.model.AccountId;
import com.almreporting.domain.model.CashTransactionRow;
import com.almreporting.domain.model.ChangeInNav;
import com.almreporting.domain.model.EventTime;
import com.almreporting.domain.model.OfficialNav;
import com.almreporting.domain.model.OpenPositionRow;
import com.almreporting.domain.model.OptionEaeRow;
import com.almreporting.domain.model.Statement;
import com.almreporting.domain.model.TradeRow;
import com.almreporting.domain.port.out.AccountHistory;
import com.almreporting.domain.port.out.IngestCounts;
import com.almreporting.domain.port.out.Ledger;
import com.almreporting.domain.port.out.StatementOrigin;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A {@link Ledger} in memory, for replaying statement files without a database and for tests. Same rules as
 * the database ledger: keyed upserts, the newer statement wins, DETAIL cash rows only, SUMMARY positions only.
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
        upsertAll(book.trades, trades, generated, counts);
        upsertAll(book.optionEae, optionEae, generated, counts);
        upsertAll(book.cash, cash, generated, counts);
        upsertAll(book.navs, navs, generated, counts);
        upsertAll(book.changes, changes, generated, counts);
        upsertAll(book.positions, positions, generated, counts);
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

    private static <K, T> void upsertAll(Map<K, Versioned<T>> table, Map<K, T> rows, Instant generated, int[] counts) {
        rows.forEach((k, row) -> {
            Versioned<T> existing = table.get(k);
            if (existing == null) {
                table.put(k, new Versioned<>(row, generated));
                counts[0]++;
            } else if (generated.isBefore(existing.writtenBy())) {
                counts[3]++;
            } else if (existing.row().equals(row)) {
                table.put(k, new Versioned<>(row, generated));
                counts[2]++;
            } else {
                table.put(k, new Versioned<>(row, generated));
                counts[1]++;
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
        Book book = books.get(account);
        if (book == null) {
            return new AccountHistory(account, null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        }
        return new AccountHistory(account, book.baseCurrency,
                rows(book.trades, t -> businessDate(t.tradeDate(), t.time()), through),
                rows(book.optionEae, OptionEaeRow::date, through),
                rows(book.cash, c -> businessDate(c.reportDate(), c.time()), through),
                rows(book.navs, OfficialNav::reportDate, through),
                rows(book.changes, c -> c.toDate() == null ? LocalDate.MIN : c.toDate(), through),
                rows(book.positions, p -> p.reportDate() == null ? LocalDate.MIN : p.reportDate(), through));
    }

    private static <K, T> List<T> rows(Map<K, Versioned<T>> table, Function<T, LocalDate> date, LocalDate through) {
        List<T> out = new ArrayList<>();
        for (Versioned<T> v : table.values()) {
            if (!date.apply(v.row()).isAfter(through)) {
                out.add(v.row());
            }
        }
        return out;
    }

    private static LocalDate businessDate(LocalDate date, EventTime time) {
        if (date != null) {
            return date;
        }
        return time.dateIn(ZoneOffset.UTC);
    }
}
