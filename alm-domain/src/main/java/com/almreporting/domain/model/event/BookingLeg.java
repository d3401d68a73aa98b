package com.almreporting.domain.model.event;

import com.almreporting.domain.model.Instrument;
import com.almreporting.domain.model.TransactionId;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One BookTrade row taking part in an assignment, exercise or expiration: the option side (closing the
 * contract at price 0) or the stock side (delivered at the strike). Figures in the leg's {@code currency}. Immutable.
 */
public record BookingLeg(
        TransactionId id,
        Instrument instrument,
        BigDecimal quantity,
        BigDecimal price,
        BigDecimal commission,
        BigDecimal cost,
        BigDecimal fifoPnlRealized,
        String currency,
        BigDecimal fxRateToBase) {

    public BookingLeg {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(fxRateToBase, "fxRateToBase");
        price = price == null ? BigDecimal.ZERO : price;
        commission = commission == null ? BigDecimal.ZERO : commission;
    }
}
