package com.almreporting.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.almreporting.domain.calendar.NyseCalendar;
import com.almreporting.domain.fixtures.TradeRows;
import com.almreporting.domain.ledger.InMemoryLedger;
import com.almreporting.domain.model.OfficialNav;
import com.almreporting.domain.model.OpenClose;
import com.almreporting.domain.model.Statement;
import com.almreporting.domain.model.TradeRow;
import com.almreporting.domain.port.in.ReportRequest;
import com.almreporting.domain.port.out.StatementOrigin;
import com.almreporting.domain.report.NarrativeReport;
import com.almreporting.domain.report.Notice;
import com.almreporting.domain.report.ReportSettings;
import com.almreporting.domain.report.TradeBlock;
import com.almreporting.domain.report.TradingDayReport;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rules of DESIGN §5 beyond the ground truth: grouping, buy-backs of recognised premium, C;O rows, missing data. */
class NavChainTest {

    private static final LocalDate DAY = LocalDate.of(2025, 7, 18);

    private static NarrativeReport report(List<TradeRow> trades, List<OfficialNav> navs, ReportSettings settings) {
        InMemoryLedger ledger = new InMemoryLedger();
        ledger.store(new Statement(TradeRows.ACCOUNT, "HKD", DAY, DAY, "", Instant.EPOCH, trades, List.of(), List.of(), navs,
                null, List.of(), List.of()), StatementOrigin.of("test"));
        return new NarrativeReportService(ledger, NyseCalendar.instance())
                .report(new ReportRequest(null, DAY, DAY, settings));
    }

    private static List<OfficialNav> navs(String previousClose, String close) {
        return close == null
                ? List.of(new OfficialNav(TradeRows.ACCOUNT, DAY.minusDays(1), "HKD", new BigDecimal(previousClose)))
                : List.of(new OfficialNav(TradeRows.ACCOUNT, DAY.minusDays(1), "HKD", new BigDecimal(previousClose)),
                        new OfficialNav(TradeRows.ACCOUNT, DAY, "HKD", new BigDecimal(close)));
    }

    private static TradeRow sell(String at, String price, String commission) {
        BigDecimal proceeds = new BigDecimal(price).multiply(BigDecimal.valueOf(100));
        return TradeRows.option("SPY   250718P00620000").at(at).qty("-1").price(price).proceeds(proceeds.toPlainString())
                .commission(commission).cost(proceeds.add(new BigDecimal(commission)).negate().toPlainString()).fifo("0")
                .fx("7.8").open().build();
    }

    @Test
    void executionsFiveMinutesApartShareABlockAndOneSecondMoreSplitsIt() {
        List<TradeRow> trades = List.of(sell("2025-07-18T10:00:00", "1.00", "-1"), sell("2025-07-18T10:05:00", "1.10", "-1"),
                sell("2025-07-18T10:10:01", "1.20", "-1"));
        TradingDayReport day = report(trades, navs("80000", null), ReportSettings.defaults()).day(DAY);
        assertThat(day.intraday()).hasSize(2);
        assertThat(((TradeBlock) day.intraday().get(0)).executions()).hasSize(2);
    }

    @Test
    void theBlockGapIsConfigurable() {
        List<TradeRow> trades = List.of(sell("2025-07-18T10:00:00", "1.00", "-1"), sell("2025-07-18T10:05:00", "1.10", "-1"));
        TradingDayReport day = report(trades, navs("80000", null),
                ReportSettings.defaults().withBlockGap(Duration.ofMinutes(1))).day(DAY);
        assertThat(day.intraday()).hasSize(2);
    }

    @Test
    void buyingBackARecognisedZeroDteShortRealizesOnlyTheBuyBackProceeds() {
        TradeRow sale = sell("2025-07-18T10:00:00", "1.00", "-1");
        TradeRow buyBack = TradeRows.option("SPY   250718P00620000").at("2025-07-18T14:00:00").qty("1").price("0.30")
                .proceeds("-30").commission("-1").cost("99").fifo("68").fx("7.8").close().build();
        TradingDayReport day = report(List.of(sale, buyBack), navs("80000", "80530"), ReportSettings.defaults()).day(DAY);
        TradeBlock first = (TradeBlock) day.intraday().get(0);
        TradeBlock second = (TradeBlock) day.intraday().get(1);
        assertThat(first.pnl().premium()).isEqualByComparingTo("100");
        assertThat(first.nav().impact()).isEqualByComparingTo("772.20"); // (100 - 1) * 7.8
        assertThat(second.pnl().realized()).isEqualByComparingTo("-30");
        assertThat(second.nav().impact()).isEqualByComparingTo("-241.80"); // (-30 - 1) * 7.8
        // Premium 100, commissions 2, buy-back 30: net 68 USD, exactly IBKR's fifoPnlRealized of the round trip.
        assertThat(day.close().calculatedClose()).isEqualByComparingTo("80530.40");
        assertThat(day.close().openPositions()).isEmpty();
    }

    @Test
    void aBlockThatSellsAndBuysBackTheSameZeroDteContractRecognisesNothing() {
        TradeRow sale = sell("2025-07-18T10:00:00", "1.00", "-1");
        TradeRow buyBack = TradeRows.option("SPY   250718P00620000").at("2025-07-18T10:01:00").qty("1").price("1.20")
                .proceeds("-120").commission("-1").cost("99").fifo("-22").fx("7.8").close().build();
        TradeBlock block = (TradeBlock) report(List.of(sale, buyBack), navs("80000", null), ReportSettings.defaults())
                .day(DAY).intraday().get(0);
        assertThat(block.pnl().premium()).isEqualByComparingTo("0");
        assertThat(block.pnl().realized()).isEqualByComparingTo("-21");
        assertThat(block.pnl().total()).isEqualByComparingTo("-23");
    }

    @Test
    void closeAndOpenRowRealizesOnlyItsClosingPart() {
        TradeRow buy = TradeRows.stock("SPY").at("2025-07-17T10:00:00").qty("100").price("600").proceeds("-60000")
                .commission("-1").cost("60001").fifo("0").fx("7.8").open().build();
        TradeRow flip = TradeRows.stock("SPY").at("2025-07-18T10:00:00").qty("-300").price("610").proceeds("183000")
                .commission("-3").fifo("997").fx("7.8").openClose(OpenClose.CLOSE_AND_OPEN).build();
        TradeBlock block = (TradeBlock) report(List.of(buy, flip), navs("80000", null), ReportSettings.defaults())
                .day(DAY).intraday().get(0);
        // fifoPnlRealized 997 nets the closing third of the commission: realized before commission = 997 + 1 = 998.
        assertThat(block.pnl().realized()).isEqualByComparingTo("998");
        assertThat(block.positionsAfter()).singleElement().satisfies(p -> assertThat(p.quantity()).isEqualByComparingTo("-200"));
    }

    @Test
    void missingCostUsesTheBasisOfTheLotsTheBookHoldsAndSaysSo() {
        TradeRow buy = TradeRows.stock("SPY").at("2025-07-17T10:00:00").qty("100").price("600").proceeds("-60000")
                .commission("-1").cost("60001").fifo("0").fx("7.8").open().build();
        TradeRow sell = TradeRows.stock("SPY").at("2025-07-18T10:00:00").qty("-100").price("610").proceeds("61000")
                .commission("-1").cost(null).fifo("998").fx("7.8").close().build();
        NarrativeReport report = report(List.of(buy, sell), navs("80000", null), ReportSettings.defaults());
        TradeBlock block = (TradeBlock) report.day(DAY).intraday().get(0);
        assertThat(block.pnl().realized()).isEqualByComparingTo("999"); // 61000 - 60001: proceeds + the FIFO basis
        assertThat(block.pnl().realizedFallback()).isFalse();
        assertThat(report.notices()).extracting(Notice::kind).contains(Notice.Kind.REALIZED_FROM_BOOK);
    }

    @Test
    void missingCostFallsBackToFifoLessCommissionAndSaysSo() {
        // The opening lot is not in the data (opened before the statements begin): only IBKR's figure is left.
        TradeRow sell = TradeRows.stock("SPY").at("2025-07-18T10:00:00").qty("-100").price("610").proceeds("61000")
                .commission("-1").cost(null).fifo("998").fx("7.8").close().build();
        NarrativeReport report = report(List.of(sell), navs("80000", null), ReportSettings.defaults());
        TradeBlock block = (TradeBlock) report.day(DAY).intraday().get(0);
        assertThat(block.pnl().realized()).isEqualByComparingTo("999");
        assertThat(block.pnl().realizedFallback()).isTrue();
        assertThat(report.notices()).extracting(Notice::kind).contains(Notice.Kind.REALIZED_FROM_FIFO);
    }

    @Test
    void withoutAnOfficialCloseThereIsNoResidualAndTheReportSaysSo() {
        NarrativeReport report = report(List.of(sell("2025-07-18T10:00:00", "1.00", "-1")), navs("80000", null),
                ReportSettings.defaults());
        assertThat(report.day(DAY).close().residual()).isNull();
        assertThat(report.notices()).extracting(Notice::kind).containsExactly(Notice.Kind.NO_OFFICIAL_CLOSE);
    }

    @Test
    void withoutAnyOfficialNavTheCalculatedNavIsUnknownButImpactsAreShown() {
        NarrativeReport report = report(List.of(sell("2025-07-18T10:00:00", "1.00", "-1")), List.of(), ReportSettings.defaults());
        TradeBlock block = (TradeBlock) report.day(DAY).intraday().get(0);
        assertThat(block.nav().known()).isFalse();
        assertThat(block.nav().impact()).isEqualByComparingTo("772.20");
        assertThat(report.notices()).extracting(Notice::kind).contains(Notice.Kind.NO_STARTING_NAV);
    }

    @Test
    void aMissingFxRateUsesTheConfiguredFallbackAndSaysSo() {
        TradeRow sale = TradeRows.option("SPY   250718P00620000").at("2025-07-18T10:00:00").qty("-1").price("1.00")
                .proceeds("100").commission("-1").cost("-99").fifo("0").fx("0").open().build();
        NarrativeReport report = report(List.of(sale), navs("80000", null), ReportSettings.defaults());
        assertThat(((TradeBlock) report.day(DAY).intraday().get(0)).nav().impact()).isEqualByComparingTo("772.20");
        assertThat(report.notices()).extracting(Notice::kind).contains(Notice.Kind.FALLBACK_FX_RATE);
    }
}
