package com.almreporting.domain.report;

/** What a block of executions did, for its headline. */
public enum BlockKind {
    /** A contract was both bought and sold inside the block. */
    DAY_TRADES,
    /** Opening sales of contracts that expire that trading day. */
    ZERO_DTE,
    /** Purchases that close short positions. */
    COVER,
    /** Only closing executions. */
    CLOSING,
    /** Only opening executions. */
    OPENING,
    /** Anything else. */
    TRADES
}
