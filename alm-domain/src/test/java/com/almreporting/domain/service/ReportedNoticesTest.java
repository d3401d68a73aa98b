package com.almreporting.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.almreporting.domain.calendar.NyseCalendar;
import com.almreporting.domain.fixtures.TradeRows;
import com.almreporting.domain.ledger.InMemoryLedger;
import com.almreporting.domain.model.OfficialNav;
import com.almreporting.domain.model.Statement;
import com.almreporting.domain.port.in.ReportRequest;
import com.almreporting.domain.port.out.StatementOrigin;
import com.almreporting.domain.report.NarrativeReport;
import com.almreporting.domain.report.Notice;
import com.almreporting.domain.report.ReportSettings;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A report's notices concern the days it reports: what the walk met on the days before the range (a fallback FX
 * rate, a realized figure from fifoPnlRealized) is not repeated in a report that starts later, whether it walked
 * those days or resumed from a checkpoint after them.
 */
class ReportedNoticesTest {

    private static final LocalDate MONDAY = LocalDate.of(2025, 7, 14);
    private static final LocalDate TUESDAY = LocalDate.of(2025, 7, 15);

    private static NarrativeReport report(InMemoryLedger ledger, LocalDate from, LocalDate to) {
        return new NarrativeReportService(ledger, NyseCalendar.instance())
                .report(new ReportRequest(null, from, to, ReportSettings.defaults()));
    }

    @Test
    void noticesAboutDaysBeforeTheRangeAreLeftOut() {
        InMemoryLedger ledger = new InMemoryLedger();
        ledger.store(new Statement(TradeRows.ACCOUNT, "HKD", MONDAY, TUESDAY, "", Instant.EPOCH, List.of(
                // Monday: no FX rate, and a close without cost: both noticed on Monday.
                TradeRows.stock("QQQ").at("2025-07-14T10:00:00").qty("10").price("500").cost("5000").fx("0").open().build(),
                TradeRows.stock("QQQ").at("2025-07-14T11:00:00").qty("-20").price("501").cost(null).fifo("10").fx("7.8")
                        .close().build(),
                TradeRows.stock("QQQ").at("2025-07-15T10:00:00").qty("10").price("502").cost("-5020").fx("7.8").close().build()),
                List.of(), List.of(), List.of(
                        new OfficialNav(TradeRows.ACCOUNT, MONDAY.minusDays(3), "HKD", new BigDecimal("80000")),
                        new OfficialNav(TradeRows.ACCOUNT, MONDAY, "HKD", new BigDecimal("80100")),
                        new OfficialNav(TradeRows.ACCOUNT, TUESDAY, "HKD", new BigDecimal("80200"))),
                null, List.of(), List.of()), StatementOrigin.of("test"));

        List<Notice> both = report(ledger, MONDAY, TUESDAY).notices();
        assertThat(both).extracting(Notice::kind).contains(Notice.Kind.FALLBACK_FX_RATE, Notice.Kind.REALIZED_FROM_FIFO);

        List<Notice> tuesday = report(ledger, TUESDAY, TUESDAY).notices();
        assertThat(tuesday).allSatisfy(n -> assertThat(n.day()).isNotEqualTo(MONDAY));
        assertThat(tuesday).isEqualTo(both.stream().filter(n -> !MONDAY.equals(n.day())).toList());

        new CheckpointService(ledger, NyseCalendar.instance()).refresh(TradeRows.ACCOUNT);
        assertThat(report(ledger, TUESDAY, TUESDAY).notices()).isEqualTo(tuesday);
    }
}
