package com.almreporting.gateway.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every worked example frame of TWS-FACTS §4.2, decoded field by field, and the decoder's failure modes. */
class DecoderTest {

    private final Decoder decoder = new Decoder(187);

    /** {@code a|b|c|} → {@code a\0b\0c\0}, as TWS-FACTS writes frames. */
    private Incoming decode(String pipes) throws TwsProtocolException {
        return decoder.decode(pipes.replace('|', '\0').getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void error2104() throws TwsProtocolException {
        assertThat(decode("4|2|-1|2104|Market data farm connection is OK:usfarm||"))
                .isEqualTo(new Incoming.ErrorMessage(-1, 2104, "Market data farm connection is OK:usfarm"));
    }

    @Test
    void errorTextUnescapesNonAscii() throws TwsProtocolException {
        assertThat(decode("4|2|9001|321|Fehler \\u00fcber \\uzz|").toString()).contains("Fehler über \\uzz");
    }

    @Test
    void accountSummaryAndEnd() throws TwsProtocolException {
        assertThat(decode("63|1|9001|DU1234567|NetLiquidation|100000.50|EUR|"))
                .isEqualTo(new Incoming.AccountSummary(9001, "DU1234567", "NetLiquidation", "100000.50", "EUR"));
        assertThat(decode("64|1|9001|")).isEqualTo(new Incoming.AccountSummaryEnd(9001));
    }

    @Test
    void accountValueExchangeRate() throws TwsProtocolException {
        assertThat(decode("6|2|ExchangeRate|0.8571|USD|DU1234567|"))
                .isEqualTo(new Incoming.AccountValue("ExchangeRate", "0.8571", "USD", "DU1234567"));
    }

    @Test
    void portfolioValueWithContractP() throws TwsProtocolException {
        Incoming.PortfolioValue p = (Incoming.PortfolioValue) decode(
                "7|8|265598|AAPL|STK||0.0|||NASDAQ|USD|AAPL|NMS|10|210.5|2105.0|185.25|252.5|0.0|DU1234567|");
        assertThat(p.contract()).isEqualTo(new ContractData(265598, "AAPL", "STK", null, null, null, null, null, "NASDAQ",
                "USD", "AAPL", "NMS"));
        assertThat(p.position()).isEqualByComparingTo("10");
        assertThat(p.marketPrice()).isEqualByComparingTo("210.5");
        assertThat(p.marketValue()).isEqualByComparingTo("2105.0");
        assertThat(p.averageCost()).isEqualByComparingTo("185.25");
        assertThat(p.unrealizedPnl()).isEqualByComparingTo("252.5");
        assertThat(p.realizedPnl()).isEqualByComparingTo("0");
        assertThat(p.account()).isEqualTo("DU1234567");
    }

    @Test
    void accountTimeAndDownloadEnd() throws TwsProtocolException {
        assertThat(decode("8|1|12:46|")).isEqualTo(new Incoming.AccountUpdateTime("12:46"));
        assertThat(decode("54|1|DU1234567|")).isEqualTo(new Incoming.AccountDownloadEnd("DU1234567"));
    }

    @Test
    void positionWithContractSAndEnd() throws TwsProtocolException {
        Incoming.Position p = (Incoming.Position) decode(
                "61|3|DU1234567|497222760|ES|FUT|20250919|0.0||50||USD|ESU5|ES|-1|302500.0|");
        assertThat(p.account()).isEqualTo("DU1234567");
        assertThat(p.contract()).isEqualTo(new ContractData(497222760, "ES", "FUT", "20250919", null, null, "50", null,
                null, "USD", "ESU5", "ES"));
        assertThat(p.position()).isEqualByComparingTo("-1");
        assertThat(p.averageCost()).isEqualByComparingTo("302500.0");
        assertThat(decode("62|1|")).isEqualTo(new Incoming.PositionEnd());
    }

    @Test
    void execDetailsWithContractEAndAllEighteenExecutionFields() throws TwsProtocolException {
        Incoming.ExecDetails e = (Incoming.ExecDetails) decode("11|42|12|265598|AAPL|STK||0.0|||ISLAND|USD|AAPL|NMS|"
                + "0000e0d5.6878f7a1.01.01|20250717 12:46:10 US/Eastern|DU1234567|ISLAND|BOT|10|210.25|1234567890|7|0|10|"
                + "210.25|myRef||||2|0|");
        assertThat(e.reqId()).isEqualTo(42);
        assertThat(e.orderId()).isEqualTo(12);
        assertThat(e.contract().exchange()).isEqualTo("ISLAND");
        assertThat(e.contract().primaryExchange()).isNull();
        assertThat(e.execution()).isEqualTo(new ExecutionData("0000e0d5.6878f7a1.01.01", "20250717 12:46:10 US/Eastern",
                "DU1234567", "ISLAND", "BOT", new BigDecimal("10"), new BigDecimal("210.25"), 1234567890L, 7, 0,
                new BigDecimal("10"), new BigDecimal("210.25"), "myRef", null, null, null, 2, false));
    }

    @Test
    void liveExecDetailsAtServer200HasOneMoreFieldWhichIsIgnored() throws TwsProtocolException {
        Incoming.ExecDetails e = (Incoming.ExecDetails) decode("11|-1|1|265598|AAPL|STK||0.0|||IEX|USD|AAPL|NMS|"
                + "0000e0d5.69dd7411.01.01|20260413 15:27:04 US/Eastern|DUP770846|IEX|BOT|1|257.95|389211034|94|0|1|"
                + "257.95|||||2|0||");
        assertThat(e.reqId()).isEqualTo(-1);
        assertThat(e.execution().permId()).isEqualTo(389211034L);
        assertThat(e.execution().orderRef()).isNull();
    }

    @Test
    void commissionReportWithUnsetSentinels() throws TwsProtocolException {
        assertThat(decode("59|1|0000e0d5.6878f7a1.01.01|1.0|USD|1.7976931348623157E308|1.7976931348623157E308||"))
                .isEqualTo(new Incoming.CommissionReport("0000e0d5.6878f7a1.01.01", new BigDecimal("1.0"), "USD", null,
                        null, 0));
    }

    @Test
    void bootstrapEndAndTime() throws TwsProtocolException {
        assertThat(decode("15|1|DU1234567,DU7654321,|"))
                .isEqualTo(new Incoming.ManagedAccounts(List.of("DU1234567", "DU7654321")));
        assertThat(decode("9|1|1|")).isEqualTo(new Incoming.NextValidId(1));
        assertThat(decode("55|1|42|")).isEqualTo(new Incoming.ExecDetailsEnd(42));
        assertThat(decode("49|1|1752749170|")).isEqualTo(new Incoming.CurrentTime(1752749170L));
    }

    @Test
    void unknownIdsAreSkipped() throws TwsProtocolException {
        assertThat(decode("5|whatever|an|open|order|")).isEqualTo(new Incoming.Unknown(5, 5));
        assertThat(decode("300|")).isEqualTo(new Incoming.Unknown(300, 1));
    }

    @Test
    void aPayloadWithoutItsFinalNulIsATypedError() {
        assertThatThrownBy(() -> decoder.decode("49\u00001\u00001752749170".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(TwsProtocolException.class).hasMessageContaining("does not end with NUL");
        assertThatThrownBy(() -> decoder.decode(new byte[0])).isInstanceOf(TwsProtocolException.class);
    }

    @Test
    void aShortMessageNamesTheMissingField() {
        assertThatThrownBy(() -> decode("59|1|0000e0d5.6878f7a1.01.01|1.0|USD|"))
                .isInstanceOf(TwsProtocolException.class)
                .hasMessageContaining("commissionReport (59): field 'realizedPNL' (#6) missing");
    }

    @Test
    void aFieldThatIsNotANumberNamesItself() {
        assertThatThrownBy(() -> decode("63|1|x9001|DU1|NetLiquidation|1|EUR|"))
                .isInstanceOf(TwsProtocolException.class)
                .hasMessageContaining("accountSummary (63): field 'reqId' (#3) is not an integer: 'x9001'");
        assertThatThrownBy(() -> decode("abc|"))
                .isInstanceOf(TwsProtocolException.class).hasMessageContaining("message id");
    }

    @Test
    void olderMessageLayoutsAreRefusedRatherThanMisread() {
        assertThatThrownBy(() -> decode("7|7|265598|AAPL|STK||0.0|||NASDAQ|USD|AAPL|NMS|10|210.5|2105.0|185.25|252.5|0.0|DU1|"))
                .isInstanceOf(TwsProtocolException.class).hasMessageContaining("message version 7");
    }

    @Test
    void unsetSentinelsAndEmptyNumbersReadAsNull() throws TwsProtocolException {
        Fields f = Fields.parse("|1.7976931348623157E308|-1.7976931348623157E308|2147483647|9223372036854775807|NaN|0.5|"
                .replace('|', '\0').getBytes(StandardCharsets.ISO_8859_1));
        List<BigDecimal> values = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            values.add(f.decimal("v" + i));
        }
        assertThat(values).containsExactly(null, null, null, null, null, null, new BigDecimal("0.5"));
    }

    @Test
    void randomFieldsInEveryKnownMessageGiveOnlyTypedErrors() {
        int[] ids = {4, 6, 7, 8, 9, 11, 15, 49, 54, 55, 59, 61, 62, 63, 64};
        String[] pool = {"", "0", "1", "-1", "2", "3", "8", "187", "abc", "1.7976931348623157E308", "99999999999999999999",
                "1e5000", "1E-999999999", "0.0", "C", "P", "?", "OPT", "20250717", "NaN", "-Infinity", "\u00ff\u00fe"};
        Random random = new Random(187);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder sb = new StringBuilder().append(ids[random.nextInt(ids.length)]).append('\0');
            int n = random.nextInt(32);
            for (int i = 0; i < n; i++) {
                sb.append(pool[random.nextInt(pool.length)]).append('\0');
            }
            try {
                decoder.decode(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
            } catch (TwsProtocolException expected) {
                // typed
            } catch (RuntimeException e) {
                throw new AssertionError("untyped failure for " + sb.toString().replace('\0', '|') + ": " + e, e);
            }
        }
    }
}
