package com.almreporting.examples.replay;

// snippet:start
import static com.almreporting.testkit.AlmAssertions.assertThat;

import com.almreporting.api.AlmReporting;
import com.almreporting.domain.port.out.StatementRejectedException;
import com.almreporting.domain.report.BlockKind;
import com.almreporting.domain.report.NarrativeReport;
import com.almreporting.domain.report.ResidualLabel;
import com.almreporting.testkit.Replay;
import com.almreporting.testkit.TradingDayAssert;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class GroundTruthReplayTest {

    /** In the application: build the facade once, ingest statements, report a date range, render it. */
    static String narrative(Path statement) throws StatementRejectedException {
        try (AlmReporting alm = AlmReporting.builder() // or .dataSource(ds), .embeddedDatabase(dir, port), .fromEnvironment()
                .observerZone(ZoneId.of("Asia/Hong_Kong"))
                .build()) {
            alm.ingest(statement);
            NarrativeReport report = alm.report(LocalDate.of(2025, 7, 17), LocalDate.of(2025, 7, 18));
            return alm.render(report, AlmReporting.Format.MARKDOWN);
        }
    }

    /** In the application's tests: the ground-truth days replayed in memory from the classpath, figures asserted. */
    @Test
    void groundTruthDaysReplayToTheirFigures() {
        NarrativeReport report = Replay.fromClasspath(Replay.GROUND_TRUTH).report("2025-07-17", "2025-07-18");
        assertThat(report).hasDays("2025-07-17", "2025-07-18").hasBaseCurrency("HKD");

        TradingDayAssert july17 = assertThat(report).day("2025-07-17");
        july17.openingNav().isEqualTo("79498.68");
        july17.block(0).hasKind(BlockKind.DAY_TRADES).totalBase().isEqualTo("-96.46");
        july17.block(0).navAfter().isEqualTo("79402.22");
        july17.closingNav().isEqualTo("79754.81");
        july17.residual().isEqualTo("+352.59");
        july17.residualLabel().isEqualTo(ResidualLabel.MARK_TO_MARKET);

        TradingDayAssert july18 = assertThat(report).day("2025-07-18");
        july18.block(0).hasKind(BlockKind.COVER).totalBase().isEqualTo("-1145.44");
        july18.calculatedOpeningNav().isEqualTo("78609.37");
        july18.block(1).hasKind(BlockKind.ZERO_DTE).totalBase().isEqualTo("+590.64");
        july18.block(1).navAfter().isEqualTo("79200.01");
        july18.closingNav().isEqualTo("79231.03");
        july18.residual().isEqualTo("+31.02");
        july18.residualLabel().isEqualTo(ResidualLabel.RECONCILIATION);
    }
}
// snippet:end
