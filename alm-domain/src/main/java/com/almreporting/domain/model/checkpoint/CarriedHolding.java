package com.almreporting.domain.model.checkpoint;

import com.almreporting.domain.model.Instrument;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The open lots of one instrument carried across a trading-day boundary, oldest first, with the running
 * quantity as the position book keeps it (its scale is part of what the report prints). Immutable.
 *
 * @param instrument the instrument as the row that first opened the holding named it
 * @param quantity   the signed position
 * @param lots       the open lots, oldest first
 */
public record CarriedHolding(Instrument instrument, BigDecimal quantity, List<CarriedLot> lots) {

    /** Checks the fields and copies the lots. */
    public CarriedHolding {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(quantity, "quantity");
        lots = List.copyOf(lots);
        if (lots.isEmpty()) {
            throw new IllegalArgumentException("a carried holding has at least one lot: " + instrument.symbol());
        }
    }
}
