package com.almreporting.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.almreporting.gateway.fake.FakeAccount;
import com.almreporting.gateway.fake.FakeGateway;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code alm report --live} and {@code alm replay --live} against the fake IB Gateway on loopback. */
class LiveReportIT {

    private static final LocalDate DAY = LocalDate.of(2025, 7, 18);

    @TempDir
    Path dataDir;

    private static String freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return Integer.toString(s.getLocalPort());
        }
    }

    @Test
    void reportWithLiveShowsTheLiveRowAndTheCurrentDaySection() throws IOException {
        try (FakeGateway gateway = FakeGateway.serving(FakeAccount.sample(DAY)).start()) {
            CliRun run = CliRun.of("report", "--from", DAY.toString(), "--to", DAY.toString(), "--live",
                    "--port", Integer.toString(gateway.port()), "--timeout", "5",
                    "--data-dir", dataDir.toString(), "--db-port", freePort());
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("| 2025-07-18 (live) |")
                    .contains("### **US Trading Day: Friday, July 18, 2025 (live)**")
                    .contains("**Live Snapshot (")
                    .contains("**Current NAV (NetLiquidation):** **1,234,567.89 HKD**")
                    .contains("FX:** USD 7.8493 (the gateway's ExchangeRate)");
        }
    }

    @Test
    void aSnapshotOfAnotherAccountIsNotMixedIntoTheReport() throws IOException {
        try (FakeGateway gateway = FakeGateway.serving(FakeAccount.sample(DAY)).start()) {
            CliRun run = CliRun.of("replay", "--from", "2025-07-17", "--to", "2025-07-18", "--live",
                    "--port", Integer.toString(gateway.port()), "--timeout", "5",
                    ReplayCommandTest.SAMPLES.resolve("ground-truth-2025-07.xml").toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).doesNotContain("(live)").contains("the live snapshot was not used");
        }
    }

    @Test
    void anUnavailableGatewayExitsWith3() throws IOException {
        CliRun run = CliRun.of("replay", "--from", "2025-07-17", "--to", "2025-07-18", "--live", "--port", freePort(),
                "--timeout", "2", ReplayCommandTest.SAMPLES.resolve("ground-truth-2025-07.xml").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.BROKER_UNAVAILABLE);
        assertThat(run.err()).contains("IB Gateway unavailable");
    }
}
