package com.almreporting.persistence;

/**
 * Storing a statement failed and nothing of it was stored; the run is recorded as failed under
 * {@link #statementRunId()} (0 when even recording the run failed, e.g. the database is unreachable).
 */
public class LedgerStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long statementRunId;

    public LedgerStoreException(String message, long statementRunId, Throwable cause) {
        super(message, cause);
        this.statementRunId = statementRunId;
    }

    public long statementRunId() {
        return statementRunId;
    }
}
