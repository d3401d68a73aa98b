package com.almreporting.domain.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What a statement says of itself before its rows: the account and the period, and when the broker generated it
 * ({@code whenGenerated} orders statements so that an older one never overwrites a newer one). Any of the dates may
 * be null when the statement leaves them out. Immutable.
 */
public record StatementHeader(AccountId account, LocalDate fromDate, LocalDate toDate, String period,
                              Instant whenGenerated) {

    public StatementHeader {
        Objects.requireNonNull(account, "account");
    }
}
