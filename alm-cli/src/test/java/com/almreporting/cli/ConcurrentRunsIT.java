package com.almreporting.cli;

import static com.almreporting.flex.client.FakeFlexServer.success;
import static org.assertj.core.api.Assertions.assertThat;

import com.almreporting.cli.TestServer.Database;
import com.almreporting.flex.client.FakeFlexServer;
import com.almreporting.flex.client.FakeFlexServer.Reply;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code alm} processes at once, as a systemd timer and an operator's manual run can be: two {@code alm update} on
 * one data directory (the embedded database, as installed) do the work once, the second exiting 0 with a message;
 * two {@code alm ingest} of one file into one database both succeed, one after the other, and store it once.
 */
class ConcurrentRunsIT {

    private static final Duration LIMIT = Duration.ofMinutes(3);

    @TempDir
    Path root;

    @Test
    void twoUpdatesAtOnceFetchAndStoreOnceAndTheSecondExitsCleanly() throws Exception {
        Path dataDir = root.resolve("data");
        String port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = Integer.toString(s.getLocalPort());
        }
        CountDownLatch bothStarted = new CountDownLatch(1);
        try (FakeFlexServer ibkr = new FakeFlexServer()) {
            // the statement is served only once the loser has given up: the winner holds the lock all along
            ibkr.sendRequest(success("1", ibkr.baseUrl() + "/GetStatement"))
                    .getStatement(Reply.xml(UpdateFixtures.groundTruth()).after(bothStarted));
            List<String> args = new ArrayList<>(UpdateFixtures.updateArgs(ibkr, root));
            args.addAll(List.of("--data-dir", dataDir.toString(), "--db-port", port));
            try (ChildAlm first = ChildAlm.start(root.resolve("first"), Map.of(), args);
                 ChildAlm second = ChildAlm.start(root.resolve("second"), Map.of(), args)) {
                long deadline = System.nanoTime() + LIMIT.toNanos();
                while (first.isAlive() && second.isAlive()) {
                    assertThat(System.nanoTime()).as("one of the two gives way").isLessThan(deadline);
                    Thread.sleep(20);
                }
                bothStarted.countDown();
                ChildAlm loser = first.isAlive() ? second : first;
                ChildAlm winner = loser == first ? second : first;

                assertThat(loser.exitCode(LIMIT)).as(loser.err()).isZero();
                assertThat(loser.err()).contains("another alm update is running").contains("does nothing");
                assertThat(loser.out()).isEmpty();
                assertThat(winner.exitCode(LIMIT)).as(winner.err()).isZero();
                assertThat(winner.out()).contains("22 inserted");
            }
            assertThat(ibkr.requests("SendRequest")).as("IBKR is asked once").hasSize(1);
        }
        assertThat(UpdateFixtures.files(dataDir.resolve("ibkr_flexquery"))).containsExactly("2025/07/ALM_Daily_MTD_20250718.xml");
    }

    @Test
    void twoIngestsOfOneFileAtOnceStoreItOnce() throws Exception {
        try (TestServer server = TestServer.start(root.resolve("server"))) {
            Database db = server.create("concurrent");
            CliRun migrate = CliRun.of("db", "migrate", "--db-url", db.url(), "--data-dir", root.toString());
            assertThat(migrate.exitCode()).as(migrate.err()).isZero();
            List<String> args = List.of("ingest", UpdateFixtures.GROUND_TRUTH.toAbsolutePath().toString(), "--db-url", db.url());
            Map<String, String> env = Map.of("ALM_DATA_DIR", root.resolve("data").toString());
            List<String> outs = new ArrayList<>();
            try (ChildAlm first = ChildAlm.start(root.resolve("first"), env, args);
                 ChildAlm second = ChildAlm.start(root.resolve("second"), env, args)) {
                for (ChildAlm child : List.of(first, second)) {
                    assertThat(child.exitCode(LIMIT)).as(child.err()).isZero();
                    outs.add(child.out());
                }
            }
            assertThat(outs).as("one stores, the other finds it stored").anyMatch(o -> o.contains(": 22 inserted"))
                    .anyMatch(o -> o.contains(": 0 inserted, 0 updated, 22 unchanged"));
            LedgerState state = LedgerState.of(db.dataSource());
            assertThat(state.runs()).containsExactly("ground-truth-2025-07.xml committed", "ground-truth-2025-07.xml committed");
            assertThat(state.rows().get("chronological_events")).hasSize(14);
            server.drop(db);
        }
    }
}
