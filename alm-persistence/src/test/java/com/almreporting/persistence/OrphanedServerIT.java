package com.almreporting.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An alm killed with SIGKILL runs no shutdown hook, and the PostgreSQL server it started keeps running. The next
 * start on that data directory stops that orphan (a fast shutdown: what was committed stays) and starts afresh,
 * instead of refusing every later run until someone kills it by hand. (A server that has exited may linger as a zombie
 * until init reaps it, which the JDK counts alive; hence {@link LeftBehindServer#isRunning}.)
 */
class OrphanedServerIT {

    @TempDir
    Path root;

    private Process child;
    private ProcessHandle orphan;

    @AfterEach
    void killWhatIsLeft() throws Exception {
        if (child != null) {
            child.destroyForcibly();
        }
        if (orphan != null && orphan.isAlive()) {
            orphan.destroy();
            // before the temporary directory goes: a server still writing there would keep it from being deleted
            orphan.onExit().get(120, TimeUnit.SECONDS);
        }
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void theNextStartStopsTheServerOfAKilledAlmAndKeepsItsCommittedData() throws Exception {
        Path pgdata = root.resolve("pgdata");
        int port = TestDatabase.freePort();
        long pid = killChildLeavingItsServer(pgdata, port);
        orphan = ProcessHandle.of(pid).orElse(null);
        assertThat(orphan).as("the server the killed child started (pid %d)", pid).isNotNull();
        assertThat(LeftBehindServer.isRunning(orphan)).as("the server outlives the killed child").isTrue();

        try (EmbeddedDatabase db = EmbeddedDatabase.start(pgdata, port);
             Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT v FROM survivor")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1)).isEqualTo(OrphanedServerChild.ROW);
            assertThat(LeftBehindServer.isRunning(orphan)).as("the orphaned server (pid %d)", pid).isFalse();
            assertThat(Files.readAllLines(pgdata.resolve(EmbeddedDatabase.PID_FILE), StandardCharsets.UTF_8).get(0).strip())
                    .as("the pid of the server now running").isNotEqualTo(Long.toString(pid));
        }
    }

    /**
     * A server on the directory that no alm recorded starting (one an operator started by hand, for maintenance or a
     * backup: here the killed child's, its record wiped) is not alm's to stop.
     */
    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void aServerNoAlmRecordedIsRefusedAndLeftRunning() throws Exception {
        Path pgdata = root.resolve("pgdata");
        int port = TestDatabase.freePort();
        long pid = killChildLeavingItsServer(pgdata, port);
        orphan = ProcessHandle.of(pid).orElseThrow();
        Path ownerFile = EmbeddedDatabase.ownerLockFile(pgdata.toRealPath());
        assertThat(Files.readAllLines(ownerFile, StandardCharsets.UTF_8)).as("the child's record of its server")
                .anyMatch(line -> line.startsWith("server pid " + pid + " started at "));
        Files.writeString(ownerFile, "pid " + child.pid() + " since 2025-07-19T09:00:00Z\n");

        assertThatThrownBy(() -> EmbeddedDatabase.start(pgdata, port))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("a PostgreSQL server (pid " + pid + ") is already running on data directory "
                        + pgdata.toRealPath() + " and port " + port + ", and no alm started it")
                .hasMessageContaining("Let it finish, or stop it");
        assertThat(LeftBehindServer.isRunning(orphan)).as("the server no alm recorded").isTrue();
    }

    private void startChild(Path pgdata, int port) throws IOException {
        child = OrphanedServerChild.start(pgdata, port);
    }

    /** Starts the child on {@code pgdata}, kills it with SIGKILL, and returns the pid of the server it leaves behind. */
    private long killChildLeavingItsServer(Path pgdata, int port) throws Exception {
        startChild(pgdata, port);
        child.destroyForcibly();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the killed child ends").isTrue();
        return Long.parseLong(Files.readAllLines(pgdata.resolve(EmbeddedDatabase.PID_FILE), StandardCharsets.UTF_8)
                .get(0).strip());
    }
}
