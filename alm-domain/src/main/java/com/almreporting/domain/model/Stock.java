package com.almreporting.domain.model;

import java.math.BigDecimal;
import java.util.Objects;

/** A share (STK), e.g. {@code SPY}. Immutable. */
public record Stock(String symbol) implements Instrument {
    public Stock {
        Objects.requireNonNull(symbol, "symbol");
        if (symbol.isBlank()) {
            throw new IllegalArgumentException("stock symbol must not be blank");
        }
        symbol = symbol.strip();
    }

    public static Stock of(String symbol) {
        return new Stock(symbol);
    }

    @Override
    public BigDecimal multiplier() {
        return BigDecimal.ONE;
    }

    @Override
    public String underlying() {
        return symbol;
    }
}
