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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the holder of a data directory's owner lock does with a {@code postmaster.pid} there. The servers are stand-ins:
 * {@code sleep} under the name {@code postgres}, working in the directory it serves, as PostgreSQL does; it dies of
 * SIGINT as PostgreSQL's fast shutdown ends. Real servers left behind by a killed alm are OrphanedServerIT's.
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
        writePidFile(gone.pid(), dataDirectory);

        LeftBehindServer.clear(dataDirectory, WAIT);

        assertThat(dataDirectory.resolve(LeftBehindServer.PID_FILE)).doesNotExist();
    }

    @Test
    void aPidFileWhosePidNowBelongsToAnotherProgramIsRemoved() throws Exception {
        writePidFile(ProcessHandle.current().pid(), dataDirectory);

        LeftBehindServer.clear(dataDirectory, WAIT);

        assertThat(dataDirectory.resolve(LeftBehindServer.PID_FILE)).doesNotExist();
        assertThat(ProcessHandle.current().isAlive()).isTrue();
    }

    @Test
    void withoutAPidFileThereIsNothingToCheck() {
        LeftBehindServer.clear(dataDirectory, WAIT);

        assertThat(dataDirectory).isEmptyDirectory();
    }

    @Test
    void aServerLeftRunningHereIsStoppedAndItsPidFileRemoved() throws Exception {
        Process server = standIn(dataDirectory, false);
        writePidFile(server.pid(), dataDirectory);

        LeftBehindServer.clear(dataDirectory, WAIT);

        assertThat(LeftBehindServer.isRunning(server.toHandle())).as("the server left behind").isFalse();
        assertThat(dataDirectory.resolve(LeftBehindServer.PID_FILE)).doesNotExist();
    }

    @Test
    void aServerOfAnotherClusterThatReusedThePidIsLeftAlone() throws Exception {
        Path elsewhere = Files.createDirectory(root.resolve("another-cluster"));
        Process other = standIn(elsewhere, false);
        writePidFile(other.pid(), dataDirectory);

        LeftBehindServer.clear(dataDirectory, WAIT);

        assertThat(dataDirectory.resolve(LeftBehindServer.PID_FILE)).doesNotExist();
        assertThat(other.isAlive()).as("the other cluster's server").isTrue();
    }

    @Test
    void aServerWhosePidFileNamesAnotherDirectoryIsRefusedAndLeftAlone() throws Exception {
        Process server = standIn(dataDirectory, false);
        writePidFile(server.pid(), root.resolve("moved-away"));

        assertThatThrownBy(() -> LeftBehindServer.clear(dataDirectory, WAIT))
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
        writePidFile(server.pid(), dataDirectory);
        Process olderAlm = ForeignLock.hold(dataDirectory.resolve(EmbeddedDatabase.LIBRARY_LOCK_FILE));
        started.add(olderAlm);

        assertThatThrownBy(() -> LeftBehindServer.clear(dataDirectory, WAIT))
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
        writePidFile(stubborn.pid(), dataDirectory);

        assertThatThrownBy(() -> LeftBehindServer.clear(dataDirectory, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the PostgreSQL server (pid " + stubborn.pid() + ") left running on data directory "
                        + dataDirectory + " by a killed alm did not stop within 1 s")
                .hasMessageContaining("kill -9 " + stubborn.pid());
        assertThat(stubborn.isAlive()).isTrue();
    }

    /** A process named postgres, working in {@code cwd}, that SIGINT ends unless {@code ignoresSigint}. */
    private Process standIn(Path cwd, boolean ignoresSigint) throws IOException, InterruptedException {
        assumeThat(Path.of("/proc/self/cwd")).as("Linux's /proc").exists();
        Path sleep = Path.of("/bin/sleep");
        assumeThat(sleep).as("sleep(1)").isExecutable();
        Path postgres = root.resolve("bin").resolve("postgres");
        if (!Files.exists(postgres)) {
            Files.createDirectories(postgres.getParent());
            Files.copy(sleep, postgres);
            Files.setPosixFilePermissions(postgres, PosixFilePermissions.fromString("rwx------"));
        }
        // a signal ignored before exec stays ignored after it
        Process p = new ProcessBuilder("/bin/sh", "-c", (ignoresSigint ? "trap '' INT; " : "") + "exec \"$0\" 600",
                postgres.toString()).directory(cwd.toFile()).start();
        started.add(p);
        while (p.isAlive() && !p.info().command().orElse("").endsWith("postgres")) {
            Thread.sleep(10);
        }
        assertThat(p.isAlive()).as("the stand-in runs").isTrue();
        return p;
    }

    private void writePidFile(long pid, Path servedDirectory) throws IOException {
        Files.writeString(dataDirectory.resolve(LeftBehindServer.PID_FILE),
                pid + "\n" + servedDirectory + "\n1752700000\n54329\n\n127.0.0.1\n  1234567  7\nready   \n");
    }
}
