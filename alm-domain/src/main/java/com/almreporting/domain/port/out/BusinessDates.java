package com.almreporting.domain.port.out;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The first and last business dates of an account's trade, OptionEAE, cash and NAV rows. Immutable.
 *
 * @param first the earliest business date
 * @param last  the latest business date
 */
public record BusinessDates(LocalDate first, LocalDate last) {

    /** Checks that {@code first} is not after {@code last}. */
    public BusinessDates {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        if (first.isAfter(last)) {
            throw new IllegalArgumentException("first " + first + " is after last " + last);
        }
    }
}
