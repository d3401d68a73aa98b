package com.almreporting.cli;

import static com.almreporting.cli.UpdateFixtures.ARCHIVED;
import static com.almreporting.cli.UpdateFixtures.PREVIOUS;
import static com.almreporting.cli.UpdateFixtures.TOKEN;
import static com.almreporting.flex.client.FakeFlexServer.error;
import static com.almreporting.flex.client.FakeFlexServer.inProgress;
import static com.almreporting.flex.client.FakeFlexServer.success;
import static org.assertj.core.api.Assertions.assertThat;

import com.almreporting.flex.client.FakeFlexServer.Reply;
import com.almreporting.flex.client.FakeFlexServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code alm update} end to end, as the operator's timer runs it: a Flex Web Service on loopback that plays IBKR,
 * the embedded PostgreSQL in a temporary data directory ({@code --data-dir}, {@code --db-port}), the archive beside
 * it. The tests share that data directory and run in order (an embedded server's first start is the slow part):
 * IBKR refusing first (nothing may change), then the daily run, then two runs at once. It tests the operator's default
 * set-up, the embedded database, so it does not run again when {@code ALM_TEST_DB_URL} points the ITs at a server
 * ({@link UpdateRecoveryIT} does).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisabledIfEnvironmentVariable(named = "ALM_TEST_DB_URL", matches = ".+")
class UpdateCommandIT {

    @TempDir
    static Path dataDir;

    private static String port;
    private static UpdateFixtures.Logs logs;
    private static final List<String> printed = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void setUp() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            port = Integer.toString(s.getLocalPort());
        }
        logs = new UpdateFixtures.Logs();
    }

    @AfterAll
    static void theTokenAppearsNowhere() throws IOException {
        try {
            assertThat(logs.lines()).as("log lines").isNotEmpty().noneMatch(l -> l.contains(TOKEN));
            assertThat(printed).as("stdout and stderr").noneMatch(l -> l.contains(TOKEN));
            UpdateFixtures.assertNoTokenIn(dataDir.resolve("ibkr_flexquery"));
            assertThat(Files.readString(dataDir.resolve(UpdateCommand.LOCK_FILE))).doesNotContain(TOKEN);
            CliRun status = alm("db", "status");
            assertThat(status.out()).doesNotContain(TOKEN);
        } finally {
            logs.close();
        }
    }

    private static CliRun alm(String... args) {
        return alm(List.of(args));
    }

    private static CliRun alm(List<String> args) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of("--data-dir", dataDir.toString(), "--db-port", port));
        CliRun run = CliRun.of(all.toArray(String[]::new));
        printed.add(run.out());
        printed.add(run.err());
        return run;
    }

    private static CliRun update(FakeFlexServer ibkr, String... more) throws IOException {
        List<String> args = UpdateFixtures.updateArgs(ibkr, dataDir);
        args.addAll(List.of(more));
        return alm(args);
    }

    /** Row counts per table from {@code alm db status}. */
    private static Map<String, Long> rows() {
        CliRun status = alm("db", "status");
        assertThat(status.exitCode()).as(status.err()).isZero();
        Map<String, Long> rows = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(?m)^  ([a-z_]+)\\s+(\\d+)$").matcher(status.out());
        while (m.find()) {
            rows.put(m.group(1), Long.valueOf(m.group(2)));
        }
        return rows;
    }

    private static List<String> archive() throws IOException {
        return UpdateFixtures.files(dataDir.resolve("ibkr_flexquery"));
    }

    @Test
    @Order(1)
    void ibkrAnswering1020ExitsWith3NamingTheCodeAndChangesNothing() throws IOException {
        Path previous = UpdateFixtures.previousDayFile(dataDir);
        String before = Files.readString(previous);
        try (FakeFlexServer ibkr = new FakeFlexServer()) {
            ibkr.sendRequest(error(1020, "Invalid request or unable to validate request."));

            CliRun run = update(ibkr);

            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.BROKER_UNAVAILABLE);
            assertThat(run.err()).contains("error 1020").contains("Invalid request or unable to validate request.")
                    .contains("check the token and the query id");
            assertThat(run.out()).isEmpty();
            assertThat(ibkr.requests()).hasSize(1);
        }
        assertThat(archive()).containsExactly(PREVIOUS.substring("ibkr_flexquery/".length()));
        assertThat(previous).hasContent(before);
        assertThat(rows()).containsEntry("statements", 0L).containsEntry("chronological_events", 0L)
                .containsEntry("nav_snapshots", 0L);
    }

    @Test
    @Order(2)
    void theDailyRunStoresArchivesReplacesThePreviousFileAndTheReportPrintsTheGroundTruth() throws IOException {
        assertThat(dataDir.resolve(PREVIOUS)).exists();
        try (FakeFlexServer ibkr = new FakeFlexServer()) {
            ibkr.sendRequest(success("7301234567", ibkr.baseUrl() + "/GetStatement"))
                    .getStatement(inProgress(), inProgress(), Reply.xml(UpdateFixtures.groundTruth()));

            CliRun run = update(ibkr);

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err()).isEmpty();
            assertThat(run.out()).contains("2025/07/ALM_Daily_MTD_20250718.xml: account U***4321: 22 inserted, 0 updated,"
                    + " 0 unchanged").contains("replaced [2025/07/ALM_Daily_MTD_20250717.xml]");
            assertThat(ibkr.requests("SendRequest")).hasSize(1);
            assertThat(ibkr.requests("GetStatement")).hasSize(3);
        }
        Path archived = dataDir.resolve(ARCHIVED);
        assertThat(archived).hasSameBinaryContentAs(UpdateFixtures.GROUND_TRUTH);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(archived))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(archived.getParent()))).isEqualTo("rwx------");
        assertThat(dataDir.resolve(PREVIOUS)).doesNotExist();
        assertThat(archive()).containsExactly("2025/07/ALM_Daily_MTD_20250718.xml");
        assertThat(rows()).containsEntry("chronological_events", 14L).containsEntry("nav_snapshots", 3L)
                .containsEntry("statements", 1L);
        assertThat(logs.lines()).anyMatch(l -> l.contains("1019"));

        CliRun report = alm("report", "--from", "2025-07-17", "--to", "2025-07-18", "--account", "U7654321");
        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(report.out()).isEqualTo(Files.readString(ReplayCommandTest.SAMPLES.resolve("ground-truth-2025-07-17_18.md"),
                StandardCharsets.UTF_8));
    }

    @Test
    @Order(3)
    void aSecondRunWhileOneIsRunningExitsCleanlyWithoutTouchingAnything() throws Exception {
        try (FakeFlexServer ibkr = new FakeFlexServer()) {
            ibkr.sendRequest(success("1", ibkr.baseUrl() + "/GetStatement"))
                    .getStatement(inProgress().delayedBy(300), inProgress().delayedBy(300), inProgress().delayedBy(300),
                            Reply.xml(UpdateFixtures.groundTruth()));
            CompletableFuture<CliRun> first = CompletableFuture.supplyAsync(() -> {
                try {
                    return update(ibkr);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            awaitFirstRequest(ibkr, first);

            CliRun second = update(ibkr);

            assertThat(second.exitCode()).as(second.err()).isZero();
            assertThat(second.err()).contains("another alm update is running").contains("pid ").contains("does nothing");
            assertThat(second.out()).isEmpty();
            CliRun done = first.get(120, TimeUnit.SECONDS);
            assertThat(done.exitCode()).as(done.err()).isZero();
            assertThat(done.out()).contains("0 inserted, 0 updated, 22 unchanged");
            assertThat(ibkr.requests("SendRequest")).hasSize(1);
        }
        assertThat(rows()).containsEntry("chronological_events", 14L).containsEntry("statements", 2L);
    }

    @Test
    @Order(4)
    void aSecondRunThatWaitsForTheFirstStoresNothingTwice() throws Exception {
        try (FakeFlexServer ibkr = new FakeFlexServer()) {
            ibkr.sendRequest(success("1", ibkr.baseUrl() + "/GetStatement"))
                    .getStatement(inProgress().delayedBy(300), inProgress().delayedBy(300), Reply.xml(UpdateFixtures.groundTruth()));
            CompletableFuture<CliRun> first = CompletableFuture.supplyAsync(() -> {
                try {
                    return update(ibkr);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            awaitFirstRequest(ibkr, first);

            CliRun second = update(ibkr, "--lock-wait", "120");

            CliRun done = first.get(120, TimeUnit.SECONDS);
            assertThat(done.exitCode()).as(done.err()).isZero();
            assertThat(second.exitCode()).as(second.err()).isZero();
            assertThat(second.out()).contains("0 inserted, 0 updated, 22 unchanged");
            assertThat(ibkr.requests("SendRequest")).hasSize(2);
        }
        assertThat(rows()).containsEntry("chronological_events", 14L).containsEntry("statements", 4L);
        assertThat(archive()).containsExactly("2025/07/ALM_Daily_MTD_20250718.xml");
    }

    @Test
    @Order(5)
    void withoutAQueryIdOrATokenTheRunSaysWhatToSet() throws IOException {
        CliRun noQuery = alm("update", "--token-file", UpdateFixtures.tokenFile(dataDir).toString());
        if (System.getenv("IBKR_FLEX_QUERY_ID") == null) {
            assertThat(noQuery.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(noQuery.err()).contains("IBKR_FLEX_QUERY_ID").contains("--query-id");
        }
        CliRun badWait = alm("update", "--query-id", "1", "--token-file", UpdateFixtures.tokenFile(dataDir).toString(),
                "--first-wait", "soon");
        assertThat(badWait.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(badWait.err()).contains("--first-wait");
    }

    /** Waits until the first run, holding the lock and the database, has asked IBKR for its statement. */
    private static void awaitFirstRequest(FakeFlexServer ibkr, CompletableFuture<CliRun> first) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (ibkr.requests("SendRequest").isEmpty()) {
            if (first.isDone()) {
                throw new AssertionError("the first run ended before asking IBKR: " + first.get().err());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the first run never asked IBKR");
            }
            Thread.sleep(20);
        }
    }
}
