package com.almreporting.domain.model;

/** Flex {@code OptionEAE@transactionType}. {@code BUY}/{@code SELL} rows are the resulting underlying legs. */
public enum OptionEaeType {
    ASSIGNMENT, EXERCISE, EXPIRATION, BUY, SELL, CASH_SETTLEMENT, OTHER;

    public static OptionEaeType fromFlex(String value) {
        if (value == null) {
            return OTHER;
        }
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "assignment" -> ASSIGNMENT;
            case "exercise" -> EXERCISE;
            case "expiration" -> EXPIRATION;
            case "buy" -> BUY;
            case "sell" -> SELL;
            case "cash settlement" -> CASH_SETTLEMENT;
            default -> OTHER;
        };
    }
}
