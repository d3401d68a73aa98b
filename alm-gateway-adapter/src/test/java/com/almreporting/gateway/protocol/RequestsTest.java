package com.almreporting.gateway.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The outgoing frames equal the official client's, as captured in TWS-FACTS §12.3. */
class RequestsTest {

    private static byte[] framed(String pipes) {
        return Frames.frame(pipes.replace('|', '\0').getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void handshakeIsApiNulThenTheFramedVersionRangeWithoutNul() {
        byte[] expected = {'A', 'P', 'I', 0, 0, 0, 0, 9, 'v', '1', '0', '0', '.', '.', '1', '8', '7'};
        assertThat(Handshake.clientHello()).containsExactly(expected);
    }

    @Test
    void capturedRequests() {
        assertThat(Requests.startApi(7)).containsExactly(framed("71|2|7||"));
        assertThat(Requests.reqAccountSummary(9001, "All", "NetLiquidation,TotalCashValue,$LEDGER:ALL"))
                .containsExactly(framed("62|1|9001|All|NetLiquidation,TotalCashValue,$LEDGER:ALL|"));
        assertThat(Requests.reqAccountUpdates(true, "DU1234567")).containsExactly(framed("6|2|1|DU1234567|"));
        assertThat(Requests.reqPositions()).containsExactly(framed("61|1|"));
        assertThat(Requests.reqExecutions(42, 0, "", "20250717-00:00:00", "", "", "", ""))
                .containsExactly(framed("7|3|42|0||20250717-00:00:00|||||"));
        assertThat(Requests.reqCurrentTime()).containsExactly(framed("49|1|"));
    }

    @Test
    void cancels() {
        assertThat(Requests.cancelAccountSummary(9001)).containsExactly(framed("63|1|9001|"));
        assertThat(Requests.reqAccountUpdates(false, "DU1234567")).containsExactly(framed("6|2|0|DU1234567|"));
        assertThat(Requests.cancelPositions()).containsExactly(framed("64|1|"));
    }

    @Test
    void executionFilterTimeIsUtc() {
        assertThat(ExecTimes.filterTime(Instant.parse("2025-07-16T20:00:00Z"))).isEqualTo("20250716-20:00:00");
    }

    @Test
    void nonPrintableCharactersAreRefusedAsTheOfficialClientDoes() {
        assertThatThrownBy(() -> Frames.message(6, 2, 1, "DU1\u0000")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Frames.message(6, 2, 1, "DÜ1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void serverHelloCarriesVersionAndConnectionTime() throws TwsProtocolException {
        Handshake.ServerHello hello = Handshake.ServerHello.parse(
                "187|20250717 12:46:10 Central European Standard Time|".replace('|', '\0').getBytes(StandardCharsets.US_ASCII));
        assertThat(hello).isEqualTo(new Handshake.ServerHello(187, "20250717 12:46:10 Central European Standard Time"));
    }
}
