package com.almreporting.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the holder of a data directory's owner lock does with a {@code postmaster.pid} there. The servers are stand-ins:
 * {@code sleep} (or, to carry alm's server options, {@code cat}) under the name {@code postgres}, working in the
 * directory it serves, as PostgreSQL does; it dies of SIGINT as PostgreSQL's fast shutdown ends. Real servers left
 * behind by a killed alm are OrphanedServerIT's.
 */
class LeftBehindServerTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path root;

    private Path dataDirectory;
    private final List<Process> started = new ArrayList<>();

    @BeforeEach
    void createDataDirectory() throws IOException {
        dataDirectory = Files.createDirectory(root.resolve("pgdata"));
    }

    @AfterEach
    void stopStandIns() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void aPidFileWhoseProcessHasGoneIsRemoved() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        writePidFile(gone.pid(), dataDirectory, 1752700000);

        LeftBehindServer.clear(dataDirectory, Optional.empty(), WAIT);

        assertThat(dataDirectory.resolve(LeftBehindServer.PID_FILE)).doesNotExist();
    }

    @Test
    void aPidFileWhosePidNowBelongsToAnotherProgramIsRemoved() throws Exception {
        writePidFile(ProcessHandle.current().pid(), dataDirectory, 1752700000);

        LeftBehindServer.clear(dataDirectory, Optional.empty(), WAIT);

        assertThat(dataDirectory.resolve(LeftBehindServer.PID_FILE)).doesNotExist();
        assertThat(ProcessHandle.current().isAlive()).isTrue();
    }

    @Test
    void withoutAPidFileThereIsNothingToCheck() {
        LeftBehindServer.clear(dataDirectory, Optional.empty(), WAIT);

        assertThat(dataDirectory).isEmptyDirectory();
    }

    @Test
    void theServerAKilledAlmRecordedIsStoppedAndItsPidFileRemoved() throws Exception {
        Process server = standIn(dataDirectory, false);
        long started = writePidFile(server, dataDirectory);

        LeftBehindServer.clear(dataDirectory, Optional.of(ServerRecord.started(server.pid(), started)), WAIT);

        assertThat(LeftBehindServer.isRunning(server.toHandle())).as("the server left behind").isFalse();
        assertThat(dataDirectory.resolve(LeftBehindServer.PID_FILE)).doesNotExist();
    }

    /** pg_ctl start by hand, for maintenance or a backup: not alm's to stop. */
    @Test
    void aServerNoAlmRecordedIsRefusedAndLeftAlone() throws Exception {
        Process server = standIn(dataDirectory, false);
        writePidFile(server, dataDirectory);

        assertThatThrownBy(() -> LeftBehindServer.clear(dataDirectory, Optional.empty(), WAIT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("a PostgreSQL server (pid " + server.pid() + ") is already running on data directory "
                        + dataDirectory + " and port 54329, and no alm started it (no alm recorded a server in "
                        + EmbeddedDatabase.ownerLockFile(dataDirectory) + ")")
                .hasMessageContaining("Let it finish, or stop it (pg_ctl -D " + dataDirectory + " stop -m fast), and try again.");
        assertThat(server.isAlive()).isTrue();
        assertThat(dataDirectory.resolve(LeftBehindServer.PID_FILE)).exists();
    }

    /** The server a killed alm recorded has stopped, and an operator's has taken its pid, or started since. */
    @Test
    void aServerWhoseStartTimeOrPidIsNotTheRecordedOnesIsRefusedAndLeftAlone() throws Exception {
        Process server = standIn(dataDirectory, false);
        long started = writePidFile(server, dataDirectory);

        for (ServerRecord other : List.of(ServerRecord.started(server.pid(), started - 3600),
                ServerRecord.started(server.pid() + 1, started))) {
            assertThatThrownBy(() -> LeftBehindServer.clear(dataDirectory, Optional.of(other), WAIT))
                    .as(other.text())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("and no alm started it (the last server alm recorded in "
                            + EmbeddedDatabase.ownerLockFile(dataDirectory) + " is pid " + other.pid().getAsLong()
                            + ", started ");
        }
        assertThat(server.isAlive()).isTrue();
        assertThat(dataDirectory.resolve(LeftBehindServer.PID_FILE)).exists();
    }

    /** The pid file names the recorded server, but the pid now belongs to a process started later. */
    @Test
    void aProcessStartedLongAfterTheRecordedServerIsRefused() throws Exception {
        Process server = standIn(dataDirectory, false);
        long claimed = server.info().startInstant().orElseThrow().getEpochSecond() - 3600;
        writePidFile(server.pid(), dataDirectory, claimed);

        assertThatThrownBy(() -> LeftBehindServer.clear(dataDirectory,
                Optional.of(ServerRecord.started(server.pid(), claimed)), WAIT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("and no alm started it");
        assertThat(server.isAlive()).isTrue();
    }

    @Test
    void aServerWhoseOwnerWasKilledWhileStartingItIsStoppedWhenItCarriesAlmsOptions() throws Exception {
        Process server = standIn(dataDirectory, false, EmbeddedDatabase.NO_UNIX_SOCKET_OPTION);
        long started = writePidFile(server, dataDirectory);

        LeftBehindServer.clear(dataDirectory, Optional.of(ServerRecord.starting(started - 5)), WAIT);

        assertThat(LeftBehindServer.isRunning(server.toHandle())).as("the server left behind").isFalse();
        assertThat(dataDirectory.resolve(LeftBehindServer.PID_FILE)).doesNotExist();
    }

    @Test
    void aServerStartedByHandAfterAnOwnerWasKilledWhileStartingIsRefused() throws Exception {
        Process byHand = standIn(dataDirectory, false);
        long started = writePidFile(byHand, dataDirectory);
        Process withOptions = standIn(dataDirectory, false, EmbeddedDatabase.NO_UNIX_SOCKET_OPTION);

        assertThatThrownBy(() -> LeftBehindServer.clear(dataDirectory, Optional.of(ServerRecord.starting(started - 5)), WAIT))
                .as("without alm's options")
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("and no alm started it (the last server alm recorded in "
                        + EmbeddedDatabase.ownerLockFile(dataDirectory) + " is one it began to start at ");
        assertThat(byHand.isAlive()).isTrue();

        long later = writePidFile(withOptions, dataDirectory);
        ServerRecord longBefore = ServerRecord.starting(later - LeftBehindServer.STARTING_WINDOW.toSeconds() - 60);
        assertThatThrownBy(() -> LeftBehindServer.clear(dataDirectory, Optional.of(longBefore), WAIT))
                .as("long after that start")
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("and no alm started it");
        assertThat(withOptions.isAlive()).isTrue();
    }

    /**
     * Another user's process cannot be inspected (nor signalled): refused at once, not after the wait. Pid 1 stands in
     * for it, which only root could signal, and which the check refuses before any signal.
     */
    @Test
    void aServerThisUserCannotInspectIsRefusedAtOnce() throws Exception {
        assumeThat(System.getProperty("user.name")).as("a user other than root (root inspects every process)")
                .isNotEqualTo("root");
        ProcessHandle init = ProcessHandle.of(1).orElseThrow();
        assumeThat(init.info().command()).as("pid 1, which this user cannot inspect").isEmpty();
        long started = init.info().startInstant().map(i -> i.getEpochSecond()).orElse(0L);
        writePidFile(1, dataDirectory, started);

        assertThatThrownBy(() -> LeftBehindServer.clear(dataDirectory, Optional.of(ServerRecord.started(1, started)), WAIT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot inspect that process (another user's?): alm cannot stop it. Its owner, or"
                        + " root, must");
        assertThat(init.isAlive()).isTrue();
    }

    @Test
    void aServerOfAnotherClusterThatReusedThePidIsLeftAlone() throws Exception {
        Path elsewhere = Files.createDirectory(root.resolve("another-cluster"));
        Process other = standIn(elsewhere, false);
        writePidFile(other, dataDirectory);

        LeftBehindServer.clear(dataDirectory, Optional.empty(), WAIT);

        assertThat(dataDirectory.resolve(LeftBehindServer.PID_FILE)).doesNotExist();
        assertThat(other.isAlive()).as("the other cluster's server").isTrue();
    }

    @Test
    void aServerWhosePidFileNamesAnotherDirectoryIsRefusedAndLeftAlone() throws Exception {
        Process server = standIn(dataDirectory, false);
        writePidFile(server.pid(), root.resolve("moved-away"), 1752700000);

        assertThatThrownBy(() -> LeftBehindServer.clear(dataDirectory, Optional.empty(), WAIT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("a PostgreSQL server (pid " + server.pid() + ") is already running on data directory "
                        + dataDirectory)
                .hasMessageContaining("names data directory " + root.resolve("moved-away"))
                .hasMessageContaining("kill " + server.pid());
        assertThat(server.isAlive()).isTrue();
        assertThat(dataDirectory.resolve(LeftBehindServer.PID_FILE)).exists();
    }

    @Test
    void theServerOfAnAlmFromBeforeTheOwnerLockIsLeftAlone() throws Exception {
        Process server = standIn(dataDirectory, false);
        writePidFile(server, dataDirectory);
        Process olderAlm = ForeignLock.hold(dataDirectory.resolve(EmbeddedDatabase.LIBRARY_LOCK_FILE));
        started.add(olderAlm);

        assertThatThrownBy(() -> LeftBehindServer.clear(dataDirectory, Optional.empty(), WAIT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("a PostgreSQL server (pid " + server.pid() + ") is already running on data directory "
                        + dataDirectory + " and port 54329: another alm process is using the embedded database")
                .hasMessageContaining("Let that process finish and try again.");
        assertThat(server.isAlive()).isTrue();
        assertThat(dataDirectory.resolve(LeftBehindServer.PID_FILE)).exists();
    }

    @Test
    void aServerThatDoesNotStopInTimeIsReported() throws Exception {
        Process stubborn = standIn(dataDirectory, true);
        long started = writePidFile(stubborn, dataDirectory);

        assertThatThrownBy(() -> LeftBehindServer.clear(dataDirectory,
                Optional.of(ServerRecord.started(stubborn.pid(), started)), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the PostgreSQL server (pid " + stubborn.pid() + ") left running on data directory "
                        + dataDirectory + " by a killed alm did not stop within 1 s")
                .hasMessageContaining("kill -QUIT " + stubborn.pid());
        assertThat(stubborn.isAlive()).isTrue();
    }

    /**
     * A process named postgres, working in {@code cwd}, that SIGINT ends unless {@code ignoresSigint}; with an
     * {@code option}, it carries that among its arguments (cat, reading the test's pipe until the end).
     */
    private Process standIn(Path cwd, boolean ignoresSigint, String... option) throws IOException, InterruptedException {
        assumeThat(Path.of("/proc/self/cwd")).as("Linux's /proc").exists();
        Path program = Path.of(option.length == 0 ? "/bin/sleep" : "/bin/cat");
        assumeThat(program).as("the stand-in's program").isExecutable();
        Path postgres = root.resolve(program.getFileName().toString()).resolve("postgres");
        if (!Files.exists(postgres)) {
            Files.createDirectories(postgres.getParent());
            Files.copy(program, postgres);
            Files.setPosixFilePermissions(postgres, PosixFilePermissions.fromString("rwx------"));
        }
        // a signal ignored before exec stays ignored after it
        String args = option.length == 0 ? " 600" : " - '" + option[0] + "'";
        Process p = new ProcessBuilder("/bin/sh", "-c", (ignoresSigint ? "trap '' INT; " : "") + "exec \"$0\"" + args,
                postgres.toString()).directory(cwd.toFile()).start();
        started.add(p);
        while (p.isAlive() && !p.info().command().orElse("").endsWith("postgres")) {
            Thread.sleep(10);
        }
        assertThat(p.isAlive()).as("the stand-in runs").isTrue();
        return p;
    }

    /** A pid file for {@code server} serving {@code servedDirectory}, with its start time, which it returns. */
    private long writePidFile(Process server, Path servedDirectory) throws IOException {
        long started = server.info().startInstant().orElseThrow().getEpochSecond();
        writePidFile(server.pid(), servedDirectory, started);
        return started;
    }

    private void writePidFile(long pid, Path servedDirectory, long startTime) throws IOException {
        Files.writeString(dataDirectory.resolve(LeftBehindServer.PID_FILE),
                pid + "\n" + servedDirectory + "\n" + startTime + "\n54329\n\n127.0.0.1\n  1234567  7\nready   \n");
    }
}
