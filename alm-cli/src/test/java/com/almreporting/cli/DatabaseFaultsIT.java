package com.almreporting.cli;

import static com.almreporting.flex.client.FakeFlexServer.success;
import static org.assertj.core.api.Assertions.assertThat;

import com.almreporting.cli.TestServer.Database;
import com.almreporting.flex.client.FakeFlexServer;
import com.almreporting.flex.client.FakeFlexServer.Reply;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database goes away: unreachable when a command starts, or stopped while {@code alm ingest} or {@code alm update}
 * is inside its store transaction. Either way the command exits 4 with a message saying what happened, the ledger holds
 * nothing of the statement, the archive keeps its previous file, and a later run, with the server back, stores it.
 * The server is an embedded one of this test's (ALM_TEST_DB_URL's cannot be stopped by a test).
 */
class DatabaseFaultsIT {

    private static final String ACCOUNT = "U7654321"; // the ground-truth statement's
    private static final Duration LIMIT = Duration.ofMinutes(3);

    @TempDir
    Path root;

    private TestServer server;
    private Database db;
    private Path dataDir;

    @BeforeEach
    void server() throws Exception {
        server = TestServer.startEmbedded(root.resolve("server"));
        db = server.create("faults");
        dataDir = root.resolve("data");
        CliRun migrate = CliRun.of("db", "migrate", "--db-url", db.url(), "--data-dir", dataDir.toString());
        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aDatabaseUnreachableAtTheStartIsExit4AndIbkrIsNotAsked() throws Exception {
        String nowhere = "jdbc:postgresql://127.0.0.1:" + freePort() + "/ledger?user=alm";
        Path previous = UpdateFixtures.previousDayFile(dataDir);
        List<String> before = UpdateFixtures.files(dataDir.resolve("ibkr_flexquery"));

        CliRun ingest = CliRun.of("ingest", UpdateFixtures.GROUND_TRUTH.toString(), "--db-url", nowhere,
                "--data-dir", dataDir.toString());
        assertThat(ingest.exitCode()).isEqualTo(ExitCode.DATABASE);
        assertThat(ingest.err()).contains("alm ingest: cannot open the database").contains("127.0.0.1")
                .containsIgnoringCase("connection");

        try (FakeFlexServer ibkr = new FakeFlexServer()) {
            ibkr.sendRequest(success("1", ibkr.baseUrl() + "/GetStatement")).getStatement(Reply.xml(UpdateFixtures.groundTruth()));
            List<String> args = new ArrayList<>(UpdateFixtures.updateArgs(ibkr, root));
            args.addAll(List.of("--data-dir", dataDir.toString(), "--db-url", nowhere));
            CliRun update = CliRun.of(args.toArray(String[]::new));
            assertThat(update.exitCode()).isEqualTo(ExitCode.DATABASE);
            assertThat(update.err()).contains("alm update: cannot open the database");
            assertThat(ibkr.requests()).as("no statement is fetched that could not be stored").isEmpty();
        }
        assertThat(UpdateFixtures.files(dataDir.resolve("ibkr_flexquery"))).isEqualTo(before);
        assertThat(previous).hasSameBinaryContentAs(dataDir.resolve(UpdateFixtures.PREVIOUS));
    }

    @Test
    void theEmbeddedDatabaseNotStartingIsExit4NamingThePort() throws Exception {
        try (ServerSocket squatter = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            CliRun ingest = CliRun.of("ingest", UpdateFixtures.GROUND_TRUTH.toString(), "--data-dir",
                    root.resolve("own").toString(), "--db-port", Integer.toString(squatter.getLocalPort()));
            assertThat(ingest.exitCode()).isEqualTo(ExitCode.DATABASE);
            assertThat(ingest.err()).contains("port " + squatter.getLocalPort()).contains("ALM_DB_PORT");
        }
    }

    @Test
    void theServerStoppedMidIngestIsExit4AndNothingOfTheStatementIsStored() throws Exception {
        LedgerState before = LedgerState.of(db.dataSource());
        ChildAlm child = ChildAlm.start(root.resolve("child"), Map.of("ALM_DATA_DIR", dataDir.toString()),
                List.of("ingest", UpdateFixtures.GROUND_TRUTH.toAbsolutePath().toString(), "--db-url", db.url()));
        int exit;
        try (child) {
            stopTheServerWhileItStores(child);
            exit = child.exitCode(LIMIT);
        }
        assertThat(exit).as(child.err()).isEqualTo(ExitCode.DATABASE);
        assertThat(child.err()).contains("alm ingest: database error while storing ground-truth-2025-07.xml; the statement being stored was rolled back");

        server.restart();
        LedgerState after = LedgerState.of(db.dataSource());
        assertThat(after.rows()).as("nothing partial").isEqualTo(before.rows());
        assertThat(after.runs()).singleElement().asString().startsWith("ground-truth-2025-07.xml ");

        CliRun rerun = CliRun.of("ingest", UpdateFixtures.GROUND_TRUTH.toString(), "--db-url", db.url(),
                "--data-dir", dataDir.toString());
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(rerun.out()).contains("22 inserted");
    }

    @Test
    void theServerStoppedMidUpdateIsExit4ThePreviousFileStaysAndTheNextRunStores() throws Exception {
        Path previous = UpdateFixtures.previousDayFile(dataDir);
        byte[] previousBytes = Files.readAllBytes(previous);
        LedgerState before = LedgerState.of(db.dataSource());
        try (FakeFlexServer ibkr = new FakeFlexServer()) {
            ibkr.sendRequest(success("1", ibkr.baseUrl() + "/GetStatement")).getStatement(Reply.xml(UpdateFixtures.groundTruth()));
            List<String> args = new ArrayList<>(UpdateFixtures.updateArgs(ibkr, root));
            args.addAll(List.of("--data-dir", dataDir.toString(), "--db-url", db.url()));
            ChildAlm child = ChildAlm.start(root.resolve("child"), Map.of(), args);
            int exit;
            try (child) {
                stopTheServerWhileItStores(child);
                exit = child.exitCode(LIMIT);
            }
            assertThat(exit).as(child.err()).isEqualTo(ExitCode.DATABASE);
            assertThat(child.err()).contains("storing ALM_Daily_MTD_20250718.xml failed")
                    .contains("the archived files are unchanged").contains("ALM_Daily_MTD_20250718.failed.xml");
            assertThat(previous).exists();
            assertThat(Files.readAllBytes(previous)).isEqualTo(previousBytes);
            assertThat(dataDir.resolve(UpdateFixtures.ARCHIVED)).doesNotExist();

            server.restart();
            assertThat(LedgerState.of(db.dataSource()).rows()).as("nothing partial").isEqualTo(before.rows());
            CliRun rerun = CliRun.of(args.toArray(String[]::new));
            assertThat(rerun.exitCode()).as(rerun.err()).isZero();
            assertThat(rerun.out()).contains("22 inserted");
        }
        assertThat(previous).doesNotExist();
        assertThat(dataDir.resolve(UpdateFixtures.ARCHIVED)).hasSameBinaryContentAs(UpdateFixtures.GROUND_TRUTH);
    }

    @Test
    void aCheckpointFailureAfterTheStoreSaysTheStatementWasStored() throws Exception {
        try (Connection c = db.dataSource().getConnection(); java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE FUNCTION public.refuse() RETURNS trigger LANGUAGE plpgsql AS"
                    + " $$BEGIN RAISE EXCEPTION 'checkpoints refused by the test'; END$$");
            s.execute("CREATE TRIGGER refuse BEFORE INSERT ON alm_reporting.checkpoints FOR EACH ROW EXECUTE FUNCTION public.refuse()");
        }
        Path second = ReplayCommandTest.SAMPLES.resolve("winter-2025-12.xml");
        CliRun ingest = CliRun.of("ingest", UpdateFixtures.GROUND_TRUTH.toString(), second.toString(), "--db-url", db.url(),
                "--data-dir", dataDir.toString());

        assertThat(ingest.exitCode()).isEqualTo(ExitCode.DATABASE);
        assertThat(ingest.out()).contains("ground-truth-2025-07.xml: account U***4321 ").contains("22 inserted")
                .as("the next file is stored all the same").contains("winter-2025-12.xml: account ");
        assertThat(ingest.err()).contains("ground-truth-2025-07.xml was stored, but updating the report checkpoints")
                .contains("checkpoints refused by the test").doesNotContain("rolled back");
        LedgerState state = LedgerState.of(db.dataSource());
        assertThat(state.runs()).containsExactly("ground-truth-2025-07.xml committed", "winter-2025-12.xml committed");
        assertThat(state.rows().get("chronological_events")).filteredOn(r -> r.contains("\"written_by\": \"ground-truth-2025-07.xml\""))
                .hasSize(14);
    }

    /**
     * Holds the account's ingest lock, so that the child's store transaction waits inside, then stops the server
     * under it (a fast shutdown: the child's open transaction is lost with its connection).
     */
    private void stopTheServerWhileItStores(ChildAlm child) throws Exception {
        try (Connection holder = db.dataSource().getConnection();
             PreparedStatement lock = holder.prepareStatement("SELECT pg_advisory_lock(?)")) {
            lock.setLong(1, LedgerState.accountLockKey(ACCOUNT));
            lock.execute();
            long deadline = System.nanoTime() + LIMIT.toNanos();
            while (LedgerState.number(db.dataSource(), "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND wait_event = 'advisory'") == 0) {
                assertThat(child.isAlive()).as("the child is alive: %s", child.err()).isTrue();
                assertThat(System.nanoTime()).as("the child starts storing").isLessThan(deadline);
                Thread.sleep(20);
            }
            server.stop();
        } catch (java.sql.SQLException expected) {
            // the holder's connection went down with the server
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
