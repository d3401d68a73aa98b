package com.almreporting.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.almreporting.domain.port.out.StatementRejectedException;
import com.almreporting.domain.report.PremiumPolicy;
import com.almreporting.domain.report.NarrativeReport;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class AlmReportingTest {

    private static final Path SAMPLES = Path.of("..", "samples");
    private static final LocalDate JULY_17 = LocalDate.of(2025, 7, 17);
    private static final LocalDate JULY_18 = LocalDate.of(2025, 7, 18);

    private static String golden(String name) throws IOException {
        return Files.readString(SAMPLES.resolve(name), StandardCharsets.UTF_8);
    }

    @Test
    void inMemoryReplayRendersTheGoldenNarrativeInEveryFormat() throws Exception {
        try (AlmReporting alm = AlmReporting.inMemory()) {
            AlmReporting.IngestResult stored = alm.ingest(SAMPLES.resolve("ground-truth-2025-07.xml"));
            assertThat(stored.source()).isEqualTo("ground-truth-2025-07.xml");
            assertThat(stored.sha256()).hasSize(64);
            assertThat(stored.accounts()).hasSize(1);
            assertThat(stored.inserted()).isPositive();

            NarrativeReport report = alm.report(JULY_17, JULY_18);
            assertThat(alm.render(report, AlmReporting.Format.MARKDOWN)).isEqualTo(golden("ground-truth-2025-07-17_18.md"));
            assertThat(alm.render(report, AlmReporting.Format.HTML)).isEqualTo(golden("ground-truth-2025-07-17_18.html"));
            assertThat(alm.render(report, AlmReporting.Format.JSON)).isEqualTo(golden("ground-truth-2025-07-17_18.json"));
        }
    }

    @Test
    void ingestingTheSameStreamAgainChangesNothingAndHasTheSameDigest() throws Exception {
        byte[] xml = Files.readAllBytes(SAMPLES.resolve("ground-truth-2025-07.xml"));
        try (AlmReporting alm = AlmReporting.inMemory()) {
            AlmReporting.IngestResult first = alm.ingest(new ByteArrayInputStream(xml), "a.xml");
            AlmReporting.IngestResult again = alm.ingest(new ByteArrayInputStream(xml), "b.xml");
            assertThat(again.sha256()).isEqualTo(first.sha256());
            assertThat(again.inserted() + again.updated()).isZero();
            assertThat(again.unchanged()).isEqualTo(first.inserted());
        }
    }

    @Test
    void aMalformedStatementIsRejectedWithItsName() {
        try (AlmReporting alm = AlmReporting.inMemory()) {
            InputStream broken = new ByteArrayInputStream("<FlexQueryResponse>".getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(() -> alm.ingest(broken, "broken.xml"))
                    .isInstanceOf(StatementRejectedException.class)
                    .hasMessageContaining("broken.xml");
        }
    }

    @Test
    void settingsFromTheBuilderReachTheReport() throws Exception {
        try (AlmReporting alm = AlmReporting.builder()
                .observerZone(ZoneId.of("Europe/Zurich"))
                .premiumPolicy(PremiumPolicy.REALIZED_ONLY)
                .blockGap(Duration.ofMinutes(1))
                .baseline(new BigDecimal("100000.00"), "HKD")
                .build()) {
            alm.ingest(SAMPLES.resolve("ground-truth-2025-07.xml"));
            NarrativeReport report = alm.report(JULY_17, JULY_18);
            assertThat(report.settings().observerZone()).hasToString("Europe/Zurich");
            assertThat(report.settings().policy()).isEqualTo(PremiumPolicy.REALIZED_ONLY);
            assertThat(report.settings().blockGap()).hasMinutes(1);
            assertThat(report.settings().baseline()).isEqualByComparingTo("100000");
        }
    }

    @Test
    void aClosedInstanceRefusesWork() {
        AlmReporting alm = AlmReporting.inMemory();
        alm.close();
        alm.close();
        assertThatThrownBy(() -> alm.report(JULY_17, JULY_18)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void updateWithoutAConfiguredQuerySaysWhatToSet() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("IBKR_FLEX_QUERY_ID") == null, "a query id is configured here");
        try (AlmReporting alm = AlmReporting.inMemory()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> alm.update(java.nio.file.Path.of("target", "archive")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("IBKR_FLEX_QUERY_ID");
        }
    }
}
