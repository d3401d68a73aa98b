package com.almreporting.domain.model.event;

import com.almreporting.domain.model.AccountId;
import com.almreporting.domain.model.Instrument;
import com.almreporting.domain.model.OpenClose;
import com.almreporting.domain.model.TransactionId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A fill: an exchange execution (or a correction of one). {@code quantity} is signed (+ buy, − sell);
 * {@code proceeds}, {@code commission}, {@code cost} and {@code fifoPnlRealized} are IBKR's figures in the trade
 * {@code currency}; {@code cost} or {@code fifoPnlRealized} may be null when the query lacks them. Immutable.
 */
public record Execution(
        TransactionId id,
        AccountId account,
        Instant at,
        Instrument instrument,
        String currency,
        BigDecimal fxRateToBase,
        BigDecimal quantity,
        BigDecimal price,
        BigDecimal proceeds,
        BigDecimal commission,
        BigDecimal cost,
        BigDecimal fifoPnlRealized,
        OpenClose openClose,
        String tradeId) implements AccountEvent {

    public Execution {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(fxRateToBase, "fxRateToBase");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(proceeds, "proceeds");
        Objects.requireNonNull(commission, "commission");
        Objects.requireNonNull(openClose, "openClose");
    }

    @Override
    public String key() {
        return id.value();
    }

    public boolean isBuy() {
        return quantity.signum() > 0;
    }
}
