package com.almreporting.domain.model;

import java.math.BigDecimal;
import java.util.Objects;

/** Any instrument the narrative does not model specially (FUT, CASH, BOND…), kept with its asset category. */
public record OtherInstrument(String assetCategory, String symbol, String underlying, BigDecimal multiplier)
        implements Instrument {
    public OtherInstrument {
        Objects.requireNonNull(assetCategory, "assetCategory");
        Objects.requireNonNull(symbol, "symbol");
        underlying = underlying == null || underlying.isBlank() ? symbol : underlying;
        multiplier = multiplier == null ? BigDecimal.ONE : multiplier;
    }
}
