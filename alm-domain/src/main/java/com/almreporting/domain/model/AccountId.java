package com.almreporting.domain.model;

import java.util.Objects;

/** An IBKR account id ({@code U1234567}, paper {@code DU…}) or its alias. Immutable and thread-safe. */
public record AccountId(String value) implements Comparable<AccountId> {
    public AccountId {
        Objects.requireNonNull(value, "account id");
        if (value.isBlank()) {
            throw new IllegalArgumentException("account id must not be blank");
        }
    }

    public static AccountId of(String value) {
        return new AccountId(value.strip());
    }

    @Override
    public int compareTo(AccountId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
