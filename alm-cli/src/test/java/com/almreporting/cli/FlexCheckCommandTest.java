package com.almreporting.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code alm flex check}: summaries of real and fixture files, and the parse error with exit 2. */
class FlexCheckCommandTest {

    private static final Path SAMPLES = Path.of("..", "alm-flex-adapter", "src", "test", "resources", "flex-samples");

    static Stream<Path> sampleFiles() throws IOException {
        try (Stream<Path> files = Files.list(SAMPLES)) {
            List<Path> xml = files.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
            assertThat(xml).hasSize(10);
            return xml.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("sampleFiles")
    void succeedsOnEveryPublicSample(Path sample) {
        CliRun run = CliRun.of("flex", "check", sample.toString(), "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("{\"file\":").contains("\"accountId\":");
    }

    @Test
    void groundTruthFixtureCountsAndClassifies() {
        CliRun run = CliRun.of("flex", "check", ReplayCommandTest.SAMPLES.resolve("ground-truth-2025-07.xml").toString(),
                "--format", "json");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("\"accountId\":\"U7654321\",\"baseCurrency\":\"HKD\",\"fromDate\":\"2025-07-01\","
                        + "\"toDate\":\"2025-07-18\"")
                .contains("\"trades\":14,\"cashTransactions\":0,\"navRows\":3,\"openPositions\":0,\"optionEae\":5,"
                        + "\"conversionRates\":3,\"executions\":9,\"assignments\":1,\"expirations\":3,\"exercises\":0,"
                        + "\"cancelled\":0,\"superseded\":0")
                .contains("\"missingColumnsDerived\":false");
    }

    @Test
    void eTaxSampleHasItsAssignmentAndSevenExpiries() {
        CliRun run = CliRun.of("flex", "check", SAMPLES.resolve("vroonhof__opensteuerauszug__eTax_report_anonymised_2025.xml")
                .toString(), "--format", "json");
        assertThat(run.out()).contains("\"trades\":671").contains("\"assignments\":1,\"expirations\":7,\"exercises\":0")
                .contains("\"cashTransactions\":60");
    }

    @Test
    void aTrimmedExportIsCheckedLenientlyAndSaysSo() {
        CliRun run = CliRun.of("flex", "check", SAMPLES.resolve("vroonhof__opensteuerauszug__options_future_2025.xml").toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("note: a trimmed export; ingest rejects it").contains("transactionID");
    }

    @Test
    void theStrictChoiceIsRespected() {
        CliRun run = CliRun.of("flex", "check", "--missing-columns", "REJECT",
                SAMPLES.resolve("vroonhof__opensteuerauszug__options_future_2025.xml").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.INPUT_REJECTED);
    }

    @Test
    void aParseErrorIsPrintedAsJsonWithLineAndAttribute(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.xml");
        Files.writeString(bad, "<FlexQueryResponse><FlexStatements count=\"1\">\n<FlexStatement accountId=\"U1\">\n"
                + "<Trades><Trade transactionID=\"1\" accountId=\"U1\" currency=\"USD\" quantity=\"1\" dateTime=\"2025-02-30;10:00:00\" "
                + "proceeds=\"1\" ibCommission=\"0\" /></Trades></FlexStatement></FlexStatements></FlexQueryResponse>");
        CliRun run = CliRun.of("flex", "check", bad.toString(), "--format", "json", "--missing-columns", "REJECT");
        assertThat(run.exitCode()).isEqualTo(ExitCode.INPUT_REJECTED);
        assertThat(run.out()).contains("\"line\":3").contains("\"attribute\":\"dateTime\"");
        assertThat(run.err()).contains("bad.xml:3");
    }
}
