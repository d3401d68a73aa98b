package com.almreporting.domain.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The close of a trading day: official closing NAV (null when the broker has none yet), calculated closing NAV,
 * the residual (official − calculated) with its label, the positions open at the close, and what became of
 * contracts expiring that day. Immutable.
 */
public record MarketClose(Instant at, boolean earlyClose, BigDecimal officialClose, BigDecimal calculatedClose,
                          BigDecimal residual, ResidualLabel label, List<HeldPosition> openPositions,
                          List<ExpiryOutcome> expiring) {
    public MarketClose {
        openPositions = List.copyOf(openPositions);
        expiring = List.copyOf(expiring);
    }
}
