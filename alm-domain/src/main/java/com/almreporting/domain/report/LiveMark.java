package com.almreporting.domain.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The live end of a trading day that has no statement yet: when the gateway snapshot was taken, the current NAV
 * (NetLiquidation in base currency), the calculated NAV at that moment, unrealized = current − calculated, the FX
 * rates the live fills were valued at and whether a configured fallback rate had to stand in, and what the gateway
 * warned about. Immutable.
 */
public record LiveMark(Instant takenAt, BigDecimal currentNav, BigDecimal calculatedNav, BigDecimal unrealized,
                       Map<String, BigDecimal> rates, boolean fallbackRateUsed, List<String> notes) {
    public LiveMark {
        Objects.requireNonNull(takenAt, "takenAt");
        Objects.requireNonNull(currentNav, "currentNav");
        rates = Map.copyOf(rates);
        notes = List.copyOf(notes);
    }
}
