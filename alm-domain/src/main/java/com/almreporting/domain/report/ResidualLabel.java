package com.almreporting.domain.report;

/**
 * The name of official close − calculated close: Mark-to-Market P&amp;L when positions whose value is not yet
 * recognised are open at the close, otherwise Reconciliation (fees, rounding, anything unexplained).
 */
public enum ResidualLabel {
    MARK_TO_MARKET,
    RECONCILIATION,
    /** Live: current NAV from the gateway − calculated NAV, before any statement exists. */
    UNREALIZED
}
