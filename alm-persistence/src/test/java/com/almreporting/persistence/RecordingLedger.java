package com.almreporting.persistence;

import com.almreporting.domain.model.AccountId;
import com.almreporting.domain.model.Statement;
import com.almreporting.domain.model.checkpoint.Checkpoint;
import com.almreporting.domain.port.out.AccountHistory;
import com.almreporting.domain.port.out.BusinessDates;
import com.almreporting.domain.port.out.IngestCounts;
import com.almreporting.domain.port.out.Ledger;
import com.almreporting.domain.port.out.StatementOrigin;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A ledger that counts the whole-history reads it passes on: a report that resumed from a checkpoint makes none. */
final class RecordingLedger implements Ledger {

    private final Ledger ledger;
    int wholeHistoryReads;
    int windowReads;

    RecordingLedger(Ledger ledger) {
        this.ledger = ledger;
    }

    @Override
    public IngestCounts store(Statement statement, StatementOrigin origin) {
        return ledger.store(statement, origin);
    }

    @Override
    public List<AccountId> accounts() {
        return ledger.accounts();
    }

    @Override
    public Optional<String> baseCurrency(AccountId account) {
        return ledger.baseCurrency(account);
    }

    @Override
    public AccountHistory history(AccountId account, LocalDate through) {
        wholeHistoryReads++;
        return ledger.history(account, through);
    }

    @Override
    public AccountHistory history(AccountId account, LocalDate since, LocalDate through) {
        if (since.equals(LocalDate.MIN)) {
            wholeHistoryReads++;
        } else {
            windowReads++;
        }
        return ledger.history(account, since, through);
    }

    @Override
    public Optional<BusinessDates> businessDates(AccountId account) {
        return ledger.businessDates(account);
    }

    @Override
    public long version(AccountId account) {
        return ledger.version(account);
    }

    @Override
    public Optional<Checkpoint> latestCheckpointBefore(AccountId account, LocalDate day) {
        return ledger.latestCheckpointBefore(account, day);
    }

    @Override
    public boolean storeCheckpoints(AccountId account, long version, List<Checkpoint> checkpoints) {
        return ledger.storeCheckpoints(account, version, checkpoints);
    }

    @Override
    public boolean linkedBefore(AccountId account, LocalDate before, Set<String> transactionIds, Set<String> tradeIds) {
        return ledger.linkedBefore(account, before, transactionIds, tradeIds);
    }
}
