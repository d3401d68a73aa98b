package com.almreporting.persistence;

import static com.almreporting.persistence.jooq.Tables.ACCOUNTS;
import static com.almreporting.persistence.jooq.Tables.CASH_TRANSACTIONS;
import static com.almreporting.persistence.jooq.Tables.CHANGE_IN_NAV;
import static com.almreporting.persistence.jooq.Tables.CHRONOLOGICAL_EVENTS;
import static com.almreporting.persistence.jooq.Tables.CONVERSION_RATES;
import static com.almreporting.persistence.jooq.Tables.NAV_SNAPSHOTS;
import static com.almreporting.persistence.jooq.Tables.OPEN_POSITIONS;
import static com.almreporting.persistence.jooq.Tables.OPTION_EAE;
import static com.almreporting.persistence.jooq.Tables.STATEMENTS;

import com.almreporting.domain.model.AccountId;
import com.almreporting.domain.model.CashTransactionRow;
import com.almreporting.domain.model.ChangeInNav;
import com.almreporting.domain.model.ConversionRate;
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
import com.almreporting.persistence.jooq.tables.records.ChronologicalEventsRecord;
import com.almreporting.persistence.jooq.tables.records.ConversionRatesRecord;
import com.almreporting.persistence.jooq.tables.records.StatementsRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Ledger} in PostgreSQL (schema {@code alm_reporting}, see the Flyway scripts), with the same
 * semantics as the in-memory ledger, row for row and count for count.
 *
 * <p>Storing a statement is one transaction, serialised per account by {@code pg_advisory_xact_lock}: the
 * account row, every section (made distinct by key; new rows COPYed in, rows already stored as they are
 * recognised by fingerprint and not sent again, the others compared inside the database and only the changed
 * ones written, never letting an older statement overwrite a newer one; see {@code Section}), the rebuilt
 * holding periods and the run's {@code statements} row set to {@code committed} commit together or not at
 * all. The run's row is written first, in a transaction of its own, so that a failure, or a process killed
 * midway, stays visible; a failure is recorded there, in another transaction, after the data transaction has
 * rolled back.
 *
 * <p>A whole store runs on one connection, whose session holds the run's liveness lock ({@code
 * pg_advisory_lock(RUN_LOCK_NAMESPACE, id)}, taken in the transaction that inserts the row) until the run has
 * ended. A row still {@code running} whose lock is free belongs to a process that died (killed, crashed, or cut
 * off from the database) before committing: {@link #markInterruptedRuns()}, which every store calls first,
 * marks it {@code failed} with an error starting "interrupted: ". Its data transaction rolled back with its
 * connection, so nothing else needs undoing.
 *
 * <p>Reads map the rows back to the very records that were stored ({@code equals} holds), with two limits
 * of the column types: an {@link Instant} is kept to the microsecond, and a {@link java.math.BigDecimal}
 * with a negative scale ({@code 1E+3}) comes back with scale 0. Flex data has neither.
 *
 * <p>Thread-safe: every call uses its own connection from the {@link DataSource}. A pooling data source
 * is fine: the liveness lock is released before the connection goes back.
 */
public final class JooqLedger implements Ledger {

    private static final Logger LOG = LoggerFactory.getLogger(JooqLedger.class);
    private static final int MAX_ERROR_LENGTH = 4_000;
    private static final int RATES_PER_INSERT = 4_000;
    /**
     * The first half of every run's liveness-lock key ({@code pg_advisory_lock(int4, int4)}), "alm1": the
     * two-int keys are a space apart from the one-bigint key of the per-account lock.
     */
    static final int RUN_LOCK_NAMESPACE = 0x616c6d31;
    /** The error of a run found interrupted; always starts with "interrupted: ". */
    static final String INTERRUPTED = "interrupted: the process storing this statement ended before committing it"
            + " (killed, crashed, or lost its database connection); its data transaction rolled back and nothing of"
            + " it was stored";

    private static final Section<TradeRow, String, ChronologicalEventsRecord> TRADES = new Section<>(
            CHRONOLOGICAL_EVENTS, CHRONOLOGICAL_EVENTS.ACCOUNT_ID, CHRONOLOGICAL_EVENTS.TRANSACTION_ID,
            CHRONOLOGICAL_EVENTS.WHEN_GENERATED, t -> t.transactionId().value(),
            TradeRecordMapper::toRecord, TradeRecordMapper::toDomain);
    private static final Section<OptionEaeRow, String, ?> OPTION_EAE_ROWS = new Section<>(
            OPTION_EAE, OPTION_EAE.ACCOUNT_ID, OPTION_EAE.ROW_KEY, OPTION_EAE.WHEN_GENERATED, OptionEaeRow::key,
            OptionEaeRecordMapper::toRecord, OptionEaeRecordMapper::toDomain);
    private static final Section<CashTransactionRow, String, ?> CASH = new Section<>(
            CASH_TRANSACTIONS, CASH_TRANSACTIONS.ACCOUNT_ID, CASH_TRANSACTIONS.ROW_KEY,
            CASH_TRANSACTIONS.WHEN_GENERATED, CashTransactionRow::key,
            CashTransactionRecordMapper::toRecord, CashTransactionRecordMapper::toDomain);
    private static final Section<OfficialNav, LocalDate, ?> NAVS = new Section<>(
            NAV_SNAPSHOTS, NAV_SNAPSHOTS.ACCOUNT_ID, NAV_SNAPSHOTS.REPORT_DATE, NAV_SNAPSHOTS.WHEN_GENERATED,
            OfficialNav::reportDate, OfficialNavRecordMapper::toRecord, OfficialNavRecordMapper::toDomain);
    private static final Section<ChangeInNav, String, ?> CHANGES = new Section<>(
            CHANGE_IN_NAV, CHANGE_IN_NAV.ACCOUNT_ID, CHANGE_IN_NAV.PERIOD_KEY, CHANGE_IN_NAV.WHEN_GENERATED,
            ChangeInNavRecordMapper::key, ChangeInNavRecordMapper::toRecord, ChangeInNavRecordMapper::toDomain);
    private static final Section<OpenPositionRow, String, ?> POSITIONS = new Section<>(
            OPEN_POSITIONS, OPEN_POSITIONS.ACCOUNT_ID, OPEN_POSITIONS.POSITION_KEY, OPEN_POSITIONS.WHEN_GENERATED,
            OpenPositionRecordMapper::key, OpenPositionRecordMapper::toRecord, OpenPositionRecordMapper::toDomain);

    private final DataSource dataSource;
    private final DSLContext dsl;
    private final Clock clock;

    private static final LocalDate LAST_STORABLE_DATE = LocalDate.of(9999, 12, 31);
    private static final LocalDate FIRST_STORABLE_DATE = LocalDate.of(1, 1, 1);

    public JooqLedger(DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    JooqLedger(DataSource dataSource, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.dsl = DSL.using(dataSource, SQLDialect.POSTGRES, new Settings().withRenderFormatted(false));
    }

    @Override
    public IngestCounts store(Statement statement, StatementOrigin origin) {
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(origin, "origin");
        Instant generated = statement.whenGenerated() == null ? Instant.EPOCH : statement.whenGenerated();
        // One connection for the whole run: its session holds the run's liveness lock from the moment the
        // 'running' row is visible until the run has ended, and its end (even the process's death) releases it.
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw new LedgerStoreException("cannot record the ingestion of " + origin.fileName() + ": " + describe(e), 0, e);
        }
        try {
            DSLContext ctx = DSL.using(connection, SQLDialect.POSTGRES, dsl.settings());
            sweepBeforeStore(ctx);
            long runId;
            try {
                runId = beginRun(ctx, statement, origin);
            } catch (RuntimeException e) {
                releaseAllRunLocks(ctx, e);
                throw new LedgerStoreException("cannot record the ingestion of " + origin.fileName() + ": " + describe(e), 0, e);
            }
            try {
                return storeData(ctx, statement, origin, new Stamp(statement.account(), runId, generated));
            } finally {
                releaseRunLock(ctx, runId);
            }
        } finally {
            close(connection, origin);
        }
    }

    /** The run's outcome is recorded by now: a connection that cannot be closed is only worth a warning. */
    private static void close(Connection connection, StatementOrigin origin) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("Could not close the connection of the ingestion of {}: {}", origin.fileName(), describe(e));
        }
    }

    private IngestCounts storeData(DSLContext ctx, Statement statement, StatementOrigin origin, Stamp stamp) {
        try {
            IngestCounts counts = ctx.transactionResult(tx -> storeRows(tx.dsl(), statement, stamp));
            LOG.info("Stored {} for account {}: {} inserted, {} updated, {} unchanged, {} kept (newer stored)",
                    origin.fileName(), statement.account().masked(), counts.inserted(), counts.updated(), counts.unchanged(),
                    counts.keptNewer());
            return counts;
        } catch (RuntimeException e) {
            String error = describe(e);
            recordFailure(ctx, stamp.statementId(), error, e);
            throw new LedgerStoreException("storing " + origin.fileName() + " for account " + statement.account().masked()
                    + " failed and nothing of it was stored (run " + stamp.statementId() + "): " + error,
                    stamp.statementId(), e);
        }
    }

    /**
     * The run's row, and its liveness lock taken in the same transaction: no other session can see the row
     * 'running' before the lock is held. The lock is session-level, so it outlives this transaction.
     */
    private long beginRun(DSLContext ctx, Statement statement, StatementOrigin origin) {
        return ctx.transactionResult(tx -> {
            long id = tx.dsl().insertInto(STATEMENTS)
                    .set(STATEMENTS.FILE_NAME, origin.fileName())
                    .set(STATEMENTS.SHA256, origin.sha256())
                    .set(STATEMENTS.ACCOUNT_ID, statement.account().value())
                    .set(STATEMENTS.PERIOD, statement.period())
                    .set(STATEMENTS.FROM_DATE, statement.fromDate())
                    .set(STATEMENTS.TO_DATE, statement.toDate())
                    .set(STATEMENTS.WHEN_GENERATED, statement.whenGenerated())
                    .set(STATEMENTS.STATUS, StatementRun.RUNNING)
                    .set(STATEMENTS.STARTED_AT, clock.instant())
                    .returning(STATEMENTS.STATEMENT_ID)
                    .fetchSingle()
                    .getStatementId();
            tx.dsl().select(DSL.function("pg_advisory_lock", SQLDataType.OTHER, DSL.val(RUN_LOCK_NAMESPACE),
                    runLockKey(DSL.val(id)))).fetch();
            return id;
        });
    }

    /**
     * Ends the run's liveness lock, however the run ended. A connection that died has released it already;
     * then this fails, which only matters for the log.
     */
    private static void releaseRunLock(DSLContext ctx, long runId) {
        try {
            Boolean released = ctx.select(DSL.function("pg_advisory_unlock", SQLDataType.BOOLEAN,
                    DSL.val(RUN_LOCK_NAMESPACE), runLockKey(DSL.val(runId)))).fetchSingle().value1();
            if (!Boolean.TRUE.equals(released)) {
                LOG.warn("The liveness lock of run {} was not held when the run ended", runId);
            }
        } catch (RuntimeException e) {
            LOG.debug("Could not release the liveness lock of run {} (its connection is gone, which released it): {}",
                    runId, describe(e));
        }
    }

    /**
     * After a failed {@link #beginRun} the id is unknown, yet a lock taken before a failed commit is still held
     * (rollback does not end a session-level lock); this session holds no other, so all of them go.
     */
    private static void releaseAllRunLocks(DSLContext ctx, RuntimeException failure) {
        try {
            ctx.select(DSL.function("pg_advisory_unlock_all", SQLDataType.OTHER)).fetch();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /** The second half of a run's liveness-lock key: the low 32 bits of its id, in SQL as in Java's {@code (int) id}. */
    private static Field<Integer> runLockKey(Field<Long> statementId) {
        return DSL.field("({0})::bit(32)::int4", SQLDataType.INTEGER, statementId);
    }

    /**
     * Marks every run that is still {@code running} but whose process is gone as failed, with an error saying
     * it was interrupted, and returns how many. A run is gone when its liveness lock is free: a live run holds
     * it from before its row is visible until after its outcome is committed, and a dead process's connection
     * drop releases it. One statement: a run found free is locked for the rest of it ({@code
     * pg_try_advisory_xact_lock}), and a row another sweep or the run itself changed meanwhile is re-checked
     * by PostgreSQL and left alone, so concurrent sweeps and stores never mark a live run.
     *
     * @return the number of runs marked
     */
    public int markInterruptedRuns() {
        try (Connection c = dataSource.getConnection()) {
            return markInterruptedRuns(DSL.using(c, SQLDialect.POSTGRES, dsl.settings()));
        } catch (SQLException e) {
            throw new org.jooq.exception.DataAccessException("marking interrupted runs failed: " + e.getMessage(), e);
        }
    }

    private int markInterruptedRuns(DSLContext ctx) {
        // CASE, not AND alone: only 'running' rows may be tried, or every row of the history would take a lock.
        Condition free = DSL.condition("case when {0} = {1} then pg_try_advisory_xact_lock({2}, {3}) else false end",
                STATEMENTS.STATUS, DSL.val(StatementRun.RUNNING), DSL.val(RUN_LOCK_NAMESPACE),
                runLockKey(STATEMENTS.STATEMENT_ID));
        var swept = ctx.update(STATEMENTS)
                .set(STATEMENTS.STATUS, StatementRun.FAILED)
                .set(STATEMENTS.ERROR, INTERRUPTED)
                .set(STATEMENTS.FINISHED_AT, clock.instant())
                .where(STATEMENTS.STATUS.eq(StatementRun.RUNNING))
                .and(free)
                .returning(STATEMENTS.STATEMENT_ID, STATEMENTS.FILE_NAME, STATEMENTS.ACCOUNT_ID, STATEMENTS.STARTED_AT)
                .fetch();
        for (StatementsRecord r : swept) {
            LOG.warn("Marked interrupted run {} ({} for account {}, started {}) as failed: its process ended before"
                            + " committing, and nothing of it was stored", r.getStatementId(), r.getFileName(),
                    new AccountId(r.getAccountId()).masked(), r.getStartedAt());
        }
        return swept.size();
    }

    /** Housekeeping before a store: a failure is logged, never a reason not to store. */
    private void sweepBeforeStore(DSLContext ctx) {
        try {
            markInterruptedRuns(ctx);
        } catch (RuntimeException e) {
            LOG.warn("Could not mark interrupted runs as failed (the ingest goes on): {}", describe(e));
        }
    }

    /** The number of recorded runs by status: committed, failed and running, always in that order, zeros included. */
    public Map<String, Long> runsByStatus() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String status : List.of(StatementRun.COMMITTED, StatementRun.FAILED, StatementRun.RUNNING)) {
            counts.put(status, 0L);
        }
        dsl.select(STATEMENTS.STATUS, DSL.count()).from(STATEMENTS).groupBy(STATEMENTS.STATUS)
                .fetch()
                .forEach(r -> counts.put(r.value1(), r.value2().longValue()));
        return counts;
    }

    private IngestCounts storeRows(DSLContext ctx, Statement statement, Stamp stamp) {
        lockAccount(ctx, statement.account());
        upsertAccount(ctx, statement, stamp.whenGenerated());
        Tally tally = new Tally();
        TRADES.store(ctx, statement.trades(), stamp, tally);
        OPTION_EAE_ROWS.store(ctx, statement.optionEae(), stamp, tally);
        CASH.store(ctx, statement.cashTransactions().stream().filter(CashTransactionRow::isDetail).toList(), stamp, tally);
        NAVS.store(ctx, statement.officialNavs(), stamp, tally);
        if (statement.changeInNav() != null) {
            CHANGES.store(ctx, List.of(statement.changeInNav()), stamp, tally);
        }
        List<OpenPositionRow> positions = statement.openPositions().stream().filter(OpenPositionRow::isSummary).toList();
        POSITIONS.store(ctx, positions, stamp, tally);
        if (!positions.isEmpty()) {
            StockPositionProjection.rebuild(ctx, statement.account());
        }
        storeConversionRates(ctx, statement.conversionRates(), stamp);
        IngestCounts counts = tally.toCounts(statement.account());
        int marked = ctx.update(STATEMENTS)
                .set(STATEMENTS.STATUS, StatementRun.COMMITTED)
                .set(STATEMENTS.ROW_COUNT, tally.offered)
                .set(STATEMENTS.INSERTED, counts.inserted())
                .set(STATEMENTS.UPDATED, counts.updated())
                .set(STATEMENTS.UNCHANGED, counts.unchanged())
                .set(STATEMENTS.KEPT_NEWER, counts.keptNewer())
                .set(STATEMENTS.FINISHED_AT, clock.instant())
                .where(STATEMENTS.STATEMENT_ID.eq(stamp.statementId()))
                .and(STATEMENTS.STATUS.eq(StatementRun.RUNNING))
                .execute();
        if (marked != 1) {
            // the liveness lock makes this impossible; were it not, data must not commit under a run marked failed
            throw new IllegalStateException("run " + stamp.statementId() + " is no longer 'running' in statements");
        }
        return counts;
    }

    /** Serialises ingests of one account across processes; released by the transaction's end. */
    private static void lockAccount(DSLContext ctx, AccountId account) {
        ctx.select(DSL.function("pg_advisory_xact_lock", SQLDataType.OTHER, DSL.val(lockKey(account)))).fetch();
    }

    /** A stable 64-bit key per account: the first eight bytes of a SHA-256 of the id. */
    static long lockKey(AccountId account) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("alm_reporting.accounts/" + account.value()).getBytes(StandardCharsets.UTF_8));
            long key = 0;
            for (int i = 0; i < 8; i++) {
                key = (key << 8) | (digest[i] & 0xFF);
            }
            return key;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    /** The account row; its base currency follows the newest statement that names one, as in memory. */
    private static void upsertAccount(DSLContext ctx, Statement statement, Instant generated) {
        String base = statement.baseCurrency();
        ctx.insertInto(ACCOUNTS)
                .set(ACCOUNTS.ACCOUNT_ID, statement.account().value())
                .set(ACCOUNTS.BASE_CURRENCY, base)
                .set(ACCOUNTS.BASE_CURRENCY_WHEN_GENERATED, base == null ? null : generated)
                .onConflict(ACCOUNTS.ACCOUNT_ID)
                .doUpdate()
                .set(ACCOUNTS.BASE_CURRENCY, DSL.excluded(ACCOUNTS.BASE_CURRENCY))
                .set(ACCOUNTS.BASE_CURRENCY_WHEN_GENERATED, DSL.excluded(ACCOUNTS.BASE_CURRENCY_WHEN_GENERATED))
                .where(DSL.excluded(ACCOUNTS.BASE_CURRENCY).isNotNull()
                        .and(ACCOUNTS.BASE_CURRENCY_WHEN_GENERATED.isNull()
                                .or(DSL.excluded(ACCOUNTS.BASE_CURRENCY_WHEN_GENERATED)
                                        .ge(ACCOUNTS.BASE_CURRENCY_WHEN_GENERATED))))
                .execute();
    }

    /**
     * Conversion rates belong to no account and are not part of the ledger's counts (the port's history does
     * not return them); they follow the same newer-wins rule. Written in key order so that two accounts'
     * ingests touching the same rates lock them in the same order.
     */
    private static void storeConversionRates(DSLContext ctx, List<ConversionRate> rates, Stamp stamp) {
        Map<String, ConversionRate> distinct = new LinkedHashMap<>();
        rates.stream()
                .sorted(Comparator.comparing(ConversionRateRecordMapper::key))
                .forEach(r -> distinct.put(ConversionRateRecordMapper.key(r), r));
        List<ConversionRatesRecord> records = distinct.values().stream()
                .map(r -> ConversionRateRecordMapper.toRecord(r, stamp))
                .toList();
        for (int from = 0; from < records.size(); from += RATES_PER_INSERT) {
            ctx.insertInto(CONVERSION_RATES)
                    .columns(CONVERSION_RATES.fields())
                    .valuesOfRecords(records.subList(from, Math.min(records.size(), from + RATES_PER_INSERT)))
                    .onConflict(CONVERSION_RATES.REPORT_DATE, CONVERSION_RATES.FROM_CURRENCY, CONVERSION_RATES.TO_CURRENCY)
                    .doUpdate()
                    .setAllToExcluded()
                    .where(DSL.excluded(CONVERSION_RATES.WHEN_GENERATED).ge(CONVERSION_RATES.WHEN_GENERATED))
                    .execute();
        }
    }

    /** On the run's own connection, after its data transaction rolled back; a dead connection leaves it to the sweep. */
    private void recordFailure(DSLContext ctx, long runId, String error, RuntimeException failure) {
        try {
            ctx.update(STATEMENTS)
                    .set(STATEMENTS.STATUS, StatementRun.FAILED)
                    .set(STATEMENTS.ERROR, error)
                    .set(STATEMENTS.FINISHED_AT, clock.instant())
                    .where(STATEMENTS.STATEMENT_ID.eq(runId))
                    // a failure raised after the commit (restoring autocommit, say) must not relabel a committed run
                    .and(STATEMENTS.STATUS.eq(StatementRun.RUNNING))
                    .execute();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
            LOG.warn("Could not record the failure of run {} (the next ingest marks it interrupted): {}", runId, describe(e));
        }
    }

    /**
     * The failure in one line: the database's own message when there is one (jOOQ's wraps it with the whole
     * SQL text, thousands of placeholders for a batch), else the exception itself.
     */
    static String describe(Throwable e) {
        SQLException sql = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                sql = s;
            }
        }
        String text = sql != null
                ? (sql.getSQLState() == null ? "" : "SQLState " + sql.getSQLState() + ": ") + sql.getMessage()
                : e.toString();
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH) + "…";
    }

    @Override
    public List<AccountId> accounts() {
        return dsl.select(ACCOUNTS.ACCOUNT_ID).from(ACCOUNTS)
                .fetch(r -> new AccountId(r.value1()))
                .stream()
                .sorted()
                .toList();
    }

    @Override
    public Optional<String> baseCurrency(AccountId account) {
        return dsl.select(ACCOUNTS.BASE_CURRENCY).from(ACCOUNTS)
                .where(ACCOUNTS.ACCOUNT_ID.eq(account.value()))
                .fetchOptional()
                .map(Record1::value1);
    }

    @Override
    public AccountHistory history(AccountId account, LocalDate through) {
        return history(account, LocalDate.MIN, through);
    }

    @Override
    public AccountHistory history(AccountId account, LocalDate requestedSince, LocalDate requestedThrough) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(requestedSince, "since");
        Objects.requireNonNull(requestedThrough, "through");
        // PostgreSQL's date ends in year 5874897; LocalDate.MAX ("everything") is beyond it, and LocalDate.MIN before
        // its first day: an unbounded side is left out of the query.
        LocalDate through = requestedThrough.isAfter(LAST_STORABLE_DATE) ? LAST_STORABLE_DATE : requestedThrough;
        LocalDate since = requestedSince.isBefore(FIRST_STORABLE_DATE) ? null : requestedSince;
        return inSnapshot(ctx -> {
            var book = ctx.selectFrom(ACCOUNTS).where(ACCOUNTS.ACCOUNT_ID.eq(account.value())).fetchOne();
            if (book == null) {
                return new AccountHistory(account, null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
            }
            return new AccountHistory(account, book.getBaseCurrency(),
                    TRADES.read(ctx, account, dated(CHRONOLOGICAL_EVENTS.BUSINESS_DATE, since, through)),
                    OPTION_EAE_ROWS.read(ctx, account, dated(OPTION_EAE.EAE_DATE, since, through)),
                    CASH.read(ctx, account, dated(CASH_TRANSACTIONS.BUSINESS_DATE, since, through)),
                    NAVS.read(ctx, account, dated(NAV_SNAPSHOTS.REPORT_DATE, since, through)),
                    CHANGES.read(ctx, account, CHANGE_IN_NAV.TO_DATE.isNull().or(dated(CHANGE_IN_NAV.TO_DATE, since, through))),
                    POSITIONS.read(ctx, account,
                            OPEN_POSITIONS.REPORT_DATE.isNull().or(dated(OPEN_POSITIONS.REPORT_DATE, since, through))));
        });
    }

    /** {@code date <= through}, and {@code date >= since} unless {@code since} is null. */
    private static org.jooq.Condition dated(org.jooq.Field<LocalDate> date, LocalDate since, LocalDate through) {
        return since == null ? date.le(through) : date.between(since, through);
    }

    @Override
    public Optional<BusinessDates> businessDates(AccountId account) {
        return LedgerCheckpoints.businessDates(dsl, account);
    }

    @Override
    public long version(AccountId account) {
        return LedgerCheckpoints.version(dsl, account);
    }

    @Override
    public Optional<Checkpoint> latestCheckpointBefore(AccountId account, LocalDate day) {
        LocalDate before = day.isAfter(LAST_STORABLE_DATE) ? LAST_STORABLE_DATE : day;
        return inSnapshot(ctx -> LedgerCheckpoints.latestBefore(ctx, account, before));
    }

    @Override
    public boolean storeCheckpoints(AccountId account, long version, List<Checkpoint> checkpoints) {
        return LedgerCheckpoints.store(dsl, account, version, checkpoints);
    }

    @Override
    public boolean linkedBefore(AccountId account, LocalDate before, Set<String> transactionIds, Set<String> tradeIds) {
        return LedgerCheckpoints.linkedBefore(dsl, account, before, transactionIds, tradeIds);
    }

    /**
     * The account's timed trade rows in one trading-day window ({@code fromExclusive}, {@code toInclusive}],
     * in time order: the per-day query of the report, a range scan on the {@code event_timestamp} indexes.
     * Date-only rows have no timestamp and are not in any window; {@link #history} has them.
     */
    public List<TradeRow> tradesBetween(AccountId account, Instant fromExclusive, Instant toInclusive) {
        return windowQuery(dsl, account, fromExclusive, toInclusive).fetch(TradeRecordMapper::toDomain);
    }

    static ResultQuery<ChronologicalEventsRecord> windowQuery(DSLContext ctx, AccountId account, Instant fromExclusive,
                                                              Instant toInclusive) {
        return ctx.selectFrom(CHRONOLOGICAL_EVENTS)
                .where(CHRONOLOGICAL_EVENTS.ACCOUNT_ID.eq(account.value()))
                .and(CHRONOLOGICAL_EVENTS.EVENT_TIMESTAMP.gt(fromExclusive))
                .and(CHRONOLOGICAL_EVENTS.EVENT_TIMESTAMP.le(toInclusive))
                .orderBy(CHRONOLOGICAL_EVENTS.EVENT_TIMESTAMP, CHRONOLOGICAL_EVENTS.TRANSACTION_ID);
    }

    /** The most recent ingestion runs, newest first. */
    public List<StatementRun> recentRuns(int limit) {
        return dsl.selectFrom(STATEMENTS)
                .orderBy(STATEMENTS.STATEMENT_ID.desc())
                .limit(limit)
                .fetch(JooqLedger::toRun);
    }

    public Optional<StatementRun> run(long id) {
        return dsl.selectFrom(STATEMENTS).where(STATEMENTS.STATEMENT_ID.eq(id)).fetchOptional(JooqLedger::toRun);
    }

    private static StatementRun toRun(StatementsRecord r) {
        AccountId account = new AccountId(r.getAccountId());
        return new StatementRun(r.getStatementId(), r.getFileName(), r.getSha256(), account, r.getPeriod(),
                r.getFromDate(), r.getToDate(), r.getWhenGenerated(), r.getRowCount(),
                new IngestCounts(account, r.getInserted(), r.getUpdated(), r.getUnchanged(), r.getKeptNewer()),
                r.getStatus(), r.getError(), r.getStartedAt(), r.getFinishedAt());
    }

    /**
     * Runs the reads of one history in a single read-only REPEATABLE READ transaction, so that an ingest
     * committing meanwhile is seen entirely or not at all. The connection's settings are restored before it
     * goes back to the data source (it may be pooled).
     */
    private <T> T inSnapshot(Function<DSLContext, T> reads) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            int isolation = c.getTransactionIsolation();
            boolean readOnly = c.isReadOnly();
            try {
                c.setAutoCommit(false);
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                c.setReadOnly(true);
                T result = reads.apply(DSL.using(c, SQLDialect.POSTGRES, dsl.settings()));
                c.commit();
                return result;
            } catch (RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setReadOnly(readOnly);
                c.setTransactionIsolation(isolation);
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new org.jooq.exception.DataAccessException("reading the ledger failed: " + e.getMessage(), e);
        }
    }
}
