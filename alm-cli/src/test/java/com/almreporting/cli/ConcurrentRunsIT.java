package com.almreporting.cli;

import static com.almreporting.flex.client.FakeFlexServer.success;
import static org.assertj.core.api.Assertions.assertThat;

import com.almreporting.cli.TestServer.Database;
import com.almreporting.flex.client.FakeFlexServer;
import com.almreporting.flex.client.FakeFlexServer.Reply;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code alm} processes at once, as a systemd timer and an operator's manual run can be: two {@code alm update} on
 * one data directory (the embedded database, as installed) do the work once, the second exiting 0 with a message;
 * {@code alm update} while {@code alm serve} runs the embedded server uses that server; two {@code alm ingest} of one
 * file into one database both succeed, one after the other, and store it once.
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

    /**
     * The dashboard left open (it started the embedded server) does not make the daily update fail: the update uses
     * the dashboard's server, which stops when the dashboard does.
     */
    @Test
    void anUpdateWhileServeRunsUsesServesServerWhichStopsWithServe() throws Exception {
        Path dataDir = root.resolve("data");
        String dbPort = ServeRun.freePort();
        List<String> database = List.of("--data-dir", dataDir.toString(), "--db-port", dbPort);
        List<String> serveArgs = new ArrayList<>(List.of("serve", "--port", ServeRun.freePort()));
        serveArgs.addAll(database);
        Path pidFile = dataDir.resolve("pgdata").resolve("postmaster.pid");
        try (ChildAlm serve = ChildAlm.start(root.resolve("serve"), Map.of(), serveArgs);
             FakeFlexServer ibkr = new FakeFlexServer()) {
            String url = dashboardUrl(serve);
            ProcessHandle server = ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).strip())).orElseThrow();

            ibkr.sendRequest(success("1", ibkr.baseUrl() + "/GetStatement"))
                    .getStatement(Reply.xml(UpdateFixtures.groundTruth()));
            List<String> updateArgs = new ArrayList<>(UpdateFixtures.updateArgs(ibkr, root));
            updateArgs.addAll(database);
            try (ChildAlm update = ChildAlm.start(root.resolve("update"), Map.of(), updateArgs)) {
                assertThat(update.exitCode(LIMIT)).as(update.err()).isZero();
                assertThat(update.out()).contains("22 inserted");
                assertThat(update.err()).contains("Using the embedded PostgreSQL that alm process pid " + serve.pid()
                        + " runs on 127.0.0.1:" + dbPort);
            }
            assertThat(server.isAlive()).as("serve's server, after the update ended").isTrue();
            assertThat(serve.isAlive()).isTrue();
            HttpResponse<String> index = DashboardIT.send(url, "GET");
            assertThat(index.statusCode()).isEqualTo(200);
            assertThat(index.body()).as("what the update stored, on the dashboard").contains(">2025-07-18</a>");

            serve.close(); // SIGTERM, as systemctl stop or the operator's Ctrl-C
            assertThat(serve.isAlive()).isFalse();
            assertThat(server.onExit().get(60, TimeUnit.SECONDS).isAlive()).as("serve's server, stopped with it").isFalse();
        }
        assertThat(pidFile).as("no server left running").doesNotExist();
    }

    /** The dashboard's address, once {@code alm serve} has printed it. */
    private static String dashboardUrl(ChildAlm serve) throws Exception {
        Pattern printed = Pattern.compile("dashboard on (http://\\S+/) ");
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (true) {
            Matcher m = printed.matcher(serve.out());
            if (m.find()) {
                return m.group(1);
            }
            if (!serve.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("alm serve did not start (alive: " + serve.isAlive() + "): " + serve.err());
            }
            Thread.sleep(50);
        }
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
