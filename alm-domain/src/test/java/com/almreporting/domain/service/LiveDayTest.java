package com.almreporting.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.almreporting.domain.calendar.NyseCalendar;
import com.almreporting.domain.fixtures.GroundTruth;
import com.almreporting.domain.ledger.InMemoryLedger;
import com.almreporting.domain.model.OfficialNav;
import com.almreporting.domain.model.OptionContract;
import com.almreporting.domain.model.Statement;
import com.almreporting.domain.model.Stock;
import com.almreporting.domain.model.TradeRow;
import com.almreporting.domain.model.live.LiveFill;
import com.almreporting.domain.model.live.LiveSnapshot;
import com.almreporting.domain.port.in.ReportRequest;
import com.almreporting.domain.port.out.StatementOrigin;
import com.almreporting.domain.report.BlockKind;
import com.almreporting.domain.report.NarrativeReport;
import com.almreporting.domain.report.Notice;
import com.almreporting.domain.report.ReportSettings;
import com.almreporting.domain.report.ResidualLabel;
import com.almreporting.domain.report.TradeBlock;
import com.almreporting.domain.report.TradingDayReport;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * July 18, 2025 told live: the ledger has the statements through July 17, the gateway snapshot at 15:00 EDT has
 * the day's three fills. One gateway rate (7.8470) values every fill, so the cover differs from the statement's
 * per-row 7.8455 by 0.22 HKD.
 */
class LiveDayTest {

    private static final LocalDate JULY_17 = LocalDate.of(2025, 7, 17);
    private static final LocalDate JULY_18 = LocalDate.of(2025, 7, 18);

    private static InMemoryLedger ledgerThrough(LocalDate last) {
        List<TradeRow> trades = GroundTruth.trades().stream().filter(t -> !t.tradeDate().isAfter(last)).toList();
        List<OfficialNav> navs = GroundTruth.officialNavs().stream().filter(n -> !n.reportDate().isAfter(last)).toList();
        InMemoryLedger ledger = new InMemoryLedger();
        ledger.store(new Statement(GroundTruth.ACCOUNT, "HKD", LocalDate.of(2025, 7, 1), last, "MonthToDate",
                Instant.parse("2025-07-18T09:00:00Z"), trades, List.of(), List.of(), navs, null, List.of(), List.of()),
                StatementOrigin.of("mtd"));
        return ledger;
    }

    private static LiveFill fill(String id, String at, com.almreporting.domain.model.Instrument instrument, String qty,
                                 String price, String commission, String realized) {
        BigDecimal q = new BigDecimal(qty);
        return new LiveFill(id, GroundTruth.ACCOUNT, Instant.parse(at), instrument, "USD",
                q.signum() > 0 ? LiveFill.Side.BUY : LiveFill.Side.SELL, q, new BigDecimal(price), new BigDecimal(commission),
                "USD", realized == null ? null : new BigDecimal(realized), "", 1L, 1L, "SMART", 1L);
    }

    private static LiveSnapshot snapshot(Map<String, BigDecimal> rates) {
        List<LiveFill> fills = List.of(
                fill("0001.01", "2025-07-18T05:15:00Z", Stock.of("SPY"), "100", "629.45", "1.00", "-52.70"),
                fill("0002.01", "2025-07-18T14:32:00Z", OptionContract.parseOcc("SPY   250718C00629000"), "-1", "0.37", "0.86", null),
                fill("0003.01", "2025-07-18T14:32:00Z", OptionContract.parseOcc("SPY   250718P00626000"), "-1", "0.40", "0.87", null));
        return new LiveSnapshot(GroundTruth.ACCOUNT, List.of(GroundTruth.ACCOUNT), Instant.parse("2025-07-18T19:00:00Z"), null,
                187, "HKD", new BigDecimal("79231.03"), null, Map.of(), rates, List.of(), fills, List.of());
    }

    private static NarrativeReport report(InMemoryLedger ledger, LiveSnapshot snapshot) {
        return new NarrativeReportService(ledger, NyseCalendar.instance())
                .report(new ReportRequest(null, JULY_17, JULY_18, ReportSettings.defaults()), snapshot);
    }

    @Test
    void liveFillsAreGroupedAndValuedLikeStatementTrades() {
        NarrativeReport report = report(ledgerThrough(JULY_17), snapshot(Map.of("USD", new BigDecimal("7.8470"))));
        TradingDayReport day = report.day(JULY_18);
        assertThat(day.isLive()).isTrue();
        assertThat(day.overnight()).hasSize(2); // the statement's expiry and assignment of July 17
        TradeBlock cover = (TradeBlock) day.preMarket().get(0);
        assertThat(cover.kind()).isEqualTo(BlockKind.COVER);
        assertThat(cover.pnl().realized()).isEqualByComparingTo("-145.00"); // the FIFO basis 628.00, not realizedPNL
        assertThat(cover.nav().impact()).isEqualByComparingTo("-1145.66"); // -146.00 * 7.8470
        assertThat(cover.nav().after()).isEqualByComparingTo("78609.15");
        TradeBlock zeroDte = (TradeBlock) day.intraday().get(0);
        assertThat(zeroDte.kind()).isEqualTo(BlockKind.ZERO_DTE);
        assertThat(zeroDte.pnl().premium()).isEqualByComparingTo("77.00");
        assertThat(zeroDte.nav().after()).isEqualByComparingTo("79199.79");
        assertThat(day.live().currentNav()).isEqualByComparingTo("79231.03");
        assertThat(day.live().unrealized()).isEqualByComparingTo("31.24");
        assertThat(day.live().fallbackRateUsed()).isFalse();
        assertThat(day.close().label()).isEqualTo(ResidualLabel.UNREALIZED);
        assertThat(report.summary().get(1).live()).isTrue();
        assertThat(report.summary().get(0).live()).isFalse();
        assertThat(report.notices()).extracting(Notice::kind).doesNotContain(Notice.Kind.NO_OFFICIAL_CLOSE);
    }

    @Test
    void withoutAGatewayRateTheFallbackIsUsedAndTheReportSaysSo() {
        NarrativeReport report = report(ledgerThrough(JULY_17), snapshot(Map.of()));
        TradingDayReport day = report.day(JULY_18);
        assertThat(day.live().fallbackRateUsed()).isTrue();
        assertThat(day.live().rates()).containsEntry("USD", new BigDecimal("7.8"));
        assertThat(report.notices()).extracting(Notice::kind).contains(Notice.Kind.LIVE_FALLBACK_FX_RATE);
    }

    @Test
    void aDayThatAlreadyHasItsStatementIgnoresTheSnapshot() {
        InMemoryLedger ledger = new InMemoryLedger();
        ledger.store(GroundTruth.statement(), StatementOrigin.of("mtd"));
        NarrativeReport report = report(ledger, snapshot(Map.of("USD", new BigDecimal("7.8470"))));
        assertThat(report.day(JULY_18).isLive()).isFalse();
        assertThat(report.day(JULY_18).close().residual()).isEqualByComparingTo("31.02");
        assertThat(report.notices()).extracting(Notice::kind).containsExactly(Notice.Kind.LIVE_SNAPSHOT_IGNORED);
    }
}
