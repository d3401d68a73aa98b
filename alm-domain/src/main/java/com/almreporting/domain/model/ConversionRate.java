package com.almreporting.domain.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Flex {@code ConversionRates/ConversionRate}: base units per one {@code fromCurrency} on a report date.
 * IBKR's {@code rate="-1"} ("no rate") arrives as a null {@code rate}. Immutable.
 */
public record ConversionRate(LocalDate reportDate, String fromCurrency, String toCurrency, BigDecimal rate) {
    public ConversionRate {
        Objects.requireNonNull(reportDate, "reportDate");
        Objects.requireNonNull(fromCurrency, "fromCurrency");
        Objects.requireNonNull(toCurrency, "toCurrency");
    }
}
