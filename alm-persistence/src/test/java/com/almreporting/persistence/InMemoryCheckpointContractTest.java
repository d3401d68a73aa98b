package com.almreporting.persistence;

import com.almreporting.domain.ledger.InMemoryLedger;
import com.almreporting.domain.port.out.Ledger;

/** The checkpoint contract against the domain's in-memory ledger. */
class InMemoryCheckpointContractTest extends CheckpointContract {

    @Override
    protected Ledger emptyLedger() {
        return new InMemoryLedger();
    }
}
