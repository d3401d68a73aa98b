package com.almreporting.domain.service;

import com.almreporting.domain.model.Statement;
import com.almreporting.domain.model.StatementFile;
import com.almreporting.domain.port.in.IngestStatement;
import com.almreporting.domain.port.out.IngestCounts;
import com.almreporting.domain.port.out.Ledger;
import com.almreporting.domain.port.out.StatementOrigin;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Stores statements in the ledger, one statement at a time (each is all or nothing). Thread-safe if the ledger is. */
public final class IngestStatementService implements IngestStatement {
    private final Ledger ledger;

    public IngestStatementService(Ledger ledger) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    @Override
    public List<IngestCounts> ingest(StatementFile file, StatementOrigin origin) {
        List<IngestCounts> counts = new ArrayList<>();
        for (Statement statement : file.statements()) {
            counts.add(ledger.store(statement, origin));
        }
        return counts;
    }
}
