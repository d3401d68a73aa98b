package com.almreporting.domain.model;

/** Flex {@code openCloseIndicator}: {@code O}, {@code C}, {@code C;O} (a fill that closes and then opens), or unknown. */
public enum OpenClose {
    OPEN, CLOSE, CLOSE_AND_OPEN, UNKNOWN;

    public static OpenClose fromFlex(String value) {
        if (value == null) {
            return UNKNOWN;
        }
        String v = value.strip().toUpperCase(java.util.Locale.ROOT).replace(" ", "");
        return switch (v) {
            case "O" -> OPEN;
            case "C" -> CLOSE;
            case "C;O", "O;C" -> CLOSE_AND_OPEN;
            default -> UNKNOWN;
        };
    }

    public boolean closes() {
        return this == CLOSE || this == CLOSE_AND_OPEN;
    }
}
