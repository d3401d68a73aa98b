package com.almreporting.cli;

import static com.almreporting.cli.UpdateFixtures.ARCHIVED;
import static com.almreporting.cli.UpdateFixtures.PREVIOUS;
import static com.almreporting.cli.UpdateFixtures.TOKEN;
import static com.almreporting.flex.client.FakeFlexServer.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import com.almreporting.flex.client.FakeFlexServer.Reply;
import com.almreporting.flex.client.FakeFlexServer;
import com.almreporting.persistence.EmbeddedDatabase;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * {@code alm update} when a run fails halfway: the database refuses the statement, or the process is killed while it
 * stores it. The next run recovers, nothing is stored twice, and the previous archived file stays until a run
 * succeeds. The database is a PostgreSQL server this test owns (so that it survives the killed process), or the one
 * {@code ALM_TEST_DB_URL} names; one fresh database per test, which the CLI reaches with {@code --db-url}.
 */
class UpdateRecoveryIT {

    private static final String ACCOUNT = "U7654321";

    @TempDir
    static Path serverDir;

    /** The server the test databases are created on: ALM_TEST_DB_URL's, else an embedded one this class starts. */
    private static EmbeddedDatabase embedded;
    private static PGSimpleDataSource server;

    @TempDir
    Path dataDir;

    private String dbName;
    private String dbUrl;
    private PGSimpleDataSource db;
    private UpdateFixtures.Logs logs;
    private final List<String> printed = new ArrayList<>();

    @BeforeAll
    static void startServer() throws IOException {
        server = new PGSimpleDataSource();
        String url = System.getenv("ALM_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            server.setURL(url);
            if (System.getenv("ALM_TEST_DB_USER") != null) {
                server.setUser(System.getenv("ALM_TEST_DB_USER"));
            }
            if (System.getenv("ALM_TEST_DB_PASSWORD") != null) {
                server.setPassword(System.getenv("ALM_TEST_DB_PASSWORD"));
            }
            if (server.getPassword() != null) {
                TestServer.pgpass(server); // the CLI refuses a password in --db-url
            }
            return;
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        embedded = EmbeddedDatabase.start(serverDir.resolve("pgdata"), port);
        server = (PGSimpleDataSource) embedded.dataSource();
        TestServer.pgpass(server); // the embedded server asks for its password; the CLI finds it there
    }

    @AfterAll
    static void stopServer() {
        if (embedded != null) {
            embedded.close();
        }
    }

    @BeforeEach
    void freshDatabase() throws SQLException {
        String name = "alm_update_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        dbName = name;
        try (Connection c = server.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        db = new PGSimpleDataSource();
        db.setServerNames(server.getServerNames());
        db.setPortNumbers(server.getPortNumbers());
        db.setDatabaseName(name);
        db.setUser(server.getUser());
        db.setPassword(server.getPassword());
        // The CLI takes the database as a URL with the user in it (this process cannot set ALM_DB_USER for itself); a
        // password comes from the pgpass file startServer wrote.
        int port = server.getPortNumbers()[0] == 0 ? 5432 : server.getPortNumbers()[0];
        StringBuilder url = new StringBuilder("jdbc:postgresql://" + server.getServerNames()[0] + ":" + port + "/" + name);
        if (server.getUser() != null) {
            url.append("?user=").append(URLEncoder.encode(server.getUser(), StandardCharsets.UTF_8));
        }
        dbUrl = url.toString();
        logs = new UpdateFixtures.Logs();
    }

    @AfterEach
    void theTokenAppearsNowhere() throws IOException, SQLException {
        try {
            assertThat(logs.lines()).noneMatch(l -> l.contains(TOKEN));
            assertThat(printed).noneMatch(l -> l.contains(TOKEN));
            UpdateFixtures.assertNoTokenIn(dataDir.resolve("ibkr_flexquery"));
            for (String text : strings("SELECT file_name || ' ' || coalesce(error, '') FROM alm_reporting.statements")) {
                assertThat(text).doesNotContain(TOKEN);
            }
        } finally {
            logs.close();
            try (Connection c = server.getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + dbName + " WITH (FORCE)");
            }
        }
    }

    private CliRun update(FakeFlexServer ibkr) throws IOException {
        List<String> args = UpdateFixtures.updateArgs(ibkr, dataDir);
        args.addAll(List.of("--data-dir", dataDir.toString(), "--db-url", dbUrl));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        printed.add(run.out());
        printed.add(run.err());
        return run;
    }

    private long count(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                values.add(r.getString(1));
            }
        }
        return values;
    }

    private List<String> runs() throws SQLException {
        return strings("SELECT status FROM alm_reporting.statements ORDER BY statement_id");
    }

    private long trades() throws SQLException {
        return count("SELECT count(*) FROM alm_reporting.chronological_events WHERE account_id = '" + ACCOUNT + "'");
    }

    private List<String> archive() throws IOException {
        return UpdateFixtures.files(dataDir.resolve("ibkr_flexquery"));
    }

    private static FakeFlexServer serving(String statement) throws IOException {
        FakeFlexServer ibkr = new FakeFlexServer();
        ibkr.sendRequest(success("1", ibkr.baseUrl() + "/GetStatement")).getStatement(Reply.xml(statement));
        return ibkr;
    }

    @Test
    void aStatementTheDatabaseRefusesIsKeptAsideThePreviousFileStaysAndTheNextRunRecovers() throws Exception {
        Path previous = UpdateFixtures.previousDayFile(dataDir);
        // a currency code longer than the column allows: parses, but PostgreSQL refuses the row
        String refused = UpdateFixtures.groundTruth().replaceFirst("currency=\"USD\"", "currency=\"USDOLLARS\"");
        assertThat(refused).isNotEqualTo(UpdateFixtures.groundTruth());

        try (FakeFlexServer ibkr = serving(refused)) {
            CliRun run = update(ibkr);
            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.DATABASE);
            assertThat(run.err()).contains("value too long").contains("ALM_Daily_MTD_20250718.failed.xml");
        }
        assertThat(previous).exists();
        assertThat(archive()).containsExactly("2025/07/ALM_Daily_MTD_20250717.xml", "2025/07/ALM_Daily_MTD_20250718.failed.xml");
        assertThat(runs()).containsExactly("failed");
        assertThat(trades()).isZero();

        try (FakeFlexServer ibkr = serving(UpdateFixtures.groundTruth())) {
            CliRun run = update(ibkr);
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("22 inserted");
        }
        assertThat(previous).doesNotExist();
        assertThat(dataDir.resolve(ARCHIVED)).hasSameBinaryContentAs(UpdateFixtures.GROUND_TRUTH);
        assertThat(archive()).containsExactly("2025/07/ALM_Daily_MTD_20250718.failed.xml", "2025/07/ALM_Daily_MTD_20250718.xml");
        assertThat(runs()).containsExactly("failed", "committed");
        assertThat(trades()).isEqualTo(14);

        try (FakeFlexServer ibkr = serving(UpdateFixtures.groundTruth())) {
            CliRun run = update(ibkr);
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("0 inserted, 0 updated, 22 unchanged");
        }
        assertThat(trades()).isEqualTo(14);
    }

    @Test
    void aRunKilledWhileStoringLeavesThePreviousFileAndTheNextRunRecovers() throws Exception {
        Path previous = UpdateFixtures.previousDayFile(dataDir);
        CountDownLatch statementReady = new CountDownLatch(1);
        Path childOut = dataDir.resolve("child.out");
        Path childErr = dataDir.resolve("child.err");
        Process child;
        try (FakeFlexServer ibkr = new FakeFlexServer();
             Connection holder = db.getConnection()) {
            ibkr.sendRequest(success("1", ibkr.baseUrl() + "/GetStatement"))
                    .getStatement(Reply.xml(UpdateFixtures.groundTruth()).after(statementReady));
            // the migrated schema must exist before the test can watch the child's run
            CliRun migrate = CliRun.of("db", "migrate", "--db-url", dbUrl);
            assertThat(migrate.exitCode()).as(migrate.err()).isZero();

            List<String> command = new ArrayList<>(List.of(javaExecutable(), "-cp", System.getProperty("java.class.path"),
                    AlmCommand.class.getName()));
            command.addAll(UpdateFixtures.updateArgs(ibkr, dataDir));
            command.addAll(List.of("--data-dir", dataDir.toString(), "--db-url", dbUrl));
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(childOut.toFile()).redirectError(childErr.toFile());
            if (System.getProperty("org.postgresql.pgpassfile") != null) {
                builder.environment().put("PGPASSFILE", System.getProperty("org.postgresql.pgpassfile"));
            }
            child = builder.start();
            try {
                awaitOrFail(() -> !ibkr.requests("GetStatement").isEmpty(), child, childErr, "the child asks for the statement");
                // Hold the account's ingest lock: the child's data transaction will wait inside, mid-ingest.
                try (PreparedStatement lock = holder.prepareStatement("SELECT pg_advisory_lock(?)")) {
                    lock.setLong(1, LedgerState.accountLockKey(ACCOUNT));
                    lock.execute();
                }
                statementReady.countDown();
                awaitOrFail(() -> count("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                        + " AND wait_event = 'advisory'") > 0
                        && runs().equals(List.of("running")), child, childErr, "the child is storing the statement");

                assertThat(child.isAlive()).isTrue();
                child.descendants().forEach(ProcessHandle::destroyForcibly);
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            } finally {
                child.destroyForcibly();
            }
        } // closing the holder releases the lock; the killed run's transaction rolls back

        // The killed child's backend learns that its client is gone only when it next talks to it (once the lock is
        // free); until then it holds the run's liveness lock, and rightly so: wait for it to end.
        LedgerState.awaitNoSessionOf(db, "alm");
        assertThat(runs()).as("nobody has looked since").containsExactly("running");
        assertThat(trades()).isZero();
        assertThat(previous).exists();
        assertThat(dataDir.resolve(ARCHIVED)).doesNotExist();
        assertThat(archive()).contains("2025/07/ALM_Daily_MTD_20250717.xml").anyMatch(f -> f.startsWith(".staging/"));
        for (Path out : List.of(childOut, childErr)) {
            assertThat(Files.readString(out, StandardCharsets.UTF_8)).doesNotContain(TOKEN);
        }

        // alm db status marks the dead run failed before it counts
        CliRun status = CliRun.of("db", "status", "--db-url", dbUrl);
        printed.add(status.out());
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out()).contains("\nruns: 0 committed, 1 failed, 0 running (1 run whose process died before"
                + " committing marked failed just now)\n");
        assertThat(runs()).containsExactly("failed");
        assertThat(strings("SELECT error FROM alm_reporting.statements")).singleElement(STRING)
                .startsWith("interrupted: ");
        assertThat(logs.lines()).anyMatch(l -> l.startsWith("WARN com.almreporting.persistence.JooqLedger")
                && l.contains("interrupted run"));

        try (FakeFlexServer ibkr = serving(UpdateFixtures.groundTruth())) {
            CliRun run = update(ibkr);
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("22 inserted");
        }
        assertThat(logs.lines()).anyMatch(l -> l.contains("leftover download(s) of an interrupted run"));
        assertThat(previous).doesNotExist();
        assertThat(archive()).containsExactly("2025/07/ALM_Daily_MTD_20250718.xml");
        assertThat(runs()).containsExactly("failed", "committed");
        assertThat(strings("SELECT error FROM alm_reporting.statements WHERE status = 'failed'")).singleElement(STRING)
                .startsWith("interrupted: ");
        assertThat(trades()).isEqualTo(14);
        assertThat(count("SELECT count(*) FROM alm_reporting.nav_snapshots")).isEqualTo(3);
    }

    /** Waits until no session of the database carries this application_name (the CLI's is "alm"). */
    @FunctionalInterface
    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void awaitOrFail(Condition condition, Process child, Path childErr, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!condition.holds()) {
            if (!child.isAlive()) {
                throw new AssertionError("the child ended (" + child.exitValue() + ") before " + what + ":\n"
                        + Files.readString(childErr, StandardCharsets.UTF_8));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(50);
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", File.separatorChar == '\\' ? "java.exe" : "java").toString();
    }

}
