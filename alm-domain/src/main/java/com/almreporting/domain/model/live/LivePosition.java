package com.almreporting.domain.model.live;

import com.almreporting.domain.model.AccountId;
import com.almreporting.domain.model.Instrument;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One open position as the gateway values it (TWS {@code updatePortfolio}): signed quantity, IBKR's average cost
 * per unit (multiplier included for options), and the market price, market value and P&amp;L figures in the
 * position's {@code currency}. A market figure is null when the gateway did not send it (a position known only
 * from {@code reqPositions}). Immutable.
 */
public record LivePosition(
        AccountId account,
        long conId,
        Instrument instrument,
        String currency,
        BigDecimal quantity,
        BigDecimal averageCost,
        BigDecimal marketPrice,
        BigDecimal marketValue,
        BigDecimal unrealizedPnl,
        BigDecimal realizedPnl) {

    public LivePosition {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(quantity, "quantity");
    }

    /** True when the gateway sent a market value for this position. */
    public boolean isValued() {
        return marketValue != null;
    }
}
