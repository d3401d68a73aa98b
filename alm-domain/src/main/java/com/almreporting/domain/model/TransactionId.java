package com.almreporting.domain.model;

import java.util.Objects;

/** IBKR's {@code transactionID}: unique per statement row and the key of every upsert. Immutable. */
public record TransactionId(String value) implements Comparable<TransactionId> {
    public TransactionId {
        Objects.requireNonNull(value, "transaction id");
        if (value.isBlank()) {
            throw new IllegalArgumentException("transaction id must not be blank");
        }
    }

    public static TransactionId of(String value) {
        return new TransactionId(value.strip());
    }

    /** Numeric ids compare numerically (IBKR assigns them increasing), others lexically. */
    @Override
    public int compareTo(TransactionId other) {
        if (value.chars().allMatch(Character::isDigit) && other.value.chars().allMatch(Character::isDigit)) {
            int byLength = Integer.compare(value.length(), other.value.length());
            return byLength != 0 ? byLength : value.compareTo(other.value);
        }
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
