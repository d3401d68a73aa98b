package com.almreporting.domain.model.event;

import com.almreporting.domain.model.AccountId;
import java.time.Instant;
import java.util.Objects;

/** An option (or other dated contract) that expired: the position is booked out at price 0. Immutable. */
public record Expiration(AccountId account, Instant at, BookingLeg leg, ClassificationBasis basis)
        implements AccountEvent, OptionBooking {
    public Expiration {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(leg, "leg");
        Objects.requireNonNull(basis, "basis");
    }

    @Override
    public String key() {
        return leg.id().value();
    }

    @Override
    public BookingLeg optionLeg() {
        return leg;
    }

    @Override
    public BookingLeg stockLeg() {
        return null;
    }
}
