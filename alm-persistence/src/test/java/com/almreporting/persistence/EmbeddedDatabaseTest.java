package com.almreporting.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check for a server left in the data directory; starting real servers is EmbeddedDatabaseIT's. */
class EmbeddedDatabaseTest {

    @TempDir
    Path dataDirectory;

    @Test
    void aPidFileWhoseProcessHasGoneIsRemoved() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        writePidFile(gone.pid(), 54329);

        EmbeddedDatabase.checkForRunningServer(dataDirectory, 54329);

        assertThat(dataDirectory.resolve(EmbeddedDatabase.PID_FILE)).doesNotExist();
    }

    @Test
    void aPidFileWhosePidNowBelongsToAnotherProgramIsRemoved() throws Exception {
        writePidFile(ProcessHandle.current().pid(), 54329);

        EmbeddedDatabase.checkForRunningServer(dataDirectory, 54329);

        assertThat(dataDirectory.resolve(EmbeddedDatabase.PID_FILE)).doesNotExist();
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
    void withoutAPidFileThereIsNothingToCheck() {
        EmbeddedDatabase.checkForRunningServer(dataDirectory, 54329);

        assertThat(dataDirectory).isEmptyDirectory();
    }

    private void writePidFile(long pid, int port) throws IOException {
        Files.writeString(dataDirectory.resolve(EmbeddedDatabase.PID_FILE),
                pid + "\n" + dataDirectory + "\n1752700000\n" + port + "\n\n127.0.0.1\n  1234567  7\nready   \n");
    }
}
