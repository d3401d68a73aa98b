package com.almreporting.persistence;

import com.almreporting.domain.model.AccountId;
import com.almreporting.domain.port.out.IngestCounts;

/** Running counts of one store, classified as the in-memory ledger classifies them. Not thread-safe. */
final class Tally {
    int offered;
    int inserted;
    int updated;
    int unchanged;
    int keptNewer;

    IngestCounts toCounts(AccountId account) {
        return new IngestCounts(account, inserted, updated, unchanged, keptNewer);
    }
}
