package com.almreporting.flex.parser;

/**
 * What to do when a Trade row lacks a column the ledger depends on but which can be derived. IBKR always writes
 * {@code transactionID} and {@code proceeds} in Activity Flex ("every Trade has a transactionID attribute that
 * can't be deselected"), so their absence means a hand-trimmed export, e.g. the public
 * {@code options_future_2025.xml} sample.
 */
public enum MissingColumnPolicy {

    /** Refuse the statement, naming the row and the attribute (the default: our own exports always have them). */
    REJECT,

    /**
     * Derive them: {@code proceeds} = −{@code tradeMoney} (or −quantity × tradePrice × multiplier), and a
     * transaction id {@code "h:…"} hashed from the row's identifying fields, with {@code #2}, {@code #3}… for
     * identical rows in the same statement. Such ids are stable across overlapping exports of the same query.
     */
    DERIVE
}
