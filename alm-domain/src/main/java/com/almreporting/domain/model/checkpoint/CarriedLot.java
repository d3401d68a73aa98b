package com.almreporting.domain.model.checkpoint;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One open FIFO lot carried across a trading-day boundary: its signed quantity, its share of the opening cost
 * (IBKR's {@code cost} sign), the price it was opened at, the number of the block that opened it, and whether
 * its premium is already in the calculated NAV. Immutable.
 *
 * @param quantity          signed quantity still open (negative: short)
 * @param openingCost       the opening cost of that quantity
 * @param price             the trade price it was opened at, if known
 * @param block             the sequence number of the block or booking that opened it
 * @param premiumRecognised true when its premium was recognised at sale (a same-day-expiry short)
 */
public record CarriedLot(BigDecimal quantity, BigDecimal openingCost, BigDecimal price, int block,
                         boolean premiumRecognised) {

    /** Checks the required amounts. */
    public CarriedLot {
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(openingCost, "openingCost");
    }
}
