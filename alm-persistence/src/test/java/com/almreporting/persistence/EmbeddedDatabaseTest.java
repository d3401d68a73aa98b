package com.almreporting.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a start refuses before any server runs; starting real servers is the ITs', a pid file left behind is
 * LeftBehindServerTest's.
 */
class EmbeddedDatabaseTest {

    @TempDir
    Path root;

    private Path dataDirectory;

    @BeforeEach
    void createDataDirectory() throws IOException {
        dataDirectory = Files.createDirectory(root.resolve("pgdata"));
    }

    @Test
    void aPortTakenByAnotherProgramIsRefusedBeforeAnythingStarts() throws Exception {
        try (ServerSocket other = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> EmbeddedDatabase.start(dataDirectory, other.getLocalPort()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("port " + other.getLocalPort() + " on 127.0.0.1 is taken by another program")
                    .hasMessageContaining("ALM_DB_PORT");
        }
        assertThat(dataDirectory).isEmptyDirectory();
        assertThat(ProcessLock.tryAcquire(EmbeddedDatabase.ownerLockFile(dataDirectory))).as("the owner lock, given up")
                .isPresent().hasValueSatisfying(ProcessLock::close);
    }

    @Test
    void aClusterThatAsksForAPasswordWhoseFileIsLostIsRefusedBeforeAnythingStarts() throws Exception {
        Files.writeString(dataDirectory.resolve("postgresql.conf"), "");
        SuperuserPassword.requirePasswords(dataDirectory);
        int port = TestDatabase.freePort();

        assertThatThrownBy(() -> EmbeddedDatabase.start(dataDirectory, port))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("asks for a password, but its file " + SuperuserPassword.FILE + " is missing")
                .hasMessageContaining("restore it from a backup");
        assertThat(dataDirectory.resolve(EmbeddedDatabase.PID_FILE)).doesNotExist();
    }

    @Test
    void aDataDirectoryOwnedByAnotherInstanceIsRefusedBeforeAnythingStarts() throws Exception {
        try (ProcessLock other = ProcessLock.tryAcquire(EmbeddedDatabase.ownerLockFile(dataDirectory)).orElseThrow()) {
            assertThatThrownBy(() -> EmbeddedDatabase.start(dataDirectory, TestDatabase.freePort()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("the data directory " + dataDirectory + " is taken: this very process (pid "
                            + ProcessHandle.current().pid() + " since ")
                    .hasMessageContaining("Let that process finish and try again.");
        }
        assertThat(dataDirectory).isEmptyDirectory();
    }

    /** Two spellings of one directory, through a symbolic link, would otherwise find two owner lock files. */
    @Test
    void aDataDirectoryOwnedThroughAnotherSpellingIsRefusedBeforeAnythingStarts() throws Exception {
        Path link = Files.createSymbolicLink(root.resolve("through-a-link"), dataDirectory);
        try (ProcessLock other = ProcessLock.tryAcquire(EmbeddedDatabase.ownerLockFile(dataDirectory)).orElseThrow()) {
            assertThatThrownBy(() -> EmbeddedDatabase.start(link, TestDatabase.freePort()).close())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("the data directory " + dataDirectory.toRealPath() + " is taken: this very"
                            + " process (pid " + ProcessHandle.current().pid() + " since ");
        }
        assertThat(dataDirectory).isEmptyDirectory();
        assertThat(EmbeddedDatabase.ownerLockFile(link)).doesNotExist();
    }

    @Test
    void theOwnerLockLiesBesideTheDataDirectoryWhichStaysEmptyForInitdb() throws Exception {
        Path file = EmbeddedDatabase.ownerLockFile(dataDirectory);
        assertThat(file).isEqualTo(root.resolve("pgdata" + EmbeddedDatabase.OWNER_LOCK_SUFFIX));
        try (ProcessLock owner = ProcessLock.tryAcquire(file).orElseThrow()) {
            assertThat(dataDirectory).isEmptyDirectory();
        }
    }

    /**
     * Another process owns the directory but runs no server there (yet): after waiting for one (GuestDatabaseIT uses
     * one that runs), the start gives up and names that process.
     */
    @Test
    void anOwnerOfAnotherProcessThatRunsNoServerIsNamed() throws Exception {
        Path file = EmbeddedDatabase.ownerLockFile(dataDirectory);
        Files.writeString(file, "pid 4242 since 2025-07-19T09:00:00Z\n");
        Process other = ForeignLock.hold(file);
        try {
            assertThatThrownBy(() -> EmbeddedDatabase.start(dataDirectory, TestDatabase.freePort(), Duration.ofSeconds(1)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("the data directory " + dataDirectory + " is taken: another alm process (pid 4242"
                            + " since 2025-07-19T09:00:00Z) is using the embedded database and is starting or stopping"
                            + " its server (waited 1 s for its server: ")
                    .hasMessageEndingWith("). Let that process finish and try again.");
        } finally {
            other.destroyForcibly().waitFor();
        }
        assertThat(dataDirectory).isEmptyDirectory();
    }

    @Test
    void anOwnerThatWroteNothingIsNamedAsSuch() throws Exception {
        Path file = Files.createFile(EmbeddedDatabase.ownerLockFile(dataDirectory));
        Process other = ForeignLock.hold(file);
        try {
            assertThatThrownBy(() -> EmbeddedDatabase.start(dataDirectory, TestDatabase.freePort(), Duration.ZERO))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is taken: another alm process (pid unknown) is using the embedded database")
                    .hasMessageContaining("(its owner has not written its pid in " + file + " yet)");
        } finally {
            other.destroyForcibly().waitFor();
        }
    }
}
