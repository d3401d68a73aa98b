package com.almreporting.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.almreporting.gateway.fake.FakeAccount;
import com.almreporting.gateway.fake.FakeGateway;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** {@code alm live} against the fake IB Gateway on loopback, and against a port where nothing listens. */
class LiveCommandIT {

    @Test
    void printsTheSnapshotAsJson() throws IOException {
        try (FakeGateway gateway = FakeGateway.serving(FakeAccount.sample(LocalDate.of(2025, 7, 18))).start()) {
            CliRun run = CliRun.of("live", "--format", "json", "--port", Integer.toString(gateway.port()), "--timeout", "5");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).startsWith("{\"live\":true,\"account\":\"D****4567\"")
                    .contains("\"netLiquidation\":\"1234567.89\"")
                    .contains("\"USD\":\"7.8493\"")
                    .contains("\"fills\":[{");
            assertThat(run.out()).doesNotContain(FakeAccount.SAMPLE_ACCOUNT);
        }
    }

    @Test
    void printsTheSnapshotAsMarkdown() throws IOException {
        try (FakeGateway gateway = FakeGateway.serving(FakeAccount.sample(LocalDate.of(2025, 7, 18))).start()) {
            CliRun run = CliRun.of("live", "--port", Integer.toString(gateway.port()), "--timeout", "5");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("# Live snapshot").contains("| Net liquidation | 1234567.89 |").contains("## Today's fills");
        }
    }

    @Test
    void aGatewayThatIsNotThereExitsWith3AndSaysWhatToCheck() throws IOException {
        int free;
        try (ServerSocket s = new ServerSocket(0)) {
            free = s.getLocalPort();
        }
        CliRun run = CliRun.of("live", "--port", Integer.toString(free), "--timeout", "2");
        assertThat(run.exitCode()).isEqualTo(ExitCode.BROKER_UNAVAILABLE);
        assertThat(run.err()).contains("IB Gateway unavailable (REFUSED)");
    }
}
