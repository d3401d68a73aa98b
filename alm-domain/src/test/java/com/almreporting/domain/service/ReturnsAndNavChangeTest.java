package com.almreporting.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.almreporting.domain.calendar.NyseCalendar;
import com.almreporting.domain.fixtures.GroundTruth;
import com.almreporting.domain.ledger.InMemoryLedger;
import com.almreporting.domain.model.CashTransactionRow;
import com.almreporting.domain.model.ChangeInNav;
import com.almreporting.domain.model.EventTime;
import com.almreporting.domain.model.Statement;
import com.almreporting.domain.model.TransactionId;
import com.almreporting.domain.port.in.ReportRequest;
import com.almreporting.domain.port.out.StatementOrigin;
import com.almreporting.domain.report.NarrativeReport;
import com.almreporting.domain.report.NavChangeCheck;
import com.almreporting.domain.report.ReportSettings;
import com.almreporting.domain.report.SummaryRow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Time-weighted returns remove deposits; ChangeInNAV periods are checked against their parts and the official NAVs. */
class ReturnsAndNavChangeTest {

    private static NarrativeReport report(List<CashTransactionRow> cash, ChangeInNav change) {
        Statement gt = GroundTruth.statement();
        InMemoryLedger ledger = new InMemoryLedger();
        ledger.store(new Statement(gt.account(), "HKD", gt.fromDate(), gt.toDate(), gt.period(), gt.whenGenerated(),
                gt.trades(), List.of(), cash, gt.officialNavs(), change, List.of(), List.of()), StatementOrigin.of("gt"));
        return new NarrativeReportService(ledger, NyseCalendar.instance()).report(
                new ReportRequest(null, LocalDate.of(2025, 7, 17), LocalDate.of(2025, 7, 18), ReportSettings.defaults()));
    }

    @Test
    void dailyAndCumulativeTimeWeightedReturnsChainTheDays() {
        List<SummaryRow> rows = report(List.of(), null).summary();
        // 07-17: 79,754.81 / 79,498.68 - 1; 07-18: 79,231.03 / 79,754.81 - 1; chained.
        assertThat(rows.get(0).dailyTwr()).isEqualByComparingTo("0.00322181");
        assertThat(rows.get(1).dailyTwr()).isEqualByComparingTo("-0.00656738");
        assertThat(rows.get(1).cumulativeTwr()).isEqualByComparingTo("-0.00336673");
    }

    @Test
    void aDepositIsNotAReturn() {
        CashTransactionRow deposit = new CashTransactionRow(TransactionId.of("9001"), GroundTruth.ACCOUNT,
                "Deposits/Withdrawals", "HKD", BigDecimal.ONE, new BigDecimal("10000"), EventTime.on(LocalDate.of(2025, 7, 17)),
                LocalDate.of(2025, 7, 17), "Deposit", null, "DETAIL", Map.of());
        SummaryRow july17 = report(List.of(deposit), null).summary().get(0);
        assertThat(july17.flows()).isEqualByComparingTo("10000.00");
        // (79,754.81 - 79,498.68 - 10,000) / (79,498.68 + 10,000)
        assertThat(july17.dailyTwr()).isEqualByComparingTo("-0.10887166");
        assertThat(july17.dayPnl()).isEqualByComparingTo("-9743.87");
    }

    @Test
    void changeInNavIsCheckedAgainstItsComponentsAndTheOfficialNavs() {
        ChangeInNav change = new ChangeInNav(GroundTruth.ACCOUNT, LocalDate.of(2025, 7, 17), LocalDate.of(2025, 7, 18), "HKD",
                new BigDecimal("79498.68"), new BigDecimal("79231.03"), new BigDecimal("-0.336669"),
                Map.of("mtm", new BigDecimal("-214.62"), "commissions", new BigDecimal("-53.03")));
        NavChangeCheck check = report(List.of(), change).navChanges().get(0);
        assertThat(check.componentsSum()).isEqualByComparingTo("-267.65");
        assertThat(check.unexplained()).isEqualByComparingTo("0.00");
        assertThat(check.officialStart()).isEqualByComparingTo("79498.68");
        assertThat(check.officialEnd()).isEqualByComparingTo("79231.03");
        assertThat(check.officialDifference()).isEqualByComparingTo("0.00");
    }
}
