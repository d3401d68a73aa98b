package com.almreporting.domain.model.event;

/** What decided a BookTrade's kind, strongest first: an OptionEAE row, an exact notes code, or the specification's heuristic. */
public enum ClassificationBasis {
    /** An OptionEAE row with the same tradeID (or contract and date) said so. */
    OPTION_EAE,
    /** The row's notes carried {@code A}, {@code Ex} or {@code Ep}. */
    NOTES,
    /** No decisive code: an option contract is an expiration, the underlying stock an assignment. */
    HEURISTIC
}
