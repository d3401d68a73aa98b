package com.almreporting.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code alm replay}: the Flex fixtures in, the golden narratives out, byte for byte. */
class ReplayCommandTest {

    static final Path SAMPLES = Path.of("..", "samples");

    private static String golden(String name) throws IOException {
        return Files.readString(SAMPLES.resolve(name), StandardCharsets.UTF_8);
    }

    @Test
    void groundTruthReplayPrintsTheGoldenNarrative() throws IOException {
        CliRun run = CliRun.of("replay", "--from", "2025-07-17", "--to", "2025-07-18",
                SAMPLES.resolve("ground-truth-2025-07.xml").toString());
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(golden("ground-truth-2025-07-17_18.md"));
    }

    @Test
    void groundTruthReplayPrintsEveryFigureAndClockOfDesignSection7InOrder() {
        String out = CliRun.of("replay", "--from", "2025-07-17", "--to", "2025-07-18",
                SAMPLES.resolve("ground-truth-2025-07.xml").toString()).out();
        List<String> inOrder = List.of(
                "### **US Trading Day: Thursday, July 17, 2025**",
                "**Market Open (21:30 HKT / 09:30 EDT):**",
                "**Official Opening NAV:** 79,498.68 HKD",
                "**Day Trades (00:46 - 00:50 HKT, July 18 / 12:46 - 12:50 EDT, July 17):**",
                "Realized Loss: -6.46 USD",
                "Commissions: -5.83 USD",
                "**Total P&L Impact:** -12.29 USD * 7.8487 = **-96.46 HKD**",
                "**NAV becomes:** 79,498.68 - 96.46 = **79,402.22 HKD**",
                "**Market Close (04:00 HKT, July 18 / 16:00 EDT, July 17):**",
                "**Official Closing NAV:** **79,754.81 HKD**",
                "**Mark-to-Market P&L:** 79,754.81 - 79,402.22 = **+352.59 HKD**",
                "### **Overnight Period (July 17 Close to July 18 Open)**",
                "**Expiration (04:20 HKT, July 18 / 16:20 EDT, July 17):**",
                "Your short SPY 626 Put (Jul 17) expires worthless.",
                "**Assignment (04:20 HKT, July 18 / 16:20 EDT, July 17):**",
                "-100 share short position in SPY at a cost basis of 628.00 USD/share",
                "This asset exchange has no immediate P&L impact.",
                "**NAV remains: 79,754.81 HKD**",
                "### **US Trading Day: Friday, July 18, 2025**",
                "**Pre-Market Cover Trade (13:15 HKT / 01:15 EDT):**",
                "Realized Loss: (628.00 - 629.45) * 100 shares = -145.00 USD",
                "Commissions: -1.00 USD",
                "**Total P&L Impact:** -146.00 USD * 7.8455 = **-1,145.44 HKD**",
                "**NAV becomes:** 79,754.81 - 1,145.44 = **78,609.37 HKD**",
                "**Market Open (21:30 HKT / 09:30 EDT):**",
                "**Official Opening NAV:** 79,754.81 HKD",
                "**Calculated Opening NAV:** 78,609.37 HKD",
                "**0DTE Trades (22:32 HKT / 10:32 EDT):**",
                "Premium: (0.37 + 0.40) * 100 = 77.00 USD",
                "Commissions: -1.73 USD",
                "**Total P&L Impact:** 75.27 USD * 7.8470 = **+590.64 HKD**",
                "**NAV becomes:** 78,609.37 + 590.64 = **79,200.01 HKD**",
                "**Market Close (04:00 HKT, July 19 / 16:00 EDT, July 18):**",
                "Both options expire worthless",
                "**Official Closing NAV:** **79,231.03 HKD**",
                "**Reconciliation:** 79,231.03 - 79,200.01 = **+31.02 HKD**");
        int from = 0;
        for (String expected : inOrder) {
            int at = out.indexOf(expected, from);
            assertThat(at).as("'%s' after position %d", expected, from).isGreaterThanOrEqualTo(0);
            from = at + expected.length();
        }
    }

    @Test
    void winterReplayAcrossTwoMonthlyFilesPrintsTheGoldenNarrative() throws IOException {
        CliRun run = CliRun.of("replay", "--from", "2025-11-25", "--to", "2025-12-01",
                SAMPLES.resolve("winter-2025-12.xml").toString(), SAMPLES.resolve("winter-2025-11.xml").toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(golden("winter-2025-11-25_12-01.md"));
        assertThat(run.out())
                .contains("**Market Open (22:30 HKT / 09:30 EST):**")
                .doesNotContain("Thursday, November 27")
                .contains("### **Overnight Period (November 26 Close to November 28 Open)**")
                .contains("**Market Close (02:00 HKT, November 29 / 13:00 EST, November 28):**")
                .contains("The market closes early.")
                .contains("### **Overnight Period (November 28 Close to December 1 Open)**");
    }

    @Test
    void groundTruthReplayInJsonAndHtmlMatchesTheirGoldens() throws IOException {
        for (String format : List.of("json", "html")) {
            CliRun run = CliRun.of("replay", "--from", "2025-07-17", "--to", "2025-07-18", "--format", format,
                    SAMPLES.resolve("ground-truth-2025-07.xml").toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).as(format).isEqualTo(golden("ground-truth-2025-07-17_18." + format));
        }
        assertThat(CliRun.of("replay", "--from", "2025-07-17", "--to", "2025-07-18", "--format", "pdf",
                SAMPLES.resolve("ground-truth-2025-07.xml").toString()).exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void realizedOnlyPolicyChangesThePremiumLine() {
        CliRun run = CliRun.of("replay", "--from", "2025-07-18", "--to", "2025-07-18", "--policy", "realized-only",
                SAMPLES.resolve("ground-truth-2025-07.xml").toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).doesNotContain("Premium:").contains("Premium policy: realized-only");
    }

    @Test
    void anotherObserverZoneMovesTheFirstClock() {
        CliRun run = CliRun.of("replay", "--from", "2025-07-17", "--to", "2025-07-17", "--zone", "Europe/London",
                SAMPLES.resolve("ground-truth-2025-07.xml").toString());
        assertThat(run.out()).contains("**Market Open (14:30 BST / 09:30 EDT):**");
    }

    @Test
    void writesToAFileWithOut(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("report.md");
        CliRun run = CliRun.of("replay", "--from", "2025-07-17", "--to", "2025-07-18", "--out", out.toString(),
                SAMPLES.resolve("ground-truth-2025-07.xml").toString());
        assertThat(run.exitCode()).isZero();
        assertThat(Files.readString(out)).isEqualTo(golden("ground-truth-2025-07-17_18.md"));
    }

    @Test
    void aBrokenFileIsRejectedWithFileAndLineAndExitCode2(@TempDir Path dir) throws IOException {
        Path broken = dir.resolve("broken.xml");
        Files.writeString(broken, "<FlexQueryResponse><FlexStatements count=\"1\">\n<FlexStatement accountId=\"U1\">\n"
                + "<Trades><Trade transactionID=\"1\" accountId=\"U1\" currency=\"USD\" quantity=\"abc\" />");
        CliRun run = CliRun.of("replay", "--from", "2025-07-17", "--to", "2025-07-18", broken.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.INPUT_REJECTED);
        assertThat(run.err()).contains("broken.xml:3").contains("statement rejected");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void usageErrorsExitWith1() {
        assertThat(CliRun.of("replay", "--from", "2025-07-18").exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(CliRun.of("replay", "--from", "2025-07-18", "--to", "2025-07-17",
                SAMPLES.resolve("ground-truth-2025-07.xml").toString()).exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(CliRun.of("no-such-command").exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void helpListsTheCommands() {
        CliRun run = CliRun.of("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("demo", "replay", "flex");
    }

    @Test
    void demoPrintsTheGroundTruthFromTheBundledStatement(@org.junit.jupiter.api.io.TempDir Path dataDir) throws IOException {
        String port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = Integer.toString(s.getLocalPort());
        }
        // its own data directory and port: not the user's demo database, which another build may be using
        CliRun run = CliRun.of("demo", "--data-dir", dataDir.toString(), "--db-port", port);
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(golden("ground-truth-2025-07-17_18.md"));
    }
}
