package com.almreporting.persistence;

import com.almreporting.domain.ledger.InMemoryLedger;
import com.almreporting.domain.port.out.Ledger;

/** The port contract against the domain's in-memory ledger, the reference the database ledger must match. */
class InMemoryLedgerContractTest extends LedgerContract {

    @Override
    protected Ledger emptyLedger() {
        return new InMemoryLedger();
    }
}
