package com.almreporting.domain.report;

import com.almreporting.domain.model.OptionContract;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * What became of a contract open at the close of its expiry day, found by looking ahead at the bookings after
 * the close. {@code bookedAt} is null when nothing was booked yet. Immutable.
 */
public record ExpiryOutcome(OptionContract contract, BigDecimal quantity, Outcome outcome, Instant bookedAt) {

    /** The fates of an expiring contract. */
    public enum Outcome { EXPIRES_WORTHLESS, ASSIGNED, EXERCISED, NOT_YET_BOOKED }
}
