package com.almreporting.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.almreporting.domain.calendar.NyseCalendar;
import com.almreporting.domain.calendar.TradingDayWindow.Section;
import com.almreporting.domain.fixtures.GroundTruth;
import com.almreporting.domain.ledger.InMemoryLedger;
import com.almreporting.domain.model.event.Assignment;
import com.almreporting.domain.model.event.Expiration;
import com.almreporting.domain.port.in.ReportRequest;
import com.almreporting.domain.port.out.StatementOrigin;
import com.almreporting.domain.report.BlockKind;
import com.almreporting.domain.report.BookingItem;
import com.almreporting.domain.report.ExpiryOutcome;
import com.almreporting.domain.report.NarrativeReport;
import com.almreporting.domain.report.PremiumPolicy;
import com.almreporting.domain.report.ReportSettings;
import com.almreporting.domain.report.ResidualLabel;
import com.almreporting.domain.report.TradeBlock;
import com.almreporting.domain.report.TradingDayReport;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Every figure and clock of DESIGN §7, from the domain alone (no parser, no renderer). */
class GroundTruthReportTest {

    private static NarrativeReport report(ReportSettings settings) {
        InMemoryLedger ledger = new InMemoryLedger();
        ledger.store(GroundTruth.statement(), StatementOrigin.of("ground-truth"));
        return new NarrativeReportService(ledger, NyseCalendar.instance())
                .report(new ReportRequest(null, LocalDate.of(2025, 7, 17), LocalDate.of(2025, 7, 18), settings));
    }

    private static BigDecimal hkd(String s) {
        return new BigDecimal(s);
    }

    @Test
    void july17OpensAtTheOfficialPreviousClose() {
        TradingDayReport day = report(ReportSettings.defaults()).day(LocalDate.of(2025, 7, 17));
        assertThat(day.open().at()).isEqualTo(Instant.parse("2025-07-17T13:30:00Z")); // 21:30 HKT / 09:30 EDT
        assertThat(day.open().officialOpening()).isEqualByComparingTo("79498.68");
        assertThat(day.open().calculatedOpening()).isEqualByComparingTo("79498.68");
        assertThat(day.overnight()).isEmpty();
        assertThat(day.preMarket()).isEmpty();
    }

    @Test
    void july17DayTradeBlockRealizesMinus646AndCosts583InCommissions() {
        TradingDayReport day = report(ReportSettings.defaults()).day(LocalDate.of(2025, 7, 17));
        assertThat(day.intraday()).hasSize(1);
        TradeBlock block = (TradeBlock) day.intraday().get(0);
        assertThat(block.kind()).isEqualTo(BlockKind.DAY_TRADES);
        assertThat(block.executions()).hasSize(4);
        assertThat(block.start()).isEqualTo(Instant.parse("2025-07-17T16:46:08Z")); // 00:46 HKT July 18 / 12:46 EDT
        assertThat(block.end()).isEqualTo(Instant.parse("2025-07-17T16:50:02Z"));
        assertThat(block.pnl().realized()).isEqualByComparingTo("-6.46");
        assertThat(block.pnl().premium()).isEqualByComparingTo("0");
        assertThat(block.pnl().commissions()).isEqualByComparingTo("-5.83");
        assertThat(block.pnl().total()).isEqualByComparingTo("-12.29");
        assertThat(block.pnl().fxRate()).isEqualByComparingTo("7.8487");
        assertThat(block.nav().impact()).isEqualTo(hkd("-96.46"));
        assertThat(block.nav().after()).isEqualByComparingTo("79402.22");
    }

    @Test
    void july17ClosesWithMarkToMarketOf35259() {
        TradingDayReport day = report(ReportSettings.defaults()).day(LocalDate.of(2025, 7, 17));
        assertThat(day.close().at()).isEqualTo(Instant.parse("2025-07-17T20:00:00Z")); // 04:00 HKT July 18
        assertThat(day.close().officialClose()).isEqualByComparingTo("79754.81");
        assertThat(day.close().calculatedClose()).isEqualByComparingTo("79402.22");
        assertThat(day.close().residual()).isEqualByComparingTo("352.59");
        assertThat(day.close().label()).isEqualTo(ResidualLabel.MARK_TO_MARKET);
        assertThat(day.close().openPositions()).extracting(p -> p.instrument().symbol())
                .containsExactly("SPY   250717C00628000", "SPY   250717P00626000");
        assertThat(day.close().expiring()).extracting(ExpiryOutcome::outcome)
                .containsExactly(ExpiryOutcome.Outcome.ASSIGNED, ExpiryOutcome.Outcome.EXPIRES_WORTHLESS);
    }

    @Test
    void july18OvernightHoldsTheAssignmentAndThePutExpiryWithoutNavImpact() {
        TradingDayReport day = report(ReportSettings.defaults()).day(LocalDate.of(2025, 7, 18));
        assertThat(day.overnight()).hasSize(2);
        assertThat(day.overnight()).allSatisfy(item -> {
            assertThat(item.section()).isEqualTo(Section.OVERNIGHT);
            assertThat(item.start()).isEqualTo(Instant.parse("2025-07-17T20:20:00Z")); // 04:20 HKT / 16:20 EDT
            assertThat(item.nav().impact()).isEqualByComparingTo("0");
            assertThat(item.nav().after()).isEqualByComparingTo("79754.81");
        });
        assertThat(day.overnight()).extracting(i -> (Object) ((BookingItem) i).booking().getClass())
                .containsExactlyInAnyOrder(Assignment.class, Expiration.class);
        Assignment assignment = day.overnight().stream().map(i -> ((BookingItem) i).booking())
                .filter(Assignment.class::isInstance).map(Assignment.class::cast).findFirst().orElseThrow();
        assertThat(assignment.optionLeg().instrument().symbol()).isEqualTo("SPY   250717C00628000");
        assertThat(assignment.stockLeg().quantity()).isEqualByComparingTo("-100");
        assertThat(assignment.stockLeg().price()).isEqualByComparingTo("628.00");
    }

    @Test
    void july18PreMarketCoverRealizesMinus145() {
        TradingDayReport day = report(ReportSettings.defaults()).day(LocalDate.of(2025, 7, 18));
        assertThat(day.preMarket()).hasSize(1);
        TradeBlock cover = (TradeBlock) day.preMarket().get(0);
        assertThat(cover.kind()).isEqualTo(BlockKind.COVER);
        assertThat(cover.start()).isEqualTo(Instant.parse("2025-07-18T05:15:00Z")); // 13:15 HKT / 01:15 EDT
        assertThat(cover.pnl().realized()).isEqualByComparingTo("-145.00");
        assertThat(cover.pnl().realizedTerms()).singleElement().satisfies(t -> {
            assertThat(t.basisPrice()).isEqualByComparingTo("628.00");
            assertThat(t.tradePrice()).isEqualByComparingTo("629.45");
        });
        assertThat(cover.pnl().commissions()).isEqualByComparingTo("-1.00");
        assertThat(cover.pnl().total()).isEqualByComparingTo("-146.00");
        assertThat(cover.nav().impact()).isEqualTo(hkd("-1145.44"));
        assertThat(cover.nav().after()).isEqualByComparingTo("78609.37");
    }

    @Test
    void july18OpenStatesOfficialAndCalculatedAndWhy() {
        TradingDayReport day = report(ReportSettings.defaults()).day(LocalDate.of(2025, 7, 18));
        assertThat(day.open().officialOpening()).isEqualByComparingTo("79754.81");
        assertThat(day.open().calculatedOpening()).isEqualByComparingTo("78609.37");
        assertThat(day.open().differs()).isTrue();
        assertThat(day.open().notInOfficial()).singleElement().isSameAs(day.preMarket().get(0));
    }

    @Test
    void july18ZeroDteBlockRecognisesPremiumAtSale() {
        TradingDayReport day = report(ReportSettings.defaults()).day(LocalDate.of(2025, 7, 18));
        assertThat(day.intraday()).hasSize(1);
        TradeBlock block = (TradeBlock) day.intraday().get(0);
        assertThat(block.kind()).isEqualTo(BlockKind.ZERO_DTE);
        assertThat(block.start()).isEqualTo(Instant.parse("2025-07-18T14:32:00Z")); // 22:32 HKT / 10:32 EDT
        assertThat(block.pnl().premium()).isEqualByComparingTo("77.00");
        assertThat(block.pnl().premiumTerms()).extracting(t -> t.price().toPlainString()).containsExactly("0.37", "0.4");
        assertThat(block.pnl().commissions()).isEqualByComparingTo("-1.73");
        assertThat(block.pnl().total()).isEqualByComparingTo("75.27");
        assertThat(block.nav().impact()).isEqualTo(hkd("590.64"));
        assertThat(block.nav().after()).isEqualByComparingTo("79200.01");
    }

    @Test
    void july18ClosesWithReconciliationOf3102AndBothOptionsExpireWorthless() {
        TradingDayReport day = report(ReportSettings.defaults()).day(LocalDate.of(2025, 7, 18));
        assertThat(day.close().at()).isEqualTo(Instant.parse("2025-07-18T20:00:00Z")); // 04:00 HKT July 19
        assertThat(day.close().officialClose()).isEqualByComparingTo("79231.03");
        assertThat(day.close().residual()).isEqualByComparingTo("31.02");
        assertThat(day.close().label()).isEqualTo(ResidualLabel.RECONCILIATION);
        assertThat(day.close().expiring()).extracting(ExpiryOutcome::outcome)
                .containsOnly(ExpiryOutcome.Outcome.EXPIRES_WORTHLESS).hasSize(2);
    }

    @Test
    void realizedOnlyPolicyLeavesThePremiumToTheResidual() {
        TradingDayReport day = report(ReportSettings.defaults().withPolicy(PremiumPolicy.REALIZED_ONLY))
                .day(LocalDate.of(2025, 7, 18));
        TradeBlock block = (TradeBlock) day.intraday().get(0);
        assertThat(block.pnl().premium()).isEqualByComparingTo("0");
        assertThat(block.nav().impact()).isEqualTo(hkd("-13.58")); // -1.73 × 7.847
        assertThat(day.close().calculatedClose()).isEqualByComparingTo("78595.79");
        assertThat(day.close().residual()).isEqualByComparingTo("635.24");
        assertThat(day.close().label()).isEqualTo(ResidualLabel.MARK_TO_MARKET);
    }

    @Test
    void summaryHasARowPerDayWithCumulativeReturnOnTheBaseline() {
        NarrativeReport report = report(ReportSettings.defaults());
        assertThat(report.summary()).hasSize(2);
        assertThat(report.summary().get(1).dayPnl()).isEqualByComparingTo("-523.78");
        assertThat(report.summary().get(1).cumulativeReturn()).isEqualByComparingTo("-0.914640");
        assertThat(report.notices()).isEmpty();
    }
}
