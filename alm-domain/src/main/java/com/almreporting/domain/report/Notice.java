package com.almreporting.domain.report;

import java.time.LocalDate;

/**
 * Something the report had to assume or could not know, for the reader: which day and what it concerns
 * ({@code subject}: an instrument, a transaction id, a currency). Renderers word it. Immutable.
 */
public record Notice(Kind kind, LocalDate day, String subject) {

    /** The kinds of things a report is honest about. */
    public enum Kind {
        /** The broker has no official NAV for the day's close: no residual. */
        NO_OFFICIAL_CLOSE,
        /** No official previous close and nothing to carry: calculated NAV unknown. */
        NO_STARTING_NAV,
        /** The previous official close was missing: the day starts from the previous calculated close. */
        STARTED_FROM_CALCULATED,
        /** A realized figure came from fifoPnlRealized − commission because cost was absent and the book lacked the lots. */
        REALIZED_FROM_FIFO,
        /** A row without cost (a live fill) was valued on the FIFO basis of the lots the position book holds. */
        REALIZED_FROM_BOOK,
        /** A row had no usable FX rate: the configured fallback rate was used. */
        FALLBACK_FX_RATE,
        /** The account's base currency differs from the baseline's: no cumulative return. */
        BASELINE_CURRENCY_MISMATCH,
        /** The live snapshot was not used: its day already has a statement, or lies outside the range. */
        LIVE_SNAPSHOT_IGNORED,
        /** Live fills were valued at the configured fallback FX rate: the gateway sent no rate for the currency. */
        LIVE_FALLBACK_FX_RATE
    }
}
