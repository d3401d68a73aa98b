package com.almreporting.domain.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * Flex {@code ChangeInNAV}: starting and ending value of the period and its components (mtm, commissions,
 * depositsWithdrawals, …) by attribute name, in the base currency. {@code twr} is in percent. Immutable.
 */
public record ChangeInNav(AccountId account, LocalDate fromDate, LocalDate toDate, String currency,
                          BigDecimal startingValue, BigDecimal endingValue, BigDecimal twr,
                          Map<String, BigDecimal> components) {
    public ChangeInNav {
        Objects.requireNonNull(account, "account");
        components = components == null ? Map.of() : Map.copyOf(components);
    }
}
