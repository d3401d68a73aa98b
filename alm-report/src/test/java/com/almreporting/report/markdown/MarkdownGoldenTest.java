package com.almreporting.report.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import com.almreporting.domain.calendar.NyseCalendar;
import com.almreporting.domain.fixtures.GroundTruth;
import com.almreporting.domain.ledger.InMemoryLedger;
import com.almreporting.domain.port.in.ReportRequest;
import com.almreporting.domain.port.out.StatementOrigin;
import com.almreporting.domain.report.NarrativeReport;
import com.almreporting.domain.report.ReportSettings;
import com.almreporting.domain.service.NarrativeReportService;
import com.almreporting.report.Scenarios;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The whole Markdown narratives of the ground-truth and winter days, compared with the checked-in golden files. */
class MarkdownGoldenTest {

    static final Path GOLDEN = Path.of("..", "samples", "ground-truth-2025-07-17_18.md");

    static String render() {
        InMemoryLedger ledger = new InMemoryLedger();
        ledger.store(GroundTruth.statement(), StatementOrigin.of("ground-truth"));
        NarrativeReport report = new NarrativeReportService(ledger, NyseCalendar.instance())
                .report(new ReportRequest(null, LocalDate.of(2025, 7, 17), LocalDate.of(2025, 7, 18), ReportSettings.defaults()));
        return new MarkdownRenderer().render(report);
    }

    @Test
    void groundTruthNarrativeMatchesTheGoldenFile() throws IOException {
        String actual = render();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "ground-truth-2025-07-17_18.actual.md"), actual, StandardCharsets.UTF_8);
        assertThat(actual).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
    }

    @Test
    void winterNarrativeMatchesTheGoldenFile() throws IOException {
        // The same narrative the CLI replays from samples/winter-2025-11.xml and -12.xml, built from rows in memory.
        String actual = new MarkdownRenderer().render(Scenarios.named("winter"));
        assertThat(actual).isEqualTo(Files.readString(Scenarios.SAMPLES.resolve("winter-2025-11-25_12-01.md"), StandardCharsets.UTF_8));
    }
}
