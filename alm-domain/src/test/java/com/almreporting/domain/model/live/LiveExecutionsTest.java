package com.almreporting.domain.model.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.almreporting.domain.model.AccountId;
import com.almreporting.domain.model.OpenClose;
import com.almreporting.domain.model.OptionContract;
import com.almreporting.domain.model.Stock;
import com.almreporting.domain.model.TransactionId;
import com.almreporting.domain.model.event.Execution;
import com.almreporting.domain.model.live.LiveExecutions.RateSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveExecutionsTest {

    private static final AccountId ACCOUNT = AccountId.of("DU1234567");
    private static final OptionContract CALL = OptionContract.parseOcc("SPY   250717C00630000");
    private static final Instant AT = Instant.parse("2025-07-17T14:15:02Z");

    private static LiveFill fill(String execId, Object instrument, String currency, LiveFill.Side side, String qty,
                                 String price) {
        return new LiveFill(execId, ACCOUNT, AT, (com.almreporting.domain.model.Instrument) instrument, currency, side,
                new BigDecimal(qty), new BigDecimal(price), null, null, null, "ref", 1L, 2L, "CBOE", 3L);
    }

    private static LiveSnapshot snapshot(List<LiveFill> fills, Map<String, BigDecimal> rates) {
        return new LiveSnapshot(ACCOUNT, null, AT, null, 187, "HKD", new BigDecimal("1000000"), null, null, rates, null,
                fills, null);
    }

    @Test
    void aSoldOptionBecomesAnExecutionAsTheStatementBooksIt() {
        LiveFill sold = fill("a.b.01.01", CALL, "USD", LiveFill.Side.SELL, "-3", "0.95")
                .withCommissionReport(new BigDecimal("1.95"), "USD", null);
        LiveExecutions live = LiveExecutions.of(snapshot(List.of(sold), Map.of("USD", new BigDecimal("7.8493"))), Map.of());

        Execution e = live.executions().get(0);
        assertThat(e.id()).isEqualTo(TransactionId.of("a.b.01.01"));
        assertThat(e.tradeId()).isEqualTo("a.b.01");
        assertThat(e.account()).isEqualTo(ACCOUNT);
        assertThat(e.at()).isEqualTo(AT);
        assertThat(e.instrument()).isEqualTo(CALL);
        assertThat(e.quantity()).isEqualByComparingTo("-3");
        assertThat(e.price()).isEqualByComparingTo("0.95");
        assertThat(e.proceeds()).isEqualByComparingTo("285.00");
        assertThat(e.commission()).isEqualByComparingTo("-1.95");
        assertThat(e.cost()).isNull();
        assertThat(e.fifoPnlRealized()).isNull();
        assertThat(e.openClose()).isEqualTo(OpenClose.OPEN);
        assertThat(e.fxRateToBase()).isEqualByComparingTo("7.8493");
        assertThat(live.rates().get("USD").source()).isEqualTo(RateSource.GATEWAY);
        assertThat(live.usedFallbackRate()).isFalse();
        assertThat(live.notices()).isEmpty();
    }

    @Test
    void aClosingFillCarriesTheReportsRealizedPnl() {
        LiveFill bought = fill("c.01.02", CALL, "USD", LiveFill.Side.BUY, "1", "0.38")
                .withCommissionReport(new BigDecimal("0.65"), "USD", new BigDecimal("55.92"));
        Execution e = LiveExecutions.of(snapshot(List.of(bought), Map.of("USD", BigDecimal.TEN)), Map.of())
                .executions().get(0);
        assertThat(e.openClose()).isEqualTo(OpenClose.CLOSE);
        assertThat(e.fifoPnlRealized()).isEqualByComparingTo("55.92");
        assertThat(e.proceeds()).isEqualByComparingTo("-38.00");
    }

    @Test
    void withoutAGatewayRateTheFallbackIsUsedAndSaid() {
        LiveFill stock = fill("s.1", Stock.of("SPY"), "USD", LiveFill.Side.BUY, "100", "625.10")
                .withCommissionReport(BigDecimal.ONE, "USD", null);
        LiveExecutions live = LiveExecutions.of(snapshot(List.of(stock), Map.of()), Map.of("USD", new BigDecimal("7.8")));
        assertThat(live.executions().get(0).fxRateToBase()).isEqualByComparingTo("7.8");
        assertThat(live.executions().get(0).proceeds()).isEqualByComparingTo("-62510.00");
        assertThat(live.usedFallbackRate()).isTrue();
        assertThat(live.notices()).containsExactly("no ExchangeRate for USD from the gateway; used the configured "
                + "fallback USD→HKD 7.8");
    }

    @Test
    void withNoRateAtAllTheFillIsLeftOutAndSaid() {
        LiveFill eur = fill("e.1", Stock.of("SAP"), "EUR", LiveFill.Side.BUY, "1", "200");
        LiveExecutions live = LiveExecutions.of(snapshot(List.of(eur), Map.of()), Map.of("USD", new BigDecimal("7.8")));
        assertThat(live.executions()).isEmpty();
        assertThat(live.rates()).isEmpty();
        assertThat(live.notices()).singleElement().asString().contains("e.1", "left out", "EUR→HKD");
    }

    @Test
    void aMissingCommissionReportCountsZeroAndIsSaid() {
        LiveFill hkd = fill("h.1", Stock.of("700"), "HKD", LiveFill.Side.SELL, "-100", "500");
        LiveExecutions live = LiveExecutions.of(snapshot(List.of(hkd), Map.of()), Map.of());
        Execution e = live.executions().get(0);
        assertThat(e.fxRateToBase()).isEqualByComparingTo("1");
        assertThat(e.commission()).isEqualByComparingTo("0");
        assertThat(e.openClose()).isEqualTo(OpenClose.UNKNOWN);
        assertThat(live.rates().get("HKD").source()).isEqualTo(RateSource.BASE_CURRENCY);
        assertThat(live.notices()).singleElement().asString().contains("commission report not received yet");
    }

    @Test
    void aCommissionInAnotherCurrencyIsConverted() {
        LiveFill usd = fill("u.1", Stock.of("SPY"), "USD", LiveFill.Side.BUY, "1", "600")
                .withCommissionReport(new BigDecimal("7.85"), "HKD", null);
        Execution e = LiveExecutions.of(snapshot(List.of(usd), Map.of("USD", new BigDecimal("7.85"))), Map.of())
                .executions().get(0);
        assertThat(e.commission()).isEqualByComparingTo("-1");
    }

    @Test
    void fillsKnowTheirCorrections() {
        LiveFill original = fill("0000e0d5.6878f7c3.01.01", CALL, "USD", LiveFill.Side.BUY, "1", "0.40");
        LiveFill correction = fill("0000e0d5.6878f7c3.01.02", CALL, "USD", LiveFill.Side.BUY, "1", "0.38");
        assertThat(correction.supersedes(original)).isTrue();
        assertThat(original.supersedes(correction)).isFalse();
        assertThat(original.supersedes(original)).isFalse();
        assertThat(correction.execIdPrefix()).isEqualTo("0000e0d5.6878f7c3.01");
        assertThat(fill("p.01.10", CALL, "USD", LiveFill.Side.BUY, "1", "1").supersedes(
                fill("p.01.9", CALL, "USD", LiveFill.Side.BUY, "1", "1"))).isTrue();
    }

    @Test
    void aQuantityMustAgreeWithItsSide() {
        assertThatThrownBy(() -> fill("q.1", CALL, "USD", LiveFill.Side.BUY, "-1", "1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("disagrees");
    }

    @Test
    void theBaseCurrencyRateIsOne() {
        LiveSnapshot s = snapshot(List.of(), Map.of("USD", new BigDecimal("7.8493")));
        assertThat(s.exchangeRate("HKD")).contains(BigDecimal.ONE);
        assertThat(s.exchangeRate("USD")).contains(new BigDecimal("7.8493"));
        assertThat(s.exchangeRate("EUR")).isEmpty();
    }
}
