package com.almreporting.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.almreporting.domain.model.OtherInstrument;
import com.almreporting.domain.model.live.LiveFill;
import com.almreporting.domain.model.live.LivePosition;
import com.almreporting.domain.model.live.LiveSnapshot;
import com.almreporting.domain.port.out.LiveAccountUnavailableException;
import com.almreporting.domain.port.out.LiveAccountUnavailableException.Reason;
import com.almreporting.gateway.protocol.ContractData;
import com.almreporting.gateway.protocol.Decoder;
import com.almreporting.gateway.protocol.ExecTimes;
import com.almreporting.gateway.protocol.TwsProtocolException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The joining rules, message by message, without a socket. */
class SnapshotCollectorTest {

    private static final String ACCOUNT = "DU1";
    private final Decoder decoder = new Decoder(187);
    private SnapshotCollector c;

    @BeforeEach
    void ready() {
        c = new SnapshotCollector("127.0.0.1:4002", 17, new ExecTimes(ZoneId.of("America/New_York")));
        feed("15|1|DU1|", "9|1|1|");
        c.account(ACCOUNT);
        feed("63|1|9001|DU1|NetLiquidation|1000.00|USD|", "64|1|9001|", "54|1|DU1|", "62|1|", "55|1|9002|");
    }

    private void feed(String... pipes) {
        for (String p : pipes) {
            try {
                c.accept(decoder.decode(p.replace('|', '\0').getBytes(StandardCharsets.ISO_8859_1)));
            } catch (TwsProtocolException e) {
                throw new AssertionError(e);
            }
        }
    }

    private static String exec(int reqId, String account, String execId, String side, String price) {
        return "11|" + reqId + "|5|265598|AAPL|STK||0.0|||ISLAND|USD|AAPL|NMS|" + execId + "|20250717 10:00:00 US/Eastern|"
                + account + "|ISLAND|" + side + "|10|" + price + "|1|0|0|10|" + price + "|||||2|0|";
    }

    private LiveSnapshot build() throws LiveAccountUnavailableException {
        return c.build(Instant.parse("2025-07-17T15:00:00Z"), 187, Reason.PROTOCOL);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aCorrectionReplacesItsFillWhicheverArrivesFirst(boolean correctionFirst) throws Exception {
        String original = exec(9002, ACCOUNT, "a.b.01.01", "BOT", "1.01");
        String correction = exec(9002, ACCOUNT, "a.b.01.02", "BOT", "1.02");
        feed(correctionFirst ? correction : original, correctionFirst ? original : correction,
                "59|1|a.b.01.02|1.0|USD|1.7976931348623157E308|1.7976931348623157E308||");
        LiveSnapshot s = build();
        assertThat(s.fills()).extracting(LiveFill::execId, LiveFill::price)
                .containsExactly(tuple("a.b.01.02", new BigDecimal("1.02")));
        assertThat(s.fills().get(0).commission()).isEqualByComparingTo("1.0");
    }

    @Test
    void liveFillsAndRepeatedFillsAreJoinedByExecId() throws Exception {
        feed(exec(-1, ACCOUNT, "x.1", "SLD", "2"), exec(9002, ACCOUNT, "x.1", "SLD", "2"),
                exec(9002, "DU-OTHER", "y.1", "BOT", "2"));
        LiveSnapshot s = build();
        assertThat(s.fills()).extracting(LiveFill::execId).containsExactly("x.1");
        assertThat(s.fills().get(0).quantity()).isEqualByComparingTo("-10");
        assertThat(s.warnings()).anyMatch(w -> w.startsWith("no commission report yet for fill x.1 (AAPL SELL 10)"));
        assertThat(c.commissionsComplete()).isFalse();
    }

    @Test
    void aFillWithAnUnknownSideIsLeftOutWithAWarning() throws Exception {
        feed(exec(9002, ACCOUNT, "z.1", "SSHORT", "2"));
        assertThat(build().fills()).isEmpty();
        assertThat(build().warnings()).anyMatch(w -> w.contains("side 'SSHORT' is neither BOT nor SLD"));
    }

    @Test
    void anOptionWithoutAUsableRightIsKeptAsAnOtherInstrument() throws Exception {
        feed("7|8|1|SPY|OPT|20250717|630|?|100||USD|SPY   250717C00630000|SPY|-2|0.35|-70.0|94.35|118.7|0.0|DU1|");
        LivePosition p = build().positions().get(0);
        assertThat(p.instrument()).isEqualTo(new OtherInstrument("OPT", "SPY   250717C00630000", "SPY",
                new BigDecimal("100")));
        assertThat(build().warnings()).anyMatch(w -> w.startsWith("option conId 1 (SPY   250717C00630000) kept as"));
    }

    @Test
    void aPositionKnownOnlyFromReqPositionsHasNoMarketValue() throws Exception {
        feed("61|3|DU1|497222760|ES|FUT|20250919|0.0||50||USD|ESU5|ES|-1|302500.0|",
                "61|3|DU-OTHER|1|X|STK||0.0|||NYSE|USD|X|X|5|1|");
        LiveSnapshot s = build();
        assertThat(s.positions()).singleElement().satisfies(p -> {
            assertThat(p.instrument()).isEqualTo(new OtherInstrument("FUT", "ESU5", "ES", new BigDecimal("50")));
            assertThat(p.isValued()).isFalse();
        });
        assertThat(s.warnings()).anyMatch(w -> w.contains("ESU5 (conId 497222760) came from reqPositions only"));
    }

    @Test
    void closedPortfolioItemsAreDropped() throws Exception {
        feed("7|8|265598|AAPL|STK||0.0|||NASDAQ|USD|AAPL|NMS|0|210.5|0.0|0.0|0.0|25.0|DU1|");
        assertThat(build().positions()).isEmpty();
    }

    @Test
    void baseCurrencyFallsBackToTheExchangeRateOfOne() throws Exception {
        c = new SnapshotCollector("h:1", 17, new ExecTimes(ZoneId.of("UTC")));
        feed("15|1|DU1|", "9|1|1|");
        c.account(ACCOUNT);
        feed("6|2|ExchangeRate|1.00|BASE|DU1|", "6|2|ExchangeRate|1.00|EUR|DU1|", "6|2|ExchangeRate|0.8571|USD|DU1|",
                "6|2|NetLiquidationByCurrency|5.0|BASE|DU1|");
        assertThatThrownBy(this::build).isInstanceOf(LiveAccountUnavailableException.class)
                .hasMessageContaining("no NetLiquidation");
        feed("6|2|NetLiquidation|68000.00|EUR|DU1|");
        LiveSnapshot s = build();
        assertThat(s.baseCurrency()).isEqualTo("EUR");
        assertThat(s.exchangeRate("USD")).contains(new BigDecimal("0.8571"));
        assertThat(s.totalCash()).isNull();
        assertThat(s.warnings()).contains("no TotalCashValue in EUR from the gateway");
    }

    @Test
    void errorsEndTheirRequestOrTheSession() {
        feed("4|2|9002|321|Error validating request||");
        assertThat(c.requestsComplete()).isTrue();
        feed("4|2|-1|2104|Market data farm connection is OK:usfarm||");
        assertThat(c.fatal()).isNull();
        feed("4|2|-1|504|Not connected||");
        assertThat(c.fatal().reason()).isEqualTo(Reason.DISCONNECTED);
        feed("4|2|-1|326|Unable to connect as the client id is already in use.||");
        assertThat(c.fatal().reason()).isEqualTo(Reason.CLIENT_ID_IN_USE);
        feed("4|2|-1|502|Couldn't connect to TWS.||");
        assertThat(c.fatal().reason()).isEqualTo(Reason.REFUSED);
    }

    @Test
    void contractsMapToDomainInstruments() {
        ContractData opt = new ContractData(1, "SPY", "OPT", "20250717 16:00 US/Eastern", new BigDecimal("628"), "P", "",
                null, null, "USD", null, null);
        assertThat(Contracts.instrument(opt, new ArrayList<>()).symbol()).isEqualTo("SPY   250717P00628000");
        assertThat(Contracts.instrument(opt, new ArrayList<>()).multiplier()).isEqualByComparingTo("100");
        ContractData cash = new ContractData(2, "EUR", "CASH", null, null, null, null, "IDEALPRO", null, "USD", "EUR.USD",
                "EUR.USD");
        assertThat(Contracts.instrument(cash, new ArrayList<>()))
                .isEqualTo(new OtherInstrument("CASH", "EUR.USD", "EUR", null));
    }
}
