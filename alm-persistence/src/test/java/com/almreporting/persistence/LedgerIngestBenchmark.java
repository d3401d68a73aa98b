package com.almreporting.persistence;

import static com.almreporting.persistence.TestStatements.ACCOUNT;
import static com.almreporting.persistence.jooq.Tables.ACCOUNTS;
import static com.almreporting.persistence.jooq.Tables.CHRONOLOGICAL_EVENTS;
import static com.almreporting.persistence.jooq.Tables.STATEMENTS;

import com.almreporting.domain.model.OpenClose;
import com.almreporting.domain.model.Statement;
import com.almreporting.domain.model.TradeRow;
import com.almreporting.domain.port.out.IngestCounts;
import com.almreporting.domain.port.out.StatementOrigin;
import com.almreporting.persistence.jooq.AlmReporting;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.postgresql.PGConnection;

/**
 * Not a test: measures ingest throughput for a 100,000-trade statement (first ingest, the same file again, a
 * newer file with the same rows, as a daily month-to-date file mostly is, and a newer file that changes every
 * row) against the database's own limit, {@code COPY} of the same rows (every
 * column, the raw attributes' JSONB included) into the same empty table in one transaction; then the ledger
 * side of a one-year report (one window query per day plus one history). Each trade carries the 85 Flex
 * attributes of a real Trade row in its raw map, as the parser would give it. Every phase is timed from
 * its start to its commit, after a {@code CHECKPOINT} so that one phase does not pay for the previous one's
 * dirty pages. Runs on an embedded PostgreSQL in {@code target/}, from the repository root:
 *
 * <pre>
 * mvn -B -o -q -pl alm-persistence -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * cd alm-persistence
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) com.almreporting.persistence.LedgerIngestBenchmark [trades] [--ingest-only]
 * </pre>
 *
 * {@code --ingest-only} stops after the three ingests.
 *
 * With {@code ALM_BENCH_DB_URL} (and {@code ALM_BENCH_DB_USER}, {@code ALM_BENCH_DB_PASSWORD}) set it runs
 * against that server instead; it must be an empty, throw-away database, since the benchmark truncates every
 * ledger table in it, and its user needs the right to {@code CHECKPOINT} (a superuser, or
 * {@code pg_checkpoint} from PostgreSQL 15), else the phases run without one.
 */
public final class LedgerIngestBenchmark {

    private LedgerIngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> arguments = new ArrayList<>(List.of(args));
        boolean ingestOnly = arguments.remove("--ingest-only");
        int trades = arguments.isEmpty() ? 100_000 : Integer.parseInt(arguments.get(0));
        String url = System.getenv("ALM_BENCH_DB_URL");
        Path dataDirectory = url == null
                ? Files.createTempDirectory(Path.of("target"), "bench-postgres-").toAbsolutePath() : null;
        DatabaseConfig config = url == null
                ? DatabaseConfig.embedded(dataDirectory, TestDatabase.freePort())
                : DatabaseConfig.external(url, System.getenv("ALM_BENCH_DB_USER"), System.getenv("ALM_BENCH_DB_PASSWORD"));
        try {
            run(config, trades, ingestOnly);
        } finally {
            if (dataDirectory != null) {
                // Most of a gigabyte per run.
                TestDatabase.deleteRecursively(dataDirectory);
            }
        }
    }

    private static void run(DatabaseConfig config, int trades, boolean ingestOnly) throws Exception {
        try (PersistenceModule db = PersistenceModule.open(config)) {
            DSLContext ctx = DSL.using(db.dataSource(), SQLDialect.POSTGRES);
            System.out.printf(Locale.ROOT, "%s, %d trades%n",
                    ctx.fetchValue("select version()"), trades);
            JooqLedger ledger = db.ledger();
            Statement first = year(trades, "2026-01-01T06:00:00Z", "0.62");
            Statement regenerated = year(trades, "2026-01-02T06:00:00Z", "0.62");
            Statement changed = year(trades, "2026-01-03T06:00:00Z", "0.63");

            ctx.truncate(AlmReporting.ALM_REPORTING.getTables()).restartIdentity().cascade().execute();
            checkpoint(ctx);
            double copy = copy(db.dataSource(), first);
            report("COPY (the limit)", trades, copy, copy, null);

            ctx.truncate(AlmReporting.ALM_REPORTING.getTables()).restartIdentity().cascade().execute();
            checkpoint(ctx);
            measure("first ingest", trades, copy, () -> ledger.store(first, StatementOrigin.of("year.xml")));
            checkpoint(ctx);
            measure("same file again", trades, copy, () -> ledger.store(first, StatementOrigin.of("year.xml")));
            checkpoint(ctx);
            measure("newer file, no row changed", trades, copy,
                    () -> ledger.store(regenerated, StatementOrigin.of("year-regenerated.xml")));
            checkpoint(ctx);
            measure("newer file, every row changed", trades, copy,
                    () -> ledger.store(changed, StatementOrigin.of("year2.xml")));
            if (ingestOnly) {
                return;
            }

            LocalDate day = LocalDate.of(2025, 1, 1);
            long start = System.nanoTime();
            int rows = 0;
            for (int i = 0; i < 365; i++) {
                Instant open = day.plusDays(i - 1L).atTime(21, 0).toInstant(ZoneOffset.UTC);
                rows += ledger.tradesBetween(ACCOUNT, open, open.plus(Duration.ofDays(1))).size();
            }
            double windows = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            int history = ledger.history(ACCOUNT, LocalDate.of(2025, 12, 31)).trades().size();
            double all = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "one year of days: 365 window queries, %d rows, %.2f s; history(through) of %d trades %.2f s%n",
                    rows, windows, history, all);

            // The whole report use case on the database ledger: read, classify, walk the NAV chain, build the model.
            var reports = new com.almreporting.domain.service.NarrativeReportService(ledger,
                    com.almreporting.domain.calendar.NyseCalendar.instance());
            var settings = com.almreporting.domain.report.ReportSettings.defaults();
            for (int run = 1; run <= 3; run++) {
                start = System.nanoTime();
                var oneDay = reports.report(new com.almreporting.domain.port.in.ReportRequest(ACCOUNT,
                        LocalDate.of(2025, 12, 31), LocalDate.of(2025, 12, 31), settings));
                double daySeconds = (System.nanoTime() - start) / 1e9;
                start = System.nanoTime();
                var year = reports.report(new com.almreporting.domain.port.in.ReportRequest(ACCOUNT,
                        LocalDate.of(2025, 1, 2), LocalDate.of(2025, 12, 31), settings));
                double yearSeconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "report run %d: one day %.2f s (%d day); one year %.2f s (%d trading days)%n",
                        run, daySeconds, oneDay.days().size(), yearSeconds, year.days().size());
            }
        }
    }

    /**
     * COPY of the statement's trades, as the ledger would store them (same records, same statement and account
     * rows for the foreign keys), into the empty table; returns the seconds from BEGIN to COMMIT. The COPY
     * text is made beforehand: this is what the database can take, not what Java can make.
     */
    private static double copy(DataSource dataSource, Statement statement) throws Exception {
        DSLContext ctx = DSL.using(dataSource, SQLDialect.POSTGRES);
        ctx.insertInto(ACCOUNTS).set(ACCOUNTS.ACCOUNT_ID, statement.account().value()).execute();
        long run = ctx.insertInto(STATEMENTS)
                .set(STATEMENTS.FILE_NAME, "copy.xml")
                .set(STATEMENTS.ACCOUNT_ID, statement.account().value())
                .set(STATEMENTS.STATUS, StatementRun.COMMITTED)
                .set(STATEMENTS.STARTED_AT, Instant.now())
                .returning(STATEMENTS.STATEMENT_ID)
                .fetchSingle()
                .getStatementId();
        Stamp stamp = new Stamp(statement.account(), run, statement.whenGenerated());
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        StringBuilder line = new StringBuilder();
        for (TradeRow trade : statement.trades()) {
            line.setLength(0);
            CopyRows.appendLine(line, TradeRecordMapper.toRecord(trade, stamp));
            text.write(line.toString().getBytes(StandardCharsets.UTF_8));
        }
        String sql = CopyRows.sql(ctx, CHRONOLOGICAL_EVENTS, CHRONOLOGICAL_EVENTS.fields());
        try (Connection c = dataSource.getConnection()) {
            long start = System.nanoTime();
            c.setAutoCommit(false);
            long copied = c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new ByteArrayInputStream(text.toByteArray()));
            c.commit();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (copied != statement.trades().size()) {
                throw new IllegalStateException("COPY took " + copied + " rows of " + statement.trades().size());
            }
            return seconds;
        }
    }

    /** Best effort: without the right to CHECKPOINT, a phase may pay for some of the previous one's writes. */
    private static void checkpoint(DSLContext ctx) {
        try {
            ctx.execute("CHECKPOINT");
        } catch (DataAccessException e) {
            System.out.println("(no CHECKPOINT between phases: " + e.getMessage() + ")");
        }
    }

    private static void measure(String what, int rows, double copySeconds, Supplier<IngestCounts> store) {
        long start = System.nanoTime();
        IngestCounts counts = store.get();
        report(what, rows, (System.nanoTime() - start) / 1e9, copySeconds, counts);
    }

    private static void report(String what, int rows, double seconds, double copySeconds, IngestCounts counts) {
        System.out.printf(Locale.ROOT, "%-30s %7d rows in %6.2f s = %8.0f rows/s = %4.0f%% of COPY%s%n", what, rows,
                seconds, rows / seconds, 100 * copySeconds / seconds, counts == null ? "" : "  " + counts);
    }

    /**
     * {@code n} option trades spread evenly over 2025 (about 400 per trading day), each with the attributes of a
     * real Flex Trade row.
     */
    private static Statement year(int n, String generated, String price) {
        List<TradeRow> rows = new ArrayList<>(n);
        LocalDateTime first = LocalDateTime.of(2025, 1, 1, 9, 30);
        long step = Duration.ofDays(365).toSeconds() / n;
        for (int i = 0; i < n; i++) {
            LocalDateTime at = first.plusSeconds(step * i);
            String id = String.valueOf(100_000_000L + i);
            TradeBuilder trade = TestStatements.trade(id).at(at.toString())
                    .side(i % 2 == 0 ? "SELL" : "BUY", i % 2 == 0 ? OpenClose.OPEN : OpenClose.CLOSE)
                    .price(price);
            flexAttributes(id, at, price, i % 2 == 0).forEach(trade::raw);
            rows.add(trade.build());
        }
        return TestStatements.statement().period(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31))
                .generated(generated).trades(rows).build();
    }

    /** The 85 attributes of a Flex Trade row (IBKR's order, as in alm-flex-adapter's FlexStatementGenerator). */
    private static Map<String, String> flexAttributes(String id, LocalDateTime at, String price, boolean sell) {
        String date = at.toLocalDate().toString();
        String time = String.format(Locale.ROOT, "%s;%02d%02d%02d", date, at.getHour(), at.getMinute(), at.getSecond());
        String[][] values = {
            {"accountId", "U1234567"}, {"acctAlias", ""}, {"model", ""}, {"currency", "USD"}, {"fxRateToBase", "7.8490"},
            {"assetCategory", "OPT"}, {"subCategory", "P"}, {"symbol", "SPY   250717P00626000"},
            {"description", "SPY 17JUL25 626 P"}, {"conid", "790123456"}, {"securityID", ""}, {"securityIDType", ""},
            {"cusip", ""}, {"isin", ""}, {"figi", "BBG01V2XQ1P4"}, {"listingExchange", "CBOE"},
            {"underlyingConid", "756733"}, {"underlyingSymbol", "SPY"}, {"underlyingSecurityID", "US78462F1030"},
            {"underlyingListingExchange", "ARCA"}, {"issuer", ""}, {"issuerCountryCode", ""}, {"tradeID", "T" + id},
            {"multiplier", "100"}, {"relatedTradeID", ""}, {"strike", "626"}, {"reportDate", date},
            {"expiry", "2025-07-17"}, {"dateTime", time}, {"putCall", "P"}, {"tradeDate", date},
            {"principalAdjustFactor", ""}, {"settleDateTarget", date}, {"transactionType", "ExchTrade"},
            {"exchange", "CBOE"}, {"quantity", sell ? "-1" : "1"}, {"tradePrice", price},
            {"tradeMoney", sell ? "-62" : "62"}, {"proceeds", "62"}, {"taxes", "0"}, {"ibCommission", "-0.73"},
            {"ibCommissionCurrency", "USD"}, {"netCash", "61.27"}, {"closePrice", "0.5"},
            {"openCloseIndicator", sell ? "O" : "C"}, {"notes", ""}, {"cost", "-61.27"}, {"fifoPnlRealized", "0"},
            {"mtmPnl", "12"}, {"origTradePrice", "0"}, {"origTradeDate", ""}, {"origTradeID", ""},
            {"origOrderID", "0"}, {"origTransactionID", "0"}, {"buySell", sell ? "SELL" : "BUY"},
            {"clearingFirmID", ""}, {"ibOrderID", "40" + id}, {"transactionID", id}, {"ibExecID", "0001f4e8." + id},
            {"relatedTransactionID", ""}, {"rtn", ""}, {"brokerageOrderID", "003d7758.0001cc04.68f1ca86.0002"},
            {"orderReference", ""}, {"volatilityOrderLink", ""}, {"exchOrderId", "N/A"}, {"extExecID", "E" + id},
            {"orderTime", time}, {"openDateTime", ""}, {"holdingPeriodDateTime", ""}, {"whenRealized", ""},
            {"whenReopened", ""}, {"levelOfDetail", "EXECUTION"}, {"changeInPrice", "0"}, {"changeInQuantity", "0"},
            {"orderType", "LMT"}, {"traderID", ""}, {"isAPIOrder", "N"}, {"accruedInt", "0"},
            {"initialInvestment", ""}, {"positionActionID", ""}, {"serialNumber", ""}, {"deliveryType", ""},
            {"commodityType", ""}, {"fineness", "0.0"}, {"weight", "0.0"},
        };
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String[] v : values) {
            attributes.put(v[0], v[1]);
        }
        return attributes;
    }
}
