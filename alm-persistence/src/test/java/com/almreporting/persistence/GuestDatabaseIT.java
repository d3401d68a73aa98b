package com.almreporting.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second alm on a data directory whose server a live alm runs (the dashboard open while the daily update runs) uses
 * that server as a guest, instead of refusing; the server stays its owner's, and stops when the owner ends.
 */
class GuestDatabaseIT {

    @TempDir
    Path root;

    private Process child;

    @AfterEach
    void stopTheChild() throws Exception {
        if (child != null && child.isAlive()) {
            child.getOutputStream().close(); // its cue to stop its server
            if (!child.waitFor(120, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void aSecondProcessUsesTheServerTheFirstRunsAndLeavesItRunning() throws Exception {
        Path pgdata = root.resolve("pgdata");
        int port = TestDatabase.freePort();
        child = OrphanedServerChild.start(pgdata, port);
        ProcessHandle server = serverOf(pgdata);
        Path ownerFile = EmbeddedDatabase.ownerLockFile(pgdata.toRealPath());

        try (EmbeddedDatabase guest = EmbeddedDatabase.start(pgdata, port)) {
            assertThat(guest.isGuest()).isTrue();
            assertThat(guest.port()).isEqualTo(port);
            assertThat(query(guest, "SELECT v FROM survivor")).containsExactly(OrphanedServerChild.ROW);
            try (Connection c = guest.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO survivor VALUES ('written by the guest')");
            }
        }
        assertThat(LeftBehindServer.isRunning(server)).as("the child's server, after the guest closed").isTrue();
        assertThat(ProcessLock.holder(ownerFile)).as("the owner lock's holder").startsWith("pid " + child.pid() + " since ");
        assertThat(ProcessLock.tryAcquire(ownerFile)).as("the owner lock, still the child's").isEmpty();

        // the data directory decides the port: a guest configured with another uses the server's
        try (EmbeddedDatabase guest = EmbeddedDatabase.start(pgdata, TestDatabase.freePort())) {
            assertThat(guest.port()).isEqualTo(port);
            assertThat(query(guest, "SELECT v FROM survivor ORDER BY v"))
                    .containsExactly(OrphanedServerChild.ROW, "written by the guest");
        }

        EmbeddedDatabase stranded = EmbeddedDatabase.start(pgdata, port);
        child.getOutputStream().close(); // the child's cue to stop its server and end
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("the child ends").isTrue();
        assertThat(child.exitValue()).isZero();
        assertThat(LeftBehindServer.isRunning(server)).as("the child's server, stopped by the child").isFalse();
        assertThatThrownBy(() -> stranded.dataSource().getConnection().close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("the embedded PostgreSQL on 127.0.0.1:" + port + " has stopped: the alm process"
                        + " (pid " + child.pid() + ") that ran it has ended")
                .hasMessageContaining("Run this command again");
        stranded.close();

        try (EmbeddedDatabase owner = EmbeddedDatabase.start(pgdata, port)) {
            assertThat(owner.isGuest()).as("the next start, with no alm left, starts the server itself").isFalse();
            assertThat(query(owner, "SELECT count(*) FROM survivor")).containsExactly("2");
        }
    }

    /**
     * A server the owner has not recorded starting cannot be told from one an operator started by hand on the
     * directory: no guest uses it, and it is left running (here the child's, its record wiped).
     */
    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void aServerItsOwnerDidNotRecordIsRefusedAndLeftAlone() throws Exception {
        Path pgdata = root.resolve("pgdata");
        int port = TestDatabase.freePort();
        child = OrphanedServerChild.start(pgdata, port);
        ProcessHandle server = serverOf(pgdata);
        Path ownerFile = EmbeddedDatabase.ownerLockFile(pgdata.toRealPath());
        // written by this process, which does not hold the lock: the child keeps it
        Files.writeString(ownerFile, "pid " + child.pid() + " since 2025-07-19T09:00:00Z\n");

        assertThatThrownBy(() -> EmbeddedDatabase.start(pgdata, port, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("a PostgreSQL server (pid " + server.pid() + ") is already running on data directory "
                        + pgdata.toRealPath() + " and port " + port + ": another alm process (pid " + child.pid()
                        + " since 2025-07-19T09:00:00Z) is using the embedded database, and this process cannot use that"
                        + " server (waited 1 s for its server: the server (pid " + server.pid() + ") is not yet the one it"
                        + " recorded in " + ownerFile + ")")
                .hasMessageEndingWith("Let that process finish and try again.");
        assertThat(LeftBehindServer.isRunning(server)).as("the child's server").isTrue();
        assertThat(child.isAlive()).isTrue();
    }

    private static ProcessHandle serverOf(Path pgdata) throws Exception {
        long pid = Long.parseLong(Files.readAllLines(pgdata.resolve(EmbeddedDatabase.PID_FILE), StandardCharsets.UTF_8)
                .get(0).strip());
        return ProcessHandle.of(pid).orElseThrow();
    }

    private static List<String> query(EmbeddedDatabase db, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                values.add(r.getString(1));
            }
        }
        return values;
    }
}
