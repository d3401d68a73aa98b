package com.almreporting.domain.port.out;

import com.almreporting.domain.model.AccountId;

/**
 * What storing one statement changed: rows new to the ledger, rows whose content changed, rows already
 * stored as they are, and rows left alone because a newer statement had written them. Immutable.
 */
public record IngestCounts(AccountId account, int inserted, int updated, int unchanged, int keptNewer) {

    public int total() {
        return inserted + updated + unchanged + keptNewer;
    }

    public IngestCounts plus(IngestCounts other) {
        return new IngestCounts(account, inserted + other.inserted, updated + other.updated,
                unchanged + other.unchanged, keptNewer + other.keptNewer);
    }
}
