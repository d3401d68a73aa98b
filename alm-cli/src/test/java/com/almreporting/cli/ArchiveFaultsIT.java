package com.almreporting.cli;

import static com.almreporting.flex.client.FakeFlexServer.success;
import static org.assertj.core.api.Assertions.assertThat;

import com.almreporting.cli.TestServer.Database;
import com.almreporting.flex.archive.FileStatementArchive;
import com.almreporting.flex.archive.TmpfsMount;
import com.almreporting.flex.client.FakeFlexServer;
import com.almreporting.flex.client.FakeFlexServer.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code alm update} when the archive's disk is full or read-only: a real tmpfs mounted on the archive directory (the
 * test is skipped where mounting is not allowed). The run exits 4 with the path and the system's reason, stores
 * nothing, keeps the previous file as it was, and does not blame IBKR; once the disk has room again, the next run
 * stores and archives the statement.
 */
class ArchiveFaultsIT {

    @TempDir
    static Path serverDir;

    private static TestServer server;

    @TempDir
    Path root;

    private Database db;
    private Path dataDir;
    private Path archiveDir;

    @BeforeAll
    static void startServer() throws Exception {
        server = TestServer.start(serverDir);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void ledger() throws Exception {
        db = server.create("archive_faults");
        dataDir = root.resolve("data");
        archiveDir = dataDir.resolve(FileStatementArchive.FOLDER);
    }

    @AfterEach
    void dropLedger() throws Exception {
        server.drop(db);
    }

    @Test
    void aReadOnlyArchiveIsExit4NamingThePathAndThePreviousFileStays() throws Exception {
        try (TmpfsMount disk = TmpfsMount.of(archiveDir, 1024)) {
            Path previous = UpdateFixtures.previousDayFile(dataDir);
            byte[] previousBytes = Files.readAllBytes(previous);
            disk.readOnly();

            try (FakeFlexServer ibkr = ibkr()) {
                CliRun run = update(ibkr);
                assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.DATABASE);
                assertThat(run.err()).contains("cannot create a staging file in the archive").contains(archiveDir.toString())
                        .contains("Read-only file system");
                assertThat(ibkr.requests()).as("nothing is fetched that could not be kept").isEmpty();
            }
            assertThat(Files.readAllBytes(previous)).isEqualTo(previousBytes);
            assertThat(UpdateFixtures.files(archiveDir)).containsExactly("2025/07/ALM_Daily_MTD_20250717.xml");
            assertThat(LedgerState.of(db.dataSource()).rowCount()).isZero();
        }
    }

    @Test
    void aFullArchiveDiskIsExit4NotIbkrUnavailableAndTheNextRunWithRoomStores() throws Exception {
        try (TmpfsMount disk = TmpfsMount.of(archiveDir, 64)) { // the previous file (27 KB), then full
            Path previous = UpdateFixtures.previousDayFile(dataDir);
            byte[] previousBytes = Files.readAllBytes(previous);
            Path filler = disk.fill("filler");

            try (FakeFlexServer ibkr = ibkr()) {
                CliRun run = update(ibkr);
                assertThat(run.exitCode()).as("a full disk is not 'IBKR unavailable' (3): %s", run.err())
                        .isEqualTo(ExitCode.DATABASE);
                assertThat(run.err()).contains("cannot write the download to " + archiveDir.resolve(".staging"))
                        .contains("No space left on device");
                // the disk is too full even for SendRequest's small answer: one request, not retried
                assertThat(ibkr.requests()).as("a full disk is not retried against IBKR").hasSize(1);
            }
            assertThat(Files.readAllBytes(previous)).isEqualTo(previousBytes);
            assertThat(UpdateFixtures.files(archiveDir)).containsExactly("2025/07/ALM_Daily_MTD_20250717.xml", "filler");
            assertThat(LedgerState.of(db.dataSource()).rowCount()).isZero();

            Files.delete(filler);
            try (FakeFlexServer ibkr = ibkr()) {
                CliRun run = update(ibkr);
                assertThat(run.exitCode()).as(run.err()).isZero();
                assertThat(run.out()).contains("22 inserted");
            }
            assertThat(UpdateFixtures.files(archiveDir)).containsExactly("2025/07/ALM_Daily_MTD_20250718.xml");
        }
    }

    private static FakeFlexServer ibkr() throws Exception {
        FakeFlexServer ibkr = new FakeFlexServer();
        ibkr.sendRequest(success("1", ibkr.baseUrl() + "/GetStatement")).getStatement(Reply.xml(UpdateFixtures.groundTruth()));
        return ibkr;
    }

    private CliRun update(FakeFlexServer ibkr) throws Exception {
        List<String> args = new ArrayList<>(UpdateFixtures.updateArgs(ibkr, root));
        args.addAll(List.of("--data-dir", dataDir.toString(), "--db-url", db.url()));
        return CliRun.of(args.toArray(String[]::new));
    }
}
