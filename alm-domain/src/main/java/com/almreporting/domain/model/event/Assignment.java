package com.almreporting.domain.model.event;

import com.almreporting.domain.model.AccountId;
import java.time.Instant;
import java.util.Objects;

/**
 * A short option assigned: the option leg closes the contract, the stock leg delivers the shares at the strike.
 * Either leg may be missing when the statement holds only one side. An asset exchange: no P&amp;L of its own. Immutable.
 */
public record Assignment(AccountId account, Instant at, BookingLeg optionLeg, BookingLeg stockLeg,
                         ClassificationBasis basis) implements AccountEvent, OptionBooking {
    public Assignment {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(basis, "basis");
        if (optionLeg == null && stockLeg == null) {
            throw new IllegalArgumentException("an assignment needs an option leg or a stock leg");
        }
    }

    @Override
    public String key() {
        return (optionLeg != null ? optionLeg : stockLeg).id().value();
    }
}
