package com.almreporting.persistence;

import static com.almreporting.persistence.TestStatements.ACCOUNT;

import com.almreporting.domain.model.OpenClose;
import com.almreporting.domain.model.Statement;
import com.almreporting.domain.model.TradeRow;
import com.almreporting.domain.port.out.IngestCounts;
import com.almreporting.domain.port.out.StatementOrigin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Not a test: measures ingest throughput for a 100,000-trade statement (first ingest, the same file again, a
 * newer file that changes every row) and the ledger side of a one-year report (one window query per day plus
 * one history), on an embedded PostgreSQL in {@code target/}. Run from the module directory with the test
 * classpath:
 *
 * <pre>
 * mvn -pl .,alm-persistence test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat alm-persistence/target/cp.txt) com.almreporting.persistence.LedgerIngestBenchmark [trades]
 * </pre>
 *
 * With {@code ALM_BENCH_DB_URL} set it runs against that server instead (it must be an empty, throw-away
 * database: the benchmark writes account U1234567).
 */
public final class LedgerIngestBenchmark {

    private LedgerIngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int trades = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        String url = System.getenv("ALM_BENCH_DB_URL");
        DatabaseConfig config = url == null
                ? DatabaseConfig.embedded(Files.createTempDirectory(Path.of("target"), "bench-postgres-").toAbsolutePath(),
                        TestDatabase.freePort())
                : DatabaseConfig.external(url, null, null);
        try (PersistenceModule db = PersistenceModule.open(config)) {
            JooqLedger ledger = db.ledger();
            Statement first = year(trades, "2026-01-01T06:00:00Z", "0.62");
            Statement changed = year(trades, "2026-01-02T06:00:00Z", "0.63");

            measure("first ingest", trades, () -> ledger.store(first, StatementOrigin.of("year.xml")));
            measure("same file again", trades, () -> ledger.store(first, StatementOrigin.of("year.xml")));
            measure("newer file, every row changed", trades, () -> ledger.store(changed, StatementOrigin.of("year2.xml")));

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

    private static void measure(String what, int rows, java.util.function.Supplier<IngestCounts> store) {
        long start = System.nanoTime();
        IngestCounts counts = store.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%-30s %7d rows in %6.2f s = %8.0f rows/s  %s%n", what, rows, seconds, rows / seconds, counts);
    }

    /** {@code n} option trades spread evenly over 2025 (about 400 per trading day). */
    private static Statement year(int n, String generated, String price) {
        List<TradeRow> rows = new ArrayList<>(n);
        LocalDateTime first = LocalDateTime.of(2025, 1, 1, 9, 30);
        long step = Duration.ofDays(365).toSeconds() / n;
        for (int i = 0; i < n; i++) {
            LocalDateTime at = first.plusSeconds(step * i);
            rows.add(TestStatements.trade(String.valueOf(100_000_000L + i)).at(at.toString())
                    .side(i % 2 == 0 ? "SELL" : "BUY", i % 2 == 0 ? OpenClose.OPEN : OpenClose.CLOSE)
                    .price(price).build());
        }
        return TestStatements.statement().period(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31))
                .generated(generated).trades(rows).build();
    }
}
