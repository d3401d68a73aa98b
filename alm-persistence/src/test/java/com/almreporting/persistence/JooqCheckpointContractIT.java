package com.almreporting.persistence;

import com.almreporting.domain.port.out.Ledger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The checkpoint contract against PostgreSQL: tables, the triggers that drop stale checkpoints, the version guard. */
class JooqCheckpointContractIT extends CheckpointContract {

    private static TestDatabase db;

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.create();
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @Override
    protected Ledger emptyLedger() {
        db.truncate();
        return new JooqLedger(db.dataSource());
    }
}
