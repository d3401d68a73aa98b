package com.almreporting.domain.port.out;

import java.util.OptionalInt;

/**
 * The broker did not deliver a statement: its service refused (with its error code, e.g. IBKR's 1012 "token has
 * expired" or 1020 "invalid request"), kept answering "not ready" until the deadline, or could not be reached.
 * The message names the code and says what the operator can do. Nothing was stored.
 */
public class BrokerUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    private final Integer errorCode;
    private final boolean transientFailure;

    /**
     * @param errorCode        the broker's error code, or null when there was none (network failure, deadline)
     * @param transientFailure true when the same request may well succeed later without anyone changing anything
     */
    public BrokerUnavailableException(String message, Integer errorCode, boolean transientFailure, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
        this.transientFailure = transientFailure;
    }

    public BrokerUnavailableException(String message, Integer errorCode, boolean transientFailure) {
        this(message, errorCode, transientFailure, null);
    }

    /** The broker's error code, when it gave one. */
    public OptionalInt errorCode() {
        return errorCode == null ? OptionalInt.empty() : OptionalInt.of(errorCode);
    }

    /** True when trying again later, unchanged, may succeed (an outage, a rate limit); false when someone must act. */
    public boolean isTransient() {
        return transientFailure;
    }
}
