package com.almreporting.flex.parser;

/**
 * How to read slash dates ({@code 07/08/2025}), which IBKR offers in both orders. The text alone cannot tell
 * {@code MM/dd} from {@code dd/MM}, so the order is configuration, never a guess.
 */
public enum DateOrder {
    /** {@code MM/dd/yyyy} and {@code MM/dd/yy} (IBKR's US options; the default). */
    US,
    /** {@code dd/MM/yyyy} and {@code dd/MM/yy}. */
    EUROPEAN
}
