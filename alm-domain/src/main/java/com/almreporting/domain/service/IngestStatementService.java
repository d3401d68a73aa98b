package com.almreporting.domain.service;

import com.almreporting.domain.calendar.NyseCalendar;
import com.almreporting.domain.model.AccountId;
import com.almreporting.domain.model.Statement;
import com.almreporting.domain.model.StatementFile;
import com.almreporting.domain.port.in.IngestStatement;
import com.almreporting.domain.port.out.IngestCounts;
import com.almreporting.domain.port.out.Ledger;
import com.almreporting.domain.port.out.StatementOrigin;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Stores statements in the ledger, one statement at a time (each is all or nothing), then brings the accounts'
 * checkpoints up to date so that reports start near their range. Thread-safe if the ledger is.
 */
public final class IngestStatementService implements IngestStatement {
    private final Ledger ledger;
    private final CheckpointService checkpoints;

    /** Keeps checkpoints for the NYSE calendar and the default report settings. */
    public IngestStatementService(Ledger ledger) {
        this(ledger, new CheckpointService(ledger, NyseCalendar.instance()));
    }

    /** Keeps checkpoints with {@code checkpoints}. */
    public IngestStatementService(Ledger ledger, CheckpointService checkpoints) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
    }

    @Override
    public List<IngestCounts> ingest(StatementFile file, StatementOrigin origin) {
        List<IngestCounts> counts = new ArrayList<>();
        Set<AccountId> accounts = new LinkedHashSet<>();
        for (Statement statement : file.statements()) {
            counts.add(ledger.store(statement, origin));
            accounts.add(statement.account());
        }
        for (AccountId account : accounts) {
            try {
                checkpoints.refresh(account);
            } catch (RuntimeException e) {
                // The statements are stored; only the shortcut for later reports is missing, and the next ingest retries.
                throw new IllegalStateException("the statements were stored, but updating the report checkpoints of "
                        + account.masked() + " failed (reports stay correct, only slower): " + e.getMessage(), e);
            }
        }
        return counts;
    }
}
