package com.almreporting.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.almreporting.domain.port.in.UpdateOutcome.Failed;
import com.almreporting.domain.port.in.UpdateOutcome.Kind;
import com.almreporting.domain.port.in.UpdateReport;
import com.almreporting.domain.port.out.StatementRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code alm update} without a network or a database: options, usage errors, exit codes. */
class UpdateCommandTest {

    @TempDir
    Path dir;

    @Test
    void helpListsTheOptionsAndExitCodes() {
        CliRun run = CliRun.of("update", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--query-id").contains("--first-wait").contains("--poll-interval")
                .contains("--deadline").contains("--base-url").contains("--token-file").contains("--lock-wait")
                .contains("--previous-month-days").contains("3 IBKR unavailable").doesNotContain("--request-gap");
        assertThat(CliRun.of("--help").out()).contains("update");
    }

    @Test
    void usageErrorsSayWhatToSetAndTouchNothing() throws Exception {
        Path token = Files.writeString(dir.resolve("token"), "123456789012345678901234");
        String data = dir.resolve("data").toString();
        CliRun badId = CliRun.of("update", "--query-id", "12&t=x", "--token-file", token.toString(), "--data-dir", data);
        assertThat(badId.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(badId.err()).contains("query id");
        CliRun badDays = CliRun.of("update", "--query-id", "1", "--token-file", token.toString(), "--previous-month-days",
                "40", "--data-dir", data);
        assertThat(badDays.exitCode()).isEqualTo(ExitCode.USAGE);
        CliRun noTokenFile = CliRun.of("update", "--query-id", "1", "--token-file", dir.resolve("none").toString(),
                "--data-dir", data);
        assertThat(noTokenFile.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(noTokenFile.err()).contains("cannot read the Flex token file");
        CliRun badUrl = CliRun.of("update", "--query-id", "1", "--token-file", token.toString(), "--base-url", "ftp://x",
                "--data-dir", data);
        assertThat(badUrl.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(Files.exists(dir.resolve("data"))).isFalse();
    }

    @Test
    void theMostSeriousFailureDecidesTheExitCode() {
        StatementRequest r = StatementRequest.monthToDate("1");
        assertThat(UpdateCommand.exitCode(new UpdateReport(List.of(), List.of()))).isEqualTo(ExitCode.OK);
        assertThat(UpdateCommand.exitCode(report(new Failed(r, Kind.BROKER_UNAVAILABLE, "x", 1020, null))))
                .isEqualTo(ExitCode.BROKER_UNAVAILABLE);
        assertThat(UpdateCommand.exitCode(report(new Failed(r, Kind.BROKER_UNAVAILABLE, "x", 1020, null),
                new Failed(r, Kind.STATEMENT_REJECTED, "y", null, null)))).isEqualTo(ExitCode.INPUT_REJECTED);
        assertThat(UpdateCommand.exitCode(report(new Failed(r, Kind.STATEMENT_REJECTED, "y", null, null),
                new Failed(r, Kind.ARCHIVE, "z", null, null)))).isEqualTo(ExitCode.DATABASE);
        assertThat(UpdateCommand.exitCode(report(new Failed(r, Kind.LEDGER, "z", null, null)))).isEqualTo(ExitCode.DATABASE);
    }

    private static UpdateReport report(Failed... failures) {
        return new UpdateReport(List.of(failures), List.of());
    }
}
