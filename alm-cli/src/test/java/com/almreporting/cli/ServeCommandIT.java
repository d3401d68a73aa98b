package com.almreporting.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code alm serve} as the operator runs it: the ground-truth statement ingested into an embedded PostgreSQL (or the
 * server of {@code ALM_TEST_DB_URL}), then the dashboard serving it on loopback.
 */
class ServeCommandIT {

    @TempDir
    static Path dataDir;

    private static String dbPort;

    @BeforeAll
    static void ingest() throws Exception {
        dbPort = ServeRun.freePort();
        CliRun run = CliRun.of(ServeRun.withDatabase(dataDir, dbPort, "ingest",
                ReplayCommandTest.SAMPLES.resolve("ground-truth-2025-07.xml").toString()));
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void servesTheLedgerOnLoopbackByDefault() throws Exception {
        try (ServeRun serve = ServeRun.start(dataDir, dbPort, "serve", "--port", "0")) {
            assertThat(serve.url()).startsWith("http://127.0.0.1:");

            HttpResponse<String> index = DashboardIT.send(serve.url(), "GET");
            assertThat(index.statusCode()).isEqualTo(200);
            assertThat(index.body()).contains(">2025-07-16</a>", ">79,498.68<", ">2025-07-17</a>", ">79,754.81<",
                    ">2025-07-18</a>", ">79,231.03<").contains("U***4321").doesNotContain("U7654321");

            HttpResponse<String> report = DashboardIT.send(serve.url() + "report?from=2025-07-17&to=2025-07-18&account=U7654321", "GET");
            assertThat(report.statusCode()).isEqualTo(200);
            assertThat(report.body()).contains("79,402.22", "78,609.37", "+31.02 (Reconciliation)");
        }
    }

    @Test
    void anUnreachableDatabaseExitsWith4() {
        CliRun run = CliRun.of("serve", "--port", "0", "--db-url", "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2");
        assertThat(run.exitCode()).isEqualTo(ExitCode.DATABASE);
        assertThat(run.err()).contains("alm serve: cannot open the database");
    }

    @Test
    void badOptionsExitWith1() {
        assertThat(CliRun.of("serve", "--port", "70000").exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(CliRun.of("serve", "--refresh-seconds", "-1").exitCode()).isEqualTo(ExitCode.USAGE);
    }
}
