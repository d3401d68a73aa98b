package com.almreporting.domain.model.event;

import com.almreporting.domain.model.AccountId;
import java.time.Instant;
import java.util.Objects;

/**
 * A long option exercised: the option leg closes the contract, the stock leg receives or delivers the shares at
 * the strike. Either leg may be missing. An asset exchange: no P&amp;L of its own. Immutable.
 */
public record Exercise(AccountId account, Instant at, BookingLeg optionLeg, BookingLeg stockLeg,
                       ClassificationBasis basis) implements AccountEvent, OptionBooking {
    public Exercise {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(basis, "basis");
        if (optionLeg == null && stockLeg == null) {
            throw new IllegalArgumentException("an exercise needs an option leg or a stock leg");
        }
    }

    @Override
    public String key() {
        return (optionLeg != null ? optionLeg : stockLeg).id().value();
    }
}
