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

    /** The id as logs and reports show it: account ids are personal, so only the last four characters ({@code U***4321}). */
    public String masked() {
        if (value.length() <= 4) {
            return value;
        }
        return value.charAt(0) + "*".repeat(value.length() - 5) + value.substring(value.length() - 4);
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
