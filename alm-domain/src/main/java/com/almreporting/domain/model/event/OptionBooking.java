package com.almreporting.domain.model.event;

import java.util.ArrayList;
import java.util.List;

/** What assignments, exercises and expirations share: BookTrade legs and the basis of their classification. */
public sealed interface OptionBooking permits Assignment, Exercise, Expiration {

    /** The option side, or null. */
    BookingLeg optionLeg();

    /** The stock side, or null. */
    BookingLeg stockLeg();

    ClassificationBasis basis();

    default List<BookingLeg> legs() {
        List<BookingLeg> legs = new ArrayList<>(2);
        if (optionLeg() != null) {
            legs.add(optionLeg());
        }
        if (stockLeg() != null) {
            legs.add(stockLeg());
        }
        return legs;
    }
}
