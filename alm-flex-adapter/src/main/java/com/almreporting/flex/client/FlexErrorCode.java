package com.almreporting.flex.client;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every error code the Flex Web Service documents (FLEX-FACTS §3.4; there is no 1002), and what the client does
 * with it. The retryable ones are those whose text says "Please try again shortly"; 1018 (rate limit) is retried
 * only after the configured rate-limit wait (at least 60 s by default); 1019 is the normal "still generating"
 * answer while polling; 1017 (reference code invalid) starts over with a new SendRequest; every other code stops
 * at once with a message naming the code and what the operator should do.
 */
enum FlexErrorCode {
    STATEMENT_NOT_GENERATED(1001, Handling.RETRY, "IBKR could not generate the statement now (tried again until the deadline)"),
    STATEMENT_NOT_AVAILABLE(1003, Handling.STOP, "IBKR has no statement for this request: for a month refresh the period"
            + " override may conflict with the query's own period or predate the account; otherwise check the query's"
            + " period (Month to Date) in Client Portal"),
    STATEMENT_INCOMPLETE(1004, Handling.RETRY, "the statement is incomplete at this time"),
    SETTLEMENT_NOT_READY(1005, Handling.RETRY, "settlement data is not ready at this time"),
    FIFO_NOT_READY(1006, Handling.RETRY, "FIFO P/L data is not ready at this time"),
    MTM_NOT_READY(1007, Handling.RETRY, "MTM P/L data is not ready at this time"),
    MTM_FIFO_NOT_READY(1008, Handling.RETRY, "MTM and FIFO P/L data is not ready at this time"),
    HEAVY_LOAD(1009, Handling.RETRY, "IBKR's server is under heavy load"),
    LEGACY_QUERY(1010, Handling.STOP, "the query is a legacy Flex query: create it again as an Activity Flex query in"
            + " Client Portal and set IBKR_FLEX_QUERY_ID to its id"),
    SERVICE_ACCOUNT_INACTIVE(1011, Handling.STOP, "the account's Flex Web Service is inactive: enable it in Client Portal"
            + " (Performance & Reports > Flex Queries > Flex Web Service Configuration)"),
    TOKEN_EXPIRED(1012, Handling.STOP, "token expired: create a new one in Client Portal (Performance & Reports > Flex"
            + " Queries > Flex Web Service Configuration; choose how long it stays valid, up to a year) and put it in"
            + " IBKR_FLEX_TOKEN or the file IBKR_FLEX_TOKEN_FILE names"),
    IP_RESTRICTION(1013, Handling.STOP, "the token is restricted to another IP address: run from that address, or"
            + " create a token without the restriction (or for this machine's address) in Client Portal"),
    QUERY_INVALID(1014, Handling.STOP, "the query id is not valid for this token: check IBKR_FLEX_QUERY_ID against the"
            + " query's id in Client Portal (Flex queries belong to the user who created them)"),
    TOKEN_INVALID(1015, Handling.STOP, "token invalid: check IBKR_FLEX_TOKEN / IBKR_FLEX_TOKEN_FILE; creating a new token"
            + " in Client Portal invalidates the old one"),
    ACCOUNT_INVALID(1016, Handling.STOP, "IBKR says the account is invalid: check that the query's account is open and"
            + " belongs to the token's user"),
    REFERENCE_CODE_INVALID(1017, Handling.RESTART, "the reference code is no longer valid (started over with a new"
            + " SendRequest)"),
    TOO_MANY_REQUESTS(1018, Handling.RATE_LIMITED, "too many requests from this token (IBKR allows 1 per second and 10"
            + " per minute); another program may be using the same token"),
    GENERATION_IN_PROGRESS(1019, Handling.IN_PROGRESS, "the statement is still being generated"),
    INVALID_REQUEST(1020, Handling.STOP, "IBKR could not validate the request: check the token and the query id (this"
            + " is what a token or query from another user, or a query that is not an Activity Flex query, gives)"),
    STATEMENT_NOT_RETRIEVED(1021, Handling.RETRY, "IBKR could not retrieve the statement at this time");

    enum Handling {
        /** Try again after the poll interval (with back-off) until the deadline. */
        RETRY,
        /** The normal "not yet" while polling GetStatement: poll again after the interval. */
        IN_PROGRESS,
        /** Try again only after the rate-limit wait (at least 60 s by default). */
        RATE_LIMITED,
        /** Start over with a new SendRequest (a bounded number of times). */
        RESTART,
        /** Stop at once: someone must act. */
        STOP
    }

    private final int code;
    private final Handling handling;
    private final String advice;

    FlexErrorCode(int code, Handling handling, String advice) {
        this.code = code;
        this.handling = handling;
        this.advice = advice;
    }

    static Optional<FlexErrorCode> of(int code) {
        return Arrays.stream(values()).filter(c -> c.code == code).findFirst();
    }

    int code() {
        return code;
    }

    Handling handling() {
        return handling;
    }

    /** What it means for the operator and what to do. */
    String advice() {
        return advice;
    }

    /** True when waiting and asking again may succeed without anyone acting. */
    boolean isTransient() {
        return handling != Handling.STOP;
    }
}
