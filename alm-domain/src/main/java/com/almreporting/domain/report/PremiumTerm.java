package com.almreporting.domain.report;

import java.math.BigDecimal;

/** Premium recognised at sale for some contracts: contracts × sale price × multiplier, in the trade currency. */
public record PremiumTerm(BigDecimal contracts, BigDecimal price, BigDecimal multiplier) {
    public BigDecimal amount() {
        return contracts.multiply(price).multiply(multiplier);
    }
}
