package com.almreporting.persistence;

import static com.almreporting.persistence.TestStatements.ACCOUNT;
import static com.almreporting.persistence.TestStatements.JUL_17;
import static com.almreporting.persistence.TestStatements.JUL_18;
import static com.almreporting.persistence.TestStatements.day16;
import static com.almreporting.persistence.TestStatements.day17;
import static com.almreporting.persistence.TestStatements.day18;
import static com.almreporting.persistence.TestStatements.everything;
import static com.almreporting.persistence.TestStatements.et;
import static com.almreporting.persistence.TestStatements.nav;
import static com.almreporting.persistence.TestStatements.statement;
import static com.almreporting.persistence.TestStatements.trade;
import static com.almreporting.persistence.jooq.Tables.CASH_TRANSACTIONS;
import static com.almreporting.persistence.jooq.Tables.CHANGE_IN_NAV;
import static com.almreporting.persistence.jooq.Tables.CHRONOLOGICAL_EVENTS;
import static com.almreporting.persistence.jooq.Tables.NAV_SNAPSHOTS;
import static com.almreporting.persistence.jooq.Tables.OPEN_POSITIONS;
import static com.almreporting.persistence.jooq.Tables.OPTION_EAE;
import static com.almreporting.persistence.jooq.Tables.STATEMENTS;
import static com.almreporting.persistence.jooq.Tables.STOCK_POSITIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.almreporting.domain.model.AccountId;
import com.almreporting.domain.model.Statement;
import com.almreporting.domain.model.TradeRow;
import com.almreporting.domain.port.out.IngestCounts;
import com.almreporting.domain.port.out.Ledger;
import com.almreporting.domain.port.out.StatementOrigin;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * The port contract against PostgreSQL, comparing whole-table dumps as well as histories, plus what only a
 * database ledger has: the recorded runs, failures that roll back, the per-day window query, holding periods.
 */
class JooqLedgerContractIT extends LedgerContract {

    private static TestDatabase db;
    private JooqLedger ledger;

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.create();
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @BeforeEach
    void startEmpty() {
        emptyLedger();
    }

    /** Truncates only when something was stored since the last time: contract tests call this after startEmpty. */
    @Override
    protected Ledger emptyLedger() {
        if (ledger == null || db.dsl().fetchExists(STATEMENTS)) {
            db.truncate();
        }
        ledger = new JooqLedger(db.dataSource());
        return ledger;
    }

    @Override
    protected Optional<Object> dump() {
        return Optional.of(db.dump());
    }

    private List<StatementRun> runs() {
        return ledger.recentRuns(100);
    }

    @Test
    void everyRunIsRecordedWithItsCounts() {
        IngestCounts counts = ledger.store(day17(), new StatementOrigin("U1234567_MTD_20250717.xml", "ab".repeat(32)));

        StatementRun run = runs().get(0);
        assertThat(run.status()).isEqualTo(StatementRun.COMMITTED);
        assertThat(run.counts()).isEqualTo(counts);
        assertThat(run.fileName()).isEqualTo("U1234567_MTD_20250717.xml");
        assertThat(run.sha256()).isEqualTo("ab".repeat(32));
        assertThat(run.account()).isEqualTo(ACCOUNT);
        assertThat(run.period()).isEqualTo("MonthToDate");
        assertThat(run.fromDate()).isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(run.toDate()).isEqualTo(JUL_17);
        assertThat(run.whenGenerated()).isEqualTo(Instant.parse("2025-07-18T06:00:00Z"));
        assertThat(run.rows()).isEqualTo(counts.total());
        assertThat(run.error()).isNull();
        assertThat(run.finishedAt()).isAfterOrEqualTo(run.startedAt());
    }

    @Test
    void aConstraintViolationRollsBackEverythingAndRecordsTheFailure() {
        store(ledger, day16());
        Map<String, List<String>> before = db.dump();
        Statement tooLong = statement().generated("2025-07-20T06:00:00Z")
                .trades(trade("1001").price("9.99"), trade("7".repeat(65)))
                .navs(nav(JUL_18, "1.00"))
                .build();

        assertThatThrownBy(() -> ledger.store(tooLong, StatementOrigin.of("broken.xml")))
                .isInstanceOf(LedgerStoreException.class)
                .hasMessageContaining("broken.xml")
                .hasMessageContaining("nothing of it was stored")
                .hasMessageContaining("value too long");

        assertThat(db.dump()).isEqualTo(before);
        StatementRun failed = runs().get(0);
        assertThat(failed.status()).isEqualTo(StatementRun.FAILED);
        assertThat(failed.fileName()).isEqualTo("broken.xml");
        assertThat(failed.error()).contains("22001").contains("value too long");
        assertThat(failed.counts()).isEqualTo(new IngestCounts(ACCOUNT, 0, 0, 0, 0));
    }

    @Test
    void aBadValueInARowAlreadyStoredRollsBackEverythingAndRecordsTheFailure() {
        store(ledger, day16());
        Map<String, List<String>> before = db.dump();
        // 1001 is stored already: the row goes through the staging table, where its account id is too long.
        Statement tooLong = statement().generated("2025-07-20T06:00:00Z")
                .trades(trade("7001"), trade("1001").account(AccountId.of("U".repeat(65))))
                .build();

        assertThatThrownBy(() -> ledger.store(tooLong, StatementOrigin.of("broken.xml")))
                .isInstanceOf(LedgerStoreException.class)
                .hasMessageContaining("value too long");

        assertThat(db.dump()).isEqualTo(before);
        assertThat(runs().get(0).status()).isEqualTo(StatementRun.FAILED);
        assertThat(runs().get(0).error()).contains("22001");
    }

    @Test
    void aFileIngestedAgainRewritesNoRow() {
        store(ledger, day18());
        Map<String, List<String>> versions = rowVersions();

        IngestCounts again = store(ledger, day18());

        assertThat(again.unchanged()).isEqualTo(again.total());
        // xmin is the transaction that wrote a row version: an update of any kind, even to equal values, changes it.
        assertThat(rowVersions()).isEqualTo(versions);
    }

    @Test
    void aNewerFileWithTheSameRowsBecomesTheirWriterAndChangesNothingElse() {
        store(ledger, day18());
        Map<String, List<String>> before = db.dump();
        Statement day18 = day18();
        Statement later = new Statement(day18.account(), day18.baseCurrency(), day18.fromDate(), day18.toDate(),
                day18.period(), Instant.parse("2025-07-20T06:00:00Z"), day18.trades(), day18.optionEae(),
                day18.cashTransactions(), day18.officialNavs(), day18.changeInNav(), day18.openPositions(),
                day18.conversionRates());

        IngestCounts counts = ledger.store(later, StatementOrigin.of("regenerated.xml"));

        assertThat(counts.unchanged()).isEqualTo(counts.total());
        long run = runs().get(0).id();
        for (var table : List.of(CHRONOLOGICAL_EVENTS, CASH_TRANSACTIONS, OPTION_EAE)) {
            assertThat(db.dsl().selectDistinct(table.field("statement_id", Long.class),
                            table.field("when_generated", Instant.class)).from(table).fetch())
                    .extracting(r -> r.value1() + " " + r.value2())
                    .as(table.getName())
                    .containsExactly(run + " 2025-07-20T06:00:00Z");
        }
        Map<String, List<String>> after = db.dump();
        assertThat(withoutWriters(after)).isEqualTo(withoutWriters(before));
    }

    @Test
    void rowsAlreadyStoredAsTheyAreAreNotSentAgain() {
        store(ledger, everything());
        Map<String, List<String>> before = db.dump();
        FailingDataSource failing = new FailingDataSource(db.dataSource());
        JooqLedger watched = new JooqLedger(failing);
        // Rows the fingerprints cannot vouch for are staged and judged in the database, which always counts the
        // verdicts with a prepared select; none may be here, whatever the rows hold.
        failing.failNext(sql -> sql.contains("_staged") || sql.contains("_verdicts"));

        IngestCounts again = watched.store(everything(), StatementOrigin.of("again.xml"));
        Statement everything = everything();
        IngestCounts later = watched.store(new Statement(everything.account(), everything.baseCurrency(),
                everything.fromDate(), everything.toDate(), everything.period(), Instant.parse("2025-07-20T06:00:00Z"),
                everything.trades(), everything.optionEae(), everything.cashTransactions(), everything.officialNavs(),
                everything.changeInNav(), everything.openPositions(), everything.conversionRates()),
                StatementOrigin.of("later.xml"));

        assertThat(again.unchanged()).isEqualTo(again.total());
        assertThat(later.unchanged()).isEqualTo(later.total());
        assertThat(withoutWriters(db.dump())).isEqualTo(withoutWriters(before));
    }

    /** Each row table's rows as key and xmin (the transaction that wrote that version), sorted. */
    private Map<String, List<String>> rowVersions() {
        Map<String, List<String>> versions = new java.util.TreeMap<>();
        for (var table : List.of(CHRONOLOGICAL_EVENTS, CASH_TRANSACTIONS, OPTION_EAE, NAV_SNAPSHOTS, CHANGE_IN_NAV,
                OPEN_POSITIONS)) {
            var key = table.getPrimaryKey().getFields();
            versions.put(table.getName(), db.dsl().select(DSL.field(DSL.name("xmin")).cast(String.class))
                    .select(key)
                    .from(table)
                    .fetch(r -> r.formatCSV(false).strip())
                    .stream().sorted().toList());
        }
        return versions;
    }

    /** The dump without what names a row's writer, which a newer statement with the same rows changes. */
    private static Map<String, List<String>> withoutWriters(Map<String, List<String>> dump) {
        Map<String, List<String>> out = new java.util.TreeMap<>();
        dump.forEach((table, rows) -> out.put(table, rows.stream()
                .map(row -> row.replaceAll("(statement_id|when_generated|base_currency_when_generated)=[^;]*; ", ""))
                .toList()));
        return out;
    }

    @Test
    void aConnectionLostMidStatementRollsBackEverythingAndRecordsTheFailure() {
        store(ledger, day16());
        Map<String, List<String>> before = db.dump();
        FailingDataSource failing = new FailingDataSource(db.dataSource());
        JooqLedger fragile = new JooqLedger(failing);
        // The trades and EAE rows of day 18 are written before its cash rows; the first statement about those fails.
        failing.failNext(sql -> sql.contains("\"alm_reporting\".\"cash_transactions\""));

        assertThatThrownBy(() -> fragile.store(day18(), StatementOrigin.of("U1234567_MTD_20250718.xml")))
                .isInstanceOf(LedgerStoreException.class)
                .hasMessageContaining("injected failure");

        assertThat(db.dump()).isEqualTo(before);
        assertThat(runs().get(0).status()).isEqualTo(StatementRun.FAILED);
        assertThat(runs().get(0).error()).contains("08006").contains("injected failure");

        IngestCounts retry = fragile.store(day18(), StatementOrigin.of("U1234567_MTD_20250718.xml"));
        assertThat(retry.inserted()).isPositive();
        assertThat(runs().get(0).status()).isEqualTo(StatementRun.COMMITTED);
    }

    @Test
    void theWindowQueryReturnsTheTradesOfOneTradingDayInTimeOrder() {
        store(ledger, day18());

        // Trading day July 17: (July 16 16:00 EDT, July 17 16:00 EDT]; the 16:20 BookTrades fall into the 18th.
        List<TradeRow> day = ledger.tradesBetween(ACCOUNT, et("2025-07-16T16:00:00"), et("2025-07-17T16:00:00"));

        assertThat(day).extracting(t -> t.transactionId().value())
                .containsExactly("1003", "1013", "1004", "1005", "1006");
        assertThat(ledger.tradesBetween(ACCOUNT, et("2025-07-17T16:00:00"), et("2025-07-18T16:00:00")))
                .extracting(t -> t.transactionId().value())
                .containsExactly("1007", "1008", "1009", "1010", "1012", "1011", "1014");
        assertThat(ledger.tradesBetween(ACCOUNT, et("2025-07-16T14:10:00"), et("2025-07-16T14:10:30")))
                .extracting(t -> t.transactionId().value()).containsExactly("1002");
    }

    @Test
    void holdingPeriodsFollowTheDailySnapshotsWhateverTheOrder() {
        store(ledger, day18());
        store(ledger, day16());
        store(ledger, day17());

        var periods = db.dsl().selectFrom(STOCK_POSITIONS).fetch();

        assertThat(periods).extracting(r -> r.getSymbol() + " " + r.getEntryDate() + ".." + r.getExitDate()
                        + " " + r.getLastQuantity())
                .containsExactlyInAnyOrder(
                        "QQQ 2025-07-16..null 10",
                        "SPY 2025-07-17..2025-07-18 -100",
                        "SPY   250717C00628000 2025-07-16..2025-07-17 -1",
                        "SPY   250717P00626000 2025-07-16..2025-07-17 -1");
    }

    @Test
    void concurrentIngestsOfOneAccountEndAsIfOneAfterTheOther() throws Exception {
        List<Statement> files = List.of(day16(), day17(), day18(), day16(), day18(), day17());
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Callable<IngestCounts>> jobs = files.stream()
                    .<Callable<IngestCounts>>map(s -> () -> store(ledger, s)).toList();
            for (Future<IngestCounts> f : pool.invokeAll(jobs)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, List<String>> concurrent = db.dump();

        emptyLedger();
        store(ledger, day16());
        store(ledger, day17());
        store(ledger, day18());

        assertThat(concurrent).isEqualTo(db.dump());
        assertThat(db.dsl().fetchCount(STATEMENTS, STATEMENTS.STATUS.eq(StatementRun.COMMITTED))).isEqualTo(3);
    }
}
