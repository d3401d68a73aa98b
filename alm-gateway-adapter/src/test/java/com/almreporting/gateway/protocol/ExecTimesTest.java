package com.almreporting.gateway.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The three execution-time forms of TWS-FACTS §6 (and epoch seconds). */
class ExecTimesTest {

    private final ExecTimes times = new ExecTimes(ZoneId.of("Asia/Hong_Kong"));

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "20260413 15:27:04 US/Eastern;2026-04-13T19:27:04Z;false",
            "20260130 10:46:26 America/New_York;2026-01-30T15:46:26Z;false",
            "20250225 15:15:00 Universal;2025-02-25T15:15:00Z;false",
            "20250717 12:46:10 EDT;2025-07-17T16:46:10Z;false",
            "20250717 12:46:10 EST;2025-07-17T17:46:10Z;false",
            "20250717-14:31:00;2025-07-17T14:31:00Z;false",
            "20250717  22:31:00;2025-07-17T14:31:00Z;true",
            "20250717 22:31:00;2025-07-17T14:31:00Z;true",
            "20250717 22:31:00 Mars/Olympus_Mons;2025-07-17T14:31:00Z;true",
            "1752762660;2025-07-17T14:31:00Z;false"})
    void everyFormSeenInTheWild(String text, String instant, boolean assumed) throws TwsProtocolException {
        ExecTimes.ExecTime t = times.parse(text);
        assertThat(t.instant()).isEqualTo(Instant.parse(instant));
        assertThat(t.assumedZone()).isEqualTo(assumed);
    }

    @Test
    void nonsenseIsATypedError() {
        assertThatThrownBy(() -> times.parse("yesterday")).isInstanceOf(TwsProtocolException.class)
                .hasMessageContaining("none of the known forms");
        assertThatThrownBy(() -> times.parse("20251345 10:00:00 UTC")).isInstanceOf(TwsProtocolException.class)
                .hasMessageContaining("not a valid date");
        assertThatThrownBy(() -> times.parse("")).isInstanceOf(TwsProtocolException.class);
    }
}
