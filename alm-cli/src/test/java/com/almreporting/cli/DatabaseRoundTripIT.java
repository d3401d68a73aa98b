package com.almreporting.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database is the system of record: {@code alm ingest} then {@code alm report} print exactly what {@code alm replay}
 * prints from the same files. Runs on an embedded PostgreSQL in a temporary data directory, or on the server named by
 * {@code ALM_TEST_DB_URL} when set (then the ground-truth account is named explicitly, as the database may hold others).
 */
class DatabaseRoundTripIT {

    private static final Path SAMPLES = ReplayCommandTest.SAMPLES;

    @TempDir
    static Path dataDir;

    private static String port;

    @BeforeAll
    static void freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            port = Integer.toString(s.getLocalPort());
        }
    }

    private static CliRun alm(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        String url = System.getenv("ALM_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            all.addAll(List.of("--db-url", url));
        } else {
            all.addAll(List.of("--data-dir", dataDir.toString(), "--db-port", port));
        }
        return CliRun.of(all.toArray(String[]::new));
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String golden(String name) throws IOException {
        return Files.readString(SAMPLES.resolve(name), StandardCharsets.UTF_8);
    }

    @Test
    void ingestThenReportPrintsWhatReplayPrints() throws IOException {
        CliRun first = alm("ingest", SAMPLES.resolve("ground-truth-2025-07.xml").toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        CliRun again = alm("ingest", SAMPLES.resolve("ground-truth-2025-07.xml").toString());
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("0 inserted, 0 updated, 22 unchanged");
        // the run records the digest of the file's bytes, taken while the parser read them
        CliRun status = alm("db", "status");
        assertThat(status.out()).contains(sha256(SAMPLES.resolve("ground-truth-2025-07.xml")));
        // The database holds this class's other runs too (and an ALM_TEST_DB_URL one anybody's): at least these two.
        Matcher runs = Pattern.compile("(?m)^runs: (\\d+) committed, (\\d+) failed, (\\d+) running$").matcher(status.out());
        assertThat(runs.find()).as(status.out()).isTrue();
        assertThat(Long.parseLong(runs.group(1))).isGreaterThanOrEqualTo(2);
        CliRun json = alm("db", "status", "--format", "json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        boolean shared = System.getenv("ALM_TEST_DB_URL") != null && !System.getenv("ALM_TEST_DB_URL").isBlank();
        assertThat(json.out()).startsWith("{\"database\":").contains("\"schemaCurrent\":true")
                .containsPattern(shared ? "\"runs\":\\{\"committed\":\\d+,\"failed\":\\d+,\"running\":\\d+},\"interruptedNow\":\\d+,"
                        : "\"runs\":\\{\"committed\":" + runs.group(1) + ",\"failed\":" + runs.group(2)
                        + ",\"running\":" + runs.group(3) + "},\"interruptedNow\":0,")
                .contains("\"sha256\":\"" + sha256(SAMPLES.resolve("ground-truth-2025-07.xml")) + "\"")
                .contains("\"status\":\"committed\"").endsWith("}\n");
        assertThat(alm("db", "status", "--format", "xml").exitCode()).isEqualTo(ExitCode.USAGE);

        CliRun report = alm("report", "--from", "2025-07-17", "--to", "2025-07-18", "--account", "U7654321");
        assertThat(report.exitCode()).as(report.err()).isZero();
        CliRun replay = CliRun.of("replay", "--from", "2025-07-17", "--to", "2025-07-18",
                SAMPLES.resolve("ground-truth-2025-07.xml").toString());
        assertThat(report.out()).isEqualTo(replay.out()).isEqualTo(golden("ground-truth-2025-07-17_18.md"));
    }

    @Test
    void monthlyFilesIngestedInAnyOrderReportTheWinterGolden() throws IOException {
        assertThat(alm("ingest", SAMPLES.resolve("winter-2025-12.xml").toString()).exitCode()).isZero();
        assertThat(alm("ingest", SAMPLES.resolve("winter-2025-11.xml").toString()).exitCode()).isZero();
        CliRun report = alm("report", "--from", "2025-11-25", "--to", "2025-12-01", "--account", "U7654321");
        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(report.out()).isEqualTo(golden("winter-2025-11-25_12-01.md"));
    }

    @Test
    void aRejectedFileStoresNothingAndExitsWith2(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.xml");
        Files.writeString(bad, "<FlexQueryResponse><FlexStatements count=\"1\"><FlexStatement accountId=\"U0000BAD\">"
                + "<Trades><Trade transactionID=\"1\" accountId=\"U0000BAD\" currency=\"USD\" quantity=\"x\" /></Trades>"
                + "</FlexStatement></FlexStatements></FlexQueryResponse>");
        CliRun run = alm("ingest", bad.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.INPUT_REJECTED);
        assertThat(run.err()).contains("nothing stored").contains("bad.xml:1");
        CliRun migrate = alm("db", "migrate");
        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
        assertThat(migrate.out()).contains("migration(s) applied");
        CliRun status = alm("db", "status");
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out()).contains("schema: current").contains("chronological_events");
        assertThat(alm("report", "--from", "2025-07-17", "--to", "2025-07-17", "--account", "U0000BAD").exitCode())
                .isEqualTo(ExitCode.OK); // an account with no rows reports no figures, and nothing of the bad file is there
    }

    @Test
    void anUnreachableExternalDatabaseExitsWith4() {
        CliRun run = CliRun.of("report", "--from", "2025-07-17", "--to", "2025-07-18",
                "--db-url", "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2");
        assertThat(run.exitCode()).isEqualTo(ExitCode.DATABASE);
        assertThat(run.err()).contains("alm report:");
    }
}
