package com.almreporting.persistence;

import static com.almreporting.persistence.TestStatements.ACCOUNT;

import com.almreporting.domain.calendar.NyseCalendar;
import com.almreporting.domain.port.in.ReportRequest;
import com.almreporting.domain.report.NarrativeReport;
import com.almreporting.domain.report.ReportSettings;
import com.almreporting.domain.service.CheckpointService;
import com.almreporting.domain.service.NarrativeReportService;
import com.almreporting.persistence.jooq.AlmReporting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Not a test: the report's cost against the size of the ledger. For each size (default 10,000, 1,000,000 and
 * 10,000,000 trade rows) it fills an empty ledger directly in SQL ({@code INSERT … SELECT} over
 * {@code generate_series}, small raw JSONB), 400 rows per trading day ending 2025-12-31, so that a bigger table is a
 * longer history of the same days: same-day-expiry SPY options sold and bought back, others left to expire
 * (BookTrades after the close), QQQ lots bought and sold the next day (ten lots always open), an official NAV
 * every day. Then it computes the checkpoints (what an ingest does) and times a one-day and a one-year report
 * (the last trading day; the last 252), first and warm, and prints the plans of the queries a resumed report
 * makes. Run from the repository root with the test classpath:
 *
 * <pre>
 * mvn -o -q -pl alm-persistence -am test-compile
 * mvn -o -q -pl alm-persistence -am dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx8g -cp alm-persistence/target/test-classes:alm-persistence/target/classes:alm-domain/target/classes:alm-domain/target/test-classes:$(cat alm-persistence/target/cp.txt) \
 *     com.almreporting.persistence.ReportBenchmark [rows…] [--full-walk]
 * </pre>
 *
 * {@code --full-walk} also times the same reports without checkpoints (the whole history read), where it fits in
 * memory. With {@code ALM_BENCH_DB_URL} set it runs against that server (an empty, throw-away database: every
 * table of the schema is truncated); otherwise an embedded PostgreSQL in a temporary directory under
 * {@code alm-persistence/target}, removed at the end.
 */
public final class ReportBenchmark {

    static final int ROWS_PER_DAY = 400;
    private static final LocalDate LAST_DAY = LocalDate.of(2025, 12, 31);
    private static final NyseCalendar CALENDAR = NyseCalendar.instance();
    /** Trading days inserted per statement: about 200,000 rows. */
    private static final int DAYS_PER_INSERT = 500;

    private ReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = new ArrayList<>();
        boolean fullWalk = false;
        for (String a : args) {
            if (a.equals("--full-walk")) {
                fullWalk = true;
            } else {
                sizes.add(Integer.parseInt(a.replace("_", "")));
            }
        }
        if (sizes.isEmpty()) {
            sizes = List.of(10_000, 1_000_000, 10_000_000);
        }
        String url = System.getenv("ALM_BENCH_DB_URL");
        Path dir = url == null ? Files.createTempDirectory(Path.of("alm-persistence", "target"), "report-bench-").toAbsolutePath() : null;
        DatabaseConfig config = url == null ? DatabaseConfig.embedded(dir, TestDatabase.freePort())
                : DatabaseConfig.external(url, null, null);
        try (PersistenceModule db = PersistenceModule.open(config)) {
            DSLContext ctx = DSL.using(db.dataSource(), SQLDialect.POSTGRES);
            for (int rows : sizes) {
                run(db, ctx, rows, fullWalk);
            }
        } finally {
            if (dir != null) {
                deleteTree(dir);
            }
        }
    }

    private static void run(PersistenceModule db, DSLContext ctx, int rows, boolean fullWalk) {
        List<LocalDate> days = tradingDays((rows + ROWS_PER_DAY - 1) / ROWS_PER_DAY);
        System.out.printf(Locale.ROOT, "%n== %,d trade rows: %d trading days %s..%s, %d per day ==%n", rows, days.size(),
                days.get(0), days.get(days.size() - 1), ROWS_PER_DAY);
        double build = seconds(() -> fill(ctx, days, rows));
        System.out.printf(Locale.ROOT, "build: %.1f s (insert and analyze); table %s, indexes %s%n", build,
                size(ctx, "pg_table_size"), size(ctx, "pg_indexes_size"));

        JooqLedger ledger = db.ledger();
        int[] stored = new int[1];
        double refresh = seconds(() -> stored[0] = new CheckpointService(ledger, CALENDAR).refresh(ACCOUNT));
        System.out.printf(Locale.ROOT, "checkpoints: %d computed and stored in %.1f s (what the first ingest of such a"
                + " history costs once; a daily ingest redoes only the current month)%n", stored[0], refresh);

        NarrativeReportService reports = new NarrativeReportService(ledger, CALENDAR);
        LocalDate last = days.get(days.size() - 1);
        LocalDate yearStart = days.get(Math.max(0, days.size() - 252));
        for (int run = 1; run <= 4; run++) {
            double day = seconds(() -> check(reports.report(request(last, last)), 1));
            double year = seconds(() -> check(reports.report(request(yearStart, last)), Math.min(252, days.size())));
            System.out.printf(Locale.ROOT, "report %s: one day %.3f s; one year (%s..%s) %.3f s%n",
                    run == 1 ? "first" : "warm " + (run - 1), day, yearStart, last, year);
        }
        if (fullWalk) {
            RecordingLedger whole = new RecordingLedger(new NoCheckpoints(ledger));
            NarrativeReportService walk = new NarrativeReportService(whole, CALENDAR);
            double day = seconds(() -> check(walk.report(request(last, last)), 1));
            double year = seconds(() -> check(walk.report(request(yearStart, last)), Math.min(252, days.size())));
            System.out.printf(Locale.ROOT, "without checkpoints (whole history read): one day %.3f s; one year %.3f s%n",
                    day, year);
        }
        explain(ctx, "the window read (trades)", "SELECT * FROM alm_reporting.chronological_events WHERE account_id = 'U1234567'"
                + " AND business_date BETWEEN DATE '" + last.minusDays(8) + "' AND DATE '" + last.plusDays(7)
                + "' ORDER BY transaction_id");
        explain(ctx, "one of the link lookups before the window (2,000 tradeIDs)", "SELECT EXISTS (SELECT 1 FROM"
                + " unnest((SELECT array_agg('T' || g)::varchar[] FROM generate_series(1, 2000) g)) AS wanted(id)"
                + " JOIN alm_reporting.chronological_events e ON e.account_id = 'U1234567' AND e.trade_id = wanted.id"
                + " WHERE e.business_date < DATE '" + last.minusDays(8) + "')");
        explain(ctx, "the checkpoint before the range", "SELECT * FROM alm_reporting.checkpoints WHERE account_id ="
                + " 'U1234567' AND as_of < DATE '" + last + "' ORDER BY as_of DESC LIMIT 1");
    }

    private static ReportRequest request(LocalDate from, LocalDate to) {
        return new ReportRequest(ACCOUNT, from, to, ReportSettings.defaults());
    }

    private static void check(NarrativeReport report, int days) {
        if (report.days().size() != days) {
            throw new IllegalStateException("expected " + days + " days, got " + report.days().size());
        }
    }

    /** The last {@code n} trading days through {@link #LAST_DAY}, oldest first. */
    private static List<LocalDate> tradingDays(int n) {
        List<LocalDate> days = new ArrayList<>(n);
        for (LocalDate d = LAST_DAY; days.size() < n; d = CALENDAR.previousTradingDay(d)) {
            days.add(0, d);
        }
        return days;
    }

    private static void fill(DSLContext ctx, List<LocalDate> days, int rows) {
        ctx.truncate(AlmReporting.ALM_REPORTING.getTables()).restartIdentity().cascade().execute();
        ctx.execute("INSERT INTO alm_reporting.accounts (account_id, base_currency, base_currency_when_generated)"
                + " VALUES ('U1234567', 'HKD', now())");
        ctx.execute("INSERT INTO alm_reporting.statements (statement_id, file_name, account_id, status, started_at,"
                + " finished_at) VALUES (1, 'generated', 'U1234567', 'committed', now(), now())");
        ctx.execute("CREATE TABLE IF NOT EXISTS public.bench_days (n integer PRIMARY KEY, d date NOT NULL)");
        ctx.execute("TRUNCATE public.bench_days");
        Date[] dates = days.stream().map(Date::valueOf).toArray(Date[]::new);
        ctx.execute("INSERT INTO public.bench_days SELECT ord::integer, d FROM unnest(?::date[]) WITH ORDINALITY AS t(d, ord)",
                (Object) dates);
        int lastRow = rows - 1;
        for (int from = 1; from <= days.size(); from += DAYS_PER_INSERT) {
            int to = Math.min(days.size(), from + DAYS_PER_INSERT - 1);
            long start = System.nanoTime();
            ctx.execute(TRADES, from, to, lastRow);
            System.out.printf(Locale.ROOT, "  days %d..%d inserted in %.1f s%n", from, to, (System.nanoTime() - start) / 1e9);
        }
        ctx.execute("INSERT INTO alm_reporting.nav_snapshots (account_id, report_date, row_account_id, currency, total,"
                + " statement_id, when_generated) SELECT 'U1234567', d, 'U1234567', 'HKD', 800000 + (n % 97) * 13.37, 1, now()"
                + " FROM public.bench_days");
        ctx.execute("ANALYZE");
    }

    /**
     * 400 rows per trading day: g 0..379 pairs of a same-day-expiry put sold to open and bought back 20 s later;
     * g 380..384 calls sold to open, 385..389 their expirations (BookTrades, notes Ep) after the close; g 395..399
     * the five oldest QQQ lots sold at 10:30 and g 390..394 five bought at 13:00 (on the first day all ten are bought),
     * so that ten lots are always open. The row number caps the size.
     */
    private static final String TRADES = """
            INSERT INTO alm_reporting.chronological_events (account_id, transaction_id, row_account_id, event_timestamp,
                business_date, trade_date, report_date, transaction_type, asset_category, instrument_kind, symbol,
                underlying, expiry, put_call, strike, multiplier, description, currency, fx_rate_to_base, buy_sell,
                open_close, quantity, trade_price, proceeds, ib_commission, taxes, cost, fifo_pnl_realized, notes,
                trade_id, raw, statement_id, when_generated)
            SELECT 'U1234567', r.id, 'U1234567', r.at, r.d, r.d, r.d, r.type, r.category, r.kind, r.symbol,
                r.underlying, r.expiry, r.put_call, r.strike, r.multiplier, r.symbol, 'USD', 7.8, r.side, r.oc, r.qty,
                r.price, -r.qty * r.price * r.multiplier, CASE WHEN r.type = 'BOOK_TRADE' THEN 0 ELSE -0.70 END, 0,
                CASE WHEN r.oc = 'OPEN' THEN r.qty * r.price * r.multiplier + 0.70 ELSE -r.qty * 0.50 * r.multiplier END,
                CASE WHEN r.oc = 'OPEN' THEN 0 ELSE 1.00 END, r.notes, 'T' || r.id,
                jsonb_build_object('transactionID', r.id), 1, now()
            FROM (
                SELECT b.d, (b.n::bigint * 400 + g)::text AS id,
                    CASE WHEN g < 380 THEN (b.d + time '09:31') + (g / 2) * interval '55 seconds' + (g % 2) * interval '20 seconds'
                         WHEN g < 385 THEN (b.d + time '10:00') + (g - 380) * interval '1 minute'
                         WHEN g < 390 THEN (b.d + time '16:20')
                         WHEN g < 395 THEN (b.d + time '13:00') + (g - 390) * interval '1 minute'
                         WHEN b.n = 1 THEN (b.d + time '13:05') + (g - 395) * interval '1 minute'
                         ELSE (b.d + time '10:30') + (g - 395) * interval '1 minute' END AT TIME ZONE 'America/New_York' AS at,
                    CASE WHEN g BETWEEN 385 AND 389 THEN 'BOOK_TRADE' ELSE 'EXCH_TRADE' END AS type,
                    CASE WHEN g < 390 THEN 'OPT' ELSE 'STK' END AS category,
                    CASE WHEN g < 390 THEN 'OPTION' ELSE 'STOCK' END AS kind,
                    CASE WHEN g < 390 THEN rpad('SPY', 6) || to_char(b.d, 'YYMMDD')
                             || CASE WHEN g < 380 THEN 'P' ELSE 'C' END
                             || lpad(((CASE WHEN g < 380 THEN 600 + (g / 2) % 40 ELSE 700 + (g - 380) % 5 END) * 1000)::text, 8, '0')
                         ELSE 'QQQ' END AS symbol,
                    CASE WHEN g < 390 THEN 'SPY' ELSE 'QQQ' END AS underlying,
                    CASE WHEN g < 390 THEN b.d END AS expiry,
                    CASE WHEN g < 380 THEN 'P' WHEN g < 390 THEN 'C' END AS put_call,
                    CASE WHEN g < 380 THEN 600 + (g / 2) % 40 WHEN g < 390 THEN 700 + (g - 380) % 5 END AS strike,
                    CASE WHEN g < 390 THEN 100 ELSE 1 END AS multiplier,
                    CASE WHEN g < 380 AND g % 2 = 0 OR g BETWEEN 380 AND 384 OR g >= 395 AND b.n > 1 THEN 'SELL' ELSE 'BUY' END AS side,
                    CASE WHEN g < 380 AND g % 2 = 0 OR g BETWEEN 380 AND 384 OR g >= 390 AND (g < 395 OR b.n = 1) THEN 'OPEN'
                         ELSE 'CLOSE' END AS oc,
                    CASE WHEN g < 380 THEN CASE WHEN g % 2 = 0 THEN -1 ELSE 1 END
                         WHEN g < 385 THEN -1 WHEN g < 390 THEN 1
                         WHEN g < 395 OR b.n = 1 THEN 10 ELSE -10 END AS qty,
                    CASE WHEN g < 380 THEN 0.50 + (g % 7) * 0.05 WHEN g < 385 THEN 0.30 WHEN g < 390 THEN 0
                         ELSE 500 + (b.n % 50) END AS price,
                    CASE WHEN g BETWEEN 385 AND 389 THEN 'Ep' END AS notes
                FROM public.bench_days b CROSS JOIN generate_series(0, 399) AS g
                WHERE b.n BETWEEN ? AND ? AND (b.n - 1) * 400 + g <= ?
            ) r
            """;

    private static void explain(DSLContext ctx, String what, String sql) {
        System.out.println("-- EXPLAIN " + what + ":");
        ctx.fetch("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + sql).forEach(r -> System.out.println("   " + r.get(0)));
    }

    private static String size(DSLContext ctx, String function) {
        return String.valueOf(ctx.fetchValue("SELECT pg_size_pretty(" + function + "('alm_reporting.chronological_events'))"));
    }

    private static double seconds(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e9;
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** The ledger as if it kept no checkpoints: every report walks from the first event. */
    private record NoCheckpoints(JooqLedger ledger) implements com.almreporting.domain.port.out.Ledger {
        @Override
        public com.almreporting.domain.port.out.IngestCounts store(com.almreporting.domain.model.Statement s,
                                                                 com.almreporting.domain.port.out.StatementOrigin o) {
            return ledger.store(s, o);
        }

        @Override
        public List<com.almreporting.domain.model.AccountId> accounts() {
            return ledger.accounts();
        }

        @Override
        public java.util.Optional<String> baseCurrency(com.almreporting.domain.model.AccountId account) {
            return ledger.baseCurrency(account);
        }

        @Override
        public com.almreporting.domain.port.out.AccountHistory history(com.almreporting.domain.model.AccountId account,
                                                                      LocalDate through) {
            return ledger.history(account, through);
        }

        @Override
        public com.almreporting.domain.port.out.AccountHistory history(com.almreporting.domain.model.AccountId account,
                                                                      LocalDate since, LocalDate through) {
            return ledger.history(account, since, through);
        }

        @Override
        public java.util.Optional<com.almreporting.domain.port.out.BusinessDates> businessDates(
                com.almreporting.domain.model.AccountId account) {
            return ledger.businessDates(account);
        }

        @Override
        public boolean linkedBefore(com.almreporting.domain.model.AccountId account, LocalDate before,
                                    java.util.Set<String> transactionIds, java.util.Set<String> tradeIds) {
            return ledger.linkedBefore(account, before, transactionIds, tradeIds);
        }
    }
}
