package com.almreporting.cli;

import static com.almreporting.flex.client.FakeFlexServer.success;
import static org.assertj.core.api.Assertions.assertThat;

import com.almreporting.cli.TestServer.Database;
import com.almreporting.domain.port.out.ArchiveName;
import com.almreporting.domain.port.out.StatementRequest;
import com.almreporting.flex.archive.FileStatementArchive;
import com.almreporting.flex.client.FakeFlexServer;
import com.almreporting.flex.client.FakeFlexServer.Reply;
import com.almreporting.flex.parser.FlexStatementGenerator;
import com.almreporting.flex.parser.FlexStatementGenerator.Shape;
import com.almreporting.persistence.EmbeddedDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of {@code alm ingest} and {@code alm update} at random points, {@code alm.kill.iterations} times each
 * (default 20; seed {@code alm.kill.seed}, printed, to replay a run). After every kill the ledger holds exactly what it
 * held before the statement or exactly what an uninterrupted run leaves; the archive holds complete files only, and
 * never a file the ledger has not stored; a rerun converges to the uninterrupted run's ledger, checkpoints included,
 * and archive.
 *
 * <p>Half the kill points are spread over the whole run (JVM start, parse, store, checkpoints, archive); the other
 * half fall inside the store itself, timed from the moment the run's {@code statements} row appears, so that every
 * run of this test kills transactions in flight. The database is a server this test owns (it must outlive the
 * killed process) or {@code ALM_TEST_DB_URL}'s; each iteration starts from a copy of the "before" database.
 */
class KilledRunsIT {

    private static final int ITERATIONS = Integer.getInteger("alm.kill.iterations", 20);
    private static final long SEED = Long.getLong("alm.kill.seed", new Random().nextLong());
    private static final String QUERY_NAME = "ALM_Daily";
    private static final String QUERY_ID = "987654";
    private static final Shape BEFORE = new Shape(QUERY_NAME, "U7000001", LocalDate.of(2025, 7, 17), "2025-07-18;05:00:00",
            8_000, 0);
    /** The next day's month-to-date statement: the same trades, one in seven corrected, and a thousand new ones. */
    private static final Shape AFTER = new Shape(QUERY_NAME, "U7000001", LocalDate.of(2025, 7, 18), "2025-07-19;05:00:00",
            9_000, 7);
    private static final Duration LIMIT = Duration.ofMinutes(3);

    @TempDir
    static Path root;

    private static TestServer server;
    private static Path fileBefore;
    private static Path fileAfter;
    private static Database before;
    private static LedgerState beforeState;
    private static LedgerState afterState;
    /** How long an uninterrupted child run of alm ingest takes, and its store (statements row to commit). */
    private static Duration ingestTime;
    private static Duration storeTime;

    @BeforeAll
    static void beforeAndAfter() throws Exception {
        System.out.println("KilledRunsIT: seed " + SEED + " (-Dalm.kill.seed=" + SEED + " replays it), " + ITERATIONS
                + " kills per command");
        server = TestServer.start(root.resolve("server"));
        fileBefore = root.resolve(ArchiveName.of(QUERY_NAME, BEFORE.toDate()).fileName());
        fileAfter = root.resolve(ArchiveName.of(QUERY_NAME, AFTER.toDate()).fileName());
        FlexStatementGenerator.write(fileBefore, BEFORE);
        FlexStatementGenerator.write(fileAfter, AFTER);

        before = server.create("kill_before");
        CliRun stored = CliRun.of("ingest", fileBefore.toString(), "--db-url", before.url(), "--data-dir",
                root.resolve("data").toString());
        assertThat(stored.exitCode()).as(stored.err()).isZero();
        beforeState = LedgerState.of(before.dataSource());

        Database reference = server.create("kill_reference", before);
        try (ChildAlm child = ChildAlm.start(root.resolve("reference"), Map.of("ALM_DATA_DIR", root.resolve("data").toString()),
                List.of("ingest", fileAfter.toString(), "--db-url", reference.url()))) {
            assertThat(child.exitCode(LIMIT)).as("uninterrupted run: %s", child.err()).isZero();
            ingestTime = child.age();
        }
        afterState = LedgerState.of(reference.dataSource());
        storeTime = Duration.ofMillis(Math.max(200, LedgerState.number(reference.dataSource(),
                "SELECT extract(epoch FROM finished_at - started_at) * 1000 FROM alm_reporting.statements"
                        + " WHERE file_name = '" + fileAfter.getFileName() + "'")));
        server.drop(reference);
        assertThat(afterState.sameRows(beforeState)).as("the second statement changes the ledger").isFalse();
        assertThat(afterState.rowCount()).isGreaterThan(beforeState.rowCount());
        System.out.println("KilledRunsIT: uninterrupted alm ingest " + ingestTime.toMillis() + " ms, of which the store "
                + storeTime.toMillis() + " ms; " + beforeState.rowCount() + " rows before, " + afterState.rowCount() + " after");
    }

    @AfterAll
    static void stopServer() throws SQLException {
        if (server != null) {
            server.drop(before);
            server.close();
        }
    }

    @Test
    void aKilledIngestLeavesTheLedgerBeforeOrAfterAndARerunConverges() throws Exception {
        Random random = new Random(SEED);
        Tally tally = new Tally("alm ingest");
        for (int i = 0; i < ITERATIONS; i++) {
            Database db = server.create("kill_ingest", before);
            Path work = root.resolve("ingest-" + i);
            List<String> args = List.of("ingest", fileAfter.toString(), "--db-url", db.url());
            String what = "iteration " + i + " (seed " + SEED + ")";
            try (ChildAlm child = ChildAlm.start(work, Map.of("ALM_DATA_DIR", work.resolve("data").toString()), args)) {
                boolean killed = killAtRandom(child, db, i, random);
                LedgerState state = LedgerState.settled(db.dataSource());
                tally.count(killed, state, what, child);

                CliRun rerun = CliRun.of("ingest", fileAfter.toString(), "--db-url", db.url(), "--data-dir",
                        work.resolve("data").toString());
                assertThat(rerun.exitCode()).as("%s: rerun: %s", what, rerun.err()).isZero();
                assertConverged(LedgerState.of(db.dataSource()), what);
            } finally {
                server.drop(db);
            }
        }
        tally.finish();
    }

    @Test
    void aKilledUpdateLeavesTheLedgerBeforeOrAfterTheArchiveCompleteAndARerunConverges() throws Exception {
        Random random = new Random(SEED + 1);
        Tally tally = new Tally("alm update");
        byte[] served = Files.readAllBytes(fileAfter);
        byte[] previous = Files.readAllBytes(fileBefore);
        try (FakeFlexServer ibkr = new FakeFlexServer()) {
            ibkr.sendRequest(success("1", ibkr.baseUrl() + "/GetStatement"))
                    .getStatement(Reply.xml(new String(served, StandardCharsets.UTF_8)));
            for (int i = 0; i < ITERATIONS; i++) {
                Database db = server.create("kill_update", before);
                Path work = root.resolve("update-" + i);
                Path dataDir = work.resolve("data");
                archivePrevious(dataDir);
                List<String> args = new ArrayList<>(UpdateFixtures.updateArgs(ibkr, work));
                args.addAll(List.of("--data-dir", dataDir.toString(), "--db-url", db.url()));
                String what = "iteration " + i + " (seed " + SEED + ")";
                try (ChildAlm child = ChildAlm.start(work, Map.of(), args)) {
                    boolean killed = killAtRandom(child, db, i, random);
                    LedgerState state = LedgerState.settled(db.dataSource());
                    tally.count(killed, state, what, child);

                    Map<String, byte[]> archived = archive(dataDir);
                    assertThat(archived).as("%s: the archive still holds a file", what).isNotEmpty();
                    for (Map.Entry<String, byte[]> file : archived.entrySet()) {
                        byte[] expected = file.getKey().endsWith(fileAfter.getFileName().toString()) ? served : previous;
                        assertThat(file.getValue()).as("%s: %s is complete", what, file.getKey()).isEqualTo(expected);
                    }
                    if (archived.keySet().stream().anyMatch(f -> f.endsWith(fileAfter.getFileName().toString()))) {
                        assertThat(state.sameRows(afterState)).as("%s: a file is archived only once it is stored", what)
                                .isTrue();
                    }

                    CliRun rerun = CliRun.of(args.toArray(String[]::new));
                    assertThat(rerun.exitCode()).as("%s: rerun: %s", what, rerun.err()).isZero();
                    assertConverged(LedgerState.of(db.dataSource()), what);
                    assertThat(archive(dataDir).keySet()).as("%s: the archive after the rerun", what)
                            .containsExactly("2025/07/" + fileAfter.getFileName());
                } finally {
                    server.drop(db);
                }
            }
        }
        tally.finish();
    }

    @Test
    void aKilledAlmLeavesNoEmbeddedServerInTheWayAndItsLedgerBeforeOrAfter() throws Exception {
        int iterations = Integer.getInteger("alm.kill.embedded.iterations", 6);
        Random random = new Random(SEED + 2);
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        // the "before" data directory, made once and copied for each kill
        Path template = root.resolve("embedded-before");
        CliRun stored = CliRun.of("ingest", fileBefore.toString(), "--data-dir", template.toString(), "--db-port",
                Integer.toString(port));
        assertThat(stored.exitCode()).as(stored.err()).isZero();
        List<String> args = List.of("ingest", fileAfter.toString(), "--db-port", Integer.toString(port));
        Duration uninterrupted;
        Path timed = copy(template, root.resolve("embedded-timed"));
        try (ChildAlm child = ChildAlm.start(root.resolve("embedded-timed-work"), Map.of("ALM_DATA_DIR", timed.toString()), args)) {
            assertThat(child.exitCode(LIMIT)).as(child.err()).isZero();
            uninterrupted = child.age();
        }
        Tally tally = new Tally("alm ingest, embedded database");
        int orphans = 0;
        for (int i = 0; i < iterations; i++) {
            Path dataDir = copy(template, root.resolve("embedded-" + i));
            String what = "embedded iteration " + i + " (seed " + SEED + ")";
            boolean killed;
            try (ChildAlm child = ChildAlm.start(root.resolve("embedded-work-" + i), Map.of("ALM_DATA_DIR", dataDir.toString()),
                    args)) {
                long delay = (long) (uninterrupted.toMillis() * (0.3 + 0.7 * random.nextDouble()));
                while (child.isAlive() && child.age().toMillis() < delay) {
                    Thread.sleep(5);
                }
                killed = child.killHard();
                if (Files.exists(dataDir.resolve("pgdata").resolve("postmaster.pid"))) {
                    orphans++; // the killed alm's server lives on; the next start must deal with it
                }
                try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir.resolve("pgdata"), port)) {
                    tally.count(killed, LedgerState.of(db.dataSource()), what, child);
                }
            }
            CliRun rerun = CliRun.of("ingest", fileAfter.toString(), "--data-dir", dataDir.toString(), "--db-port",
                    Integer.toString(port));
            assertThat(rerun.exitCode()).as("%s: rerun: %s", what, rerun.err()).isZero();
            try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir.resolve("pgdata"), port)) {
                assertConverged(LedgerState.of(db.dataSource()), what);
            }
            assertThat(dataDir.resolve("pgdata").resolve("postmaster.pid")).as("%s: no server left running", what)
                    .doesNotExist();
        }
        tally.print();
        assertThat(orphans).as("kills that left the embedded server running (the case this test is about)").isPositive();
        System.out.println("KilledRunsIT: embedded: uninterrupted " + uninterrupted.toMillis() + " ms; " + orphans
                + " kill(s) left the embedded server running, each stopped by the next start");
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p) || Files.isRegularFile(p)) { // with its mode: PostgreSQL wants pgdata 0700
                    Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return to;
    }

    /**
     * Kills the child at a random point: even iterations anywhere in an uninterrupted run's time, odd ones inside the
     * store, a random time after its run row appears. True when it was killed (not finished first).
     */
    private static boolean killAtRandom(ChildAlm child, Database db, int iteration, Random random) throws Exception {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        if (iteration % 2 == 0) {
            long delay = (long) (random.nextDouble() * ingestTime.toMillis() * 1.2);
            while (child.isAlive() && child.age().toMillis() < delay) {
                Thread.sleep(5);
            }
        } else {
            long delay = (long) (random.nextDouble() * storeTime.toMillis());
            while (child.isAlive() && LedgerState.number(db.dataSource(), "SELECT count(*) FROM alm_reporting.statements"
                    + " WHERE file_name = '" + fileAfter.getFileName() + "'") == 0) {
                assertThat(System.nanoTime()).as("the child starts storing").isLessThan(deadline);
                Thread.sleep(2);
            }
            Thread.sleep(delay);
        }
        return child.killHard();
    }

    private void assertConverged(LedgerState state, String what) {
        assertThat(state.rows()).as("%s: the rerun's rows", what).isEqualTo(afterState.rows());
        assertThat(state.checkpoints()).as("%s: the rerun's checkpoints", what).isEqualTo(afterState.checkpoints());
        assertThat(state.runs()).as("%s: the last run", what).last().asString()
                .isEqualTo(fileAfter.getFileName() + " committed");
    }

    /** The previous day's file, archived as the day before's run left it. */
    private static void archivePrevious(Path dataDir) throws IOException {
        FileStatementArchive archive = FileStatementArchive.inDataDirectory(dataDir);
        Path staged = archive.stage(StatementRequest.monthToDate(QUERY_ID));
        Files.copy(fileBefore, staged, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        archive.commit(staged, ArchiveName.of(QUERY_NAME, BEFORE.toDate()));
    }

    /** The archived statements (not staging, not files kept aside), by path under the archive. */
    private static Map<String, byte[]> archive(Path dataDir) throws IOException {
        Path archiveRoot = dataDir.resolve(FileStatementArchive.FOLDER);
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(archiveRoot)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String name = archiveRoot.relativize(p).toString();
                if (!name.startsWith(".staging") && !name.endsWith(".failed.xml")) {
                    files.put(name, Files.readAllBytes(p));
                }
            }
        }
        return files;
    }

    /** Where the kills landed, and the check that each left the ledger before or after. */
    private static final class Tally {
        private final String command;
        int beforeStore;
        int midStore;
        int afterCommit;
        int finished;

        Tally(String command) {
            this.command = command;
        }

        void count(boolean killed, LedgerState state, String what, ChildAlm child) throws IOException {
            String run = fileAfter.getFileName().toString();
            boolean committed = state.runs().contains(run + " committed");
            boolean began = state.runs().stream().anyMatch(r -> r.startsWith(run + " "));
            if (committed) {
                assertThat(state.rows()).as("%s: a committed run's rows", what).isEqualTo(afterState.rows());
            } else {
                assertThat(state.rows()).as("%s: rows of a run that did not commit", what).isEqualTo(beforeState.rows());
            }
            if (!killed) {
                assertThat(committed).as("%s: a run that finished committed: %s", what, child.err()).isTrue();
                finished++;
            } else if (committed) {
                afterCommit++;
            } else if (began) {
                midStore++;
            } else {
                beforeStore++;
            }
        }

        /** Prints where the kills landed and requires some inside the store (odd iterations aim there). */
        void finish() {
            print();
            if (ITERATIONS >= 2) {
                assertThat(midStore).as("kills inside the store transaction").isPositive();
            }
        }

        void print() {
            System.out.println("KilledRunsIT: " + command + ": killed before the store " + beforeStore + ", inside it "
                    + midStore + ", after its commit " + afterCommit + "; finished before the kill " + finished);
        }
    }
}
