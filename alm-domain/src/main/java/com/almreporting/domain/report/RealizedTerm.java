package com.almreporting.domain.report;

import java.math.BigDecimal;

/**
 * How one closing execution's realized figure arises: (basis price − trade price) × signed quantity × multiplier,
 * where the basis price is IBKR's cost per unit. Lets a renderer print "(628.00 - 629.45) * 100 shares". Immutable.
 */
public record RealizedTerm(BigDecimal basisPrice, BigDecimal tradePrice, BigDecimal quantity, BigDecimal multiplier,
                           BigDecimal amount) {
}
